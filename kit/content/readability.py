"""Reading grade of the text a reader actually sees, measured the same way everywhere.

Method (used by the `reading_grade` lint rule and by tests):

- The score is the Flesch–Kincaid grade from `textstat` 0.7.8 (pinned: it works offline and
  later releases fetch data at run time). Only English is measured; the formula is not
  calibrated for Welsh.
- Text is measured per *item*, never per string, because the formula gives silly results on a
  few words ("Report to CEOP" can score anything from -3 to 9). The items are:
    * a module: its key messages joined, one sentence each (the handout's "what to do" block);
    * a module's keyword definitions joined (not the terms: a term is the hard word being
      taught, so grading it would penalise the very word the definition explains);
    * a question: its stem, options and explanation joined (one quiz-sheet entry);
    * a link: its label and description joined (one signposting line under a QR code).
- Every string is closed with a full stop before joining, so an option with no punctuation
  does not run into the next and inflate the words-per-sentence count.
- Items shorter than MIN_WORDS words are not graded (too short for the formula to mean
  anything); they are short enough to be read by anyone who can read the rest.
- An item is read by every audience it is written for, so it must meet the strictest
  (lowest) `reading_grade` among them.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable

MIN_WORDS = 12
_END = re.compile(r"[.!?…:;]\s*$")


def joined(strings: Iterable[str]) -> str:
    """Return STRINGS as one passage, each closed as a sentence."""
    parts = []
    for s in strings:
        s = s.strip()
        if s:
            parts.append(s if _END.search(s) else f"{s}.")
    return " ".join(parts)


def words(text: str) -> int:
    """Return the number of words in TEXT."""
    return len(re.findall(r"[A-Za-z0-9][A-Za-z0-9'’-]*", text))


def grade(text: str) -> float | None:
    """Return the Flesch–Kincaid grade of TEXT, or None when it is too short to grade."""
    if words(text) < MIN_WORDS:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # textstat's dependencies may warn on import
        import textstat  # noqa: PLC0415 - about a second to load: only when something is graded

    return round(float(textstat.flesch_kincaid_grade(text)), 1)
