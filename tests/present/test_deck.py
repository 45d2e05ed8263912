"""The presenter's deck and the offline file, built from sessions without a browser or Flask."""

from __future__ import annotations

import ast
import re
from dataclasses import replace
from pathlib import Path

import pytest

import kit.present
from kit.present.deck import MESSAGES_PER_SLIDE, build
from kit.present.page import offline_html
from kit.sessions.model import assemble, from_plan
from tests.pdf.conftest import plan_ids


@pytest.fixture(scope="module")
def session_of(library):
    def make(plan_id: str, **extra):
        return assemble(library, replace(from_plan(library, plan_id), **extra))
    return make


@pytest.mark.parametrize("plan_id", plan_ids())
def test_deck_follows_the_fitted_session(session_of, plan_id):
    session = session_of(plan_id)
    deck = build(session)
    kinds = [s.kind for s in deck.slides]
    assert kinds[:2] == ["title", "rules"]
    assert kinds[-1] == "signposting"
    activities = [s.heading for s in deck.slides if s.kind == "activity"]
    assert activities == [a.title.en for m in session.modules if m.id != "ground-rules" for a in m.activities]
    for phase in ("baseline", "endpoint"):
        assert [q.id for q in deck.questions(phase)] == [q.id for q in session.questions]
    shown = [k for s in deck.slides for k in s.signposts]
    assert sorted((k.organisation, k.url or "") for k in shown) == \
        sorted((k.organisation, k.url or "") for k in session.links)
    assert all(k.qr and k.qr.startswith("<svg") for k in shown if k.url)
    assert all(len([k for k in s.signposts if k.qr]) <= 3 for s in deck.slides)


def test_a_shorter_lesson_has_fewer_activity_slides(session_of):
    sessions = {m: session_of("lower-secondary-core", lesson_minutes=m) for m in (60, 20)}
    slides = {m: [s.heading for s in build(t).slides if s.kind == "activity"] for m, t in sessions.items()}
    assert 0 < len(slides[20]) < len(slides[60])
    kept = {slot.activity.title.en for slot in sessions[20].fit.kept}
    left_out = {slot.activity.title.en for slot in sessions[20].fit.dropped} - kept
    assert set(slides[20]) <= kept and not set(slides[20]) & left_out


def test_only_end_point_questions_can_be_revealed(session_of):
    html = offline_html(session_of("upper-primary-core")).decode()
    questions = len(session_of("upper-primary-core").questions)
    assert html.count('<details class="reveal">') == questions


def test_true_false_and_lettered_options_use_the_counts_file_keys(session_of):
    deck = build(session_of("lower-secondary-core"))
    keys = {q.type: [o.key for o in q.options] for q in deck.questions("baseline")}
    assert keys["true-false"] == ["true", "false"]
    assert keys["single"][:2] == ["A", "B"]


@pytest.mark.parametrize("plan_id", plan_ids())
def test_offline_file_is_self_contained_and_byte_identical(session_of, plan_id):
    first = offline_html(session_of(plan_id))
    assert first == offline_html(session_of(plan_id))
    html = first.decode("utf-8")
    # Nothing to fetch: no src or href attribute leaves the file, no stylesheet link, no import.
    assert re.findall(r'\b(?:src|href)="(?!#)[^"]*"', html) == ['href="data:,"']  # the empty icon
    assert "stylesheet" not in html and "@import" not in html and "url(" not in html
    assert "default-src 'none'" in html
    assert not re.search(r"\{(lead|short|guidance)\}", html)  # the nation's names for the lead filled in


def test_the_present_package_never_imports_flask():
    package = Path(kit.present.__file__).parent
    imported = set()
    for source in package.glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text())):
            if isinstance(node, ast.Import):
                imported |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                imported.add(node.module.split(".")[0])
    assert "jinja2" in imported
    assert not imported & {"flask", "flask_login", "flask_wtf", "werkzeug"}


