"""The password rules, offline: long enough, and not common or trivial.

Strength is estimated with zxcvbn (Dropbox's estimator, ported to Python and kept on PyPI): it
ships its own frequency lists (common passwords, English words, names, keyboard patterns) and
needs no network. A plain list of common passwords would accept `aaaaaaaaaaaa`, twelve spaces or
`policepolice12`; zxcvbn scores repeats, sequences, dates and dictionary words with substitutions
as what they are. We also tell it the officer's email and words anyone would try first here.
"""

from __future__ import annotations

import re

from zxcvbn import zxcvbn

PASSWORD_MIN = 12
PASSWORD_MAX = 200  # scrypt of a megabyte-long password would tie up a worker
# zxcvbn's score 3 is "safely unguessable" (about 10^8 guesses or more): with salted scrypt
# hashes and throttled sign-in, that is the bar NIST SP 800-63B's "not commonly used" asks for.
MIN_SCORE = 3
ESTIMATE_CHARS = 72  # zxcvbn refuses longer input; the first 72 characters carry the weakness
SITE_WORDS = ("safer", "sessions", "kit", "police", "officer", "ceop", "nca", "grooming", "sextortion",
              "school", "password", "passw0rd", "letmein", "welcome")


def _hints(email: str) -> list[str]:
    """Return EMAIL and its parts (name, force), which a guesser would try first."""
    email = (email or "").strip().lower()
    parts = [p for p in re.split(r"[@._+-]+", email) if len(p) > 2]
    return [email, email.split("@")[0], *parts, *SITE_WORDS] if email else list(SITE_WORDS)


def check_password(password: str, email: str) -> str | None:
    """Return why PASSWORD may not be used by the account EMAIL, or None when it may."""
    if len(password) < PASSWORD_MIN:
        return f"the password must be at least {PASSWORD_MIN} characters"
    if len(password) > PASSWORD_MAX:
        return f"the password must be at most {PASSWORD_MAX} characters"
    if not password.strip():
        return "the password must not be only spaces"
    result = zxcvbn(password[:ESTIMATE_CHARS], user_inputs=_hints(email))
    if result["score"] >= MIN_SCORE:
        return None
    warning = (result["feedback"].get("warning") or "").rstrip(".")
    reason = f" ({warning[0].lower()}{warning[1:]})" if warning else ""
    return ("the password is too easy to guess" + reason +
            "; use three or four unrelated words, or a longer mix of words and numbers")
