"""Print how long the library takes to load and validate: the shipped one and a generated large one.

Target (issue 2): under 2 s on one core for 5,000 modules and 20,000 questions.
Run: python benchmarks/load_library.py [--modules N] [--questions N] [--runs N]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from kit.content.check import check
from kit.content.loader import load
from kit.paths import data_dir

MODULE = """\
id: gen-module-{n}
title: {{en: Generated module {n}, cy: Modiwl {n}, cy_review: draft}}
summary: A generated module for the benchmark.
audiences: [lower-secondary, upper-secondary]
minutes: 10
outcomes:
  - I can say what to do if someone threatens to share an image.
keywords:
  - {{term: screenshot, definition: A picture of what is on your screen.}}
misconceptions:
  - {{misconception: Paying makes it stop., response: Paying usually leads to more demands.}}
activities:
  - title: Talk it through
    minutes: 5
    steps: [Read the story., Discuss in pairs.]
    notes: Praise every sensible step.
  - title: Sort the steps
    minutes: 5
    steps: [Sort the cards into order.]
    notes: Every order that ends in getting help is a good one.
safeguarding: [Tell the DSL the same day about any disclosure.]
key_messages:
  - {{id: block, covers: stop-and-block, text: Stop replying and block them.}}
links: [police, childline]
curriculum: {{england: ["RSHE: Being safe"], wales: ["RSE Code"]}}
sources: [benchmark]
"""

QUESTION = """\
  - id: gen-question-{n}
    audiences: [lower-secondary]
    type: single
    stem: What should you do first?
    options:
      - {{text: Pay them}}
      - {{text: Stop and get help, correct: true}}
      - {{text: Send more}}
    explanation: Paying leads to more demands.
    links: [childline]
"""


def generate(root: Path, modules: int, questions: int, per_file: int = 100) -> None:
    """Write a library with the shipped top-level files and MODULES and QUESTIONS generated ones."""
    shipped = data_dir("lessons")
    root.mkdir(parents=True)
    for name in ("audiences.yaml", "nations.yaml", "links.yaml", "lint.yaml"):
        shutil.copy(shipped / name, root / name)
    (root / "modules").mkdir()
    (root / "questions").mkdir()
    (root / "plans").mkdir()
    for n in range(modules):
        (root / "modules" / f"gen-{n:05d}.yaml").write_text(MODULE.format(n=n), encoding="utf-8")
    for start in range(0, questions, per_file):
        body = "questions:\n" + "".join(QUESTION.format(n=n) for n in range(start, min(start + per_file, questions)))
        (root / "questions" / f"gen-{start:05d}.yaml").write_text(body, encoding="utf-8")


def timed(root: Path, runs: int) -> tuple[float, float, int, int]:
    """Return median seconds to load, to cross-check and lint, and the counts and problems of the last run."""
    loads, checks = [], []
    for _ in range(runs):
        started = time.perf_counter()
        library, problems = load(root)
        loaded = time.perf_counter()
        problems += check(library)
        loads.append(loaded - started)
        checks.append(time.perf_counter() - loaded)
    errors = sum(p.severity == "error" for p in problems)
    return statistics.median(loads), statistics.median(checks), len(library.modules) + len(library.questions), errors


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--modules", type=int, default=5000)
    parser.add_argument("--questions", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    load_s, check_s, items, errors = timed(data_dir("lessons"), args.runs)
    print(f"shipped library: {items} modules+questions, load+validate {load_s * 1000:.0f} ms, "
          f"cross-check+lint {check_s * 1000:.0f} ms, total {(load_s + check_s) * 1000:.0f} ms, {errors} errors")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "lessons"
        generate(root, args.modules, args.questions)
        load_s, check_s, items, errors = timed(root, args.runs)
    print(f"generated library ({args.modules} modules, {args.questions} questions): load+validate "
          f"{load_s:.2f} s, cross-check+lint {check_s:.2f} s, total {load_s + check_s:.2f} s, {errors} errors")


if __name__ == "__main__":
    main()
