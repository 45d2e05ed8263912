"""Every question in the shipped library, exported in every format and language, read back."""

import io
import re
import xml.etree.ElementTree as ET
import zipfile

import pytest

from kit.quiz.formats import FORMATS
from kit.quiz.model import TRUE_FALSE, Quiz
from tests.quiz import readers

LANGS = ("en", "cy")


@pytest.fixture(scope="module")
def exported(library):
    """Return {(format, lang): (quiz, Export)} for the whole library as one quiz."""
    questions = tuple(library.questions.values())
    out = {}
    for lang in LANGS:
        quiz = Quiz("Whole library", questions, lang)
        for fmt in FORMATS.values():
            out[(fmt.id, lang)] = (quiz, fmt.write(quiz))
    return out


def expected_choices(question, lang):
    """Return (text, right) per answer, computed from the library question alone."""
    if question.type == "true-false":
        true, false = TRUE_FALSE[lang]
        return [(true, question.answer), (false, not question.answer)]
    return [(o.text.get(lang), o.correct) for o in question.options]


def accounted(quiz, written_ids, export):
    """Assert every question was written or left out with a reason, none both or neither."""
    left = [note.question_id for note in export.left_out]
    assert sorted(written_ids + left) == sorted(q.id for q in quiz.questions)
    assert all(note.reason for note in export.left_out)


@pytest.mark.parametrize("lang", LANGS)
def test_gift(exported, lang):
    quiz, export = exported[("gift", lang)]
    questions, comments = readers.read_gift(export.data)
    accounted(quiz, [q["name"] for q in questions], export)
    assert export.left_out == ()
    for question, read in zip(quiz.questions, questions, strict=True):
        assert read["stem"] == question.stem.get(lang)
        assert read["feedback"] == question.explanation.get(lang)
        if question.type == "true-false":
            assert read["truefalse"] == ("TRUE" if question.answer else "FALSE")
            continue
        texts = [text for _, _, text in read["answers"]]
        assert texts == [text for text, _ in expected_choices(question, lang)]
        if question.type == "single":
            assert [mark == "=" for mark, _, _ in read["answers"]] == [o.correct for o in question.options]
        else:
            weights = [w for _, w, _ in read["answers"]]
            assert [w > 0 for w in weights] == [o.correct for o in question.options]
            assert sum(w for w in weights if w > 0) == pytest.approx(100, abs=0.001)


@pytest.mark.parametrize("lang", LANGS)
def test_aiken(exported, lang):
    quiz, export = exported[("aiken", lang)]
    read = readers.read_aiken(export.data)
    left = {note.question_id for note in export.left_out}
    written = [q for q in quiz.questions if q.id not in left]
    assert len(read) == len(written)
    for question in quiz.questions:
        if question.id in left:  # only multiple-answer questions with several right answers
            assert question.type == "multiple" and sum(o.correct for o in question.options) > 1
    for question, item in zip(written, read, strict=True):
        choices = expected_choices(question, lang)
        assert item["stem"] == question.stem.get(lang)
        assert item["options"] == [text for text, _ in choices]
        assert choices[item["answer"]][1] is True


@pytest.mark.parametrize("lang", LANGS)
def test_moodle_xml(exported, lang):
    quiz, export = exported[("moodle-xml", lang)]
    questions, comments = readers.read_moodle_xml(export.data)
    accounted(quiz, [q["name"] for q in questions], export)
    for question, read in zip(quiz.questions, questions, strict=True):
        assert read["stem"] == question.stem.get(lang)
        assert read["feedback"] == question.explanation.get(lang)
        if question.type == "true-false":
            assert read["type"] == "truefalse"
            right = [text for fraction, text in read["answers"] if fraction == 100]
            assert right == ["true" if question.answer else "false"]
            continue
        assert read["type"] == "multichoice"
        assert read["single"] == ("true" if question.type == "single" else "false")
        assert [text for _, text in read["answers"]] == [o.text.get(lang) for o in question.options]
        assert [f > 0 for f, _ in read["answers"]] == [o.correct for o in question.options]


