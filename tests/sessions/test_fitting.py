"""Time fitting: every plan fits 20, 40 and 60 minutes safely, and the lesson plan follows."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kit.content.models import Activity, Module
from kit.pdf.lesson_plan import timings
from kit.pdf.options import RenderOptions
from kit.pdf.story import Context
from kit.sessions.fitting import fit, quiz_phase_minutes
from kit.sessions.model import assemble, from_plan
from tests.pdf.conftest import plan_ids

LENGTHS = (20, 40, 60)
# A kept activity must teach what to do: a module that covers reporting or responding to a disclosure.
WHAT_TO_DO = {"report", "respond-to-disclosure"}


def module(module_id: str, *activities: tuple[int, bool]) -> Module:
    """Return a module with one activity per (minutes, optional) pair, titled a1, a2, …"""
    acts = [Activity(title={"en": f"a{n}"}, minutes=m, steps=[{"en": "Do it."}], optional=o)
            for n, (m, o) in enumerate(activities, 1)]
    return Module(id=module_id, title={"en": module_id}, summary={"en": "s"}, audiences=["adults"],
                  minutes=sum(m for m, _ in activities), outcomes=[{"en": "I can."}], activities=acts)


def kept_titles(result) -> list[str]:
    return [f"{s.module.id}/{s.activity.title.en}" for s in result.kept]


@pytest.fixture(scope="module")
def fitted(library):
    """Return a factory: fitted(plan_id, minutes) -> the assembled Session."""
    def make(plan_id: str, minutes: int):
        return assemble(library, replace(from_plan(library, plan_id), lesson_minutes=minutes))
    return make


@pytest.mark.parametrize("minutes", LENGTHS)
@pytest.mark.parametrize("plan_id", plan_ids())
def test_every_plan_fits_and_stays_safe(fitted, library, plan_id, minutes):
    session = fitted(plan_id, minutes)
    result = session.fit
    assert result.fits, result.summary()
    assert result.total <= minutes
    assert sum(m.minutes for m in session.modules) == result.activity_minutes
    # Ground rules are never dropped from a plan that has them.
    plan = library.plans[plan_id]
    if "ground-rules" in plan.modules:
        assert session.modules[0].id == "ground-rules"
        assert session.modules[0].activities == library.modules["ground-rules"].activities
    # What to do is still taught, and signposting is the same as in the full lesson.
    covered = {k.covers for m in session.modules for k in m.key_messages}
    assert covered & WHAT_TO_DO
    assert session.links == fitted(plan_id, 600).links
    assert session.links


@pytest.mark.parametrize("minutes", LENGTHS)
@pytest.mark.parametrize("plan_id", plan_ids())
def test_lesson_plan_timings_match_the_fit(fitted, plan_id, minutes):
    session = fitted(plan_id, minutes)
    table = timings(Context.of(session, RenderOptions()))[1]
    rows = [[cell.getPlainText() for cell in row] for row in table._cellvalues[1:]]
    names = [r[0] for r in rows]
    phase = session.fit.quiz_phase
    expected = [f"{s.module.title.en}: {s.activity.title.en}" for s in session.fit.kept]
    assert names[1:-1] == expected
    assert [int(r[1]) for r in rows] == [phase, *(s.activity.minutes for s in session.fit.kept), phase]
    end = rows[-1][2].split("–")[1]
    assert end == f"{session.fit.total // 60}:{session.fit.total % 60:02d}"
    for slot in session.fit.dropped:
        assert f"{slot.module.title.en}: {slot.activity.title.en}" not in names


def test_optional_activities_go_from_the_end_until_it_fits():
    mods = (module("a", (10, False), (10, True)), module("b", (10, True), (10, True)))
    result = fit(mods, 25)
    assert kept_titles(result) == ["a/a1", "a/a2"]
    assert result.fits and result.total == 20
    assert "2 optional activities are left out" in result.summary()


def test_core_is_never_dropped_and_the_summary_says_it_does_not_fit():
    mods = (module("a", (15, False), (5, True)), module("b", (10, False)))
    result = fit(mods, 20, questions=5)
    assert kept_titles(result) == ["a/a1", "b/a1"]
    assert not result.fits
    assert result.core_minutes == 29
    assert result.summary().startswith("Even the core of this session takes 29 minutes, 9 more than")


def test_ground_rules_stay_even_if_marked_optional():
    mods = (module("ground-rules", (5, True)), module("b", (10, True)))
    assert kept_titles(fit(mods, 6)) == ["ground-rules/a1"]


def test_nothing_is_dropped_when_everything_fits():
    mods = (module("a", (10, True), (10, True)),)
    result = fit(mods, 60, questions=3)
    assert not result.dropped
    assert result.summary() == "Everything fits in 60 minutes (30 minutes with the quiz)."


@pytest.mark.parametrize(("length", "questions", "phase"), [
    (60, 7, 5), (40, 7, 3), (20, 7, 2), (120, 7, 5), (60, 0, 0),
])
def test_quiz_time_scales_with_the_lesson(length, questions, phase):
    assert quiz_phase_minutes(length, questions) == phase


def test_a_short_slot_warns_the_officer(library):
    session = assemble(library, replace(from_plan(library, "lower-secondary-core"), lesson_minutes=10))
    assert any(w.startswith("Even the core of this session") for w in session.warnings)


def test_export_minutes_fits_the_lesson_plan(tmp_path):
    from click.testing import CliRunner

    from kit.cli.export import export_command
    from tests.pdf.conftest import pdf_text

    result = CliRunner().invoke(export_command, ["--plan", "upper-secondary-core", "--out", str(tmp_path),
                                      "--kind", "lesson-plan", "--minutes", "20"])
    assert result.exit_code == 0, result.output
    text = pdf_text((tmp_path / "lesson-plan-upper-secondary-core-england.pdf").read_bytes())
    assert "Sam's story" in text
    assert "Put the steps in order" not in text
    assert "0:17–0:19" in text


def test_export_refuses_a_length_that_is_not_minutes(tmp_path):
    from click.testing import CliRunner

    from kit.cli.export import export_command

    result = CliRunner().invoke(export_command, ["--plan", "lower-secondary-core", "--out", str(tmp_path),
                                      "--minutes", "ten"])
    assert result.exit_code == 2
    assert "'--minutes': 'ten' is not a valid integer" in result.output
    assert not list(tmp_path.iterdir())
