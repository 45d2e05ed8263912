"""CSV: one row per question, for spreadsheets and tools that read plain tables."""

from __future__ import annotations

import csv
import io

from kit.content.models import Question
from kit.quiz.model import Export, Quiz, letter, write_each

# Spreadsheets run a cell starting with one of these as a formula (CSV injection); a leading
# apostrophe makes them show it as text, as OWASP advises.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MIN_OPTION_COLUMNS = 4


def cell(text: str) -> str:
    """Return TEXT safe to open in a spreadsheet: formula-like text gets a leading apostrophe."""
    return "'" + text if text.startswith(FORMULA_START) else text


def _row(quiz: Quiz, question: Question) -> dict[str, str]:
    choices = quiz.choices(question)
    row = {"id": question.id, "type": question.type, "question": quiz.text(question.stem)}
    row |= {f"option {letter(i)}": text for i, (text, _) in enumerate(choices)}
    row["correct"] = ";".join(letter(i) for i, (_, right) in enumerate(choices) if right)
    row["explanation"] = quiz.text(question.explanation)
    return row


WRITERS = {"single": _row, "multiple": _row, "true-false": _row}


def write(quiz: Quiz) -> Export:
    """Return QUIZ as UTF-8 CSV (with a byte-order mark, so Excel reads Welsh letters right)."""
    rows, left_out = write_each(quiz, WRITERS, "CSV")
    width = max([MIN_OPTION_COLUMNS] + [sum(k.startswith("option ") for k in r) for r in rows])
    columns = ["id", "type", "question", *(f"option {letter(i)}" for i in range(width)), "correct", "explanation"]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: cell(value) for key, value in row.items()})
    return Export(buffer.getvalue().encode("utf-8-sig"), tuple(left_out))
