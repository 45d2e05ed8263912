"""Stored deliveries: several per session, owner-only for officers, all or nothing."""

import datetime as dt

import pytest
from sqlalchemy import func, select

from kit.db import Delivery, DeliveryCount
from kit.store import deliveries

COUNTS = {"baseline": {"q-dont-pay": {"A": 8, "B": 10, "C": 2}},
          "endpoint": {"q-dont-pay": {"A": 1, "B": 19, "C": 0}}}


def test_a_session_can_be_delivered_more_than_once(db, make_user, make_session, record_delivery):
    owner = make_user()
    session = make_session(owner)
    first = record_delivery(owner, session, dt.date(2027, 3, 1), counts=COUNTS)
    second = record_delivery(owner, session, dt.date(2027, 3, 8), present=25)
    listed = deliveries.for_session(db, owner, session.id)
    assert [d.id for d in listed] == [second, first]
    assert listed[1].gain == pytest.approx(45.0)
    assert listed[0].gain is None
    assert deliveries.counts(db, first)["endpoint"]["q-dont-pay"] == {"A": 1, "B": 19, "C": 0}


def test_an_officer_never_reads_another_officers_delivery(db, make_user, make_session, record_delivery):
    mine, theirs, lead = make_user(), make_user(), make_user("lead")
    delivery = record_delivery(theirs, make_session(theirs))
    assert deliveries.get(db, mine, delivery) is None
    assert deliveries.get(db, theirs, delivery).id == delivery
    assert deliveries.get(db, lead, delivery).id == delivery


def test_a_failed_save_leaves_nothing_half_written(db, make_user, make_session, library, monkeypatch):
    from kit.outcomes.delivery import Delivery as Checked
    from tests.outcomes.conftest import facts_of

    owner = make_user()
    session = make_session(owner)
    checked = Checked(dt.date(2027, 3, 1), 20, COUNTS, "")
    questions = {"q-dont-pay": library.questions["q-dont-pay"]}

    def broken(*_args):
        raise RuntimeError("disk full")

    monkeypatch.setattr(deliveries, "_children", broken)
    with pytest.raises(RuntimeError):
        deliveries.save(db, owner, facts_of(session, library), checked, questions)
    assert db.scalar(select(func.count()).select_from(Delivery)) == 0
    assert db.scalar(select(func.count()).select_from(DeliveryCount)) == 0
