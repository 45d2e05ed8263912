"""Storage: the SQLAlchemy tables. kit.db.engine opens the database; kit.db.migrate brings it up to date.

Plain SQLAlchemy and plain config values: no Flask here, so the CLI and the tests reuse it.
"""

from __future__ import annotations

import datetime as dt

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
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


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
    logo_svg: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)  # cleaned; logo_png is drawn from it
    reverted_from: Mapped[int | None] = mapped_column(Integer, nullable=True)


class DeliveryCount(Base):
    """How many in the group chose one option of one question, before (phase 0) or after (phase 1)."""

    __tablename__ = "delivery_counts"
    delivery_id: Mapped[int] = mapped_column(ForeignKey("deliveries.id", ondelete="CASCADE"), primary_key=True)
    question_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    phase: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    option_key: Mapped[str] = mapped_column(String(8), primary_key=True)
    count: Mapped[int] = mapped_column(Integer)
