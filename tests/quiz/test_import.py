"""GIFT and Aiken files read into library drafts; broken files are reported line by line."""

from pathlib import Path

import pytest
import yaml

from kit.content.models import QuestionFile
from kit.paths import data_dir
from kit.quiz import aiken_reader, gift_reader
from kit.quiz.drafts import NO_EXPLANATION
from kit.quiz.formats import FORMATS
from kit.quiz.importer import guess_format, import_quiz
from kit.quiz.model import Quiz

LESSONS = Path(data_dir("lessons"))


def run_import(source, fmt, library, audience="adults"):
    return import_quiz(source, fmt, audience, LESSONS, set(library.questions), "quiz.txt", "out.yaml")


@pytest.mark.parametrize("fmt", ["gift", "aiken"])
def test_the_whole_library_exported_and_imported_comes_back(library, fmt):
    questions = tuple(library.questions.values())
    export = FORMATS[fmt].write(Quiz("All", questions))
    result = run_import(export.data.decode("utf-8"), fmt, library)
    assert [f for f in result.found if f.lost] == []
    # Drafts cannot know which misconception each wrong answer tests: the checker says so (issue 9),
    # and nothing else.
    assert result.problems
    assert all("the misconception it tests" in p for p in result.problems)
    drafts = QuestionFile.model_validate(yaml.safe_load(result.yaml)).questions
    kept = [q for q in questions if q.id not in {n.question_id for n in export.left_out}]
    assert len(drafts) == len(kept)
    for original, draft in zip(kept, drafts, strict=True):
        assert draft.stem.en == original.stem.en
        assert draft.answer == original.answer
        if original.type == "true-false":
            assert draft.type == "true-false"
        else:
            assert [(o.text.en, o.correct) for o in draft.options] == \
                [(o.text.en, o.correct) for o in original.options]
            assert draft.type == ("single" if fmt == "aiken" else original.type)
        assert draft.explanation.en == (original.explanation.en if fmt == "gift" else NO_EXPLANATION)
        assert draft.id not in library.questions


@pytest.mark.parametrize(("source", "line", "message"), [
    ("Q one {=a ~b\n", 1, "never closed with '}'"),
    ("// a comment\n\nFirst {=a ~b}\n\nSecond\n{\n=a\n~b\n", 6, "never closed with '}'"),
    ("Just a description\n", 1, "no answers in { }"),
    ("\n\nWrite an essay. {}\n", 3, "an essay question"),
    ("What year? {#1822:5}\n", 1, "a numerical question"),
    ("Match {\n=cat -> meow\n=dog -> woof\n}\n", 2, "a matching question"),
    ("Who? {=nobody =no one}\n", 1, "a short-answer question"),
    ("Grant is {~buried =entombed} in Grant's tomb.\n", 1, "a missing-word question"),
    ("Q {\n=a#well done\n~b\n}\n", 2, "feedback on one answer"),
    ("Q {=a =b ~c}\n", 1, "more than one '=' answer"),
    ("Q {\n=a\n~%50%b\n~c\n}\n", 3, "partial credit (50%)"),
    ("{=a ~b}\n", 1, "no text before '{'"),
])
def test_broken_gift_is_reported_with_its_line(source, line, message):
    _, found = gift_reader.read(source)
    assert any(f.line == line and message in f.message for f in found), [str(f) for f in found]


@pytest.mark.parametrize(("source", "line", "message"), [
    ("A. orphan option\n", 1, "option A comes before any question"),
    ("Q?\nA. a\nB. b\n", 1, "never gets its 'ANSWER: X' line"),
    ("Q?\nA. a\nB. b\nANSWER: E\n", 4, "'ANSWER: E' names no option"),
    ("Q?\nA. only one\nANSWER: A\n", 3, "at least two options"),
    ("Q?\nA. a\nA. again\nB. b\nANSWER: A\n", 3, "a second option A"),
    ("ANSWER: A\n", 1, "'ANSWER:' comes before any question"),
    ("First?\nA. a\nB. b\nSecond?\nA. c\nB. d\nANSWER: B\n", 1, "never gets its 'ANSWER: X' line"),
])
def test_broken_aiken_is_reported_with_its_line(source, line, message):
    _, found = aiken_reader.read(source)
    assert any(f.line == line and message in f.message for f in found), [str(f) for f in found]


