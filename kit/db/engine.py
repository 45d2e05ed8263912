"""Opening the database: the engine (SQLite's pragmas, a private file), a scoped session, plain-words failures."""

from __future__ import annotations

import contextlib
import os

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import scoped_session, sessionmaker

from kit.db import migrate


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """Turn on foreign keys and WAL; wait a little for a busy database rather than fail at once."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _create_private(path: str | None) -> None:
    """Create the SQLite file PATH readable by its owner only (SQLite gives -wal and -shm its mode)."""
    if not path or path == ":memory:" or path.startswith("file:") or os.path.exists(path):
        return
    with contextlib.suppress(FileNotFoundError):  # a missing folder: SQLite reports it on connect
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))


def make_engine(url: str) -> Engine:
    """Create the engine for URL, with SQLite's pragmas set on every connection."""
    if url.startswith("sqlite"):
        _create_private(make_url(url).database)
        engine = create_engine(url, connect_args={"timeout": 5})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5)


class Database:
    """The engine and a scoped session: one session per request or command, removed at the end."""

    def __init__(self, url: str):
        self.url = url
        self.engine = make_engine(url)
        self.session = scoped_session(sessionmaker(self.engine, expire_on_commit=False))

    def remove(self) -> None:
        """End the current scoped session (rolls back anything uncommitted)."""
        self.session.remove()

    def ping(self) -> bool:
        """Say whether the database answers a trivial query."""
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return True
        except Exception:  # noqa: BLE001 - any failure means "not healthy"
            return False

    def upgrade(self) -> None:
        """Bring the schema to the newest migration, one process at a time."""
        migrate.upgrade(self.engine, self.url)

    def dispose(self) -> None:
        """Close every pooled connection (tests and forked workers)."""
        self.session.remove()
        self.engine.dispose()


class DatabaseUnavailable(RuntimeError):
    """The database cannot be opened or migrated; the message says which and why, without secrets."""


def shown_url(url: str) -> str:
    """Return URL fit for a message: the password hidden."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - an unreadable URL is shown as "the configured URL"
        return "the configured KIT_DATABASE_URL"


def open_database(url: str, migrate: bool) -> Database:
    """Return a Database for URL, migrated when MIGRATE; raise DatabaseUnavailable in plain words."""
    try:
        database = Database(url)
        if migrate:
            database.upgrade()
        return database
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise DatabaseUnavailable(f"cannot open the database at {shown_url(url)}: {reason}") from None
