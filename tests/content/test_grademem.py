"""Reading grades remembered between runs: the same verdicts, without loading textstat again."""

import json
import os
import subprocess
import sys

from kit.content import grademem, lint, readability
from kit.content.loader import load_checked
from kit.paths import data_dir

LINT = """
import sys
if sys.argv[1] == "blocked":
    sys.modules["textstat"] = None  # importing it now fails: every grade must be remembered
from kit.content import lint
from kit.content.loader import load
library, _ = load(sys.argv[2])
print(sorted(str(p) for p in lint.run(library)))
"""


def _lint(cache, mode="open"):
    env = {**os.environ, "KIT_CACHE_DIR": str(cache)}
    result = subprocess.run([sys.executable, "-c", LINT, mode, str(data_dir("lessons"))], env=env,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_a_second_run_needs_no_textstat_and_says_the_same(tmp_path):
    first = _lint(tmp_path)
    assert (tmp_path / "reading-grades.json").exists()
    assert _lint(tmp_path, "blocked") == first


def test_remembered_grades_equal_measured_ones(tmp_path, monkeypatch):
    import textstat

    library = load_checked(data_dir("lessons"))
    for *_, passage in lint.reader_items(library):
        if readability.words(passage) >= readability.MIN_WORDS:
            assert readability.grade(passage) == round(float(textstat.flesch_kincaid_grade(passage)), 1)


def test_grades_from_another_textstat_version_are_not_trusted(tmp_path):
    library = load_checked(data_dir("lessons"))
    bogus = {grademem.key(p): 99.0 for *_, p in lint.reader_items(library)}
    path = tmp_path / "reading-grades.json"
    path.write_text(json.dumps({"version": "textstat-0.0.1", "grades": bogus}), encoding="utf-8")
    assert "Flesch" not in _lint(tmp_path)
    path.write_text('{"version": ', encoding="utf-8")  # damaged: ignored, then rewritten whole
    assert "Flesch" not in _lint(tmp_path)
    assert json.loads(path.read_text(encoding="utf-8"))["grades"]


def test_nothing_is_written_when_the_cache_is_off(tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_CACHE_DIR", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)  # a cache folder named "off" would land here
    grademem.remember("some text that was graded", 4.0)
    grademem.save()
    assert not list(tmp_path.iterdir())