def test_gift_escapes_weights_and_feedback_are_read():
    source = ("::n::[plain]Pick \\{two\\} \\: one\\nline {\n~%50%A \\= B\n~%50%C\\#1\n~%-100%D ####Why\\: because}\n"
              "\n\nSun rises in the east. {T####It does.}\n")
    drafts, found = gift_reader.read(source)
    assert found == []
    assert drafts[0].stem == "Pick {two} : one\nline"
    assert drafts[0].type == "multiple"
    assert drafts[0].options == [("A = B", True), ("C#1", True), ("D", False)]
    assert drafts[0].explanation == "Why: because"
    assert (drafts[1].type, drafts[1].answer, drafts[1].explanation) == ("true-false", True, "It does.")


def test_weights_are_read_only_after_tilde_as_moodle_does():
    drafts, found = gift_reader.read("Q {=%50% of people ~%0%%25% ~none}\n\nR {~%100%x ~%-100%y ~%0%z}\n")
    assert found == []
    assert (drafts[0].type, drafts[0].options) == ("single", [("%50% of people", True), ("%25%", False),
                                                              ("none", False)])
    assert (drafts[1].type, drafts[1].options) == ("multiple", [("x", True), ("y", False), ("z", False)])


def test_html_formatting_is_kept_as_typed_and_flagged():
    drafts, found = gift_reader.read("::n::[html]Is <b>this</b> safe? {=No ~Yes}\n")
    assert drafts[0].stem == "Is <b>this</b> safe?"
    assert [(f.line, f.lost) for f in found] == [(1, False)] and "[html] formatting" in found[0].message


def test_aiken_true_false_and_wrapped_stems():
    drafts, found = aiken_reader.read("Is the sky\nblue?\nA) True\nB) False\nANSWER: A\n\n"
                                      "Ydy'r awyr yn wyrdd?\nA. Gwir\nB. Anwir\nANSWER: B\n")
    assert found == []
    assert (drafts[0].stem, drafts[0].type, drafts[0].answer) == ("Is the sky blue?", "true-false", True)
    assert (drafts[1].type, drafts[1].answer) == ("true-false", False)


def test_ids_come_from_the_text_and_never_clash(library):
    taken = next(iter(library.questions))
    stem = "Which is safe to do?"
    source = f"{stem} {{=Tell ~Pay}}\n\n{stem} {{=Tell ~Pay}}\n"
    result = import_quiz(source, "gift", "adults", LESSONS, {taken, "which-is-safe-to-do"}, "q", "out.yaml")
    ids = [q.id for q in QuestionFile.model_validate(yaml.safe_load(result.yaml)).questions]
    assert ids == ["which-is-safe-to-do-2", "which-is-safe-to-do-3"]


def test_drafts_name_their_source_line(library):
    result = run_import("Q one? {=a ~b}\n\n\nQ two? {=c ~d}\n", "gift", library)
    assert "# draft from quiz.txt line 1\n" in result.yaml and "# draft from quiz.txt line 4\n" in result.yaml


def test_the_library_checker_reports_what_the_drafts_break(library):
    result = run_import("Pick one? {=Same ~same}\n", "gift", library)
    assert any(p.startswith("out.yaml:") and "repeats option 1" in p for p in result.problems), result.problems


@pytest.mark.parametrize(("name", "text", "fmt"), [
    ("quiz.gift", "Q? {=a ~b}", "gift"),
    ("quiz.aiken", "Q?\nA. a\nB. b\nANSWER: A", "aiken"),
    ("quiz.txt", "Q?\nA. a\nB. b\nANSWER: A", "aiken"),
    ("quiz.txt", "Q? {=a ~b}", "gift"),
])
def test_format_is_guessed_from_the_ending_or_the_lines(name, text, fmt):
    assert guess_format(Path(name), text) == fmt
