"""Check a delivery as typed or uploaded, and return it as clean values or every problem at once.

Nothing is stored unless every check passes, so a half-right delivery is never saved.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from kit.content.models import Question
from kit.outcomes.keys import CORRECT, PHASE_NAMES, PHASES, counting, option_keys
from kit.outcomes.reflection import reflection_problem

PRESENT_MAX = 1000
EARLIEST = dt.date(2020, 1, 1)

Counts = dict[str, dict[str, dict[str, int]]]  # phase -> question id -> option key -> people


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a delivery: the field it belongs to and a plain message."""

    field: str
    message: str


@dataclass(frozen=True)
class RawDelivery:
    """A delivery as it arrived: strings from a form or values from a counts file."""

    delivered_on: object
    present: object
    counts: Mapping[str, Mapping[str, Mapping[str, object]]] = field(default_factory=dict)
    reflection: str = ""


@dataclass(frozen=True)
class Delivery:
    """A checked delivery, ready to store."""

    delivered_on: dt.date
    present: int
    counts: Counts
    reflection: str


def count_field(phase: str, question_id: str, key: str) -> str:
    """Return the form field name of one count."""
    return f"count-{phase}-{question_id}-{key}"


UK_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


def _parse_day(text: str) -> dt.date | None:
    """Return TEXT as a date: 2027-03-27 or, as people in the UK write it, 27/03/2027."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    match = UK_DATE.match(text)
    try:
        return dt.date(int(match[3]), int(match[2]), int(match[1])) if match else None
    except ValueError:
        return None


def _date(value: object, today: dt.date) -> tuple[dt.date | None, str | None]:
    day = value if isinstance(value, dt.date) else _parse_day(str(value or "").strip())
    if day is None:
        return None, "Enter the date it was delivered as day/month/year, for example 27/03/2027"
    if day > today:
        return None, "The delivery date is in the future: record a delivery after it has happened"
    if day < EARLIEST:
        return None, f"Enter a date from {EARLIEST:%d %B %Y} onwards"
    return day, None


def _whole(value: object) -> int | None:
    """Return VALUE as a whole number, or None (booleans and fractions are not counts)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    text = str(value).strip()
    digits = text[1:] if text.startswith("-") else text
    if not (digits.isascii() and digits.isdigit()):
        return None
    return -int(digits) if text.startswith("-") else int(digits)


def _present(value: object) -> tuple[int | None, str | None]:
    number = _whole(value) if value not in (None, "") else None
    if number is None or not 1 <= number <= PRESENT_MAX:
        return None, f"Enter how many people were present as a whole number from 1 to {PRESENT_MAX}"
    return number, None


def _where(phase: str, number: int, key: str | None = None) -> str:
    option = "" if key is None else (", 'got it right'" if key == CORRECT else f", option {key}")
    return f"{PHASE_NAMES[phase]}, question {number}{option}"


def _question_counts(phase: str, number: int, question: Question, given: Mapping[str, object],
                     present: int | None) -> tuple[dict[str, int], list[Problem]]:
    """Check the counts of one question in one phase."""
    allowed = option_keys(question)
    problems: list[Problem] = []
    counts: dict[str, int] = {}
    for key, value in given.items():
        name = count_field(phase, question.id, key)
        if key != CORRECT and key not in allowed:
            problems.append(Problem(name, f"{_where(phase, number)}: there is no option '{key}'; "
                                          f"use {', '.join(allowed)} or '{CORRECT}'"))
            continue
        if value in (None, ""):
            continue
        n = _whole(value)
        if n is None:
            problems.append(Problem(name, f"{_where(phase, number, key)}: '{value}' is not a whole number"))
        elif n < 0:
            problems.append(Problem(name, f"{_where(phase, number, key)}: a count cannot be negative"))
        elif present is not None and n > present:
            problems.append(Problem(name, f"{_where(phase, number, key)}: {n} is more than the "
                                          f"{present} people present"))
        else:
            counts[key] = n
    if CORRECT in counts and len(counts) > 1:
        problems.append(Problem(count_field(phase, question.id, CORRECT),
                                f"{_where(phase, number)}: give either the number who got it right "
                                "or the count for each option, not both"))
    several = counting(question).several
    total = sum(counts.values())
    if not problems and not several and present is not None and total > present:
        problems.append(Problem(count_field(phase, question.id, next(iter(counts))),
                                f"{_where(phase, number)}: the answers add up to {total}, more than "
                                f"the {present} people present (each person gives one answer)"))
    return counts, problems


def _counts(raw: Mapping, questions: Mapping[str, Question], present: int | None) -> tuple[Counts, list[Problem]]:
    """Check every count: known questions, whole numbers, nothing more than the people present."""
    numbers = {qid: i for i, qid in enumerate(questions, start=1)}
    counts: Counts = {phase: {} for phase in PHASES}
    problems: list[Problem] = []
    for phase, by_question in raw.items():
        if phase not in PHASES:
            problems.append(Problem("counts", f"'{phase}' is not a phase; use baseline or endpoint"))
            continue
        for qid, given in by_question.items():
            if qid not in questions:
                problems.append(Problem("counts", f"question '{qid}' is not in this session"))
                continue
            if not isinstance(given, Mapping):
                problems.append(Problem("counts", f"question '{qid}': the counts must be option: number pairs"))
                continue
            found, wrong = _question_counts(phase, numbers[qid], questions[qid], given, present)
            problems += wrong
            if found or wrong:  # a refused count still counts as given, for the before-and-after check
                counts[phase][qid] = found
    return counts, problems + _both_phases(counts, questions, numbers)


def _both_phases(counts: Counts, questions: Mapping[str, Question], numbers: dict[str, int]) -> list[Problem]:
    """A question counted before must be counted after too (and the other way round)."""
    problems = []
    for qid in questions:
        have = [phase for phase in PHASES if qid in counts[phase]]
        if len(have) == 1:
            missing = next(p for p in PHASES if p not in have)
            problems.append(Problem(count_field(missing, qid, option_keys(questions[qid])[0]),
                                    f"Question {numbers[qid]}: give the {PHASE_NAMES[missing].lower()} "
                                    "counts too, or leave both before and after empty"))
    return problems


def check(raw: RawDelivery, questions: Mapping[str, Question], today: dt.date) -> tuple[Delivery | None, list[Problem]]:
    """Return the delivery RAW describes for a session asking QUESTIONS, or every problem with it."""
    problems: list[Problem] = []
    day, message = _date(raw.delivered_on, today)
    if message:
        problems.append(Problem("delivered_on", message))
    present, message = _present(raw.present)
    if message:
        problems.append(Problem("present", message))
    counts, wrong = _counts(raw.counts or {}, questions, present)
    problems += wrong
    reflection = (raw.reflection or "").strip()
    message = reflection_problem(reflection)
    if message:
        problems.append(Problem("reflection", message))
    if problems:
        return None, problems
    return Delivery(day, present, counts, reflection), []
