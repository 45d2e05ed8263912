"""How each question type is counted in class: the option keys, and which answers are right.

Keys follow the counts file agreed with the presenter view: "A".."D" for options in library order,
"true"/"false" for true-false questions, or "correct" when only the number who got it right was counted.
"""

from __future__ import annotations

import string
from collections.abc import Callable
from dataclasses import dataclass

from kit.content.models import Question

CORRECT = "correct"
PHASES = ("baseline", "endpoint")
PHASE_NAMES = {"baseline": "Before", "endpoint": "After"}


@dataclass(frozen=True)
class Counting:
    """How one question type is counted: its keys, right keys, and whether a person can tick several."""

    keys: Callable[[Question], list[str]]
    right: Callable[[Question], set[str]]
    several: bool


def _letters(question: Question) -> list[str]:
    return list(string.ascii_uppercase[: len(question.options)])


def _right_letters(question: Question) -> set[str]:
    return {key for key, option in zip(_letters(question), question.options, strict=True) if option.correct}


COUNTING: dict[str, Counting] = {
    "single": Counting(_letters, _right_letters, several=False),
    "multiple": Counting(_letters, _right_letters, several=True),
    "true-false": Counting(lambda q: ["true", "false"], lambda q: {"true" if q.answer else "false"}, several=False),
}


def counting(question: Question) -> Counting:
    """Return how QUESTION is counted (single choice for a type we do not know)."""
    return COUNTING.get(question.type, COUNTING["single"])


def option_keys(question: Question) -> list[str]:
    """Return the keys a class count of QUESTION may use, besides "correct"."""
    return counting(question).keys(question)


def misconception_of(question: Question, key: str) -> str | None:
    """Return the misconception id a wrong option KEY carries, if the library names one."""
    if key in ("true", "false"):
        return question.misconception
    if key == CORRECT or key not in option_keys(question):
        return None
    return question.options[string.ascii_uppercase.index(key)].misconception
