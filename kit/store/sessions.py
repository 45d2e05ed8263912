"""Load, save, list, duplicate and delete stored sessions; saves never overwrite silently."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session as DbSession

from kit.db import SessionRecord, User, utcnow
from kit.sessions import codec
from kit.sessions.model import SessionSpec

PAGE_SIZE = 10


class Conflict(Exception):
    """Someone saved the session since this copy was loaded."""

    def __init__(self, current: SessionRecord):
        super().__init__("the session changed since you opened it")
        self.current = current


@dataclass(frozen=True)
class Page:
    """One page of a user's sessions, newest first."""

    records: list[SessionRecord]
    number: int
    pages: int
    total: int


def _visible(user: User):
    """Return the filter that limits USER to the sessions they may see."""
    return True if user.role == "lead" else SessionRecord.owner_id == user.id


def get(db: DbSession, user: User, session_id: int) -> SessionRecord | None:
    """Return session SESSION_ID if USER may see it, else None."""
    return db.scalar(select(SessionRecord).where(SessionRecord.id == session_id, _visible(user)))


def spec_of(record: SessionRecord) -> SessionSpec:
    """Return the SessionSpec stored in RECORD."""
    return codec.from_json(record.spec)


def _title(spec: SessionSpec) -> str:
    return (spec.title or "Untitled session")[:200]


def create(db: DbSession, user: User, spec: SessionSpec) -> SessionRecord:
    """Store SPEC as a new session owned by USER."""
    now = utcnow()
    record = SessionRecord(owner_id=user.id, title=_title(spec), audience=spec.audience,
                           spec=codec.to_json(spec), version=1, created_at=now, updated_at=now)
    db.add(record)
    db.commit()
    return record


def save(db: DbSession, record: SessionRecord, spec: SessionSpec, version: int) -> SessionRecord:
    """Store SPEC over RECORD if it is still at VERSION; raise Conflict otherwise."""
    result = db.execute(
        update(SessionRecord)
        .where(SessionRecord.id == record.id, SessionRecord.version == version)
        .values(spec=codec.to_json(spec), title=_title(spec), audience=spec.audience,
                version=version + 1, updated_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        db.rollback()
        db.expire_all()
        raise Conflict(db.get(SessionRecord, record.id))
    db.commit()
    db.refresh(record)
    return record


def page(db: DbSession, user: User, number: int = 1) -> Page:
    """Return page NUMBER of the sessions USER may see, newest first."""
    total = db.scalar(select(func.count()).select_from(SessionRecord).where(_visible(user))) or 0
    pages = max(1, -(-total // PAGE_SIZE))
    number = max(1, min(number, pages))
    records = db.scalars(
        select(SessionRecord).where(_visible(user))
        .order_by(SessionRecord.updated_at.desc(), SessionRecord.id.desc())
        .limit(PAGE_SIZE).offset((number - 1) * PAGE_SIZE)
    )
    return Page(list(records), number, pages, total)


def owner_emails(db: DbSession, records: list[SessionRecord]) -> dict[int, str]:
    """Return owner id -> email for RECORDS (the lead's dashboard shows whose each is)."""
    ids = {r.owner_id for r in records}
    if not ids:
        return {}
    return dict(db.execute(select(User.id, User.email).where(User.id.in_(ids))).all())


def duplicate(db: DbSession, user: User, record: SessionRecord) -> SessionRecord:
    """Store a copy of RECORD owned by USER, titled as a copy."""
    spec = spec_of(record)
    title = ("Copy of " + (spec.title or "session"))[:120]
    return create(db, user, replace(spec, title=title))


def remove(db: DbSession, record: SessionRecord) -> None:
    """Delete RECORD."""
    db.execute(delete(SessionRecord).where(SessionRecord.id == record.id))
    db.commit()
