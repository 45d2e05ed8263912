"""The export formats, declared once: each names its writer, file extension and what it holds.

A new format plugs in by adding a Format to FORMATS; the command line and the builder list
formats from here instead of branching on names.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from kit.quiz import aiken, gift, kahoot, moodle_xml, qti, table
from kit.quiz.model import Export, Quiz
from kit.sessions.model import Session


@dataclass(frozen=True)
class Format:
    """One file format a quiz can be exported to."""

    id: str
    label: str
    extension: str
    mimetype: str
    holds: str  # what a teacher should know before choosing it
    write: Callable[[Quiz], Export]


FORMATS: dict[str, Format] = {
    f.id: f
    for f in (
        Format("gift", "GIFT (Moodle)", "gift.txt", "text/plain; charset=utf-8",
               "Every question type, with explanations as feedback.", gift.write),
        Format("aiken", "Aiken (Moodle)", "aiken.txt", "text/plain; charset=utf-8",
               "Questions with one right answer only; no explanations.", aiken.write),
        Format("moodle-xml", "Moodle XML", "moodle.xml", "application/xml",
               "Every question type, with explanations as feedback.", moodle_xml.write),
        Format("qti", "QTI 2.1 content package", "qti.zip", "application/zip",
               "Every question type, with explanations as feedback (for most learning platforms).", qti.write),
        Format("kahoot", "Kahoot spreadsheet", "kahoot.xlsx",
               "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
               "Up to 4 answers, questions up to 120 characters and answers up to 75; no explanations.",
               kahoot.write),
        Format("csv", "CSV spreadsheet", "csv", "text/csv; charset=utf-8",
               "Every question, with the right answers and explanations in columns.", table.write),
    )
}


def session_quiz(session: Session, lang: str) -> Quiz:
    """Return the quiz of a built SESSION (its chosen questions, in order) in LANG."""
    return Quiz(session.title, tuple(session.questions), lang)


def filename(session: Session, format_id: str, lang: str) -> str:
    """Return the download name, named like the session's PDFs: 'quiz-post-16-core-wales-cy.gift.txt'."""
    base = session.plan.id if session.plan else session.audience.id
    parts = ["quiz", base, session.nation.id] + ([lang] if lang != "en" else [])
    slug = re.sub(r"[^a-z0-9]+", "-", "-".join(parts).lower()).strip("-")
    return f"{slug[:120] or 'quiz'}.{FORMATS[format_id].extension}"
