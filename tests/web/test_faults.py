"""Faults: the database locked or down gives a 503 page that keeps what was typed."""

import pytest
from sqlalchemy.exc import OperationalError

from kit.store import sessions as store


def _locked(*_args, **_kwargs):
    raise OperationalError("UPDATE sessions", {}, Exception("database is locked"))


def test_a_locked_database_gives_503_and_keeps_the_form(client, officer, make_session, monkeypatch, db):
    record = make_session(officer)
    monkeypatch.setattr(store, "save", _locked)
    response = client.post(f"/sessions/{record.id}/notes",
                           data={"version": 1, "school_notes": "DSL: Mr Evans <ext 12>"})
    page = response.get_data(as_text=True)
    assert response.status_code == 503
    assert "DSL: Mr Evans &lt;ext 12&gt;" in page and "Incident number" in page
    assert "database is locked" not in page
    monkeypatch.undo()
    db.expire_all()
    assert store.spec_of(store.get(db, officer, record.id)).school_notes == ""


def test_passwords_are_never_echoed_on_the_503_page(client, make_user, monkeypatch):
    from kit.accounts import throttle

    user = make_user()
    monkeypatch.setattr(throttle, "attempt", _locked)
    response = client.post("/login", data={"email": user.email, "password": "my secret pass"})
    assert response.status_code == 503
    assert "my secret pass" not in response.get_data(as_text=True)


def test_health_check_fails_then_recovers(app, client, tmp_path):
    database = app.extensions["kit.db"]
    assert client.get("/healthz").status_code == 200
    good = database.engine
    from kit.db.engine import make_engine

    database.engine = make_engine(f"sqlite:///{tmp_path}/missing/dir/kit.sqlite")
    try:
        response = client.get("/healthz")
        assert response.status_code == 503 and response.json["status"] != "ok"
    finally:
        database.engine.dispose()
        database.engine = good
    assert client.get("/healthz").status_code == 200


def test_migrations_run_once_and_again_harmlessly(app):
    database = app.extensions["kit.db"]
    database.upgrade()
    database.upgrade()
    assert database.ping()


@pytest.mark.parametrize("kind", ["modules", "questions"])
def test_a_failed_save_leaves_the_session_as_it_was(client, officer, make_session, monkeypatch, db, kind):
    record = make_session(officer)
    before = store.get(db, officer, record.id).spec
    monkeypatch.setattr(store, "save", _locked)
    item = store.spec_of(record).modules[0] if kind == "modules" else "x"
    client.post(f"/sessions/{record.id}/modules/change", data={"version": 1, "remove": item})
    monkeypatch.undo()
    db.expire_all()
    assert store.get(db, officer, record.id).spec == before
