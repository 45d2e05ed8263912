"""The migrations build exactly the tables the code declares."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from kit.db import Base


def test_migrations_match_the_models(app):
    engine = app.extensions["kit.db"].engine
    with engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert differences == []


def test_no_table_holds_pupil_details(app):
    columns = {f"{t.name}.{c.name}" for t in Base.metadata.tables.values() for c in t.columns}
    for word in ("pupil", "child", "student", "name", "dob", "birth"):
        assert not any(word in c for c in columns), columns


def test_alembic_on_its_own_migrates_the_database_the_app_uses(tmp_path, monkeypatch):
    """Run without a connection from the app (a deployment's own `alembic upgrade`), env.py opens the
    database the KIT_* settings name, as the app and `kit db upgrade` do."""
    from alembic import command
    from alembic.script import ScriptDirectory
    from sqlalchemy import create_engine, inspect

    from kit.db.migrate import alembic_config

    monkeypatch.setenv("KIT_DATABASE_URL", f"sqlite:///{tmp_path / 'own.sqlite'}")
    config = alembic_config()
    command.upgrade(config, "head")
    engine = create_engine(f"sqlite:///{tmp_path / 'own.sqlite'}")
    with engine.connect() as conn:
        current = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        tables = set(inspect(conn).get_table_names())
    engine.dispose()
    assert current == ScriptDirectory.from_config(config).get_current_head()
    assert set(Base.metadata.tables) <= tables
