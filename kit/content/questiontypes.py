"""The question-type registry: each type says what a valid question of its kind looks like.

A new type plugs in by adding a QuestionType to TYPES; the loader, the quiz sheet and the
answer key look types up here instead of branching on names.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kit.content.models import Question


@dataclass(frozen=True)
class QuestionType:
    """How one kind of question is checked, labelled and answered."""

    id: str
    label: str
    instruction: dict[str, str]  # how to answer, printed on the quiz sheet: {"en": ..., "cy": ...}
    validate: Callable[[Question], list[tuple]]  # -> [(message, *path to the field)]

    def answers(self, question: Question) -> list[str]:
        """Return the correct answers as English text."""
        if question.answer is not None:
            return ["True" if question.answer else "False"]
        return [o.text.en for o in question.options if o.correct]


def _distinct_options(q: Question) -> list[tuple]:
    seen: dict[str, int] = {}
    problems = []
    for i, option in enumerate(q.options):
        key = option.text.en.casefold()
        if key in seen:
            problems.append((f"repeats option {seen[key] + 1}: '{option.text.en}'", "options", i))
        seen.setdefault(key, i)
    return problems


def _no_answer_field(q: Question) -> list[tuple]:
    return [("only true-false questions take 'answer'; mark options with correct: true", "answer")] \
        if q.answer is not None else []


def _single(q: Question) -> list[tuple]:
    problems = _no_answer_field(q) + _distinct_options(q)
    if len(q.options) < 2:
        problems.append(("a single-choice question needs at least 2 options", "options"))
    right = sum(o.correct for o in q.options)
    if right != 1:
        problems.append((f"a single-choice question needs exactly one correct option; it has {right}", "options"))
    return problems


def _multiple(q: Question) -> list[tuple]:
    problems = _no_answer_field(q) + _distinct_options(q)
    if len(q.options) < 3:
        problems.append(("a multiple-choice question needs at least 3 options", "options"))
    if not any(o.correct for o in q.options):
        problems.append(("a multiple-choice question needs at least one correct option", "options"))
    if all(o.correct for o in q.options):
        problems.append(("every option is correct; add an option that is not", "options"))
    return problems


def _true_false(q: Question) -> list[tuple]:
    problems = []
    if q.answer is None:
        problems.append(("a true-false question needs answer: true or answer: false", "answer"))
    if q.options:
        problems.append(("a true-false question takes no options", "options"))
    return problems


TYPES: dict[str, QuestionType] = {
    t.id: t
    for t in (
        QuestionType("single", "Single choice", {"en": "Tick one answer.", "cy": "Ticia un ateb."}, _single),
        QuestionType("multiple", "Multiple choice", {"en": "Tick every answer that is right.",
                                                     "cy": "Ticia bob ateb sy'n gywir."}, _multiple),
        QuestionType("true-false", "True or false", {"en": "Circle true or false.",
                                                     "cy": "Rho gylch o gwmpas gwir neu anwir."}, _true_false),
    )
}


def validate(question: Question) -> list[tuple]:
    """Return (message, *path to the field) for each way QUESTION breaks its type's rules."""
    qtype = TYPES.get(question.type)
    if qtype is None:
        return [(f"unknown question type '{question.type}'; known: {', '.join(TYPES)}", "type")]
    return qtype.validate(question)
