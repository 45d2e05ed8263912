"""Invite an officer: a one-time, expiring link to set their own first password.

An offline laptop has no email server, so the lead is shown the link and passes it on. Only a
SHA-256 hash of the link's token is stored (the token itself is 256 random bits, so a fast hash
is enough: there is nothing to guess from it), a link works once, and never after it expires.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session as DbSession

from kit.accounts.credentials import set_password
from kit.accounts.users import AccountError, check_new_password, create_user
from kit.db import Invite, User, utcnow

LIFETIME = dt.timedelta(days=3)  # long enough to reach an officer on shift, short enough to go stale
TOKEN_MAX = 100  # longer than any token we make; anything longer is refused before hashing


@dataclass(frozen=True)
class Pending:
    """A usable invite: whose it is and until when."""

    invite_id: int
    user_id: int
    email: str
    expires_at: dt.datetime


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def _aware(moment: dt.datetime) -> dt.datetime:
    """Return MOMENT as UTC-aware (SQLite hands back naive datetimes)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def invite(db: DbSession, email: str, role: str = "officer", now: dt.datetime | None = None) -> tuple[User, str]:
    """Add an account that cannot sign in until its owner sets a password; return it and the token.

    Raise AccountError for a bad email, role or an existing account (as `create_user` does).
    """
    user = create_user(db, email, secrets.token_urlsafe(32), role)  # a password nobody knows
    return user, renew(db, user, now)


def renew(db: DbSession, user: User, now: dt.datetime | None = None) -> str:
    """Make a new link for USER, cancelling any earlier one; return its token."""
    token = secrets.token_urlsafe(32)
    now = now or utcnow()
    db.execute(delete(Invite).where(Invite.user_id == user.id))
    db.add(Invite(user_id=user.id, token_hash=_hash(token), created_at=now, expires_at=now + LIFETIME))
    db.commit()
    return token


def find(db: DbSession, token: str, now: dt.datetime | None = None) -> Pending | None:
    """Return the invite TOKEN opens if it is unused, unexpired and its account active; else None."""
    if not token or len(token) > TOKEN_MAX:
        return None
    row = db.execute(select(Invite.id, Invite.user_id, Invite.expires_at, Invite.used_at, User.email, User.active)
                     .join(User, User.id == Invite.user_id).where(Invite.token_hash == _hash(token))).first()
    if row is None or row.used_at is not None or not row.active or _aware(row.expires_at) <= (now or utcnow()):
        return None
    return Pending(row.id, row.user_id, row.email, _aware(row.expires_at))


def accept(db: DbSession, token: str, password: str, now: dt.datetime | None = None) -> str:
    """Set the invited account's password once, if TOKEN is still good; return the account's email.

    The password rules are checked first (a refused password leaves the link usable); the link
    is then used up in one conditional update, so two tabs cannot both use it.
    """
    now = now or utcnow()
    pending = find(db, token, now)
    if pending is None:
        raise AccountError("this link has expired or was already used: ask your lead for a new one")
    check_new_password(password, pending.email)
    used = db.execute(update(Invite).where(Invite.id == pending.invite_id, Invite.used_at.is_(None))
                      .values(used_at=now))
    if used.rowcount != 1:
        db.rollback()
        raise AccountError("this link was already used: ask your lead for a new one")
    set_password(db, pending.user_id, password)  # one commit: the link is used up with it
    return pending.email


def waiting(db: DbSession) -> dict[int, dt.datetime]:
    """Return user id -> expiry for every account whose invite is not used yet (expired ones too)."""
    rows = db.execute(select(Invite.user_id, Invite.expires_at).where(Invite.used_at.is_(None))).all()
    return {row.user_id: _aware(row.expires_at) for row in rows}
