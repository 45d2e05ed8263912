"""`kit check` on broken libraries: each gives its exact `file:line: field: message` and exit 1."""

import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kit.cli import cli
from kit.content.yamlfile import YamlError, parse
from tests.content.helpers import (
    copy_library,
    line_count,
    link_yaml,
    module_yaml,
    plan_yaml,
    question_yaml,
)

PWNED = Path("/tmp/kit-test-pwned")


def write(root: Path, name: str, text: str | bytes) -> None:
    """Write a file into the library at ROOT."""
    path = root / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


def add_link(root: Path, **values) -> tuple[int, int]:
    """Append a link to links.yaml; return its index in the list and the line of its first field."""
    path = root / "links.yaml"
    first = line_count(path) + 1
    index = path.read_text(encoding="utf-8").count("\n  - id: ")
    with path.open("a", encoding="utf-8") as f:
        f.write(link_yaml(**values))
    return index, first


ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
    for i in range(9)
)

# (case, mutate(root) -> expected line, where the expected line may depend on the library's size)
CASES = {
    "malformed yaml": (
        lambda r: write(r, "modules/bad.yaml", "id: bad\ntitle: [unclosed\nsummary: x\n"),
        "lessons/modules/bad.yaml:3: malformed YAML: did not find expected ',' or ']'",
    ),
    "python tag": (
        lambda r: write(r, "questions/evil.yaml",
                        f'questions: !!python/object/apply:os.system ["touch {PWNED}"]\n'),
        "lessons/questions/evil.yaml:1: the tag tag:yaml.org,2002:python/object/apply:os.system "
        "is not allowed; use plain YAML values",
    ),
    "alias bomb": (
        lambda r: write(r, "modules/bomb.yaml", ALIAS_BOMB),
        "lessons/modules/bomb.yaml:2: aliases (*a) are not allowed; write the value out",
    ),
    "deep nesting": (
        lambda r: write(r, "modules/deep.yaml", "id: " + "[" * 5000 + "]" * 5000 + "\n"),
        "lessons/modules/deep.yaml:1: nested deeper than 32 levels",
    ),
    "duplicate key": (
        lambda r: write(r, "modules/dup.yaml", module_yaml(id="dup-key").replace("minutes: 15\n",
                                                                                  "minutes: 15\nminutes: 20\n")),
        "lessons/modules/dup.yaml:6: duplicate key 'minutes' in the same mapping",
    ),
    "no in a text field": (
        lambda r: write(r, "modules/no.yaml", module_yaml(id="says-no", summary="no")),
        "lessons/modules/no.yaml:3: summary: expected text, got 'no', which YAML reads as false: "
        "put the text in quotes",
    ),
    "time in a text field": (
        lambda r: write(r, "modules/time.yaml", module_yaml(id="says-time", summary="12:30")),
        "lessons/modules/time.yaml:3: summary: expected text, got '12:30', which YAML reads as a number "
        "or time: put it in quotes",
    ),
    "no in a Welsh-capable text": (
        lambda r: write(r, "modules/enno.yaml", module_yaml(id="en-no").replace(
            "title: A test module", "title: {en: no, cy: Na, cy_review: draft}")),
        "lessons/modules/enno.yaml:2: title.en: expected text, got 'no', which YAML reads as false: "
        "put the text in quotes",
    ),
    "unknown text field": (
        lambda r: write(r, "modules/welsh.yaml", module_yaml(id="welsh-key").replace(
            "summary: A summary.", "summary: {en: A summary., welsh: Crynodeb}")),
        "lessons/modules/welsh.yaml:3: summary.welsh: unknown field 'welsh' (text takes en, cy and cy_review)",
    ),
    "text split at a comma": (
        lambda r: write(r, "modules/comma.yaml", module_yaml(id="comma").replace(
            "summary: A summary.", "summary: {en: Calm, kind and clear.}")),
        "lessons/modules/comma.yaml:3: summary: text was split at a comma or colon: put the whole text in quotes",
    ),
    "welsh without review status": (
        lambda r: write(r, "modules/review.yaml", module_yaml(id="review").replace(
            "summary: A summary.", "summary: {en: A summary., cy: Crynodeb.}")),
        "lessons/modules/review.yaml:3: summary.cy: cy_review is required with cy: say draft or approved",
    ),
    "not utf-8": (
        lambda r: write(r, "modules/latin1.yaml", module_yaml(id="latin").encode() + b"sources: [caf\xe9]\n"),
        "lessons/modules/latin1.yaml:19: not UTF-8 text (byte 0xe9); save the file as UTF-8",
    ),
    "nul byte": (
        lambda r: write(r, "modules/nul.yaml", "id: nul\n\x00\n"),
        "lessons/modules/nul.yaml:2: the file contains a NUL byte",
    ),
    "oversized file": (
        lambda r: write(r, "modules/huge.yaml", "id: huge\n# " + "x" * 1_100_000 + "\n"),
        "lessons/modules/huge.yaml: file is 1,100,012 bytes; the limit is 1,048,576",
    ),
    "empty file": (
        lambda r: write(r, "plans/empty.yaml", ""),
        "lessons/plans/empty.yaml:1: the file is empty",
    ),
    "missing required field": (
        lambda r: write(r, "modules/nosummary.yaml", module_yaml(id="no-summary").replace("summary: A summary.\n", "")),
        "lessons/modules/nosummary.yaml:1: summary: required field is missing",
    ),
    "not an integer": (
        lambda r: write(r, "modules/minutes.yaml", module_yaml(id="bad-minutes", third_minutes="ten")),
        "lessons/modules/minutes.yaml:16: activities[2].minutes: expected an integer",
    ),
    "unknown link id": (
        lambda r: write(r, "modules/link.yaml", module_yaml(id="bad-link", link="no-such-link")),
        "lessons/modules/link.yaml:18: links[0]: unknown link id 'no-such-link'",
    ),
    "unknown audience": (
        lambda r: write(r, "modules/aud.yaml", module_yaml(id="bad-aud").replace("[lower-secondary]", "[year-7]")),
        "lessons/modules/aud.yaml:4: audiences[0]: 'year-7' is not one of: 'upper-primary', 'lower-secondary', "
        "'upper-secondary', 'post-16', 'adults', 'parents-carers' or 'professionals'",
    ),
    "no correct answer": (
        lambda r: write(r, "questions/none.yaml", question_yaml(id="no-right", first="false")),
        "lessons/questions/none.yaml:6: questions[0].options: a single-choice question needs exactly one "
        "correct option; it has 0",
    ),
    "two correct in single choice": (
        lambda r: write(r, "questions/two.yaml", question_yaml(id="two-right", second="true")),
        "lessons/questions/two.yaml:6: questions[0].options: a single-choice question needs exactly one "
        "correct option; it has 2",
    ),
    "unknown question type": (
        lambda r: write(r, "questions/essay.yaml", question_yaml(id="essay", type="essay")),
        "lessons/questions/essay.yaml:4: questions[0].type: unknown question type 'essay'; "
        "known: single, multiple, true-false",
    ),
    "duplicate ids": (
        lambda r: (write(r, "modules/one.yaml", module_yaml(id="twin")),
                   write(r, "modules/two.yaml", module_yaml(id="twin"))),
        "lessons/modules/two.yaml:1: id: duplicate module id 'twin' (first at lessons/modules/one.yaml:1)",
    ),
    "plan over its duration": (
        lambda r: (write(r, "modules/long.yaml", module_yaml(id="long-one", minutes=50)),
                   write(r, "plans/long.yaml", plan_yaml(id="too-long", duration=45, modules="long-one"))),
        "lessons/plans/long.yaml:5: duration: modules add up to 50 minutes, over the plan's 45",
    ),
    "unknown module in plan": (
        lambda r: write(r, "plans/ghost.yaml", plan_yaml(id="ghost-plan", modules="no-such-module")),
        "lessons/plans/ghost.yaml:6: modules[0]: unknown module id 'no-such-module'",
    ),
}

