"""The content lint catches each kind of problem, located by file, line and field.

Each case copies the shipped library, breaks one thing and expects one exact problem line
from `kit check`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

import kit.cli
from kit.content import lint, readability
from kit.content.loader import load
from kit.paths import data_dir
from tests.content.helpers import copy_library


def edit(root: Path, name: str, old: str, new: str) -> int:
    """Replace OLD (which must occur once) by NEW in ROOT/NAME; return the 1-based line of the edit."""
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {name}"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def line_of(root: Path, name: str, marker: str) -> int:
    """Return the 1-based line of the first line of ROOT/NAME containing MARKER."""
    for number, line in enumerate((root / name).read_text(encoding="utf-8").splitlines(), 1):
        if marker in line:
            return number
    raise AssertionError(f"{marker!r} not in {name}")


def index_in(root: Path, name: str, field: str, marker: str) -> int:
    """Return the index of the entry of FIELD in ROOT/NAME whose English text contains MARKER."""
    entries = yaml.safe_load((root / name).read_text(encoding="utf-8"))[field]
    found = [i for i, e in enumerate(entries) if marker in str(e.get("text", e) if isinstance(e, dict) else e)]
    assert len(found) == 1, f"{marker!r} is in {len(found)} entries of {name}:{field}"
    return found[0]


def run_check(root: Path):
    return CliRunner().invoke(kit.cli.cli, ["check", str(root)], catch_exceptions=False)


def assert_check_reports(root: Path, expected: str) -> None:
    """Run `kit check` on ROOT: it fails, one problem line starts with EXPECTED, and nothing crashed."""
    result = run_check(root)
    assert result.exit_code == 1, result.output
    assert any(line.startswith(expected) for line in result.output.splitlines()), result.output
    assert "Traceback" not in result.output


# Each case: (break the library and return the problem line expected, exit code expected).
Case = Callable[[Path], str]


def banned_phrase(root: Path) -> str:
    i = index_in(root, "modules/up-getting-help.yaml", "key_messages", "It is never your fault. You will")
    line = edit(root, "modules/up-getting-help.yaml", "It is never your fault. You will",
                "It was not your own fault. You will")
    return (f"lessons/modules/up-getting-help.yaml:{line}: key_messages[{i}].text: uses 'your own fault': "
            "blames the victim; say plainly that it is never their fault")


def new_banned_phrase(root: Path) -> str:
    line = edit(root, "modules/how-it-works.yaml", "Pause and talk to someone.",
                "Pause and talk to someone, or you will regret it forever.")
    return f"lessons/modules/how-it-works.yaml:{line}: key_messages[1].text: uses 'regret it forever': "


def reading_grade(root: Path) -> str:
    line = edit(root, "modules/up-getting-help.yaml", "If a chat feels wrong, stop replying and block them.",
                "Whenever communication unexpectedly becomes uncomfortable, immediately discontinue "
                "participation, subsequently utilising the platform's blocking functionality.")
    assert line > line_of(root, "modules/up-getting-help.yaml", "key_messages:")
    line = line_of(root, "modules/up-getting-help.yaml", "key_messages:")
    return f"lessons/modules/up-getting-help.yaml:{line}: key_messages: reads at Flesch–Kincaid grade "


def question_reading_grade(root: Path) -> str:
    edit(root, "questions/primary.yaml", "Blocking stops them sending you messages.",
         "Blocking comprehensively prevents unsolicited communications, notifications and "
         "interactions originating from that particular individual's registered account.")
    line = line_of(root, "questions/primary.yaml", "id: p-block") + 3
    return f"lessons/questions/primary.yaml:{line}: questions[5].stem: reads at Flesch–Kincaid grade "


def keyword_reading_grade(root: Path) -> str:
    edit(root, "modules/up-getting-help.yaml", '"A button that stops someone sending you messages."',
         '"An interface control permanently preventing an identified individual\'s account from '
         'transmitting subsequent communications, notifications or invitations."')
    line = line_of(root, "modules/up-getting-help.yaml", "keywords:")
    return f"lessons/modules/up-getting-help.yaml:{line}: keywords: reads at Flesch–Kincaid grade "


def message_missing(root: Path) -> str:
    edit(root, "modules/up-getting-help.yaml", "{id: not-fault, covers: not-your-fault,", "{id: not-fault,")
    line = line_of(root, "plans/upper-primary-core.yaml", "modules:")
    return (f"lessons/plans/upper-primary-core.yaml:{line}: modules: no key message covers 'not-your-fault', "
            "which every upper-primary handout must carry")


def link_wrong_audience(root: Path) -> str:
    line = edit(root, "modules/up-getting-help.yaml", "links: [childline,", "links: [stopncii, childline,")
    return (f"lessons/modules/up-getting-help.yaml:{line}: links[0]: link 'stopncii' is not for upper-primary, "
            "but plan 'upper-primary-core' uses it")


def question_link_wrong_audience(root: Path) -> str:
    edit(root, "questions/primary.yaml", "    links: [ceop-report, police]", "    links: [ceop-report, samaritans]")
    edit(root, "plans/upper-primary-core.yaml", "p-childline, q-tell]", "p-childline, q-tell, p-report]")
    line = line_of(root, "questions/primary.yaml", "links: [ceop-report, samaritans]")
    return (f"lessons/questions/primary.yaml:{line}: questions[9].links[1]: link 'samaritans' is not for "
            "upper-primary, but plan 'upper-primary-core' uses it")


def verify_only_route(root: Path) -> str:
    edit(root, "modules/ls-what-to-do.yaml", "report-remove, take-it-down,", "report-remove,")
    edit(root, "links.yaml", "    status: ok\n    covers: [remove-images]\n  - id: ceop-education",
         "    status: verify\n    covers: [remove-images]\n  - id: ceop-education")
    line = line_of(root, "plans/lower-secondary-core.yaml", "modules:")
    return (f"lessons/plans/lower-secondary-core.yaml:{line}: modules: in england the only route for "
            "'remove-images' is unverified (report-remove): add a link with status ok")


def link_status_flip(root: Path) -> str:
    edit(root, "links.yaml", "    status: ok\n    covers: [report, crisis]\n  - id: ceop-report",
         "    status: verify\n    covers: [report, crisis]\n  - id: ceop-report")
    edit(root, "links.yaml", "    status: ok\n    covers: [report]\n  - id: report-remove",
         "    status: verify\n    covers: [report]\n  - id: report-remove")
    line = line_of(root, "plans/upper-primary-core.yaml", "modules:")
    return (f"lessons/plans/upper-primary-core.yaml:{line}: modules: in england the only route for "
            "'report' is unverified (ceop-report, police): add a link with status ok")


def welsh_missing_for_pupils(root: Path) -> str:
    old = ('stem: {en: "You can block someone who makes you feel worried online.", '
           'cy: "Galli di flocio rhywun sy\'n gwneud i ti boeni ar-lein.", cy_review: draft}')
    line = edit(root, "questions/primary.yaml", old,
                'stem: {en: "You can block someone who makes you feel worried online."}')
    edit(root, "plans/upper-primary-core.yaml", "p-childline, q-tell]", "p-childline, q-tell, p-block]")
    return (f"lessons/questions/primary.yaml:{line}: questions[5].stem: no Welsh (cy) for text a upper-primary "
            "reader sees (plan 'upper-primary-core')")


def welsh_missing_module_title(root: Path) -> str:
    line = edit(root, "modules/not-alone.yaml",
                'title: {en: "Not your fault, not alone", cy: "Nid dy fai di, dwyt ti ddim ar dy ben dy hun", '
                "cy_review: draft}", 'title: "Not your fault, not alone"')
    return (f"lessons/modules/not-alone.yaml:{line}: title: no Welsh (cy) for text a post-16 reader "
            "sees (plan 'post-16-core')")


def no_ground_rules(root: Path) -> str:
    line = edit(root, "plans/post-16-core.yaml", "modules: [ground-rules, how-it-works,", "modules: [how-it-works,")
    return f"lessons/plans/post-16-core.yaml:{line}: modules: a pupil plan must start with 'ground-rules'"


def quiz_too_short(root: Path) -> str:
    line = edit(root, "plans/adults-core.yaml", "questions: [a-dont-pay, a-fake, a-deactivate, a-stopncii, a-scam,",
                "questions: [a-dont-pay, a-fake,")
    return (f"lessons/plans/adults-core.yaml:{line}: questions: the baseline/end-point quiz has 4 question(s); "
            "use 5 to 8")


def no_sources(root: Path) -> str:
    path = root / "modules/scam-emails.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("sources:")], encoding="utf-8")
    return "lessons/modules/scam-emails.yaml:2: sources: the module names no sources"


def no_curriculum(root: Path) -> str:
    edit(root, "modules/how-it-works.yaml", '  northern-ireland: ["LLW KS3/KS4', '  # northern-ireland: ["LLW KS3/KS4')
    line = line_of(root, "modules/how-it-works.yaml", "curriculum:")
    return (f"lessons/modules/how-it-works.yaml:{line}: curriculum: no curriculum reference for "
            "northern-ireland, where a pupil plan uses this module")


def activity_without_notes(root: Path) -> str:
    path = root / "modules/scam-emails.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("    notes: {en: \"The NCSC")
    path.write_text(text[:start] + text[text.index("\n", start) + 1:], encoding="utf-8")
    line = line_of(root, "modules/scam-emails.yaml", "  - title: {en: \"Real threat or mass scam?\"")
    return f"lessons/modules/scam-emails.yaml:{line}: activities[0]: the activity has no facilitator notes"


def no_safeguarding(root: Path) -> str:
    path = root / "modules/scam-emails.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("safeguarding:")
    path.write_text(text[:start] + text[text.index("key_messages:"):], encoding="utf-8")
    return "lessons/modules/scam-emails.yaml:2: safeguarding: the module has no safeguarding"


def duplicate_message_id(root: Path) -> str:
    line = edit(root, "modules/not-alone.yaml", "{id: law-protects, covers:", "{id: not-your-fault, covers:")
    return (f"lessons/modules/not-alone.yaml:{line}: key_messages[0].id: key message id 'not-your-fault' is also "
            "used by 'what-to-do' in plan 'post-16-core'; the handout would print only one")


CASES: dict[str, Case] = {
    "banned phrase": banned_phrase,
    "banned fear phrase added in lint.yaml": new_banned_phrase,
    "reading grade of key messages": reading_grade,
    "reading grade of a question": question_reading_grade,
    "reading grade of keyword definitions": keyword_reading_grade,
    "required message missing": message_missing,
    "module link not for the audience": link_wrong_audience,
    "question link not for the audience": question_link_wrong_audience,
    "verify link is the only removal route": verify_only_route,
    "verify links are the only reporting route": link_status_flip,
    "pupil question without Welsh": welsh_missing_for_pupils,
    "pupil module title without Welsh": welsh_missing_module_title,
    "pupil plan without ground rules": no_ground_rules,
    "quiz too short": quiz_too_short,
    "module without sources": no_sources,
    "module without a curriculum reference": no_curriculum,
    "key message id repeated within a plan": duplicate_message_id,
    "activity without facilitator notes": activity_without_notes,
    "module without safeguarding notes": no_safeguarding,
}


@pytest.mark.parametrize("case", list(CASES))
def test_lint_reports_the_problem(tmp_path, case):
    root = copy_library(tmp_path)
    assert_check_reports(root, CASES[case](root))


def test_shipped_library_is_clean_before_breaking(tmp_path):
    result = run_check(copy_library(tmp_path))
    assert result.exit_code == 0, result.output


def test_missing_welsh_for_adults_is_only_a_warning(tmp_path):
    root = copy_library(tmp_path)
    old = ('stem: {en: "Which service helps adults stop an intimate image being shared on partner platforms?", '
           'cy: "Pa wasanaeth sy\'n helpu oedolion i atal rhannu llun personol ar blatfformau partner?", '
           "cy_review: draft}")
    line = edit(root, "questions/adults.yaml", old,
                'stem: "Which service helps adults stop an intimate image being shared on partner platforms?"')
    result = run_check(root)
    assert result.exit_code == 0, result.output
    assert (f"lessons/questions/adults.yaml:{line}: questions[6].stem: no Welsh (cy) for text a adults reader "
            "sees (plan 'adults-core') (warning)") in result.output.splitlines()
    assert "; 1 warning(s)" in result.output


def test_link_for_another_nation_is_filtered_not_an_error(tmp_path):
    root = copy_library(tmp_path)
    edit(root, "plans/lower-secondary-core.yaml", "audience: lower-secondary",
         "audience: lower-secondary\nnations: [england]")
    assert run_check(root).exit_code == 0


def test_each_rule_is_registered():
    assert {r.__name__ for r in lint.RULES} >= {
        "banned_phrases", "reading_grade", "message_coverage", "link_suitability", "welsh_coverage",
    }


def test_lint_yaml_bans_victim_blaming_and_fear_with_reasons():
    library, problems = load(data_dir("lessons"))
    assert problems == []
    phrases = {b.phrase.lower(): b.reason for b in library.lint.banned_phrases}
    for phrase in ("your own fault", "stranger danger", "ruin your life", "regret it forever"):
        assert phrase in phrases
    assert all(len(reason) > 20 for reason in phrases.values())


@pytest.mark.parametrize(("text", "expected"), [
    ("Report to CEOP.", None),  # too short to grade
    ("Stop. Block them. Tell an adult you trust. Keep the chat. It is not your fault.", "low"),
    ("Notwithstanding considerable organisational complexity, comprehensive safeguarding documentation "
     "necessitates multidisciplinary consideration of jurisdictional responsibilities.", "high"),
])
def test_readability_grade(text, expected):
    grade = readability.grade(text)
    if expected is None:
        assert grade is None
    elif expected == "low":
        assert grade is not None and grade < 3
    else:
        assert grade is not None and grade > 14


def test_joined_closes_each_string_as_a_sentence():
    assert readability.joined(["Pay them so it stops", "Get help.", " ", "Who?"]) == \
        "Pay them so it stops. Get help. Who?"
