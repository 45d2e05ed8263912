"""Hostile text in every format: it comes back exactly as written, or is left out with a clear reason."""

import re

import pytest

from kit.content.models import Text
from kit.quiz.formats import FORMATS
from tests.quiz import readers

RTL = "\u202eevil\u202c \u200fمرحبا\u200f שלום"
HOSTILE = {
    "gift specials": r"A ~tilde =equals #hash {brace} :colon \backslash \n not a break ####four ::name::",
    "gift format tag": "[html]<b>bold</b> stays literal",
    "gift weight": "%50% of people",
    "comment start": "// not a comment",
    "xml": "<tag a=\"1\">&amp; & ]]> <!-- no --> 'quotes' \"double\"",
    "csv formulas": "=HYPERLINK(\"http://example.com\",\"click\"), +1, -1; @SUM(A1)",
    "aiken option lookalike": "B) looks like an option and ANSWER: A",
    "line breaks": "Line one\nLine two\r\nLine three\u2028Line four",
    "right-to-left": RTL,
    "welsh and emoji": "Ŵyŷ âêîôû 👍🏽 \u00a0non-breaking",
    "long": ("Long question text. " * 500).strip(),  # 9,999 characters
    "very long": "x" * 10_000,
    "control character": "Bell \x07 ring",
}
LINE_BREAK = re.compile("[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")
XML_FORBIDDEN = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def read_back(fmt, data):
    """Return (stem, options, feedback or None) per question, whatever the format."""
    if fmt == "gift":
        return [(q["stem"], [t for _, _, t in q.get("answers", [])], q["feedback"]) for q in readers.read_gift(data)[0]]
    if fmt == "aiken":
        return [(q["stem"], q["options"], None) for q in readers.read_aiken(data)]
    if fmt == "moodle-xml":
        return [(q["stem"], [t for _, t in q["answers"]], q["feedback"]) for q in readers.read_moodle_xml(data)[0]]
    if fmt == "qti":
        return [(q["stem"], [t for _, t in q["choices"]], q["feedback"]) for q in readers.read_qti(data)[0]]
    if fmt == "kahoot":
        return [(r["stem"], r["answers"], None) for r in readers.read_kahoot(data)[0]]
    return [(r["question"], [r[f"option {c}"] for c in "ABC"], r["explanation"]) for r in readers.read_csv(data)]


def expected(fmt, text, where):
    """Return TEXT as FMT must give it back, or None where FMT must refuse it."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if fmt in ("moodle-xml", "qti") and XML_FORBIDDEN.search(text):
        return None
    if fmt == "aiken":
        text = LINE_BREAK.sub(" ", text).strip()
        lookalike = re.match(r"^[A-Z][.)][ \t]|^ANSWER:", text)
        return None if where == "stem" and lookalike else text
    if fmt == "kahoot":
        text = LINE_BREAK.sub(" ", text)
        limit = 120 if where == "stem" else 75
        return None if len(text) > limit or re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", text) else text
    return text


@pytest.mark.parametrize("fmt", list(FORMATS))
@pytest.mark.parametrize("name", list(HOSTILE))
@pytest.mark.parametrize("where", ["stem", "option"])
def test_hostile_text_survives_or_is_refused_clearly(make_question, quiz_of, fmt, name, where):
    text = HOSTILE[name]
    stem = text if where == "stem" else "Plain question?"
    options = [("Right", True), (text if where == "option" else "Wrong", False), ("Other", False)]
    question = make_question(id="hostile", stem=stem, options=options, explanation=text)
    neighbour = make_question(id="plain", stem="A plain question?")
    result = FORMATS[fmt].write(quiz_of(question, neighbour))
    want = expected(fmt, text, where)
    read = read_back(fmt, result.data)
    if want is None or (fmt in ("moodle-xml", "qti") and expected(fmt, text, "explanation") is None):
        assert [note.question_id for note in result.left_out] == ["hostile"]
        assert len(result.left_out[0].reason) > 20
        assert [stem for stem, _, _ in read] == ["A plain question?"]  # the rest still exported
        return
    assert result.left_out == ()
    got_stem, got_options, feedback = read[0]
    assert (got_stem if where == "stem" else got_options[1]) == want
    if feedback is not None:
        assert feedback == text.replace("\r\n", "\n").replace("\r", "\n")
    assert read[1][0] == "A plain question?"


def test_kahoot_names_the_question_and_its_length_rather_than_cutting(make_question, quiz_of):
    question = make_question(id="too-long", stem=("Why? " * 30).strip())
    result = FORMATS["kahoot"].write(quiz_of(question))
    assert [str(n) for n in result.left_out] == [
        "Left out too-long: its question is 149 characters and Kahoot allows 120; "
        "shorten it in Kahoot or use another format (it was not cut short)"]
    rows, note = readers.read_kahoot(result.data)
    assert rows == [] and "too-long" in note


def test_an_unknown_question_type_is_left_out_of_every_format_with_its_name(make_question, quiz_of):
    question = make_question(id="ordering", type="ordering")
    for fmt in FORMATS.values():
        result = fmt.write(quiz_of(question))
        assert [n.question_id for n in result.left_out] == ["ordering"]
        assert result.left_out[0].reason.endswith("cannot hold a 'ordering' question")


@pytest.mark.parametrize("fmt", ["gift", "moodle-xml", "qti"])
def test_left_out_notes_are_written_into_formats_with_comments(make_question, quiz_of, fmt):
    multi = make_question(id="multi", type="ordering")
    data = FORMATS[fmt].write(quiz_of(multi, make_question(id="ok"))).data
    comments = {"gift": lambda d: readers.read_gift(d)[1], "moodle-xml": lambda d: readers.read_moodle_xml(d)[1],
                "qti": lambda d: readers.read_qti(d)[1]}[fmt](data)
    assert any(c.startswith("Left out multi:") for c in comments)


def test_extra_option_fields_such_as_misconception_are_ignored(make_question, quiz_of):
    question = make_question()
    wrong = question.options[1].model_copy(update={"misconception": "paying-ends-it"})
    question = question.model_copy(update={"options": [question.options[0], wrong, question.options[2]]})
    for fmt in FORMATS.values():
        assert fmt.write(quiz_of(question)).left_out == ()


def test_spreadsheets_get_text_not_formulas(make_question, quiz_of):
    question = make_question(stem="=1+1", options=[("=SUM(A1:A3)", True), ("@x", False)])
    rows, _ = readers.read_kahoot(FORMATS["kahoot"].write(quiz_of(question)).data)
    assert rows[0]["stem"] == "=1+1" and rows[0]["answers"][0] == "=SUM(A1:A3)"
    raw = FORMATS["csv"].write(quiz_of(question)).data.decode("utf-8-sig")
    assert "'=1+1" in raw and "'=SUM(A1:A3)" in raw and "'@x" in raw


def test_welsh_drafts_are_named_only_when_welsh_is_written(make_question, quiz_of):
    draft = make_question(id="draft").model_copy(update={"stem": Text("Safe?", "Diogel?", "draft")})
    approved = make_question(id="approved").model_copy(update={"stem": Text("Safe?", "Diogel?", "approved")})
    assert quiz_of(draft, approved, lang="cy").welsh_drafts() == ["draft"]
    assert quiz_of(draft, approved, lang="en").welsh_drafts() == []