LINK_CASES = {
    "non-https link": ("http://example.org/help", "the URL must start with https:// (it uses 'http')"),
    "javascript link": ("javascript:alert(1)", "the URL must start with https:// (it uses 'javascript')"),
    "tracking parameter": ("https://example.org/help?utm_source=kit", "the URL carries the tracking parameter "
                           "'utm_source'; remove it"),
    "fbclid": ("https://example.org/?a=1&fbclid=xyz", "the URL carries the tracking parameter 'fbclid'; remove it"),
    "credentials": ("https://user:pass@example.org/", "the URL carries a user name or password"),
    "protocol-relative": ("//example.org/help", "the URL must start with https:// (it uses 'no scheme')"),
    "too long": ("https://example.org/" + "a" * 300,
                 "the URL is 320 characters; keep it under 200 so its QR code scans"),
}


def run_check(root: Path):
    """Run `kit check ROOT` and return the result."""
    return CliRunner().invoke(cli, ["check", str(root)], catch_exceptions=False)


@pytest.mark.parametrize("case", list(CASES))
def test_broken_library_reports_exact_problem(tmp_path, case):
    root = copy_library(tmp_path)
    mutate, expected = CASES[case]
    mutate(root)
    result = run_check(root)
    assert result.exit_code == 1
    assert expected in result.output.splitlines(), result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("case", list(LINK_CASES))
