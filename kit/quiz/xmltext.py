"""What the XML formats share: refusing characters XML 1.0 forbids, and writing documents."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from kit.content.models import Question
from kit.quiz.model import Quiz, Refused, question_texts

# XML 1.0 allows tab, line feed, carriage return and these ranges; nothing else, not even escaped.
FORBIDDEN = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def check_characters(quiz: Quiz, question: Question) -> None:
    """Raise Refused naming the first character of QUESTION's texts that XML 1.0 cannot hold."""
    for text in question_texts(question):
        found = FORBIDDEN.search(quiz.text(text))
        if found:
            raise Refused(f"it holds a control character (U+{ord(found.group()):04X}) that XML cannot hold")


def plain(text: str) -> str:
    """Return TEXT on one line without characters XML forbids, for titles and comments."""
    return " ".join(FORBIDDEN.sub("", text).split())


def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    """Add and return a child element TAG of PARENT with TEXT and ATTRS."""
    child = ET.SubElement(parent, tag, attrs)
    child.text = text
    return child


def comment(text: str) -> ET.Element:
    """Return an XML comment holding TEXT ("--" and forbidden characters cannot appear in one)."""
    safe = plain(text).replace("--", "- -")
    return ET.Comment(f" {safe} ")


def document(root: ET.Element) -> bytes:
    """Return ROOT as an indented UTF-8 XML document with its declaration."""
    ET.indent(root)
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True) + b"\n"
