"""Storage: SQLAlchemy tables, the engine, a scoped session, and migrations at start-up.

Plain SQLAlchemy and plain config values: no Flask here, so the CLI and the tests reuse it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Iterator

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    SmallInteger,
    String,
    Text,
    create_engine,
    event,
    text,
)
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, scoped_session, sessionmaker

from kit.paths import data_dir

# Any constant will do; it names the lock that lets one PostgreSQL worker migrate at a time.
MIGRATION_LOCK_KEY = 5_117_001


def utcnow() -> dt.datetime:
    """Return the current time in UTC, timezone-aware."""
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    """Base of every table."""

SIGNATURE_MAX = 120


class User(Base):
    """An officer or a content lead who signs in."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Rotated at every sign-in and sign-out: a cookie carrying an old token no longer works.
    session_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_sign_in_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    # How the officer signs letters to parents and schools: name and role, e.g. "PC Sam Jones, Schools Officer".
    signature: Mapped[str] = mapped_column(String(SIGNATURE_MAX), default="", server_default="")


class Invite(Base):
    """A one-time link for an invited account to set its first password: only the token's hash is kept."""

    __tablename__ = "invites"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class LoginAttempt(Base):
    """A failed sign-in, counted across worker processes for throttling."""

    __tablename__ = "login_attempts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(254), index=True)
    address: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)


class SessionRecord(Base):
    """A stored session plan: the SessionSpec as JSON, with a version for safe concurrent saves."""

    __tablename__ = "sessions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    audience: Mapped[str] = mapped_column(String(40))
    spec: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # Copied from the spec at every save, so the dashboard can search, filter and sort on them.
    nation: Mapped[str] = mapped_column(String(40), default="", server_default="")
    school: Mapped[str] = mapped_column(String(120), default="", server_default="")
    session_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True, index=True)


# The outcome figures filter a date range, and maybe one audience, nation or officer. For each way in,
# an index starting there that also holds every column the figures read, so they come from the index alone.
FILTER_COLUMNS = ("audience", "nation", "owner_id")


def covering_indexes(table: str, read: tuple[str, ...], leads: tuple[str, ...] = FILTER_COLUMNS) -> list[Index]:
    """Return TABLE's indexes: by date, and by each filter in LEADS then date, each holding the columns in READ."""
    ways = {"delivered_on": ("delivered_on",), **{f: (f, "delivered_on") for f in leads}}
    return [Index(f"ix_{table}_{name}", *lead, *[c for c in (*FILTER_COLUMNS, *read) if c not in lead])
            for name, lead in ways.items()]


class Delivery(Base):
    """One delivery of a session to one group: class-level counts only, never pupil details.

    Audience, nation, school and month are copied from the session when it is recorded, so the
    evidence stays as delivered when the session is later edited or deleted. `gain` is the mean
    change in percentage points over the questions asked, computed once when the record is saved.
    """

    __tablename__ = "deliveries"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    session_id: Mapped[int | None] = mapped_column(ForeignKey("sessions.id", ondelete="SET NULL"), index=True)
    session_title: Mapped[str] = mapped_column(String(200))
    delivered_on: Mapped[dt.date] = mapped_column(Date)
    month: Mapped[str] = mapped_column(String(7))  # "2027-03": groups alike on SQLite and PostgreSQL
    audience: Mapped[str] = mapped_column(String(40))
    nation: Mapped[str] = mapped_column(String(40))
    school: Mapped[str] = mapped_column(String(120))
    present: Mapped[int] = mapped_column(Integer)
    gain: Mapped[float | None] = mapped_column(Float)
    reflection: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    __table_args__ = (
        # Covers every reach query: the breakdowns are read from the index alone.
        *covering_indexes("deliveries", ("month", "school", "present")),
    )


class _Filtered:
    """Columns copied from the delivery so the dashboard filters and groups without a join."""

    delivered_on: Mapped[dt.date] = mapped_column(Date)
    audience: Mapped[str] = mapped_column(String(40))
    nation: Mapped[str] = mapped_column(String(40))
    owner_id: Mapped[int] = mapped_column(Integer)
    present: Mapped[int] = mapped_column(Integer)


