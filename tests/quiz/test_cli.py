"""`kit quiz export` and `kit quiz import`, run as an officer or content lead would, wrong arguments too."""

import subprocess
import sys

import pytest
from click.testing import CliRunner

from kit.cli.quiz import quiz_group
from tests.quiz import readers


def run(*args):
    """Run `kit quiz ARGS` and return the result (stdout and stderr kept apart)."""
    return CliRunner().invoke(quiz_group, list(map(str, args)))


@pytest.mark.parametrize(("fmt", "read"), [
    ("gift", lambda data: readers.read_gift(data)[0]),
    ("aiken", readers.read_aiken),
    ("moodle-xml", lambda data: readers.read_moodle_xml(data)[0]),
    ("qti", lambda data: readers.read_qti(data)[0]),
    ("kahoot", lambda data: readers.read_kahoot(data)[0]),
    ("csv", readers.read_csv),
])
def test_export_writes_a_file_the_format_reads(tmp_path, library, fmt, read):
    out = tmp_path / f"quiz.{fmt}"
    result = run("export", "--plan", "post-16-core", "--format", fmt, "--out", out)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(out)
    written = read(out.read_bytes())
    left = result.stderr.count("Left out ")
    assert len(written) + left == len(library.plans["post-16-core"].questions)


def test_export_in_welsh_writes_the_welsh_text(tmp_path, library):
    out = tmp_path / "quiz.csv"
    assert run("export", "--plan", "upper-primary-core", "--format", "csv", "--lang", "cy", "--out", out).exit_code == 0
    first = library.questions[library.plans["upper-primary-core"].questions[0]]
    assert readers.read_csv(out.read_bytes())[0]["question"] == first.stem.cy


def test_left_out_questions_are_named_on_stderr(tmp_path):
    out = tmp_path / "quiz.txt"
    result = run("export", "--plan", "upper-secondary-core", "--format", "aiken", "--out", out)
    assert result.exit_code == 0
    assert "Left out s-remove: Aiken holds questions with exactly one right answer; this one has 2" in result.stderr


@pytest.mark.parametrize(("args", "message"), [
    (["--plan", "nope", "--format", "gift"], "unknown plan 'nope'; known plans: adults-core"),
    (["--plan", "post-16-core", "--format", "docx"], "'docx' is not one of 'gift', 'aiken'"),
    (["--plan", "post-16-core", "--format", "gift", "--lang", "fr"], "'fr' is not one of 'en', 'cy'"),
    (["--format", "gift"], "Missing option '--plan'"),
    (["--plan", "post-16-core"], "Missing option '--format'"),
])
def test_wrong_export_arguments_exit_2_and_say_why(tmp_path, args, message):
    result = run("export", *args, "--out", tmp_path / "quiz.txt")
    assert result.exit_code == 2
    assert message in result.stderr
    assert not (tmp_path / "quiz.txt").exists()


def test_out_that_is_a_folder_is_a_usage_error(tmp_path):
    result = run("export", "--plan", "post-16-core", "--format", "gift", "--out", tmp_path)
    assert result.exit_code == 2
    assert "is a folder; give a file name" in result.stderr


def test_out_in_a_missing_folder_says_so(tmp_path):
    result = run("export", "--plan", "post-16-core", "--format", "gift", "--out", tmp_path / "no" / "q.txt")
    assert result.exit_code == 1
    assert "the folder" in result.stderr and "does not exist" in result.stderr


def test_the_installed_command_reports_without_a_traceback(tmp_path):
    done = subprocess.run([sys.executable, "-c", "from kit.cli import main; main()", "quiz", "export",
                           "--plan", "nope", "--format", "gift", "--out", str(tmp_path / "q.txt")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "unknown plan 'nope'" in done.stderr and "Traceback" not in done.stderr


def test_import_writes_draft_yaml_and_reports_by_line(tmp_path):
    source = tmp_path / "quiz.gift"
    source.write_text("Which is safe? {=Tell an adult ~Pay ####Adults can help.}\n\nWrite about it. {}\n",
                      encoding="utf-8")
    out = tmp_path / "imported.yaml"
    result = run("import", source, "--audience", "adults", "--out", out)
    assert result.exit_code == 1  # written, but one question could not be represented
    assert f"{source}:3: an essay question (empty {{ }}) cannot be represented" in result.stderr
    assert "id: which-is-safe" in out.read_text(encoding="utf-8")


def test_import_of_nothing_usable_fails_and_writes_nothing(tmp_path):
    source = tmp_path / "quiz.txt"
    source.write_text("Just some text\n", encoding="utf-8")
    result = run("import", source, "--audience", "adults", "--out", tmp_path / "out.yaml")
    assert result.exit_code == 1
    assert "no question in" in result.stderr
    assert not (tmp_path / "out.yaml").exists()


@pytest.mark.parametrize(("args", "message"), [
    (["--audience", "pupils"], "'pupils' is not one of 'upper-primary'"),
    (["--audience", "adults", "--format", "qti"], "'qti' is not one of 'gift', 'aiken'"),
    ([], "Missing option '--audience'"),
])
def test_wrong_import_arguments_exit_2(tmp_path, args, message):
    source = tmp_path / "quiz.gift"
    source.write_text("Q {=a ~b}\n", encoding="utf-8")
    result = run("import", source, *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_import_of_a_missing_or_binary_file_says_so(tmp_path):
    assert "does not exist" in run("import", tmp_path / "none.gift", "--audience", "adults").stderr
    binary = tmp_path / "quiz.gift"
    binary.write_bytes(b"\xff\xfe\x00Q")
    result = run("import", binary, "--audience", "adults")
    assert result.exit_code == 1
    assert "is not UTF-8 text (byte 1)" in result.stderr
