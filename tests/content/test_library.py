"""The shipped library: it passes `kit check`, and every plan works in every nation it serves."""

from __future__ import annotations

import pytest
import yaml
from click.testing import CliRunner

import kit.cli
from kit.content import lint, readability, yamlfile
from kit.content.check import check
from kit.content.loader import load
from kit.content.questiontypes import TYPES
from kit.content.vocab import AUDIENCES, NATIONS, PUPIL_AUDIENCES
from kit.paths import data_dir

LESSONS = data_dir("lessons")
LIBRARY, LOAD_PROBLEMS = load(LESSONS)
PLANS = sorted(LIBRARY.plans)
PLAN_NATIONS = [(p, n) for p in PLANS for n in LIBRARY.plans[p].nations]
# The floor the issue sets: questions per audience and plan minutes.
MIN_QUESTIONS = {a: 12 if a in PUPIL_AUDIENCES else 8 for a in AUDIENCES}
MINUTES = {a: (50, 60) if a in PUPIL_AUDIENCES else (45, 60) for a in AUDIENCES}


def test_library_loads_and_checks_without_problems():
    assert LOAD_PROBLEMS == []
    assert [str(p) for p in check(LIBRARY)] == []


def test_kit_check_cli_exits_zero_with_a_summary():
    result = CliRunner().invoke(kit.cli.cli, ["check", str(LESSONS)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("ok: 7 audiences, 4 nations,")
    assert "warning" not in result.output


@pytest.mark.parametrize("audience", AUDIENCES)
def test_every_audience_has_a_core_plan_for_all_four_nations(audience):
    plan = LIBRARY.plans.get(f"{audience}-core")
    assert plan is not None and plan.audience == audience
    assert sorted(plan.nations) == sorted(NATIONS)
    low, high = MINUTES[audience]
    assert plan.duration <= high
    assert low <= sum(LIBRARY.modules[m].minutes for m in plan.modules) <= plan.duration


@pytest.mark.parametrize("audience", AUDIENCES)
def test_enough_mixed_questions_per_audience(audience):
    pool = [q for q in LIBRARY.questions.values() if audience in q.audiences]
    assert len(pool) >= MIN_QUESTIONS[audience]
    assert {q.type for q in pool} == set(TYPES) == {"single", "multiple", "true-false"}
    assert all(q.explanation.en.strip() for q in pool)


@pytest.mark.parametrize("plan_id", PLANS)
def test_plan_quiz_is_a_five_to_eight_question_baseline(plan_id):
    plan = LIBRARY.plans[plan_id]
    assert 5 <= len(plan.questions) <= 8
    assert len(set(plan.questions)) == len(plan.questions)
    assert len({LIBRARY.questions[q].type for q in plan.questions}) >= 2


@pytest.mark.parametrize("plan_id", [p for p in PLANS if LIBRARY.plans[p].audience in PUPIL_AUDIENCES])
def test_pupil_plans_open_with_ground_rules(plan_id):
    assert LIBRARY.plans[plan_id].modules[0] == "ground-rules"


@pytest.mark.parametrize(("plan_id", "nation"), PLAN_NATIONS)
def test_plan_covers_required_messages(plan_id, nation):
    plan = LIBRARY.plans[plan_id]
    covered = {k.covers for m in plan.modules for k in LIBRARY.modules[m].key_messages}
    missing = set(LIBRARY.audiences[plan.audience].required_messages) - covered
    assert not missing, f"{plan_id} in {nation} misses {sorted(missing)}"


@pytest.mark.parametrize(("plan_id", "nation"), PLAN_NATIONS)
def test_plan_links_suit_audience_and_offer_verified_routes(plan_id, nation):
    plan = LIBRARY.plans[plan_id]
    used = [link for _, link, _ in lint.plan_links(LIBRARY, plan)]
    assert used
    assert all(plan.audience in link.audiences for link in used), [k.id for k in used]
    offered = [k for k in used if nation in k.nations]
    required = LIBRARY.audiences[plan.audience].required_messages
    # Reporting and talking to someone always have a checked route; removal too where required.
    for message in ("report", "talk-to-someone", "remove-images"):
        if message in required or message == "report":
            ok = [k.id for k in offered if message in k.covers and k.status == "ok"]
            assert ok, f"{plan_id} in {nation}: no ok-status route for {message}"


@pytest.mark.parametrize(("plan_id", "nation"), PLAN_NATIONS)
def test_nation_signposting(plan_id, nation):
    plan = LIBRARY.plans[plan_id]
    offered = {k.id for _, k, _ in lint.plan_links(LIBRARY, plan) if nation in k.nations}
    assert "police" in offered or plan.audience == "professionals" or "ceop-report" in offered
    if nation == "wales":
        assert "meic" in offered, f"{plan_id}: Welsh handouts signpost Meic"
    else:
        assert "meic" not in offered


@pytest.mark.parametrize(("plan_id", "nation"), PLAN_NATIONS)
def test_reader_text_has_welsh(plan_id, nation):
    plan = LIBRARY.plans[plan_id]
    texts = list(lint.pupil_texts(LIBRARY, plan))
    assert len(texts) > 20
    missing = [(kind, item, path) for kind, item, path, text in texts if not text.cy]
    assert missing == []
    assert all(text.cy_review in ("draft", "approved") for *_, text in texts)


@pytest.mark.parametrize(("plan_id", "nation"), PLAN_NATIONS)
def test_plan_modules_cite_curriculum_and_sources(plan_id, nation):
    plan = LIBRARY.plans[plan_id]
    for module_id in plan.modules:
        module = LIBRARY.modules[module_id]
        assert module.sources, module_id
        assert module.activities and module.safeguarding and module.misconceptions, module_id
        if plan.audience in PUPIL_AUDIENCES:
            assert module.curriculum.get(nation), f"{module_id} has no {nation} curriculum reference"


@pytest.mark.parametrize("plan_id", PLANS)
def test_reader_text_fits_the_audience_reading_grade(plan_id):
    plan = LIBRARY.plans[plan_id]
    limit = LIBRARY.audiences[plan.audience].reading_grade
    passages = [readability.joined(k.text.en for k in LIBRARY.modules[m].key_messages) for m in plan.modules]
    passages += [readability.joined(k.definition.en for k in LIBRARY.modules[m].keywords) for m in plan.modules]
    for q in (LIBRARY.questions[i] for i in plan.questions):
        passages.append(readability.joined([q.stem.en, *(o.text.en for o in q.options), q.explanation.en]))
    for _, link, _ in lint.plan_links(LIBRARY, plan):
        passages.append(readability.joined([link.label.en, link.description.en]))
    grades = [g for g in map(readability.grade, passages) if g is not None]
    assert len(grades) >= len(plan.questions)
    assert max(grades) <= limit


def test_verify_links_are_marked_and_never_alone():
    verify = {k.id for k in LIBRARY.links.values() if k.status == "verify"}
    # No stored official page confirms these yet; they stay `verify` until a person checks them.
    assert {"police-scotland-sextortion", "psni-sextortion"} <= verify
    # A stored source confirms Report Remove, so it is `ok` and reaches the cards and letters.
    assert LIBRARY.links["report-remove"].status == "ok"
    assert "fearless" not in LIBRARY.links


def test_welsh_register_follows_the_audience():
    # Pupil text uses "ti" forms, adult text "chi": spot-check the commonest verbs.
    for plan in LIBRARY.plans.values():
        register = LIBRARY.audiences[plan.audience].welsh_register
        cy = " ".join(t.cy for kind, _, _, t in lint.pupil_texts(LIBRARY, plan) if kind != "links")
        if register == "ti":
            assert "Peidiwch" not in cy and "Rhowch" not in cy, plan.id
        else:
            assert "Paid â" not in cy and "Rho wybod" not in cy, plan.id


def test_library_files_keep_the_order_of_sorted_paths(tmp_path):
    from kit.content.loader import library_files

    (tmp_path / "modules").mkdir()
    for name in ("b.yaml", "B.yaml", "a-1.yaml", "a.yaml", "a_2.yaml", "z.yml", "c.yml", "Ŵ.yaml", "w.yaml"):
        (tmp_path / "modules" / name).write_text("id: x\n", encoding="utf-8")
    found = [path for kind, path in library_files(tmp_path) if kind == "modules"]
    folder = tmp_path / "modules"
    assert found == sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))


def test_the_library_reads_the_same_without_libyaml(monkeypatch):
    # PyYAML without its C extension (some platforms build it so) must read every file alike: an
    # unquoted '?' inside a {...} mapping is a key to PyYAML's own parser but text to libyaml's.
    with_c, _ = load(LESSONS)
    monkeypatch.setattr(yamlfile, "_Parser", yaml.BaseLoader)
    pure, problems = load(LESSONS)
    assert [str(p) for p in problems] == []
    for part in ("audiences", "nations", "links", "modules", "questions", "plans", "lint"):
        assert getattr(pure, part) == getattr(with_c, part), part
