"""`kit export` as a content lead runs it: files written atomically, plain errors, no tracebacks."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kit.cli import cli
from kit.cli.export import write_atomically
from kit.pdf import KINDS


def run(*args: str, **env: str):
    """Run `kit export ARGS` and return the result."""
    return CliRunner().invoke(cli, ["export", *args], env=env or None)


def test_writes_every_kind_and_prints_each_path(tmp_path, library):
    result = run("--plan", "lower-secondary-core", "--out", str(tmp_path / "pack"), KIT_ORGANISATION="Heddlu")
    assert result.exit_code == 0, result.output
    paths = [Path(line) for line in result.output.splitlines()]
    assert len(paths) == len(KINDS)
    for path in paths:
        assert path.read_bytes().startswith(b"%PDF") and path.parent == tmp_path / "pack"
    assert not list((tmp_path / "pack").glob(".*"))  # no temporary files left behind


def test_a_parents_plan_writes_what_parents_use_unless_a_kind_is_asked_for(tmp_path):
    result = run("--plan", "parents-carers-core", "--out", str(tmp_path / "all"))
    assert result.exit_code == 0, result.output
    names = [Path(line).name for line in result.output.splitlines()]
    assert len(names) == len(KINDS) - 1 and not any(n.startswith("teacher-sheet") for n in names)
    asked = run("--plan", "parents-carers-core", "--out", str(tmp_path / "one"), "--kind", "teacher-sheet")
    assert asked.exit_code == 0 and Path(asked.output.strip()).name.startswith("teacher-sheet")


def test_kind_nation_language_and_large_print(tmp_path, library):
    plan_id = next(iter(library.plans))
    result = run("--plan", plan_id, "--out", str(tmp_path), "--nation", "wales", "--lang",
                 "bilingual", "--kind", "handout", "--kind", "cards", "--large-print")
    assert result.exit_code == 0, result.output
    assert [Path(p).name for p in result.output.split()] == [
        f"handout-{plan_id}-wales-bilingual-large-print.pdf", f"cards-{plan_id}-wales-bilingual-large-print.pdf"]


def test_large_print_never_overwrites_the_usual_edition(tmp_path, library):
    plan_id = next(iter(library.plans))
    for extra in ((), ("--large-print",)):
        assert run("--plan", plan_id, "--out", str(tmp_path), "--kind", "handout", *extra).exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        f"handout-{plan_id}-england-large-print.pdf", f"handout-{plan_id}-england.pdf"]


def test_large_print_writes_every_document_on_a4_and_refuses_the_a5_handout(tmp_path):
    every = run("--plan", "lower-secondary-core", "--out", str(tmp_path / "all"), "--large-print")
    assert every.exit_code == 0, every.output
    names = [Path(line).name for line in every.output.splitlines()]
    assert len(names) == len(KINDS) - 1 and not any(n.startswith("handout-a5") for n in names)
    asked = run("--plan", "lower-secondary-core", "--out", str(tmp_path / "a5"), "--kind", "handout",
                "--kind", "handout-a5", "--large-print")
    assert asked.exit_code == 2 and not (tmp_path / "a5").exists()  # nothing half-written
    assert "--kind handout-a5 has no large-print edition" in asked.output and "--kind handout" in asked.output


@pytest.mark.parametrize("nation", ["england", "scotland", "northern-ireland"])
def test_welsh_outside_wales_is_refused_as_the_web_form_refuses_it(tmp_path, library, nation):
    result = run("--plan", next(iter(library.plans)), "--out", str(tmp_path), "--nation",
                 nation, "--lang", "cy", "--kind", "handout")
    assert result.exit_code == 2
    assert "Welsh and bilingual handouts are for sessions in Wales; use it with --nation wales" in result.output
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("args, code, message", [
    (["--plan", "no-such-plan"], 2, "unknown plan 'no-such-plan'; known plans: "),
    (["--kind", "flyer"], 2, "unknown kind 'flyer'; known kinds: lesson-plan"),
    (["--nation", "france"], 2, "Invalid value for '--nation'"),
    (["--lang", "fr"], 2, "Invalid value for '--lang'"),
    (["--lang", "bilingual", "--nation", "england"], 2, "use it with --nation wales"),
])
def test_wrong_arguments_are_one_plain_error(tmp_path, library, args, code, message):
    base = {"--plan": next(iter(library.plans)), "--out": str(tmp_path)}
    for flag, value in zip(args[::2], args[1::2], strict=True):
        base[flag] = value
    result = run(*[item for pair in base.items() for item in pair])
    assert result.exit_code == code
    assert message in result.output
    assert "Traceback" not in result.output and result.exception is None or \
        isinstance(result.exception, SystemExit)


def test_unknown_plan_lists_the_known_ones(tmp_path, library):
    result = run("--plan", "nope", "--out", str(tmp_path))
    for plan_id in library.plans:
        assert plan_id in result.output


def test_out_naming_a_file_says_so(tmp_path):
    (tmp_path / "handout.pdf").write_bytes(b"%PDF")
    result = run("--plan", "lower-secondary-core", "--out", str(tmp_path / "handout.pdf"), "--kind", "handout")
    assert result.exit_code == 1
    assert "is a file, not a folder" in result.output
    assert "File exists" not in result.output


def test_unwritable_folder_exits_1(tmp_path, library):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = run("--plan", next(iter(library.plans)), "--out", str(blocker / "sub"))
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot create") and len(result.output.splitlines()) == 1


def test_a_failed_write_leaves_nothing_behind(tmp_path, monkeypatch):
    target = tmp_path / "doc.pdf"
    target.write_bytes(b"old")

    def fail(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", fail)
    with pytest.raises(OSError):
        write_atomically(target, b"%PDF-new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["doc.pdf"]


def test_plan_not_offered_in_the_nation_is_a_usage_error(tmp_path, library):
    import yaml

    from tests.content.helpers import copy_library

    copy = copy_library(tmp_path)
    plan_id = next(iter(library.plans))
    plan_file = next(p for p in (copy / "plans").glob("*.yaml")
                     if yaml.safe_load(p.read_text(encoding="utf-8"))["id"] == plan_id)
    data = yaml.safe_load(plan_file.read_text(encoding="utf-8"))
    data["nations"] = ["england"]
    plan_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = run("--plan", plan_id, "--out", str(tmp_path / "out"), "--nation", "wales",
                 "--lessons", str(copy))
    assert result.exit_code == 2, result.output
    assert f"plan '{plan_id}' is not offered in wales; it is offered in: england" in result.output
