"""Independent readers of every export format, written from the formats' specifications.

They share no code with kit.quiz. pygiftparser (PyPI) was tried for GIFT and rejected: version
1.1 ends an answer list at an escaped brace (`\\}`), keeps escapes in the text it returns, and
its import raises a DeprecationWarning (locale.getdefaultlocale), which this suite treats as an error.
"""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
import zipfile

QTI = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"
CP = "{http://www.imsglobal.org/xsd/imscp_v1p1}"
GIFT_SPECIAL = set("~=#{}:")


# --- GIFT: a strict character-level reader ---------------------------------------------------

def _gift_tokens(text: str) -> list[tuple[str, str]]:
    """Return ("lit", char) for literal characters and ("op", char) for unescaped specials."""
    tokens, i = [], 0
    while i < len(text):
        char = text[i]
        if char == "\\":
            following = text[i + 1]
            assert following in GIFT_SPECIAL | {"\\", "n"}, f"unknown escape \\{following}"
            tokens.append(("lit", "\n" if following == "n" else following))
            i += 2
            continue
        tokens.append(("op" if char in GIFT_SPECIAL else "lit", char))
        i += 1
    return tokens


def _moodle_text(text: str) -> str:
    """Return TEXT as Moodle keeps it: a leading [plain], [html], [moodle] or [markdown] is a format."""
    return re.sub(r"^\[(plain|html|moodle|markdown)\]", "", text, count=1)


def _literal(tokens: list[tuple[str, str]]) -> str:
    assert all(kind == "lit" for kind, _ in tokens), f"unescaped special character in {tokens}"
    return "".join(char for _, char in tokens)


def _gift_question(source: str) -> dict:
    tokens = _gift_tokens(source)
    ops = [i for i, (kind, _) in enumerate(tokens) if kind == "op"]
    assert [tokens[i][1] for i in ops[:4]] == [":", ":", ":", ":"], "question must start with ::name::"
    name = _literal(tokens[ops[1] + 1:ops[2]])
    opening = ops[4]
    closing = ops[-1]
    assert tokens[opening][1] == "{" and tokens[closing][1] == "}", "answers must be in { }"
    assert _literal(tokens[closing + 1:]).strip() == ""
    head = _literal(tokens[ops[3] + 1:opening])
    assert head.startswith("[plain]") and head.endswith(" ")
    body = tokens[opening + 1:closing]
    general = [i for i in range(len(body) - 3) if [c for _, c in body[i:i + 4]] == ["#"] * 4
               and all(k == "op" for k, _ in body[i:i + 4])]
    assert len(general) == 1, "exactly one #### general feedback"
    feedback = _moodle_text(_literal(body[general[0] + 4:]).strip())
    answers_part = body[:general[0]]
    marks = [i for i, (kind, char) in enumerate(answers_part) if kind == "op" and char in "=~"]
    question = {"name": name, "stem": head[len("[plain]"):-1], "feedback": feedback}
    if not marks:
        question["truefalse"] = _literal(answers_part).strip()
        return question
    answers = []
    for start, end in zip(marks, [*marks[1:], len(answers_part)], strict=True):
        text = _literal(answers_part[start + 1:end])
        assert text.endswith("\n\t"), "each answer on its own line"
        text = text[:-2]
        weight = re.match(r"%(-?\d+(?:\.\d+)?)%", text)
        answers.append((answers_part[start][1], float(weight.group(1)) if weight else None,
                        _moodle_text(text[weight.end():] if weight else text)))
    question["answers"] = answers
    return question


def read_gift(data: bytes) -> tuple[list[dict], list[str]]:
    """Return the questions of a GIFT file and its comment lines."""
    text = data.decode("utf-8")
    comments = [line[3:] for line in text.split("\n") if line.startswith("// ")]
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    questions = []
    for paragraph in paragraphs:
        lines = [line for line in paragraph.split("\n") if not line.startswith("//")]
        if lines:
            questions.append(_gift_question("\n".join(lines)))
    return questions, comments


# --- Aiken ------------------------------------------------------------------------------------

