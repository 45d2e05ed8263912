"""The wheel carries the library, templates, static files and migrations the app needs."""

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_ships_the_data_folders(tmp_path):
    # Build from a clean copy: a build/ folder left in the checkout would hide a packaging bug.
    source = tmp_path / "src"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        "build", "dist", "*.egg-info", ".git", ".ci", "instance", "__pycache__", "node_modules", ".*cache"))
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(source)],
        capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    wheel = next(tmp_path.glob("safer_sessions_kit-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in ("kit/_data/lessons/audiences.yaml", "kit/_data/lessons/links.yaml",
                     "kit/_data/templates/base.html", "kit/_data/migrations/env.py", "kit/cli/__init__.py"):
        assert expected in names, expected
    assert any(n.startswith("kit/_data/lessons/modules/") for n in names)
    assert any(n.startswith("kit/_data/static/") for n in names)
    assert not any("__pycache__" in n for n in names)
