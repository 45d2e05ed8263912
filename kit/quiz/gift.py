"""Moodle GIFT: plain text, one question per paragraph, explanations as general feedback."""

from __future__ import annotations

import re

from kit.content.models import Question
from kit.quiz.model import Export, Quiz, Refused, right_count, write_each

SPECIAL = "~=#{}:"
# Moodle reads "%50%" at the start of a "~" answer as its weight, and GIFT has no escape for it.
WEIGHT_LIKE = re.compile(r"^%-?[\d.]+%")
# Moodle's grade list holds 100% split between 1 to 10 right answers (50, 33.33333, ... 10).
MOODLE_SPLIT_MAX = 10


def escape(text: str) -> str:
    """Return TEXT with GIFT's special characters, backslashes and line breaks escaped."""
    # Moodle reads a leading "[word]" as a text format and drops it: a stated [plain] keeps it.
    text = "[plain]" + text if text.startswith("[") else text
    text = text.replace("\\", "\\\\")
    for char in SPECIAL:
        text = text.replace(char, "\\" + char)
    # A blank line ends a question, so no raw line break may appear inside one.
    return text.replace("\n", "\\n")


def weight(share: float) -> str:
    """Return a GIFT percentage weight: 50, 33.33333, -100."""
    return f"{share:.5f}".rstrip("0").rstrip(".")


def right_share(question: Question) -> str:
    """Return each right answer's share of the mark, or refuse a split Moodle's grade list lacks."""
    right = right_count(question.options)
    if right > MOODLE_SPLIT_MAX:
        raise Refused(f"Moodle cannot split a mark between more than {MOODLE_SPLIT_MAX} right answers; "
                      f"this question has {right}")
    return weight(100 / right)


def _head(quiz: Quiz, question: Question) -> str:
    stem = escape(quiz.text(question.stem)).removeprefix("[plain]")
    return f"::{escape(question.id)}::[plain]{stem} {{"


def _tail(quiz: Quiz, question: Question) -> list[str]:
    return [f"\t####{escape(quiz.text(question.explanation))}", "}"]


def _wrong(text: str) -> str:
    # Moodle reads "~%50%..." as a weight; a stated weight of 0 first keeps such text as written.
    return f"~%0%{escape(text)}" if WEIGHT_LIKE.match(text) else f"~{escape(text)}"


def _single(quiz: Quiz, question: Question) -> str:
    answers = [f"\t={escape(text)}" if right else f"\t{_wrong(text)}" for text, right in quiz.choices(question)]
    return "\n".join([_head(quiz, question), *answers, *_tail(quiz, question)])


def _multiple(quiz: Quiz, question: Question) -> str:
    # Moodle's multiple-answer form: right answers share 100%, any wrong one cancels the mark.
    share = right_share(question)
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
