"""What every quiz exporter takes and returns: plain objects, no Flask, no files."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from kit.content.models import Option, Question, Text
from kit.content.questiontypes import TYPES

# Every character Python and Unicode treat as a line break, for one-line formats.
LINE_BREAKS = re.compile("[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")
# How True and False read in each language, for formats that hold them as two options; the
# same words as the printed quiz sheet (kit.pdf.labels), so pupils meet one wording.
TRUE_FALSE = {"en": ("True", "False"), "cy": ("Gwir", "Anwir")}


class Refused(ValueError):
    """A question a format cannot hold as written; the message says why, in plain words."""


def question_texts(question: Question) -> tuple[Text, ...]:
    """Return every text of QUESTION an export writes: stem, explanation and options."""
    return (question.stem, question.explanation, *(o.text for o in question.options))


@dataclass(frozen=True)
class Quiz:
    """The questions to export, in order, with the quiz title and the language to write."""

    title: str
    questions: tuple[Question, ...]
    lang: str = "en"

    def text(self, value: Text) -> str:
        """Return VALUE in the quiz's language (English where there is no Welsh), with Unix line ends."""
        # Line endings are layout, not content: one form keeps every format's round trip exact.
        return value.get(self.lang).replace("\r\n", "\n").replace("\r", "\n")

    def welsh_drafts(self) -> list[str]:
        """Return the ids of questions whose Welsh here still waits for a Welsh speaker's review."""
        if self.lang != "cy":
            return []
        return [q.id for q in self.questions if any(t.is_draft for t in question_texts(q))]

    def choices(self, question: Question) -> list[tuple[str, bool]]:
        """Return (text, correct) for each answer, True/False written out for true-false."""
        if question.answer is not None:
            true, false = TRUE_FALSE.get(self.lang, TRUE_FALSE["en"])
            return [(true, question.answer), (false, not question.answer)]
        return [(self.text(o.text), o.correct) for o in question.options]


@dataclass(frozen=True)
class LeftOut:
    """A question a format could not hold, and why."""

    question_id: str
    reason: str

    def __str__(self) -> str:
        return f"Left out {self.question_id}: {self.reason}"


@dataclass(frozen=True)
class Export:
    """A written quiz: the file's bytes and the questions left out of it."""

    data: bytes
    left_out: tuple[LeftOut, ...] = ()


def type_label(question: Question) -> str:
    """Return the question's type as a teacher reads it ("Multiple choice")."""
    qtype = TYPES.get(question.type)
    return qtype.label.lower() if qtype else f"'{question.type}'"


def write_each(quiz: Quiz, writers: dict[str, Callable], format_name: str) -> tuple[list, list[LeftOut]]:
    """Run the writer registered for each question's type; collect what each format cannot hold.

    A type with no writer, or a writer raising Refused, leaves the question out with a note:
    never silently, and never half-written.
    """
    written, left_out = [], []
    for question in quiz.questions:
        writer = writers.get(question.type)
        if writer is None:
            left_out.append(LeftOut(question.id, f"{format_name} cannot hold a {type_label(question)} question"))
            continue
        try:
            written.append(writer(quiz, question))
        except Refused as exc:
            left_out.append(LeftOut(question.id, str(exc)))
    return written, left_out


def right_count(options: list[Option]) -> int:
    """Return how many of OPTIONS are right."""
    return sum(o.correct for o in options)


def one_line(text: str) -> str:
    """Return TEXT with each run of line breaks (any kind) made one space; other spaces kept."""
    return LINE_BREAKS.sub(" ", text)


def letter(index: int) -> str:
    """Return the option letter for INDEX (0 -> A)."""
    return chr(ord("A") + index)
