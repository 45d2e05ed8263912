"""Kahoot's quiz spreadsheet template (xlsx): up to four answers, short texts, no explanations."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from kit.content.models import Question
from kit.quiz.model import Export, Quiz, Refused, one_line, write_each
from kit.quiz.package import StableZip

QUESTION_MAX = 120
ANSWER_MAX = 75
MAX_ANSWERS = 4
FIRST_ROW = 8  # Kahoot reads questions from row 8 of its template
HEADINGS = ("", "Question - max 120 characters", "Answer 1 - max 75 characters", "Answer 2 - max 75 characters",
            "Answer 3 - max 75 characters", "Answer 4 - max 75 characters",
            "Time limit (sec) - 5, 10, 20, 30, 60, 90, 120, or 240 secs", "Correct answer(s) - choose at least one")
# Seconds to answer: time to read two short answers, or four.
TIME_LIMITS = {"true-false": 20, "single": 30, "multiple": 30}
# A fixed creation time keeps the same quiz's spreadsheet byte-identical from build to build.
FIXED_TIME = dt.datetime(2000, 1, 1)


def _fits(label: str, text: str, limit: int) -> str:
    if len(text) > limit:
        raise Refused(f"{label} is {len(text):,} characters and Kahoot allows {limit}; "
                      "shorten it in Kahoot or use another format (it was not cut short)")
    return text


def _row(quiz: Quiz, question: Question) -> list:
    choices = quiz.choices(question)
    if len(choices) > MAX_ANSWERS:
        raise Refused(f"Kahoot holds up to {MAX_ANSWERS} answers; this question has {len(choices)}")
    stem = _fits("its question", one_line(quiz.text(question.stem)), QUESTION_MAX)
    answers = [_fits(f"answer {i}", one_line(text), ANSWER_MAX) for i, (text, _) in enumerate(choices, 1)]
    right = [i for i, (_, correct) in enumerate(choices, 1) if correct]
    # One right answer is a number, as a person would type it; several are "1,3", as Kahoot asks.
    marked = right[0] if len(right) == 1 else ",".join(map(str, right))
    return [stem, *answers, *[None] * (MAX_ANSWERS - len(answers)), TIME_LIMITS[question.type], marked]


def _illegal(row: list) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # noqa: PLC0415 - openpyxl loads only for Kahoot

    for value in row:
        found = ILLEGAL_CHARACTERS_RE.search(value) if isinstance(value, str) else None
        if found:
            raise Refused(f"it holds a control character (U+{ord(found.group()):04X}) a spreadsheet cannot store")


def _checked(quiz: Quiz, question: Question) -> list:
    row = _row(quiz, question)
    _illegal(row)
    return row


WRITERS = {"single": _checked, "multiple": _checked, "true-false": _checked}


def _sheet(quiz: Quiz, rows: list[list], notes: list[str]):
    from openpyxl import Workbook  # noqa: PLC0415

    book = Workbook()
    book.properties.created = book.properties.modified = FIXED_TIME
    book.properties.creator = "Safer Sessions Kit"
    sheet = book.active
    sheet.title = "Sheet1"
    sheet["B2"] = one_line(quiz.title)
    if notes:
        sheet["B4"] = "\n".join(notes)
    for column, heading in enumerate(HEADINGS, 1):
        sheet.cell(FIRST_ROW - 1, column, heading)
    for number, row in enumerate(rows, 1):
        sheet.cell(FIRST_ROW + number - 1, 1, number)
        for column, value in enumerate(row, 2):
            cell = sheet.cell(FIRST_ROW + number - 1, column, value)
            if isinstance(value, str):
                cell.data_type = "s"  # text starting with "=" stays text, never a formula
    return book


def write(quiz: Quiz) -> Export:
    """Return QUIZ as Kahoot's spreadsheet template, with any left-out question noted above the table."""
    from openpyxl.writer.excel import ExcelWriter  # noqa: PLC0415

    rows, left_out = write_each(quiz, WRITERS, "Kahoot")
    book = _sheet(quiz, rows, [str(note) for note in left_out])
    buffer = io.BytesIO()
    # ExcelWriter rather than Workbook.save: save() stamps the current time into the file.
    ExcelWriter(book, StableZip(buffer, "w", zipfile.ZIP_DEFLATED)).save()
    return Export(buffer.getvalue(), tuple(left_out))
