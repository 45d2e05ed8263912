"""Moodle Aiken: one-line questions with one right answer, and no feedback or comments."""

from __future__ import annotations

import re

from kit.content.models import Question
from kit.quiz.model import Export, Quiz, Refused, letter, one_line, right_count, write_each

# Moodle reads a line as an option when it starts like "A. " or "B) ", and "ANSWER:" ends a question.
OPTION_LINE = re.compile(r"^[A-Z][.)][ \t]")
ANSWER_LINE = re.compile(r"^ANSWER:")
MAX_OPTIONS = 26


def _stem(quiz: Quiz, question: Question) -> str:
    stem = one_line(quiz.text(question.stem)).strip()
    if len(stem) < 2:
        raise Refused("its question is shorter than 2 characters, and Moodle skips such lines")
    if OPTION_LINE.match(stem) or ANSWER_LINE.match(stem):
        raise Refused(f"its question starts with '{stem[:8]}', which Aiken reads as an option or answer line")
    return stem


def _choice(quiz: Quiz, question: Question) -> str:
    choices = quiz.choices(question)
    if len(choices) > MAX_OPTIONS:
        raise Refused(f"Aiken holds up to {MAX_OPTIONS} options; this question has {len(choices)}")
    right = [i for i, (_, correct) in enumerate(choices) if correct]
    lines = [_stem(quiz, question)]
    lines += [f"{letter(i)}. {one_line(text).strip()}" for i, (text, _) in enumerate(choices)]
    return "\n".join([*lines, f"ANSWER: {letter(right[0])}"])


def _multiple(quiz: Quiz, question: Question) -> str:
    right = right_count(question.options)
    if right != 1:
        raise Refused(f"Aiken holds questions with exactly one right answer; this one has {right}")
    return _choice(quiz, question)


# A multiple-answer question with only one right answer still fits; true-false becomes two options.
WRITERS = {"single": _choice, "multiple": _multiple, "true-false": _choice}


def write(quiz: Quiz) -> Export:
    """Return QUIZ as an Aiken file; questions left out are only returned (Aiken has no comments)."""
    written, left_out = write_each(quiz, WRITERS, "Aiken")
    text = "\n\n".join(written) + ("\n" if written else "")
    return Export(text.encode("utf-8"), tuple(left_out))
