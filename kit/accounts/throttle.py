"""Sign-in throttling: failures are counted in the database, so every worker sees them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session as DbSession

from kit.db import LoginAttempt, utcnow

MAX_FAILURES = 10
WINDOW = dt.timedelta(minutes=5)
KEEP = dt.timedelta(days=1)  # older failures are deleted as new ones arrive


def is_throttled(db: DbSession, email: str, address: str, now: dt.datetime | None = None) -> bool:
    """Say whether EMAIL or ADDRESS has failed MAX_FAILURES times within the window."""
    since = (now or utcnow()) - WINDOW
    recent = LoginAttempt.at >= since
    by_email = db.scalar(select(func.count()).where(recent, LoginAttempt.email == email))
    by_address = db.scalar(select(func.count()).where(recent, LoginAttempt.address == address))
    return max(by_email or 0, by_address or 0) >= MAX_FAILURES


def record_failure(db: DbSession, email: str, address: str) -> None:
    """Count a failed sign-in for EMAIL from ADDRESS and forget very old ones."""
    now = utcnow()
    db.add(LoginAttempt(email=email[:254], address=address[:64], at=now))
    db.execute(delete(LoginAttempt).where(LoginAttempt.at < now - KEEP))
    db.commit()


def clear_failures(db: DbSession, email: str) -> None:
    """Forget EMAIL's failures after a successful sign-in."""
    db.execute(delete(LoginAttempt).where(LoginAttempt.email == email))
    db.commit()
