"""The database goes down under a signed-in officer: a 503 page, with what they typed, drawn
without the database (the layout must not ask it who is signed in)."""

import pytest

from kit import create_app
from kit.accounts import users
from kit.sessions import builder
from kit.store import sessions as store
from kit.web.security import HEADERS
from tests.pgcluster import Cluster
from tests.web.conftest import PASSWORD

NOTES = "DSL: Mrs Jones <ext 214>, room 4"


def _officer_with_a_session(app):
    database = app.extensions["kit.db"]
    user = users.create_user(database.session, "pc.jones@example.police.uk", PASSWORD)
    spec = builder.start(app.extensions["kit.library"], "lower-secondary", True)
    record = store.create(database.session, user, spec)
    database.remove()
    client = app.test_client()
    assert client.post("/login", data={"email": user.email, "password": PASSWORD}).status_code == 302
    assert client.get(f"/sessions/{record.id}").status_code == 200
    return client, record


def _assert_the_503_page(response):
    page = response.get_data(as_text=True)
    assert response.status_code == 503
    assert "The database is unavailable" in page and "Incident number" in page
    assert "DSL: Mrs Jones &lt;ext 214&gt;, room 4" in page
    for name in HEADERS:
        assert name in response.headers


@pytest.fixture
def cluster():
    server = Cluster()
    yield server
    server.remove()


@pytest.mark.postgres
def test_postgresql_stopped_gives_a_503_that_keeps_the_notes_then_recovers(cluster, tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_INSTANCE_PATH", str(tmp_path / "instance"))
    app = create_app({"SECRET_KEY": "k" * 40, "DATABASE_URL": cluster.url, "WTF_CSRF_ENABLED": False})
    try:
        client, record = _officer_with_a_session(app)
        cluster.stop()
        response = client.post(f"/sessions/{record.id}/notes", data={"version": 1, "school_notes": NOTES})
        _assert_the_503_page(response)
        assert client.get("/healthz").status_code == 503
        cluster.start()
        saved = client.post(f"/sessions/{record.id}/notes", data={"version": 1, "school_notes": NOTES})
        assert saved.status_code == 302
    finally:
        app.extensions["kit.db"].dispose()


def test_an_unreachable_database_file_gives_the_same_503(app, tmp_path):
    client, record = _officer_with_a_session(app)
    database = app.extensions["kit.db"]
    good = database.engine
    from kit.db.engine import make_engine

    database.engine = make_engine(f"sqlite:///{tmp_path}/gone/kit.sqlite")
    database.session.configure(bind=database.engine)
    try:
        response = client.post(f"/sessions/{record.id}/notes", data={"version": 1, "school_notes": NOTES})
        _assert_the_503_page(response)
    finally:
        database.engine.dispose()
        database.engine = good
        database.session.configure(bind=good)
