"""Bringing the schema up to date with the Alembic migrations, one process at a time (a lock per database)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

from sqlalchemy import text
from sqlalchemy.engine import Engine

from kit.paths import data_dir

# Any constant will do; it names the lock that lets one PostgreSQL worker migrate at a time.
MIGRATION_LOCK_KEY = 5_117_001


def alembic_config(connection=None):
    """Return an Alembic config for our migrations folder, optionally bound to CONNECTION."""
    from alembic.config import Config  # noqa: PLC0415 - only needed for migrations

    config = Config()
    config.set_main_option("script_location", str(data_dir("migrations")))
    config.attributes["connection"] = connection
    return config


def upgrade(engine: Engine, url: str) -> None:
    """Bring the schema of ENGINE (opened from URL) to the newest migration, one process at a time."""
    with engine.connect() as conn, _migration_lock(conn, url):
        _run_alembic(conn)


def _run_alembic(conn) -> None:
    """Upgrade to head on CONN unless it is already there."""
    from alembic import command  # noqa: PLC0415
    from alembic.runtime.migration import MigrationContext  # noqa: PLC0415
    from alembic.script import ScriptDirectory  # noqa: PLC0415

    config = alembic_config(conn)
    head = ScriptDirectory.from_config(config).get_current_head()
    if MigrationContext.configure(conn).get_current_revision() == head:
        return
    command.upgrade(config, "head")
    conn.commit()


@contextlib.contextmanager
def _migration_lock(conn, url: str) -> Iterator[None]:
    """Hold a lock that only one migrating process can take (advisory lock or lock file)."""
    if url.startswith("postgresql"):
        conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": MIGRATION_LOCK_KEY})
        conn.commit()
        try:
            yield
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": MIGRATION_LOCK_KEY})
            conn.commit()
        return
    with _file_lock(_sqlite_lock_path(url)):
        yield


def _sqlite_lock_path(url: str) -> str | None:
    """Return a lock file beside the SQLite database of URL (None for in-memory)."""
    path = url.split(":///", 1)[-1]
    return path + ".migrate.lock" if path and path != ":memory:" else None


@contextlib.contextmanager
def _file_lock(path: str | None) -> Iterator[None]:
    """Hold an exclusive lock on PATH where the platform offers one."""
    try:
        import fcntl  # noqa: PLC0415 - POSIX only; Windows runs one waitress process
    except ImportError:
        fcntl = None
    if path is None or fcntl is None:
        yield
        return
    with os.fdopen(os.open(path, os.O_CREAT | os.O_APPEND | os.O_WRONLY, 0o600), "a", encoding="ascii") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
