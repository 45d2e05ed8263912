"""Move a session to another install: save it as YAML, import it there as a new session,
validated like the new-session form, ids re-mapped, nothing overwritten."""

import io

import pytest
import yaml
from sqlalchemy import func, select

from kit import create_app
from kit.db import SessionRecord
from kit.sessions import codec
from kit.sessions.transfer import export_yaml
from kit.store import sessions as store
from tests.web.conftest import PASSWORD


@pytest.fixture
def other_install(tmp_path, monkeypatch, make_user):
    """A second app on its own SQLite database (another laptop), with an officer signed in."""
    monkeypatch.setenv("KIT_INSTANCE_PATH", str(tmp_path / "laptop"))
    app = create_app({"SECRET_KEY": "o" * 40, "WTF_CSRF_ENABLED": False,
                      "DATABASE_URL": f"sqlite:///{tmp_path / 'laptop.sqlite'}"})
    from kit.accounts import users

    database = app.extensions["kit.db"]
    users.create_user(database.session, "pc.other@example.police.uk", PASSWORD)
    database.remove()
    client = app.test_client()
    assert client.post("/login", data={"email": "pc.other@example.police.uk", "password": PASSWORD}).status_code == 302
    yield app, client
    database.dispose()


def _upload(client, data: bytes, **extra):
    return client.post("/sessions/import", data={"file": (io.BytesIO(data), "s.session.yaml"), **extra},
                       content_type="multipart/form-data")


def _count(app) -> int:
    database = app.extensions["kit.db"]
    try:
        return database.session.scalar(select(func.count()).select_from(SessionRecord))
    finally:
        database.remove()


def test_a_session_moves_to_another_install_as_a_new_session(client, officer, make_session, db, other_install):
    record = make_session(officer, title="Year 8 – St Mary’s", school="St Mary's", school_notes="DSL: Mrs Jones",
                          nation="wales", lang="bilingual")
    download = client.get(f"/sessions/{record.id}/session.yaml")
    assert download.status_code == 200 and download.headers["Cache-Control"] == "no-store"
    assert "attachment" in download.headers["Content-Disposition"]
    app, laptop = other_install
    for times in (1, 2):  # importing twice makes two sessions: never overwrites
        response = _upload(laptop, download.data)
        assert response.status_code == 302
        assert _count(app) == times
    database = app.extensions["kit.db"]
    imported = database.session.scalars(select(SessionRecord)).all()
    assert {r.owner_id for r in imported} == {1}  # the importer's own id on that install
    for copy in imported:
        assert codec.to_json(store.spec_of(copy)) == codec.to_json(store.spec_of(record))
    database.remove()
    assert "Year 8 – St Mary’s" in laptop.get(response.location).get_data(as_text=True)


def _file(record, **changes) -> bytes:
    document = yaml.safe_load(export_yaml(store.spec_of(record)))
    document["session"].update(changes)
    return yaml.safe_dump(document).encode()


@pytest.mark.parametrize("changes, message", [
    ({"nation": "england", "lang": "cy"}, "Welsh and bilingual handouts are for sessions in Wales"),
    ({"modules": ["ground-rules", "no-such-module"]}, "no-such-module"),
    ({"lesson_minutes": 5000}, "lesson_minutes must be a whole number"),
])
def test_an_import_is_validated_like_the_form(client, officer, make_session, other_install, changes, message):
    record = make_session(officer)
    app, laptop = other_install
    response = _upload(laptop, _file(record, **changes))
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "There is a problem" in page and message in page
    assert _count(app) == 0


def test_an_imported_assembly_needs_the_confirmation(client, officer, make_session, other_install):
    record = make_session(officer)
    app, laptop = other_install
    data = _file(record, setting="assembly")
    refused = _upload(laptop, data)
    assert "Tick the box to confirm an assembly" in refused.get_data(as_text=True) and _count(app) == 0
    assert _upload(laptop, data, confirm_assembly="y").status_code == 302 and _count(app) == 1


@pytest.mark.parametrize("data, message", [
    (b"a: &a [x, x]\nb: *a\n", "aliases"),
    (b"format: !!python/object/apply:os.system ['true']\n", "not a session file"),
    (b"not: [closed\n", "malformed YAML"),
    (b"format: something-else\n", "not a Safer Sessions Kit session file"),
    (b"# x\n" * 20000, "at most 65,536"),
])
def test_hostile_or_foreign_files_are_refused(other_install, data, message):
    app, laptop = other_install
    response = _upload(laptop, data)
    assert response.status_code == 200 and message in response.get_data(as_text=True)
    assert _count(app) == 0


def test_another_officers_session_cannot_be_exported(client, officer, make_user, make_session):
    theirs = make_session(make_user())
    assert client.get(f"/sessions/{theirs.id}/session.yaml").status_code == 404
