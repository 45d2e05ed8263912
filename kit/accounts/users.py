"""Create, find, check and disable user accounts."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session as DbSession
from werkzeug.security import check_password_hash, generate_password_hash

from kit.accounts.passwords import PASSWORD_MAX, check_password
from kit.accounts.passwords import PASSWORD_MIN as PASSWORD_MIN  # re-exported: `kit users` prompts with it
from kit.db import SIGNATURE_MAX, User, utcnow

ROLES = ("officer", "lead")
EMAIL_RE = re.compile(r"^[^@\s]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
# Checked against when the account is unknown, so both paths take the same time.
_DUMMY_HASH = generate_password_hash("not-a-real-password-000")


class AccountError(ValueError):
    """A plain-language reason an account could not be created or changed."""


def normalise_email(email: str) -> str:
    """Return EMAIL trimmed and lower-cased."""
    return (email or "").strip().lower()


def check_new_password(password: str, email: str = "") -> None:
    """Raise AccountError unless PASSWORD passes the password rules for EMAIL (kit.accounts.passwords)."""
    problem = check_password(password, email)
    if problem:
        raise AccountError(problem)


def new_token() -> str:
    """Return a fresh random session token."""
    return secrets.token_hex(16)


def create_user(db: DbSession, email: str, password: str, role: str = "officer") -> User:
    """Add an account; raise AccountError for a bad email, role, password or a duplicate."""
    email = normalise_email(email)
    if not EMAIL_RE.match(email) or len(email) > 254:
        raise AccountError(f"'{email}' is not an email address")
    if role not in ROLES:
        raise AccountError(f"unknown role '{role}': choose {' or '.join(ROLES)}")
    check_new_password(password, email)
    if find_user(db, email) is not None:
        raise AccountError(f"{email} already has an account")
    user = User(email=email, password_hash=generate_password_hash(password), role=role,
                active=True, session_token=new_token())
    db.add(user)
    db.commit()
    return user


def find_user(db: DbSession, email: str) -> User | None:
    """Return the account for EMAIL, or None."""
    return db.scalar(select(User).where(User.email == normalise_email(email)))


def authenticate(db: DbSession, email: str, password: str) -> User | None:
    """Return the active account whose password matches, else None (same work either way)."""
    user = find_user(db, email)
    if user is None or len(password) > PASSWORD_MAX:
        check_password_hash(_DUMMY_HASH, password[:PASSWORD_MAX])
        return None
    if not check_password_hash(user.password_hash, password) or not user.active:
        return None
    return user


@dataclass(frozen=True)
class Account:
    """Who is signed in, as every request needs it: read without building an ORM object."""

    id: int
    email: str
    role: str
    session_token: str
    signature: str = ""  # name and role as letters are signed


def rotate_token(db: DbSession, user: User | Account) -> str:
    """Give USER a new session token, ending every earlier sign-in; return it."""
    token = new_token()
    db.execute(update(User).where(User.id == user.id).values(session_token=token))
    db.commit()
    return token


def load_by_token(db: DbSession, user_id: int, token: str) -> Account | None:
    """Return the active account USER_ID if TOKEN is their current session token."""
    row = db.execute(select(User.id, User.email, User.role, User.session_token, User.active, User.signature)
                     .where(User.id == user_id)).first()
    if row is None or not row.active or not secrets.compare_digest(row.session_token, token):
        return None
    return Account(row.id, row.email, row.role, row.session_token, row.signature or "")


def set_signature(db: DbSession, user_id: int, signature: str) -> str:
    """Set how USER_ID signs letters (name and role, one line); return it as stored.

    Raise AccountError when it is longer than a letter's signature line holds.
    """
    text = " ".join("".join(c if c.isprintable() else " " for c in signature or "").split())
    if len(text) > SIGNATURE_MAX:
        raise AccountError(f"the name and role is {len(text)} characters; at most {SIGNATURE_MAX} fit on a letter")
    db.execute(update(User).where(User.id == user_id).values(signature=text))
    db.commit()
    return text


def disable_user(db: DbSession, email: str) -> User:
    """Disable the account for EMAIL and end its sign-ins; raise AccountError if unknown."""
    user = find_user(db, email)
    if user is None:
        raise AccountError(f"no account for {normalise_email(email)}")
    return set_active(db, user, False)


def list_users(db: DbSession) -> list[User]:
    """Return every account, by email."""
    return list(db.scalars(select(User).order_by(User.email)))


def get_user(db: DbSession, user_id: int) -> User | None:
    """Return the account USER_ID, or None."""
    return db.get(User, user_id)


def set_active(db: DbSession, user: User, active: bool) -> User:
    """Enable or disable USER; disabling ends every sign-in at once (the token changes)."""
    user.active = active
    if not active:
        user.session_token = new_token()
    db.commit()
    return user


def record_sign_in(db: DbSession, user_id: int) -> None:
    """Remember when USER_ID last signed in (the lead's team page shows it)."""
    db.execute(update(User).where(User.id == user_id).values(last_sign_in_at=utcnow()))
    db.commit()


def has_accounts(db: DbSession) -> bool:
    """Say whether anyone can sign in yet (a fresh install has nobody)."""
    return db.scalar(select(User.id).limit(1)) is not None
