"""Change a password: by its owner (who proves the old one) or by a lead resetting an officer's."""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.orm import Session as DbSession
from werkzeug.security import check_password_hash, generate_password_hash

from kit.accounts.users import AccountError, check_new_password, find_user, new_token, normalise_email
from kit.db import User


def set_password(db: DbSession, user_id: int, password: str) -> str:
    """Store PASSWORD's hash for USER_ID with a new session token (every sign-in ends), committing the
    caller's changes with it; return the token."""
    token = new_token()
    db.execute(update(User).where(User.id == user_id)
               .values(password_hash=generate_password_hash(password), session_token=token))
    db.commit()
    return token


def change_password(db: DbSession, user_id: int, current: str, new: str) -> str:
    """Change USER_ID's own password after checking CURRENT; return the new session token.

    Every other device signed in as this user is signed out; the caller signs this one in again
    with the returned token. Raise AccountError with the reason otherwise.
    """
    user = db.get(User, user_id)
    if user is None or not user.active:
        raise AccountError("this account cannot sign in")
    if not check_password_hash(user.password_hash, current[:200]):
        raise AccountError("your current password is not right")
    if new == current:
        raise AccountError("the new password must be different from the current one")
    check_new_password(new, user.email)
    return set_password(db, user.id, new)


def reset_password(db: DbSession, email: str, new: str) -> User:
    """Set the password of the account EMAIL (a lead's reset) and sign it out everywhere."""
    user = find_user(db, email)
    if user is None:
        raise AccountError(f"no account for {normalise_email(email)}")
    check_new_password(new, user.email)
    set_password(db, user.id, new)
    db.refresh(user)
    return user
