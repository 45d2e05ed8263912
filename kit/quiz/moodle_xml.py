"""Moodle XML: every question type we have, with explanations as general feedback."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from kit.content.models import Question
from kit.quiz.gift import right_share
from kit.quiz.model import Export, Quiz, write_each
from kit.quiz.xmltext import check_characters, comment, document, sub


def _text(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    element = sub(parent, tag, **attrs)
    sub(element, "text", text)
    return element


def _question(quiz: Quiz, question: Question, kind: str) -> ET.Element:
    check_characters(quiz, question)
    element = ET.Element("question", type=kind)
    _text(element, "name", question.id)
    _text(element, "questiontext", quiz.text(question.stem), format="plain_text")
    _text(element, "generalfeedback", quiz.text(question.explanation), format="plain_text")
    sub(element, "defaultgrade", "1")
    sub(element, "idnumber", question.id)
    return element


def _answer(parent: ET.Element, fraction: str, text: str, fmt: str = "plain_text") -> None:
    answer = _text(parent, "answer", text, fraction=fraction, format=fmt)
    _text(answer, "feedback", "", format="plain_text")


def _choice(quiz: Quiz, question: Question, fractions: tuple[str, str], single: bool) -> ET.Element:
    element = _question(quiz, question, "multichoice")
    sub(element, "single", "true" if single else "false")
    sub(element, "shuffleanswers", "false")
    sub(element, "answernumbering", "ABCD")
    for text, right in quiz.choices(question):
        _answer(element, fractions[0] if right else fractions[1], text)
    return element


def _single(quiz: Quiz, question: Question) -> ET.Element:
    return _choice(quiz, question, ("100", "0"), single=True)


def _multiple(quiz: Quiz, question: Question) -> ET.Element:
    # As in GIFT: right answers share 100%, any wrong one cancels the mark.
    return _choice(quiz, question, (right_share(question), "-100"), single=False)


def _true_false(quiz: Quiz, question: Question) -> ET.Element:
    element = _question(quiz, question, "truefalse")
    # Moodle matches the words "true" and "false"; it shows them in the course's own language.
    _answer(element, "100" if question.answer else "0", "true", "moodle_auto_format")
    _answer(element, "0" if question.answer else "100", "false", "moodle_auto_format")
    return element


WRITERS = {"single": _single, "multiple": _multiple, "true-false": _true_false}


def write(quiz: Quiz) -> Export:
    """Return QUIZ as a Moodle XML question file, noting left-out questions in comments."""
    written, left_out = write_each(quiz, WRITERS, "Moodle XML")
    root = ET.Element("quiz")
    root.append(comment(f"Safer Sessions Kit quiz: {quiz.title}"))
    for note in left_out:
        root.append(comment(str(note)))
    root.extend(written)
    return Export(document(root), tuple(left_out))