def read_aiken(data: bytes) -> list[dict]:
    """Return the questions of an Aiken file, checking every line against Aiken's rules."""
    questions = []
    for paragraph in data.decode("utf-8").split("\n\n"):
        lines = paragraph.strip("\n").split("\n")
        if lines == [""]:
            continue
        stem, *options, answer = lines
        assert not re.match(r"^[A-Z][.)][ \t]|^ANSWER:", stem)
        parsed = []
        for expected, line in zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", options, strict=False):
            assert line.startswith(f"{expected}. "), line
            parsed.append(line[3:])
        match = re.fullmatch(r"ANSWER: ([A-Z])", answer)
        assert match, answer
        questions.append({"stem": stem, "options": parsed, "answer": "ABCDEFGHIJKLMNOPQRSTUVWXYZ".index(match[1])})
    return questions


# --- Moodle XML and QTI -------------------------------------------------------------------------

def _parser() -> ET.XMLParser:
    return ET.XMLParser(target=ET.TreeBuilder(insert_comments=True))  # noqa: S314 - keeps comments


def read_moodle_xml(data: bytes) -> tuple[list[dict], list[str]]:
    """Return the questions of a Moodle XML file and its comments."""
    root = ET.fromstring(data, parser=_parser())  # noqa: S314 - our own export, in a test
    assert root.tag == "quiz"
    comments = [node.text.strip() for node in root if node.tag is ET.Comment]
    questions = []
    for node in root.iter("question"):
        questions.append({
            "type": node.get("type"),
            "name": node.findtext("name/text"),
            "stem": node.findtext("questiontext/text"),
            "feedback": node.findtext("generalfeedback/text"),
            "single": node.findtext("single"),
            "answers": [(float(a.get("fraction")), a.findtext("text")) for a in node.findall("answer")],
        })
    return questions, comments


def read_qti(data: bytes) -> tuple[list[dict], list[str]]:
    """Return the items of a QTI 2.1 package, found through its manifest, and the manifest's comments."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    manifest = ET.fromstring(archive.read("imsmanifest.xml"), parser=_parser())  # noqa: S314
    assert manifest.tag == f"{CP}manifest"
    comments = [node.text.strip() for node in manifest if node.tag is ET.Comment]
    items = []
    for resource in manifest.iter(f"{CP}resource"):
        if resource.get("type") != "imsqti_item_xmlv2p1":
            continue
        item = ET.fromstring(archive.read(resource.get("href")))  # noqa: S314
        assert item.tag == f"{QTI}assessmentItem"
        interaction = item.find(f"{QTI}itemBody/{QTI}choiceInteraction")
        declaration = item.find(f"{QTI}responseDeclaration")
        assert declaration.get("identifier") == "RESPONSE"
        assert item.find(f"{QTI}outcomeDeclaration[@identifier='SCORE']") is not None
        items.append({
            "identifier": item.get("identifier"),
            "title": item.get("title"),
            "cardinality": declaration.get("cardinality"),
            "correct": [v.text for v in declaration.iter(f"{QTI}value")],
            "stem": interaction.findtext(f"{QTI}prompt"),
            "choices": [(c.get("identifier"), c.text) for c in interaction.findall(f"{QTI}simpleChoice")],
            "feedback": item.findtext(f"{QTI}modalFeedback"),
        })
    return items, comments


# --- Kahoot (xlsx) and CSV ----------------------------------------------------------------------

def read_kahoot(data: bytes) -> tuple[list[dict], str | None]:
    """Return the question rows of a Kahoot template (from row 8) and the note in B4."""
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(data)).active
    rows = []
    for row in sheet.iter_rows(min_row=8, values_only=True):
        if row[1] is None:
            continue
        rows.append({"stem": row[1], "answers": [a for a in row[2:6] if a is not None],
                     "time": row[6], "correct": [int(n) for n in str(row[7]).split(",")]})
    return rows, sheet["B4"].value


def read_csv(data: bytes) -> list[dict]:
    """Return the rows of a CSV export, undoing the apostrophe put before formula-like cells."""
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))

    def unguard(value: str) -> str:
        return value[1:] if value[:1] == "'" and value[1:2] in ("=", "+", "-", "@", "\t", "\r") else value

    return [{key: unguard(value) for key, value in row.items()} for row in rows]
