"""Print how long a realistic large library takes to load and validate with the strict YAML reader.

Target: a library of 1,000 modules and 5,000 questions, generated from the shipped ones (the same
text, Welsh and structure, with new module, misconception and question ids, so it passes the lint
too), loads, validates and cross-checks in under 1 s. The
content lint (reading grades, banned phrases, Welsh coverage) is timed on its own: it runs in
`kit check`, in CI and before an export, never at start-up.
Run: python benchmarks/load_library.py [--modules N] [--questions N] [--runs N]
CPU time is printed beside wall time: on a shared machine it is the steadier of the two.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from kit.content.check import cross_check
from kit.content.lint import run as lint
from kit.content.loader import load
from kit.paths import data_dir

QUESTIONS_PER_FILE = 50


def generate(root: Path, modules: int, questions: int) -> None:
    """Write the shipped library to ROOT, then copies of its modules and questions under new ids."""
    shipped = data_dir("lessons")
    shutil.copytree(shipped, root)
    module_files = sorted((shipped / "modules").glob("*.yaml"))
    for n in range(modules - len(module_files)):
        source = module_files[n % len(module_files)]
        text = re.sub(r"^id: (\S+)", rf"id: \1-g{n}", source.read_text(encoding="utf-8"), count=1, flags=re.M)
        text = _renamed(text, n)
        (root / "modules" / f"{source.stem}-g{n}.yaml").write_text(text, encoding="utf-8")
    items = [m.group(0) for f in sorted((shipped / "questions").glob("*.yaml"))
             for m in re.finditer(r"^  - id: .*?(?=^  - id: |\Z)", f.read_text(encoding="utf-8"), re.M | re.S)]
    have = len(items)
    for start in range(0, questions - have, QUESTIONS_PER_FILE):
        body = "".join(re.sub(r"^  - id: (\S+)", rf"  - id: \1-g{n}", items[n % have], count=1, flags=re.M)
                       for n in range(start, min(start + QUESTIONS_PER_FILE, questions - have)))
        (root / "questions" / f"generated-{start:05d}.yaml").write_text("questions:\n" + body, encoding="utf-8")


def _renamed(module: str, n: int) -> str:
    """Return MODULE with its misconception ids made unique to copy N (the lint wants each id once)."""
    block = re.search(r"^misconceptions:\n(?:[ #].*\n|\n)*", module, flags=re.M)
    if block is None:
        return module
    renamed = re.sub(r"^  - id: (\S+)", rf"  - id: \1-g{n}", block.group(0), flags=re.M)
    return module[: block.start()] + renamed + module[block.end():]


def timed(root: Path, runs: int) -> tuple[list[float], list[float]]:
    """Return the wall and CPU seconds of each load+validate+cross-check of ROOT."""
    walls, cpus = [], []
    for _ in range(runs):
        # A process loads its library once: the last run's is dropped first, or the garbage
        # collector would walk it again while timing this one.
        library = None
        started, cpu = time.perf_counter(), time.process_time()
        library, _ = load(root)
        cross_check(library)
        walls.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu)
    return walls, cpus


def linted(root: Path) -> tuple[float, int, int]:
    """Return the lint's seconds on the library at ROOT, its modules and questions, and all the errors found."""
    library, problems = load(root)
    problems += cross_check(library)
    started = time.perf_counter()
    problems += lint(library)
    lint_s = time.perf_counter() - started
    return lint_s, len(library.modules) + len(library.questions), sum(p.severity == "error" for p in problems)


def main() -> None:
    """Run the benchmark and print its figures: the loads first, as at start-up, then the lints.

    The lint reads pronunciation dictionaries that stay in memory; timed after it, a load would
    pay for the garbage collector walking them, which a server starting up never does.
    """
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--modules", type=int, default=1000)
    parser.add_argument("--questions", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    walls, cpus = timed(data_dir("lessons"), args.runs)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "lessons"
        generate(root, args.modules, args.questions)
        size = sum(p.stat().st_size for p in root.rglob("*.yaml"))
        big_walls, big_cpus = timed(root, args.runs)
        lint_s, items, errors = linted(data_dir("lessons"))
        print(f"shipped library ({items} modules+questions): load+validate+cross-check "
              f"{statistics.median(walls) * 1000:.0f} ms (median of {args.runs}; "
              f"{statistics.median(cpus) * 1000:.0f} ms CPU); lint {lint_s * 1000:.0f} ms; {errors} errors")
        lint_s, items, errors = linted(root)
    print(f"realistic library ({args.modules} modules, {args.questions} questions, {size / 1e6:.1f} MB): "
          f"load+validate+cross-check median {statistics.median(big_walls):.2f} s, fastest {min(big_walls):.2f} s "
          f"({statistics.median(big_cpus):.2f} s CPU; target under 1 s); lint {lint_s:.2f} s; {errors} errors")


if __name__ == "__main__":
    main()
