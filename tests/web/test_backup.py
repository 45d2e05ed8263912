"""`kit backup` / `kit restore`: a round trip leaves every account, session and delivery identical."""

import datetime as dt
import stat

import pytest
from click.testing import CliRunner

from kit.backup import canonical_dump
from kit.cli import cli
from kit.db import Delivery, DeliveryCount
from kit.store import sessions as store
from tests.web.conftest import PASSWORD, AuthActions


@pytest.fixture
def kit(app, database_url, monkeypatch):
    """Run `kit ...` against the app's database."""
    monkeypatch.setenv("KIT_DATABASE_URL", database_url)

    def run(*args):
        return CliRunner().invoke(cli, list(args))

    return run


def _fill(db, make_user, make_session):
    officer, lead = make_user("officer"), make_user("lead")
    first = make_session(officer, title="Year 8 <Ysgol> \"Bryn\"", school="Ysgol Bryn", school_notes="DSL: Mr Evans")
    make_session(lead, audience="upper-primary", date=dt.date(2027, 3, 9))
    delivery = Delivery(owner_id=officer.id, session_id=first.id, session_title="Year 8",
                        delivered_on=dt.date(2027, 1, 5), month="2027-01", audience="lower-secondary",
                        nation="wales", school="Ysgol Bryn", present=27,
                        gain=12.5, reflection="went well")
    db.add(delivery)
    db.flush()
    db.add(DeliveryCount(delivery_id=delivery.id, question_id="q1", phase=0, option_key="A", count=9))
    db.commit()
    return officer, first


def test_backup_and_restore_round_trip_is_identical(app, db, kit, make_user, make_session, tmp_path):
    officer, first = _fill(db, make_user, make_session)
    database = app.extensions["kit.db"]
    before = canonical_dump(database)
    out = tmp_path / "kit-backup.bak"

    made = kit("backup", str(out))
    assert made.exit_code == 0, made.output
    assert "2 accounts, 2 sessions, 1 delivery record" in made.output
    assert stat.S_IMODE(out.stat().st_mode) == 0o600

    store.remove(db, first)  # the day goes on: a session deleted, another account added
    make_user("officer")
    assert canonical_dump(database) != before

    looked = kit("restore", str(out))
    assert looked.exit_code == 0 and "holds 2 accounts, 2 sessions" in looked.output
    assert "nothing was changed" in looked.output and canonical_dump(database) != before

    restored = kit("restore", str(out), "--replace")
    assert restored.exit_code == 0, restored.output
    assert canonical_dump(database) == before

    client = app.test_client()  # the restored account signs in, and new rows get fresh ids
    assert AuthActions(client).login(officer.email, PASSWORD).status_code == 302
    new = client.post("/sessions/new", data={"audience": "lower-secondary", "nation": "england", "lang": "en",
                                             "setting": "classroom", "lesson_minutes": "60", "use_plan": "y"})
    assert new.status_code == 302 and int(new.location.rsplit("/", 1)[1]) > first.id


def test_backup_never_overwrites_and_restore_refuses_what_is_not_a_backup(kit, tmp_path, db):
    taken = tmp_path / "taken.bak"
    taken.write_text("keep me", encoding="utf-8")
    refused = kit("backup", str(taken))
    assert refused.exit_code == 1 and "already exists" in refused.output
    assert taken.read_text(encoding="utf-8") == "keep me"
    for content, message in (("keep me", "neither a kit backup"), ('{"a": 1}', "not a Safer Sessions Kit backup")):
        taken.write_text(content, encoding="utf-8")
        result = kit("restore", str(taken), "--replace")
        assert result.exit_code == 1 and message in result.output and "Traceback" not in result.output


def test_a_backup_into_a_folder_it_cannot_write_says_so_plainly(kit, tmp_path, db, monkeypatch):
    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    folder = tmp_path / "backups"
    folder.mkdir()
    monkeypatch.setattr("kit.backup.tempfile.mkstemp", full)
    result = kit("backup", str(folder / "copy.bak"))
    assert result.exit_code == 1 and f"cannot write {folder / 'copy.bak'}: No space left on device" in result.output
    assert "OSError" not in result.output and list(folder.iterdir()) == []


def test_a_backup_with_an_unreadable_session_is_refused_whole(app, kit, db, make_user, make_session, tmp_path):
    import json

    officer = make_user()
    make_session(officer)
    out = tmp_path / "b.json"
    assert kit("backup", str(out)).exit_code == 0
    if out.read_bytes().startswith(b"SQLite"):
        import sqlite3

        conn = sqlite3.connect(out)
        conn.execute("UPDATE sessions SET spec = '{\"audience\": 5}'")
        conn.commit()
        conn.close()
    else:
        data = json.loads(out.read_text(encoding="utf-8"))
        data["tables"]["sessions"][0]["spec"] = '{"audience": 5}'
        out.write_text(json.dumps(data), encoding="utf-8")
    before = canonical_dump(app.extensions["kit.db"])
    result = kit("restore", str(out), "--replace")
    assert result.exit_code == 1 and "unreadable" in result.output
    assert canonical_dump(app.extensions["kit.db"]) == before
