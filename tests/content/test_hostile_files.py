"""Hostile files in a library: only regular files inside it are read, and never more than the size cap."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kit.content.loader import load
from tests.content.helpers import copy_library, module_yaml


def problems_for(root: Path, name: str) -> list[str]:
    """Return the problems `load` reports for the file NAME of the library at ROOT."""
    _, problems = load(root)
    return [f"{p.line}: {p.message}" for p in problems if p.file == f"lessons/{name}"]


def test_a_link_to_dev_zero_is_not_read(tmp_path):
    root = copy_library(tmp_path)
    (root / "modules" / "zero.yaml").symlink_to("/dev/zero")
    assert problems_for(root, "modules/zero.yaml") == [
        "None: a link to a place outside the library, not read: copy the file in instead"]


def test_a_link_to_a_good_file_outside_the_library_is_not_followed(tmp_path):
    root = copy_library(tmp_path)
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text(module_yaml(id="from-outside"), encoding="utf-8")
    (root / "modules" / "outside.yaml").symlink_to(outside)
    library, _ = load(root)
    assert "from-outside" not in library.modules
    assert problems_for(root, "modules/outside.yaml") == [
        "None: a link to a place outside the library, not read: copy the file in instead"]


def test_a_folder_linked_from_outside_is_not_followed(tmp_path):
    root = copy_library(tmp_path)
    outside = tmp_path / "plans-elsewhere"
    (root / "plans").rename(outside)
    (root / "plans").symlink_to(outside)
    library, problems = load(root)
    assert library.plans == {}
    assert {p.message for p in problems if p.file.startswith("lessons/plans/")} == {
        "a link to a place outside the library, not read: copy the file in instead"}


def test_a_link_inside_the_library_is_read(tmp_path):
    root = copy_library(tmp_path)
    (root / "spare").mkdir()
    (root / "spare" / "extra.yaml").write_text(module_yaml(id="linked-in"), encoding="utf-8")
    (root / "modules" / "extra.yaml").symlink_to(root / "spare" / "extra.yaml")
    library, _ = load(root)
    assert "linked-in" in library.modules


def test_a_fifo_is_not_opened(tmp_path):
    root = copy_library(tmp_path)
    os.mkfifo(root / "modules" / "pipe.yaml")
    # In a child process: were the FIFO opened, the load would wait for a writer for ever.
    code = "import sys; from kit.content.loader import load; from pathlib import Path; " \
           "_, problems = load(Path(sys.argv[1])); print(*[p for p in problems if 'pipe' in p.file], sep='\\n')"
    result = subprocess.run([sys.executable, "-c", code, str(root)], capture_output=True, text=True, timeout=120)
    assert result.stdout.splitlines() == [
        "lessons/modules/pipe.yaml: not a regular file (a folder, FIFO or device), not read: only YAML files are"]


def test_a_huge_sparse_file_is_refused_by_its_size_before_reading(tmp_path):
    root = copy_library(tmp_path)
    with (root / "modules" / "huge.yaml").open("wb") as handle:
        handle.truncate(3 * 1024**3)  # 3 GB of nothing: sparse, so the test costs no disk
    assert problems_for(root, "modules/huge.yaml") == ["None: file is 3,221,225,472 bytes; the limit is 1,048,576"]


@pytest.mark.parametrize("make", [os.mkdir, lambda path: os.symlink(path.parent, path)])
def test_a_folder_named_like_a_file_is_not_read(tmp_path, make):
    root = copy_library(tmp_path)
    make(root / "modules" / "folder.yaml")
    messages = problems_for(root, "modules/folder.yaml")
    assert len(messages) == 1 and "not read" in messages[0]


def test_gunicorn_prints_every_problem_of_a_bad_library(tmp_path):
    root = copy_library(tmp_path)
    (root / "modules" / "zero.yaml").symlink_to("/dev/zero")
    (root / "modules" / "bad.yaml").write_text("id: bad\ntitle: [unclosed\nsummary: x\n", encoding="utf-8")
    env = {**os.environ, "KIT_LESSONS_DIR": str(root), "KIT_INSTANCE_PATH": str(tmp_path / "instance")}
    result = subprocess.run([sys.executable, "-m", "gunicorn", "--bind", "127.0.0.1:0", "--workers", "1",
                             "kit:create_app()"], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert "lessons/modules/bad.yaml:3: malformed YAML: did not find expected ',' or ']'" in result.stderr
    assert "lessons/modules/zero.yaml: a link to a place outside the library, not read" in result.stderr
