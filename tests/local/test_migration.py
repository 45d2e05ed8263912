"""Migration 0010 (local_versions) goes up and down on SQLite and PostgreSQL, keeping the other tables."""

from alembic import command
from sqlalchemy import inspect

from kit.db.engine import make_engine
from kit.db.migrate import alembic_config


def tables(engine) -> set[str]:
    return set(inspect(engine).get_table_names())


def test_local_versions_upgrade_and_downgrade(empty_database_url):
    engine = make_engine(empty_database_url)
    try:
        with engine.connect() as conn:
            command.upgrade(alembic_config(conn), "head")
            conn.commit()
        assert {"local_versions", "users", "outcome_months"} <= tables(engine)
        with engine.connect() as conn:
            command.downgrade(alembic_config(conn), "0009")
            conn.commit()
        assert "local_versions" not in tables(engine) and "outcome_months" in tables(engine)
        with engine.connect() as conn:
            command.upgrade(alembic_config(conn), "head")
            conn.commit()
        assert "local_versions" in tables(engine)
    finally:
        engine.dispose()
