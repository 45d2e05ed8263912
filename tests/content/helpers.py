"""Factories for small library files used by the loader and check tests."""

import shutil
from pathlib import Path

from kit.paths import data_dir

# A valid module: each field on a known line so tests can name it.
MODULE = """\
id: {id}
title: A test module
summary: {summary}
audiences: [lower-secondary]
minutes: {minutes}
outcomes:
  - I can test things.
activities:
  - title: First
    minutes: 5
    steps: [Do one thing.]
  - title: Second
    minutes: 5
    steps: [Do another thing.]
  - title: Third
    minutes: {third_minutes}
    steps: [Do a third thing.]
links: [{link}]
"""

QUESTION = """\
questions:
  - id: {id}
    audiences: [lower-secondary]
    type: {type}
    stem: Which is right?
    options:
      - {{text: "Yes", correct: {first}}}
      - {{text: "No", correct: {second}}}
    explanation: Because.
"""

PLAN = """\
id: {id}
title: A test plan
audience: lower-secondary
summary: A plan for tests.
duration: {duration}
modules: [{modules}]
"""

LINK = """\
  - id: {id}
    organisation: Test
    title: Test link
    label: Test link
    description: A link for tests.
    url: {url}
    audiences: [lower-secondary]
    nations: [england]
    checked: 2026-01-01
    source: tests
    status: ok
"""


def module_yaml(**values) -> str:
    """Return a valid module file, with VALUES replacing the defaults."""
    defaults = {"id": "test-module", "summary": "A summary.", "minutes": 15, "third_minutes": 5, "link": "police"}
    return MODULE.format(**{**defaults, **values})


def question_yaml(**values) -> str:
    """Return a valid single-choice question file, with VALUES replacing the defaults."""
    defaults = {"id": "test-question", "type": "single", "first": "true", "second": "false"}
    return QUESTION.format(**{**defaults, **values})


def plan_yaml(**values) -> str:
    """Return a valid plan file, with VALUES replacing the defaults."""
    defaults = {"id": "test-plan", "duration": 60, "modules": "test-module"}
    return PLAN.format(**{**defaults, **values})


def link_yaml(**values) -> str:
    """Return one links.yaml list item, with VALUES replacing the defaults."""
    defaults = {"id": "test-link", "url": "https://example.org/help"}
    return LINK.format(**{**defaults, **values})


def copy_library(tmp_path: Path) -> Path:
    """Copy the shipped library into TMP_PATH/lessons and return its path."""
    root = tmp_path / "lessons"
    shutil.copytree(data_dir("lessons"), root)
    return root


def line_count(path: Path) -> int:
    """Return the number of lines in PATH."""
    return len(path.read_text(encoding="utf-8").splitlines())
