"""Each lesson from the safeguarding review (issue 9) is a `kit check` rule that catches its mistake.

Every case copies the shipped library, makes one mistake the review found, and expects one exact
problem line; the shipped library itself passes every rule.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kit.content import lint, rules, rules_plan
from kit.content.loader import load
from kit.content.vocab import PUPIL_AUDIENCES
from kit.paths import data_dir
from tests.content.helpers import copy_library as library_copy
from tests.content.test_lint import assert_check_reports, edit, line_of

Case = Callable[[Path], str]


def evidence_with_the_image(root: Path) -> str:
    line = edit(root, "modules/ls-what-to-do.yaml", "Save their username and the messages, but not the picture.",
                "Screenshot the chat and their profile.")
    return (f"lessons/modules/ls-what-to-do.yaml:{line}: key_messages[2].text: advice to save evidence reaches "
            "pupils without 'not the image'")


def evidence_in_a_question(root: Path) -> str:
    edit(root, "questions/secondary.yaml", "Save their username and the messages, but not the image. Block them",
         "Screenshot everything. Block them")
    line = line_of(root, "questions/secondary.yaml", "Screenshot everything. Block them")
    return f"lessons/questions/secondary.yaml:{line}: questions[4].explanation: advice to save evidence reaches pupils"


def no_crisis_route_in_ni(root: Path) -> str:
    path = root / "modules/ls-what-to-do.yaml"
    path.write_text("".join(line for line in path.read_text(encoding="utf-8").splitlines(keepends=True)
                            if "id: ls-crisis-ni" not in line), encoding="utf-8")
    line = line_of(root, "plans/lower-secondary-core.yaml", "modules:")
    return (f"lessons/plans/lower-secondary-core.yaml:{line}: modules: no crisis route on the northern-ireland "
            "handout: a key message covering 'crisis' must name 0800 1111, 0800 068 4141, 116 123, 999, 0808 808 8000")


def crisis_route_without_a_number(root: Path) -> str:
    edit(root, "modules/parents-first-steps.yaml", "danger; Childline 0800 1111, Papyrus 0800 068 4141, Samaritans "
         "116 123.", "danger; or a helpline.")
    line = line_of(root, "plans/parents-carers-core.yaml", "modules:")
    return f"lessons/plans/parents-carers-core.yaml:{line}: modules: no crisis route on the england handout"


def no_crisis_route_in_notes(root: Path) -> str:
    edit(root, "modules/ground-rules.yaml", "Childline 0800 1111; for 11s", "Childline; for 11s")
    edit(root, "modules/up-getting-help.yaml", "now. Childline 0800 1111; 999 if", "now. Childline; 999 if")
    line = line_of(root, "plans/upper-primary-core.yaml", "modules:")
    return (f"lessons/plans/upper-primary-core.yaml:{line}: modules: the facilitator notes give no crisis route "
            "(Childline 0800 1111 and 999 in a module's notes or safeguarding)")


def confidentiality_promise(root: Path) -> str:
    line = edit(root, "modules/ls-friends-and-fakes.yaml", "Telling someone takes their power away.",
                "Help is confidential.")
    return (f"lessons/modules/ls-friends-and-fakes.yaml:{line}: key_messages[2].text: promises confidentiality "
            "('confidential'): say people only share what they must to keep you safe")


def stop_it_spreading(root: Path) -> str:
    line = edit(root, "modules/ls-friends-and-fakes.yaml", "Tell a trusted adult. Sharing a nude",
                "Adults know how to stop it spreading. Sharing a nude")
    return f"lessons/modules/ls-friends-and-fakes.yaml:{line}: misconceptions[1].response: promises confidentiality"


FEARLESS = """  - id: fearless
    organisation: Fearless (Crimestoppers)
    title: Fearless
    label: Tell Fearless without giving your name
    description: You can tell them about a crime without saying who you are.
    url: https://www.fearless.org/
    audiences: [lower-secondary]
    nations: [scotland]
    checked: 2026-11-30
    source: tests
    status: ok
    covers: [report]
