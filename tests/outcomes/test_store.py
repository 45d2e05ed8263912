"""Stored deliveries: several per session, owner-only for officers, all or nothing."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from kit.db import Delivery, DeliveryCount
from kit.store import deliveries, outcome_months
from tests.outcomes.test_figures import _store, _wipe, a_delivery

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


@settings(max_examples=300, deadline=1000, database=None)
@given(st.dates(dt.date(2025, 1, 1), dt.date(2028, 12, 31)), st.integers(0, 800), st.sampled_from([None, 7]))
def test_whole_months_and_edges_cover_the_period_exactly_once(start, length, owner):
    from kit.outcomes.raw import Filters
    from kit.store.outcome_figures import _period_split

    end = start + dt.timedelta(days=length)
    months, edges = _period_split(Filters(start, end, owner_id=owner))
    days = [e.start + dt.timedelta(days=i) for e in edges for i in range((e.end - e.start).days + 1)]
    if months:
        assert owner is None  # an officer's figures come from their own rows throughout
        first, last = (dt.date.fromisoformat(m + "-01") for m in months)
        last = (last.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        days += [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
    assert sorted(days) == [start + dt.timedelta(days=i) for i in range(length + 1)]


def test_the_monthly_sums_reconcile_with_a_recount_after_saves_and_deletions(db, library, make_user):
    officers = [make_user() for _ in range(3)]

    @settings(max_examples=50, deadline=dt.timedelta(seconds=20), database=None)
    @given(st.lists(a_delivery(), min_size=1, max_size=12), st.data())
    def check(drawn, data):
        _wipe(db)
        stored = _store(db, library, officers, drawn)
        for row in data.draw(st.lists(st.sampled_from(stored), unique_by=lambda r: r["id"])):
            deliveries.remove(db, deliveries.get(db, officers[row["officer"]], row["id"]))
        kept, counted = outcome_months.stored(db), outcome_months.recount(db)
        assert kept.keys() == counted.keys()
        for key, sums in counted.items():
            assert kept[key] == pytest.approx(sums, abs=1e-6), key

    check()


def test_a_delivery_and_its_monthly_sums_are_saved_together_or_not_at_all(db, make_user, make_session, library,
                                                                          monkeypatch):
    from kit.outcomes.delivery import Delivery as Checked
    from tests.outcomes.conftest import facts_of

    owner = make_user()
    session = make_session(owner)

    def broken(*_args):
        raise RuntimeError("connection lost")

    monkeypatch.setattr(outcome_months, "add", broken)
    with pytest.raises(RuntimeError):
        deliveries.save(db, owner, facts_of(session, library), Checked(dt.date(2027, 3, 1), 20, COUNTS, ""),
                        {"q-dont-pay": library.questions["q-dont-pay"]})
    assert db.scalar(select(func.count()).select_from(Delivery)) == 0
    assert outcome_months.stored(db) == {}