@pytest.mark.parametrize("lang", LANGS)
def test_qti(exported, lang):
    quiz, export = exported[("qti", lang)]
    items, _ = readers.read_qti(export.data)
    accounted(quiz, [i["title"] for i in items], export)
    for question, item in zip(quiz.questions, items, strict=True):
        choices = expected_choices(question, lang)
        assert item["stem"] == question.stem.get(lang)
        assert item["feedback"] == question.explanation.get(lang)
        assert [text for _, text in item["choices"]] == [text for text, _ in choices]
        right = [ident for (ident, _), (_, ok) in zip(item["choices"], choices, strict=True) if ok]
        assert item["correct"] == right
        assert item["cardinality"] == ("multiple" if question.type == "multiple" else "single")


@pytest.mark.parametrize("lang", LANGS)
def test_kahoot(exported, lang):
    quiz, export = exported[("kahoot", lang)]
    rows, note = readers.read_kahoot(export.data)
    left = {n.question_id: n.reason for n in export.left_out}
    written = [q for q in quiz.questions if q.id not in left]
    assert len(rows) == len(written)
    for question_id, reason in left.items():  # only ever for length, named in the sheet itself
        assert "Kahoot allows" in reason and question_id in note
    for question, row in zip(written, rows, strict=True):
        choices = expected_choices(question, lang)
        assert row["stem"] == question.stem.get(lang) and len(row["stem"]) <= 120
        assert row["answers"] == [text for text, _ in choices]
        assert all(len(a) <= 75 for a in row["answers"])
        assert row["correct"] == [i for i, (_, ok) in enumerate(choices, 1) if ok]
        assert row["time"] in (5, 10, 20, 30, 60, 90, 120, 240)


@pytest.mark.parametrize("lang", LANGS)
def test_csv(exported, lang):
    quiz, export = exported[("csv", lang)]
    rows = readers.read_csv(export.data)
    accounted(quiz, [r["id"] for r in rows], export)
    for question, row in zip(quiz.questions, rows, strict=True):
        choices = expected_choices(question, lang)
        assert row["question"] == question.stem.get(lang)
        assert row["explanation"] == question.explanation.get(lang)
        options = [row[f"option {c}"] for c in "ABCD"]
        assert options[:len(choices)] == [text for text, _ in choices]
        assert row["correct"].split(";") == ["ABCD"[i] for i, (_, ok) in enumerate(choices) if ok]


@pytest.mark.parametrize("fmt", FORMATS)
def test_same_quiz_same_bytes(library, fmt):
    quiz = Quiz("Byte check", tuple(library.questions.values())[:10], "cy")
    assert FORMATS[fmt].write(quiz).data == FORMATS[fmt].write(quiz).data


@pytest.mark.parametrize("fmt", ["qti", "kahoot"])
def test_zip_entries_carry_no_clock_time(library, fmt):
    data = FORMATS[fmt].write(Quiz("Zip", tuple(library.questions.values())[:5])).data
    infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    assert infos and {info.date_time for info in infos} == {(1980, 1, 1, 0, 0, 0)}


def test_qti_test_and_manifest_point_at_files_in_the_package(library):
    data = FORMATS["qti"].write(Quiz("Refs", tuple(library.questions.values()))).data
    archive = zipfile.ZipFile(io.BytesIO(data))
    names = set(archive.namelist())
    manifest = ET.fromstring(archive.read("imsmanifest.xml"))  # noqa: S314 - our own export
    hrefs = [f.get("href") for f in manifest.iter(f"{readers.CP}file")]
    assert set(hrefs) == names - {"imsmanifest.xml"}
    test = ET.fromstring(archive.read("test.xml"))  # noqa: S314
    assert test.tag == f"{readers.QTI}assessmentTest"
    refs = [r.get("href") for r in test.iter(f"{readers.QTI}assessmentItemRef")]
    assert refs == [f"items/{q}.xml" for q in library.questions]
    identifiers = [ET.fromstring(archive.read(r)).get("identifier") for r in refs]  # noqa: S314
    assert len(set(identifiers)) == len(identifiers)
    assert all(re.fullmatch(r"[A-Za-z_][\w.-]*", i) for i in identifiers)
