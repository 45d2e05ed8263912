"""The record-delivery pages: own sessions only, typed or uploaded counts, plain messages, nothing half-saved."""

import datetime as dt
import html
import io
import json

import pytest
from sqlalchemy import func, select

from kit.db import Delivery, DeliveryCount

GOOD = {"delivered_on": "2027-03-20", "present": "20", "reflection": "Good discussion.",
        "count-baseline-q-dont-pay-A": "8", "count-baseline-q-dont-pay-B": "10", "count-baseline-q-dont-pay-C": "2",
        "count-endpoint-q-dont-pay-A": "1", "count-endpoint-q-dont-pay-B": "19", "count-endpoint-q-dont-pay-C": "0"}


@pytest.fixture(autouse=True)
def _after_the_dates(monkeypatch):
    """Deliveries in these tests are in March 2027: make today later than that."""
    import kit.web.outcomes as views

    class Later(dt.date):
        @classmethod
        def today(cls):
            return dt.date(2027, 6, 1)

    monkeypatch.setattr(views.dt, "date", Later)


def _rows(db, table=Delivery):
    return db.scalar(select(func.count()).select_from(table))


def test_an_officer_records_a_delivery_and_sees_the_gain(client, officer, make_session, db, library):
    session = make_session(officer)
    page = client.get(f"/sessions/{session.id}/deliveries/new")
    assert page.status_code == 200 and b"Never record names" in page.data
    response = client.post(f"/sessions/{session.id}/deliveries/new", data=GOOD)
    assert response.status_code == 302
    shown = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "50%" in shown and "95%" in shown and "+45 points" in shown
    # Option A ("Pay them so it stops") names a misconception in the library: the page prints its words.
    tag = library.questions["q-dont-pay"].options[0].misconception
    words = next(m.misconception.en for mod in library.modules.values() for m in mod.misconceptions if m.id == tag)
    assert html.escape(words, quote=True) in shown and "35 points" in shown
    assert _rows(db) == 1 and _rows(db, DeliveryCount) == 6


def test_bad_counts_are_refused_and_nothing_is_saved(client, officer, make_session, db):
    session = make_session(officer)
    bad = {**GOOD, "count-baseline-q-dont-pay-A": "15", "count-endpoint-q-dont-pay-B": "-1",
           "reflection": "Ask Tom, Amy and Jo"}
    response = client.post(f"/sessions/{session.id}/deliveries/new", data=bad)
    text = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "add up to 27, more than the 20 people present" in text
    assert "cannot be negative" in text and "list of names" in text and "Nothing was saved" in text
    assert _rows(db) == 0 and _rows(db, DeliveryCount) == 0


def test_officers_record_only_on_their_own_sessions(client, officer, make_user, make_session, record_delivery, db):
    other = make_user()
    theirs = make_session(other)
    delivery = record_delivery(other, theirs)
    assert client.get(f"/sessions/{theirs.id}/deliveries/new").status_code == 404
    assert client.post(f"/sessions/{theirs.id}/deliveries/new", data=GOOD).status_code == 404
    assert client.get(f"/deliveries/{delivery}").status_code == 404
    assert _rows(db) == 1


def _upload(client, session, data: bytes):
    return client.post(f"/sessions/{session.id}/deliveries/upload",
                       data={"counts_file": (io.BytesIO(data), "counts.json"), "delivered_on": "2027-03-20"},
                       content_type="multipart/form-data")


def test_a_counts_file_fills_in_the_form_without_saving(client, officer, make_session, db):
    session = make_session(officer)
    document = {"format": "safer-sessions-kit/counts", "version": 1, "session_title": "x", "plan": None,
                "audience": "lower-secondary", "present": 23,
                "baseline": {"q-fault": {"true": 10, "false": 13}}, "endpoint": {"q-fault": {"true": 2, "false": 21}}}
    response = _upload(client, session, json.dumps(document).encode())
    text = response.get_data(as_text=True)
    assert response.status_code == 200 and "read from the file" in text
    assert 'name="count-endpoint-q-fault-false" value="21"' in text and 'name="present" value="23"' in text
    assert _rows(db) == 0


@pytest.mark.parametrize(("data", "words"), [
    (b"not json at all", "not valid JSON"),
    (json.dumps({"format": "safer-sessions-kit/counts", "version": 1, "audience": "adults",
                 "baseline": {}, "endpoint": {}}).encode(), "for the adults audience"),
])
def test_a_file_that_is_not_this_sessions_counts_file_is_refused(client, officer, make_session, db, data, words):
    response = _upload(client, make_session(officer), data)
    assert response.status_code == 422 and words in response.get_data(as_text=True)
    assert _rows(db) == 0
