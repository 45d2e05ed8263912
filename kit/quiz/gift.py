"""Moodle GIFT: plain text, one question per paragraph, explanations as general feedback."""

from __future__ import annotations

import re

from kit.content.models import Question
from kit.quiz.model import Export, Quiz, Refused, right_count, write_each

SPECIAL = "~=#{}:"
# Moodle reads "%50%" at the start of an answer as its weight, and GIFT has no escape for it.
WEIGHT_LIKE = re.compile(r"^%-?[\d.]+%")


def escape(text: str) -> str:
    """Return TEXT with GIFT's special characters, backslashes and line breaks escaped."""
    text = text.replace("\\", "\\\\")
    for char in SPECIAL:
        text = text.replace(char, "\\" + char)
    # A blank line ends a question, so no raw line break may appear inside one.
    return text.replace("\n", "\\n")


def weight(share: float) -> str:
    """Return a GIFT percentage weight: 50, 33.33333, -100."""
    return f"{share:.5f}".rstrip("0").rstrip(".")


def _head(quiz: Quiz, question: Question) -> str:
    return f"::{escape(question.id)}::[plain]{escape(quiz.text(question.stem))} {{"


def _tail(quiz: Quiz, question: Question) -> list[str]:
    return [f"\t####{escape(quiz.text(question.explanation))}", "}"]


def _single(quiz: Quiz, question: Question) -> str:
    for text, _ in quiz.choices(question):
        if WEIGHT_LIKE.match(text):
            raise Refused(f"an answer starts with '{WEIGHT_LIKE.match(text).group()}', which GIFT reads as "
                          "a mark weight, not text; reword the answer")
    answers = [f"\t{'=' if right else '~'}{escape(text)}" for text, right in quiz.choices(question)]
    return "\n".join([_head(quiz, question), *answers, *_tail(quiz, question)])


def _multiple(quiz: Quiz, question: Question) -> str:
    # Moodle's multiple-answer form: right answers share 100%, any wrong one cancels the mark.
    share = weight(100 / right_count(question.options))
    answers = [f"\t~%{share if right else '-100'}%{escape(text)}" for text, right in quiz.choices(question)]
    return "\n".join([_head(quiz, question), *answers, *_tail(quiz, question)])


def _true_false(quiz: Quiz, question: Question) -> str:
    answer = "TRUE" if question.answer else "FALSE"
    return "\n".join([_head(quiz, question), f"\t{answer}", *_tail(quiz, question)])


WRITERS = {"single": _single, "multiple": _multiple, "true-false": _true_false}


def comment(text: str) -> str:
    """Return TEXT as one GIFT comment line."""
    return "// " + " ".join(text.split())


def write(quiz: Quiz) -> Export:
    """Return QUIZ as a GIFT file, noting in comments any question left out."""
    written, left_out = write_each(quiz, WRITERS, "GIFT")
    header = [comment(f"Safer Sessions Kit quiz: {quiz.title}"), *(comment(str(note)) for note in left_out)]
    text = "\n".join(header) + "\n\n" + "\n\n".join(written) + "\n"
    return Export(text.encode("utf-8"), tuple(left_out))