def test_unsafe_link_is_refused(tmp_path, case):
    root = copy_library(tmp_path)
    url, message = LINK_CASES[case]
    index, first = add_link(root, id="unsafe", url=f'"{url}"')
    result = run_check(root)
    assert result.exit_code == 1
    assert f"lessons/links.yaml:{first + 5}: links[{index}].url: {message}" in result.output.splitlines(), result.output


def test_a_bad_url_is_reported_with_the_files_other_field_errors(tmp_path):
    # Both in one round: a content lead should not fix the fields, run again, and only then hear of the URL.
    root = copy_library(tmp_path)
    index, first = add_link(root, id="unsafe", url='"http://example.org/help"')
    with (root / "links.yaml").open("a", encoding="utf-8") as f:
        f.write(link_yaml(id="unsure").replace("status: ok", "status: maybe"))
    lines = run_check(root).output.splitlines()
    assert f"lessons/links.yaml:{first + 5}: links[{index}].url: {LINK_CASES['non-https link'][1]}" in lines
    assert any(line.startswith(f"lessons/links.yaml:{first + 21}: links[{index + 1}].status: ") for line in lines)


def test_python_tag_runs_nothing(tmp_path):
    PWNED.unlink(missing_ok=True)
    root = copy_library(tmp_path)
    CASES["python tag"][0](root)
    run_check(root)
    assert not PWNED.exists()


def test_alias_bomb_is_refused_quickly():
    started = time.perf_counter()
    with pytest.raises(YamlError, match="aliases"):
        parse(ALIAS_BOMB.encode())
    assert time.perf_counter() - started < 2.0  # expanded, it would be 9 ** 10 items


def test_every_problem_is_reported_not_just_the_first(tmp_path):
    root = copy_library(tmp_path)
    for case in ("malformed yaml", "no in a text field", "unknown link id", "no correct answer"):
        CASES[case][0](root)
    result = run_check(root)
    for case in ("malformed yaml", "no in a text field", "unknown link id", "no correct answer"):
        assert CASES[case][1] in result.output.splitlines()


def test_valid_library_prints_one_summary_line(tmp_path):
    root = copy_library(tmp_path)
    result = run_check(root)
    assert result.exit_code == 0, result.output
    assert len(result.output.strip().splitlines()) == 1
    assert result.output.startswith("ok: 7 audiences, 4 nations, ")


def test_missing_folder_is_a_plain_error(tmp_path):
    result = run_check(tmp_path / "nowhere")
    assert result.exit_code == 1
    assert "no such library folder" in result.output
