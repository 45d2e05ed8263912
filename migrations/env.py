"""Alembic environment: uses the connection the app hands over, else the app's database URL."""

from alembic import context

from kit.config import instance_path, settings
from kit.db import Base
from kit.db.engine import make_engine

target_metadata = Base.metadata


def _url() -> str:
    """Return the database URL the app would use (KIT_DATABASE_URL or the instance SQLite)."""
    return settings(instance_path())["DATABASE_URL"]


def _migrate(connection) -> None:
    """Run every pending migration on CONNECTION in one transaction."""
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run() -> None:
    """Run the migrations on the connection the app gave us, or on a new one."""
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _migrate(connection)
        return
    engine = make_engine(_url())
    with engine.connect() as conn:
        _migrate(conn)
        conn.commit()
    engine.dispose()


run()
