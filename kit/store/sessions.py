"""Load, save, list, duplicate and delete stored sessions; saves never overwrite silently."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session as DbSession

from kit.db import SessionRecord, User, utcnow
from kit.sessions import codec
from kit.sessions.model import SessionSpec

PAGE_SIZE = 10


@dataclass(frozen=True)
class Stored:
    """A stored session as plain values: read on every builder request, so no ORM instance."""

    id: int
    owner_id: int
    title: str
    audience: str
    spec: str
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime
    nation: str = ""
    school: str = ""
    session_date: dt.date | None = None


class Conflict(Exception):
    """Someone saved the session since this copy was loaded (CURRENT is None if they deleted it)."""

    def __init__(self, current: Stored | None):
        super().__init__("the session changed since you opened it")
        self.current = current


@dataclass(frozen=True)
class Page:
    """One page of a user's sessions, newest first."""

    records: list[Stored]
    number: int
    pages: int
    total: int


def _read(db: DbSession, session_id: int, owner_id: int | None = None) -> Stored | None:
    """Return session SESSION_ID (owned by OWNER_ID, when given) as plain values, or None."""
    query = select(*SessionRecord.__table__.columns).where(SessionRecord.id == session_id)
    if owner_id is not None:
        query = query.where(SessionRecord.owner_id == owner_id)
    row = db.execute(query).first()
    return Stored(**row._mapping) if row else None


def get(db: DbSession, user: User, session_id: int) -> Stored | None:
    """Return session SESSION_ID if USER may see it, else None."""
    return _read(db, session_id, None if user.role == "lead" else user.id)


def spec_of(record: Stored) -> SessionSpec:
    """Return the SessionSpec stored in RECORD."""
    return codec.from_json(record.spec)


def _title(spec: SessionSpec) -> str:
    return (spec.title or "Untitled session")[:200]


def _listed(spec: SessionSpec) -> dict:
    """Return the columns the dashboard lists, searches and sorts on, copied from SPEC."""
    return {"title": _title(spec), "audience": spec.audience, "nation": spec.nation,
            "school": spec.school[:120], "session_date": spec.date}


def create(db: DbSession, user: User, spec: SessionSpec) -> Stored:
    """Store SPEC as a new session owned by USER."""
    now = utcnow()
    record = SessionRecord(owner_id=user.id, **_listed(spec), spec=codec.to_json(spec), version=1,
                           created_at=now, updated_at=now)
    db.add(record)
    db.commit()
    return _read(db, record.id)


def save(db: DbSession, record: Stored, spec: SessionSpec, version: int) -> Stored:
    """Store SPEC over RECORD if it is still at VERSION; raise Conflict otherwise."""
    result = db.execute(
        update(SessionRecord)
        .where(SessionRecord.id == record.id, SessionRecord.version == version)
        .values(spec=codec.to_json(spec), **_listed(spec), version=version + 1, updated_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        db.rollback()
        raise Conflict(_read(db, record.id))
    db.commit()
    return _read(db, record.id)


# How the dashboard may order sessions: by the day they are delivered (undated last), or by last save.
SORTS = {
    "date": (SessionRecord.session_date.is_(None), SessionRecord.session_date, SessionRecord.id),
    "date-desc": (SessionRecord.session_date.is_(None), SessionRecord.session_date.desc(), SessionRecord.id.desc()),
    "saved": (SessionRecord.updated_at.desc(), SessionRecord.id.desc()),
}


@dataclass(frozen=True)
class Filters:
    """What the dashboard asks for: words in the title or school, an audience, a nation, an order."""

    query: str = ""
    audience: str = ""
    nation: str = ""
    sort: str = "saved"


def page(db: DbSession, user: User, number: int = 1, filters: Filters | None = None) -> Page:
    """Return page NUMBER of the sessions USER may see that match FILTERS, in the order they name."""
    filters = filters or Filters()
    visible = select(*SessionRecord.__table__.columns)
    if user.role != "lead":
        visible = visible.where(SessionRecord.owner_id == user.id)
    if filters.query:
        visible = visible.where(SessionRecord.title.icontains(filters.query, autoescape=True)
                                | SessionRecord.school.icontains(filters.query, autoescape=True))
    if filters.audience:
        visible = visible.where(SessionRecord.audience == filters.audience)
    if filters.nation:
        visible = visible.where(SessionRecord.nation == filters.nation)
    total = db.scalar(select(func.count()).select_from(visible.subquery())) or 0
    pages = max(1, -(-total // PAGE_SIZE))
    number = max(1, min(number, pages))
    rows = db.execute(visible.order_by(*SORTS.get(filters.sort, SORTS["saved"]))
                      .limit(PAGE_SIZE).offset((number - 1) * PAGE_SIZE))
    return Page([Stored(**row._mapping) for row in rows], number, pages, total)


def owner_emails(db: DbSession, records: list[Stored]) -> dict[int, str]:
    """Return owner id -> email for RECORDS (the lead's dashboard shows whose each is)."""
    ids = {r.owner_id for r in records}
    if not ids:
        return {}
    return dict(db.execute(select(User.id, User.email).where(User.id.in_(ids))).all())


def duplicate(db: DbSession, user: User, record: Stored) -> Stored:
    """Store a copy of RECORD owned by USER, titled as a copy."""
    spec = spec_of(record)
    title = ("Copy of " + (spec.title or "session"))[:120]
    return create(db, user, replace(spec, title=title))


def remove(db: DbSession, record: Stored) -> None:
    """Delete RECORD."""
    db.execute(delete(SessionRecord).where(SessionRecord.id == record.id))
    db.commit()


def owned(db: DbSession, user: User, limit: int = 50) -> list[Stored]:
    """Return USER's own sessions, last saved first (the library's "Add to…" offers them)."""
    rows = db.execute(select(*SessionRecord.__table__.columns).where(SessionRecord.owner_id == user.id)
                      .order_by(SessionRecord.updated_at.desc(), SessionRecord.id.desc()).limit(limit))
    return [Stored(**row._mapping) for row in rows]