"""


def not_a_report_route(root: Path) -> str:
    links = root / "links.yaml"
    links.write_text(links.read_text(encoding="utf-8") + FEARLESS, encoding="utf-8")
    count = sum(1 for line in links.read_text(encoding="utf-8").splitlines() if line.startswith("  - id: "))
    line = line_of(root, "links.yaml", "id: fearless") + 11  # its `covers` line
    return (f"lessons/links.yaml:{line}: links[{count - 1}].covers: 'Fearless' is not a report route: "
            "Crimestoppers' youth service")


def fraud_route_not_named(root: Path) -> str:
    line = edit(root, "modules/scam-emails.yaml", "report it as fraud (Report Fraud in England, Wales and Northern "
                "Ireland; Police Scotland on 101 in Scotland)", "report it as fraud")
    return (f"lessons/modules/scam-emails.yaml:{line}: activities[0].steps[2]: says 'report it as fraud' without "
            "saying where")


def term_from_another_nation(root: Path) -> str:
    line = edit(root, "modules/ls-what-to-do.yaml", '{en: "Report it to CEOP, or',
                '{en: "Tell your DSL. Report it to CEOP, or')
    return (f"lessons/modules/ls-what-to-do.yaml:{line}: key_messages[3].text: 'DSL' belongs to england but this "
            "text also reaches northern-ireland, scotland, wales")


def ukcis_outside_england(root: Path) -> str:
    line = edit(root, "modules/responding-to-disclosure.yaml", "(your nation's guidance for education settings, "
                "named in the lesson plan)", "(UKCIS guidance)")
    return (f"lessons/modules/responding-to-disclosure.yaml:{line}: misconceptions[0].response: 'UKCIS' belongs "
            "to england")


def quiz_slots_do_not_add_up(root: Path) -> str:
    edit(root, "plans/upper-primary-core.yaml", "baseline_minutes: 5", "baseline_minutes: 10")
    line = line_of(root, "plans/upper-primary-core.yaml", "duration:")
    return (f"lessons/plans/upper-primary-core.yaml:{line}: duration: modules (50 min), baseline quiz (10) and "
            "end-point quiz (5) add up to 65 minutes, not the plan's 60")


def activities_do_not_add_up(root: Path) -> str:
    path = root / "modules/scam-emails.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("minutes: 10\n", "minutes: 12\n", 1), encoding="utf-8")
    line = line_of(root, "modules/scam-emails.yaml", "minutes: 12")
    return f"lessons/modules/scam-emails.yaml:{line}: minutes: the activities add up to 10 minutes, not the module's 12"


def story_not_written(root: Path) -> str:
    path = root / "modules/what-to-do.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("stories:")] + text[text.index("activities:"):], encoding="utf-8")
    line = line_of(root, "modules/what-to-do.yaml", "story: sams-story")
    return (f"lessons/modules/what-to-do.yaml:{line}: activities[0].story: tells story 'sams-story', which no "
            "module of plan 'post-16-adult-life' writes")


def wrong_option_without_misconception(root: Path) -> str:
    line = edit(root, "questions/core.yaml", "cy: Talu fel ei fod yn stopio, cy_review: draft}, "
                "misconception: paying-stops-it}", "cy: Talu fel ei fod yn stopio, cy_review: draft}}")
    return (f"lessons/questions/core.yaml:{line}: questions[0].options[0]: the wrong answer does not name the "
            "misconception it tests")


def true_false_without_misconception(root: Path) -> str:
    edit(root, "questions/primary.yaml", "    misconception: blocking-is-rude\n", "")
    line = line_of(root, "questions/primary.yaml", "id: p-block")
    return f"lessons/questions/primary.yaml:{line}: questions[5]: the wrong answer does not name the misconception"


def unknown_misconception(root: Path) -> str:
    line = edit(root, "questions/core.yaml", "misconception: paying-stops-it}", "misconception: pay-up}")
    return (f"lessons/questions/core.yaml:{line}: questions[0].options[0].misconception: unknown misconception "
            "id 'pay-up'")


def primary_reference_in_secondary_plan(root: Path) -> str:
    line = edit(root, "modules/ls-how-it-starts.yaml", '  england: ["RSHE secondary: Online and media",',
                '  england: ["RSHE primary: Online relationships",')
    return (f"lessons/modules/ls-how-it-starts.yaml:{line}: curriculum.england[0]: 'RSHE primary: Online "
            "relationships' does not fit plan 'lower-secondary-core' (lower-secondary)")


def optional_ground_rules(root: Path) -> str:
    edit(root, "modules/ground-rules.yaml", "    minutes: 5\n    steps:",
         "    minutes: 5\n    optional: true\n    steps:")
    line = line_of(root, "modules/ground-rules.yaml", "optional: true")
    return (f"lessons/modules/ground-rules.yaml:{line}: activities[0].optional: ground rules and signposting are "
            "never optional")


def safeguarding_point_twice(root: Path) -> str:
    line = edit(root, "modules/how-it-works.yaml", '{en: "Keep the tone calm',
                '{en: "Assume someone in the room is affected right now. Keep the tone calm')
    return (f"lessons/modules/how-it-works.yaml:{line}: safeguarding[0]: repeats a safeguarding point of module "
            "'ground-rules' (safeguarding[0]) in plan ")


def crisis_route_twice_in_a_plan(root: Path) -> str:
    crisis = line_of(root, "modules/ls-what-to-do.yaml", "Crisis route: if a pupil")
    note = (root / "modules/ls-what-to-do.yaml").read_text(encoding="utf-8").splitlines()[crisis - 1]
    line = edit(root, "modules/ls-friends-and-fakes.yaml", "safeguarding:\n", f"safeguarding:\n{note}\n")
    return (f"lessons/modules/ls-friends-and-fakes.yaml:{line + 1}: safeguarding[0]: repeats a safeguarding point "
            "of module 'ls-what-to-do' (safeguarding[0]) in plan 'lower-secondary-core'")


def two_steps_say_one_thing(root: Path) -> str:
    line = edit(root, "modules/ls-what-to-do.yaml", '{en: "Report it to CEOP, or',
                '{en: "Tell an adult you trust. Report it to CEOP, or')
    return (f"lessons/modules/ls-what-to-do.yaml:{line}: key_messages[3].text: opens with the same point as key "
            "message 'talk' of module 'ground-rules', on the handout of plan 'lower-secondary-core'")


CASES: dict[str, Case] = {
    "pupil evidence advice without 'not the image'": evidence_with_the_image,
    "quiz explanation saying 'screenshot everything'": evidence_in_a_question,
    "pupil plan without a crisis route in Northern Ireland": no_crisis_route_in_ni,
    "parent crisis route without its numbers": crisis_route_without_a_number,
    "pupil plan whose facilitator notes lack the crisis route": no_crisis_route_in_notes,
    "confidentiality promise": confidentiality_promise,
    "promise to stop an image spreading": stop_it_spreading,
    "a service that is not a report route": not_a_report_route,
    "'report it as fraud' without where": fraud_route_not_named,
    "DSL on a handout for every nation": term_from_another_nation,
    "UKCIS outside England": ukcis_outside_england,
    "quiz slots that do not add up": quiz_slots_do_not_add_up,
    "activities that do not add up": activities_do_not_add_up,
    "a story told but not written": story_not_written,
    "a wrong option without its misconception": wrong_option_without_misconception,
    "a true/false question without its misconception": true_false_without_misconception,
    "an unknown misconception": unknown_misconception,
    "a primary curriculum reference in a secondary plan": primary_reference_in_secondary_plan,
    "optional ground rules": optional_ground_rules,
    "a safeguarding point said twice in a plan": safeguarding_point_twice,
    "the crisis route twice in one plan's safeguarding notes": crisis_route_twice_in_a_plan,
    "two handout steps saying one thing": two_steps_say_one_thing,
}


@pytest.mark.parametrize("case", list(CASES))
def test_kit_check_catches_the_mistake(tmp_path, case):
    root = library_copy(tmp_path)
    assert_check_reports(root, CASES[case](root))


def test_every_lesson_is_a_registered_rule():
    assert set(rules.RULES) | set(rules_plan.RULES) <= set(lint.RULES)


def test_every_plan_and_nation_passes_the_new_rules():
    library, problems = load(data_dir("lessons"))
    assert problems == []
    found = [p for rule in (*rules.RULES, *rules_plan.RULES) for p in rule(library)]
    assert found == []
    # The rules look at every plan in every nation it is printed for.
    assert {n for p in library.plans.values() for n in p.nations} == {"england", "scotland", "wales",
                                                                       "northern-ireland"}


@pytest.mark.parametrize("minutes", [20, 40, 60])
def test_a_short_lesson_keeps_what_keeps_it_safe(minutes):
    """Fitted to 20, 40 or 60 minutes, every plan still teaches ground rules (pupils), a signposting
    activity and the crisis route in its notes, and its handout keeps every required message."""
    from dataclasses import replace

    from kit.sessions.model import assemble, from_plan

    library, _ = load(data_dir("lessons"))
    for plan in library.plans.values():
        required = library.audiences[plan.audience].required_messages
        for nation in plan.nations:
            session = assemble(library, replace(from_plan(library, plan.id, nation), lesson_minutes=minutes))
            where = f"{plan.id} in {nation} at {minutes} minutes"
            covered = {k.covers for m in session.modules for k in m.key_messages
                       if not k.nations or nation in k.nations}
            assert [r for r in required if r not in covered] == [], where
            notes = [a.notes.en for m in session.modules for a in m.activities if a.notes]
            assert any("signposting" in n.lower() for n in notes), where
            if plan.audience in PUPIL_AUDIENCES:
                assert session.modules[0].id == "ground-rules", where
                safety = notes + [s.en for m in session.modules for s in m.safeguarding]
                assert any("0800 1111" in n and "999" in n for n in safety), where
