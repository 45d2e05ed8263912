"""Print how long the library takes to load and validate: the shipped one and a generated large one.

Target (issue 2): load, validate and cross-check 5,000 modules and 20,000 questions in under 2 s on
one core, cold. "Cold" starts with an empty parse cache (a fresh KIT_CACHE_DIR), so every file is
parsed: by the fast reader (kit.content.fastyaml) where it must agree with the strict one, else
strictly. "Warm" reuses the parse cache (kit.content.parsecache); validation and every check still
run in full. The content lint (reading grades, banned phrases) is timed on its own.
Run it pinned to one core: `taskset -c 0 python benchmarks/load_library.py`.
Run: python benchmarks/load_library.py [--modules N] [--questions N] [--runs N]

Medians of 3 runs pinned to one core of a shared 2-core machine, each started when both cores were
idle (generated library, 11 MB; the machine's other work moves these by up to a factor of two):
- before the fast reader: load+validate 4.41 s cold, 0.95 s warm; cross-check+lint 1.13 s.
- with it: load+validate+cross-check 1.48 s cold (1.48 s CPU), 1.27 s warm; lint 1.00 s.
  Cold CPU time, by part: yaml_rs 0.39 s, validation 0.41 s, walk 0.16 s, scan 0.11 s, reading,
  hashing and naming files 0.2 s, cross-check 0.07 s.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from kit.content.check import cross_check
from kit.content.lint import run as lint
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


def timed(root: Path, runs: int) -> tuple[float, float, float, float, int, int]:
    """Return seconds to load, validate and cross-check cold (empty parse cache) and the CPU seconds
    of that, the median of the same warm, the median seconds of the content lint, and the item count
    and errors of the last run. CPU time shows the cost when other work shares the core."""
    os.environ["KIT_CACHE_DIR"] = tempfile.mkdtemp(prefix="kit-bench-cache-")
    started, cpu = time.perf_counter(), time.process_time()
    library, problems = load(root)
    problems += cross_check(library)
    cold, cold_cpu = time.perf_counter() - started, time.process_time() - cpu
    warms, lints = [], []
    for _ in range(runs):
        started = time.perf_counter()
        library, problems = load(root)
        problems += cross_check(library)
        checked = time.perf_counter()
        problems += lint(library)
        warms.append(checked - started)
        lints.append(time.perf_counter() - checked)
    errors = sum(p.severity == "error" for p in problems)
    shutil.rmtree(os.environ.pop("KIT_CACHE_DIR"), ignore_errors=True)
    items = len(library.modules) + len(library.questions)
    return cold, cold_cpu, statistics.median(warms), statistics.median(lints), items, errors


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--modules", type=int, default=5000)
    parser.add_argument("--questions", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    cold, _cpu, warm, lint_s, items, errors = timed(data_dir("lessons"), args.runs)
    print(f"shipped library ({items} modules+questions): load+validate+cross-check {cold * 1000:.0f} ms cold, "
          f"{warm * 1000:.0f} ms warm; lint {lint_s * 1000:.0f} ms; {errors} errors")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "lessons"
        generate(root, args.modules, args.questions)
        cold, cpu, warm, lint_s, items, errors = timed(root, args.runs)
    print(f"generated library ({args.modules} modules, {args.questions} questions): load+validate+cross-check "
          f"{cold:.2f} s cold ({cpu:.2f} s CPU; empty parse cache; target under 2 s), {warm:.2f} s warm; "
          f"lint {lint_s:.2f} s; "
          f"{errors} errors")

if __name__ == "__main__":
    main()
