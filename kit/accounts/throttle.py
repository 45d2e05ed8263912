"""Sign-in throttling, counted in the database so every worker process sees the same numbers.

Each attempt is written (and committed) *before* it is counted, and only then is the password
checked. So the count and the check are one step: of any number of simultaneous attempts, the
n-th to commit sees at least n rows, and at most MAX_PER_ACCOUNT of them can ever reach the
password check. An attempt that is refused deletes its own row, so hammering a locked account
does not keep an address (a whole police station behind one NAT) locked as well.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session as DbSession

from kit.db import LoginAttempt, utcnow

MAX_PER_ACCOUNT = 10  # failures for one account in WINDOW, from anywhere
# Failures from one address in WINDOW, whichever accounts: much higher, so one officer's
# mistakes cannot lock out a station or school that shares one address.
MAX_PER_ADDRESS = 100
WINDOW = dt.timedelta(minutes=5)
KEEP = dt.timedelta(days=1)  # older rows are deleted as new attempts arrive


def attempt(db: DbSession, email: str, address: str) -> bool:
    """Count a sign-in attempt for EMAIL from ADDRESS; say whether its password may be checked.

    The attempt stays counted as a failure until `succeeded` clears the account's attempts.
    """
    now = utcnow()
    row = LoginAttempt(email=email[:254], address=address[:64], at=now)
    db.add(row)
    db.execute(delete(LoginAttempt).where(LoginAttempt.at < now - KEEP))
    db.commit()  # visible to every other worker before we count
    recent = LoginAttempt.at >= now - WINDOW
    by_email = db.scalar(select(func.count()).where(recent, LoginAttempt.email == email[:254])) or 0
    by_address = db.scalar(select(func.count()).where(recent, LoginAttempt.address == address[:64])) or 0
    if by_email <= MAX_PER_ACCOUNT and by_address <= MAX_PER_ADDRESS:
        return True
    db.execute(delete(LoginAttempt).where(LoginAttempt.id == row.id))
    db.commit()
    return False


def succeeded(db: DbSession, email: str) -> None:
    """Forget EMAIL's attempts after a successful sign-in (this one included)."""
    db.execute(delete(LoginAttempt).where(LoginAttempt.email == email[:254]))
    db.commit()
