"""The officer's short reflection: about the session, never about pupils.

It refuses text that looks like contact details or a list of names, so none is ever stored.
"""

from __future__ import annotations

import re

REFLECTION_MAX = 1000

EMAIL = re.compile(r"[^\s@]+@[^\s@]+\.[a-z]{2,}", re.IGNORECASE)
# UK numbers: 07…, 01…, 02…, +44…, with spaces or dashes; 101, 999 and 116 123 are too short to match.
PHONE = re.compile(r"(?<!\d)(?:\+\s?44|0)(?:[\s-]?\d){9,10}(?!\d)")
# A part that is one or two capitalised words, e.g. "Tom" or "Amy Jones".
NAME_LIKE = re.compile(r"^(?:[A-Z][a-z'’-]+)(?: [A-Z][a-z'’-]+)?$")
NAME_START = re.compile(r"^[A-Z][a-z'’-]+(?:\s|$)")
SEPARATORS = re.compile(r"\s*(?:[,;\n/]|\band\b|&)\s*")
NAMES_IN_A_ROW = 3


def _looks_like_names(text: str) -> bool:
    """Say whether TEXT lists three or more names in a row, e.g. "Tom, Amy and Jo Smith were great"."""
    run = 0
    for part in SEPARATORS.split(text):
        part = part.strip(" -*•.:").strip()
        # The last name of a list often runs on into the sentence ("… and Jo Smith were great").
        if run >= NAMES_IN_A_ROW - 1 and NAME_START.match(part):
            return True
        run = run + 1 if part and NAME_LIKE.match(part) else 0
    return False


def reflection_problem(text: str) -> str | None:
    """Return why TEXT cannot be stored as a reflection, or None when it can."""
    if len(text) > REFLECTION_MAX:
        return f"Keep the reflection to {REFLECTION_MAX} characters or fewer (it has {len(text)})"
    if EMAIL.search(text):
        return "Remove the email address from the reflection: it must not hold anyone's contact details"
    if PHONE.search(text):
        return "Remove the phone number from the reflection: it must not hold anyone's contact details"
    if _looks_like_names(text):
        return ("The reflection looks like a list of names. Describe the session and the group, "
                "never individual pupils")
    return None