def test_kit_export_writes_the_offline_presenter(session_of, tmp_path):
    from click.testing import CliRunner

    from kit.cli.export import export_command

    result = CliRunner().invoke(export_command, ["--plan", "upper-primary-core", "--out", str(tmp_path),
                                                 "--kind", "presenter", "--minutes", "40"])
    assert result.exit_code == 0, result.output
    written = tmp_path / "present-upper-primary-core-england.html"
    assert result.output.strip() == str(written)
    assert written.read_bytes() == offline_html(session_of("upper-primary-core", lesson_minutes=40))
    assert [p.name for p in tmp_path.iterdir()] == [written.name]


def test_a_bilingual_deck_has_the_english_slides_beside_the_welsh(session_of):
    welsh, english = (build(session_of("lower-secondary-core", nation="wales", lang=lang)) for lang in ("cy", "en"))
    deck = build(session_of("lower-secondary-core", nation="wales", lang="bilingual"))
    assert deck.lang == "cy" and welsh.second == () and english.second == ()
    assert [s.heading for s in deck.slides] == [s.heading for s in welsh.slides]
    assert [s.heading for s in deck.second] == [s.heading for s in english.slides]
    assert deck.slides[0].heading != deck.second[0].heading  # the plan's own Welsh title
    assert deck.slides[2].kicker.endswith("1 o 7") and deck.second[2].kicker.endswith("1 of 7")


def test_the_offline_file_shows_welsh_first_and_english_beneath_marked_as_english(session_of):
    session = session_of("lower-secondary-core", nation="wales", lang="bilingual")
    html = offline_html(session).decode()
    deck = build(session)
    question = deck.questions("baseline")[0]
    english = next(s.question for s in deck.second if s.question and s.question.id == question.id)
    pair = (f'<span class="bi"><span class="first">{question.stem}</span> '
            f'<span class="second" lang="en-GB">{english.stem}</span></span>')
    # both quizzes: each slide and its notes; and the results table
    assert html.count(pair.replace("'", "&#39;")) == 5
    assert '<html lang="cy">' in html and 'class="nav-lang"' in html
    welsh_only = offline_html(session_of("lower-secondary-core", nation="wales", lang="cy")).decode()
    assert 'lang="en-GB"' not in welsh_only and 'class="nav-lang"' not in welsh_only


@pytest.mark.parametrize("nation", ["england", "northern-ireland"])
def test_key_messages_for_other_nations_stay_off_the_slides(session_of, library, nation):
    deck = build(session_of("adults-core", nation=nation))
    shown = {line for s in deck.slides if s.kind == "messages" for line in s.lines}
    messages = [k for m in session_of("adults-core", nation=nation).modules for k in m.key_messages]
    limited = [k for k in messages if k.nations]
    assert limited  # the library has a message for some nations only (the crisis route naming Lifeline)
    for message in messages:
        assert (message.text.en in shown) == (not message.nations or nation in message.nations)


def test_helplines_without_a_web_address_get_their_own_last_slide(session_of):
    session = session_of("adults-core")
    slides = [s for s in build(session).slides if s.kind == "signposting"]
    assert all(k.qr for s in slides[:-1] for k in s.signposts)
    assert [k.organisation for k in slides[-1].signposts] == [k.organisation for k in session.links if not k.url]


@pytest.mark.parametrize("plan_id", ["adults-core", "parents-carers-core", "lower-secondary-core"])
def test_long_lists_of_key_messages_run_over_several_slides_in_order(session_of, plan_id):
    # Nine or ten messages on one slide would shrink to half size: the back row could not read them.
    session = session_of(plan_id, nation="wales", lang="bilingual")
    deck = build(session)
    for slides in (deck.slides, deck.second):
        shown = [s for s in slides if s.kind == "messages"]
        assert all(len(s.lines) <= MESSAGES_PER_SLIDE for s in shown)
        assert any(" · " in s.kicker for s in shown)  # a module's messages span slides, numbered
    welsh = [line for s in deck.slides if s.kind == "messages" for line in s.lines]
    expected = [session.text(k.text) for m in session.modules if m.id != "ground-rules"  # its own slide
                for k in m.key_messages if not k.nations or "wales" in k.nations]
    assert welsh == expected
    assert [s.kind for s in deck.slides] == [s.kind for s in deck.second]  # slide for slide