class DeliveryModule(_Filtered, Base):
    """A module that was part of a delivered session (for learning gain per module)."""

    __tablename__ = "delivery_modules"
    delivery_id: Mapped[int] = mapped_column(ForeignKey("deliveries.id", ondelete="CASCADE"), primary_key=True)
    module_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    gain: Mapped[float | None] = mapped_column(Float)
    # A lead's figures come from OutcomeMonth but for the edges of a period: read by date, or by officer.
    __table_args__ = tuple(covering_indexes("delivery_modules", ("module_id", "gain", "present"), ("owner_id",)))


class DeliveryQuestion(_Filtered, Base):
    """Percent correct before and after for one question of a delivery, derived from its counts."""

    __tablename__ = "delivery_questions"
    delivery_id: Mapped[int] = mapped_column(ForeignKey("deliveries.id", ondelete="CASCADE"), primary_key=True)
    question_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    baseline_pct: Mapped[float] = mapped_column(Float)
    endpoint_pct: Mapped[float] = mapped_column(Float)
    __table_args__ = tuple(covering_indexes("delivery_questions",
                                            ("question_id", "baseline_pct", "endpoint_pct", "present"), ("owner_id",)))


class OutcomeMonth(Base):
    """Reach, and learning gain per question or module, summed over a month's deliveries to one audience in one nation.

    Written only by kit.store.outcome_months, in the same transaction as the delivery it counts, so a
    lead's dashboard sums a few thousand of these instead of every delivery's rows. Sums, not means,
    so a delivery can be added and taken away again.
    """

    __tablename__ = "outcome_months"
    # Kind, then month, first in the key: each query reads one kind for a run of months.
    kind: Mapped[str] = mapped_column(String(8), primary_key=True)  # "reach", "question" or "module"
    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    audience: Mapped[str] = mapped_column(String(40), primary_key=True)
    nation: Mapped[str] = mapped_column(String(40), primary_key=True)
    item_id: Mapped[str] = mapped_column(String(80), primary_key=True)  # "" for reach
    deliveries: Mapped[int] = mapped_column(Integer)
    people: Mapped[int] = mapped_column(Integer)
    baseline_sum: Mapped[float | None] = mapped_column(Float)  # questions only
    endpoint_sum: Mapped[float | None] = mapped_column(Float)
    change_sum: Mapped[float] = mapped_column(Float)


class LocalVersion(Base):
    """One saved version of the force's own content (written only by kit.local.versions, never updated).

    The newest row is the current one; a revert adds a copy of an older row as the newest.
    """

    __tablename__ = "local_versions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    author_email: Mapped[str] = mapped_column(String(254))  # kept when the account goes
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    organisation: Mapped[str] = mapped_column(String(80), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    links_yaml: Mapped[str] = mapped_column(Text, default="")
    logo_png: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)  # validated and re-encoded
    reverted_from: Mapped[int | None] = mapped_column(Integer, nullable=True)


class DeliveryCount(Base):
    """How many in the group chose one option of one question, before (phase 0) or after (phase 1)."""

    __tablename__ = "delivery_counts"
    delivery_id: Mapped[int] = mapped_column(ForeignKey("deliveries.id", ondelete="CASCADE"), primary_key=True)
    question_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    phase: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    option_key: Mapped[str] = mapped_column(String(8), primary_key=True)
    count: Mapped[int] = mapped_column(Integer)


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
        with self.engine.connect() as conn, _migration_lock(conn, self.url):
            _run_alembic(conn)

    def dispose(self) -> None:
        """Close every pooled connection (tests and forked workers)."""
        self.session.remove()
        self.engine.dispose()


def alembic_config(connection=None):
    """Return an Alembic config for our migrations folder, optionally bound to CONNECTION."""
    from alembic.config import Config  # noqa: PLC0415 - only needed for migrations

    config = Config()
    config.set_main_option("script_location", str(data_dir("migrations")))
    config.attributes["connection"] = connection
    return config


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


def database_url_from_env(default: str) -> str:
    """Return KIT_DATABASE_URL, or DEFAULT when it is unset."""
    return os.environ.get("KIT_DATABASE_URL") or default
