"""Outcome fixtures: the web fixtures (users, sessions, sign-in) plus a delivery factory."""

import datetime as dt

import pytest

from kit.outcomes.delivery import RawDelivery, check
from kit.store import deliveries
from kit.store import sessions as session_store
from tests.web import conftest as web

# The web fixtures, shared: signed-in users, stored sessions, CSRF off.
app_config, auth, db, library = web.app_config, web.auth, web.db, web.library
make_session, make_user, officer = web.make_session, web.make_user, web.officer


def facts_of(record, library) -> deliveries.SessionFacts:
    """Return what a delivery copies from the stored session RECORD."""
    spec = session_store.spec_of(record)
    return deliveries.SessionFacts(record.id, record.title, spec.audience, spec.nation, spec.school,
                                   tuple(spec.modules))


@pytest.fixture
def record_delivery(db, library):
    """Return a factory: record_delivery(owner, session, day, present, counts) -> delivery id."""

    def record(owner, session, day=dt.date(2027, 3, 1), present=20, counts=None, reflection=""):
        spec = session_store.spec_of(session)
        questions = {q: library.questions[q] for q in spec.questions if q in library.questions}
        delivery, problems = check(RawDelivery(day, present, counts or {}, reflection), questions,
                                   dt.date(2030, 1, 1))
        assert problems == []
        return deliveries.save(db, owner, facts_of(session, library), delivery, questions)

    return record
