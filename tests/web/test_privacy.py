"""What could identify a school stays private: PDFs are never cached; the instance folder and the
SQLite database are readable by their owner only."""

import os
import stat

from kit import create_app


def test_pdfs_are_served_no_store(client, officer, make_session):
    record = make_session(officer, school="St Mary's", school_notes="DSL: Mrs Jones, ext 214")
    response = client.get(f"/sessions/{record.id}/download/lesson-plan.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.headers["Cache-Control"] == "no-store"


def test_the_instance_folder_and_database_are_owner_only(tmp_path, monkeypatch):
    old = os.umask(0o022)  # a usual umask: without care, files come out world-readable
    try:
        instance = tmp_path / "instance"
        monkeypatch.setenv("KIT_INSTANCE_PATH", str(instance))
        app = create_app({"SECRET_KEY": "s" * 40})
        database = app.extensions["kit.db"]
        from kit.accounts import users

        users.create_user(database.session, "pc@example.police.uk", "violet kettle marathon")
        database.dispose()
    finally:
        os.umask(old)
    assert stat.S_IMODE(instance.stat().st_mode) == 0o700
    files = [p for p in instance.iterdir() if p.name.startswith("kit.sqlite")]
    assert any(p.name == "kit.sqlite" for p in files)
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path.name
