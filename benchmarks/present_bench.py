"""Offline presenter file: its size and the time to build it, for every ready-made plan.

    python benchmarks/present_bench.py [--runs N] [--minutes M] [--nation wales --lang bilingual]

Prints one line per plan: bytes, KiB, slides, and the fastest and median build time over N runs
(the first run of the process is shown apart: it compiles the templates and QR codes).
"""

from __future__ import annotations

import argparse
import statistics
import time
from dataclasses import replace

from kit.content.loader import load_checked
from kit.paths import data_dir
from kit.present.deck import build
from kit.present.page import offline_html
from kit.sessions.model import assemble, from_plan


def main() -> None:
    """Build each plan's offline file RUNS times and print its size and timings."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--minutes", type=int, default=None, help="fit each plan to this length first")
    parser.add_argument("--nation", default="england", help="e.g. wales (plans not offered there are skipped)")
    parser.add_argument("--lang", default="en", choices=("en", "cy", "bilingual"))
    args = parser.parse_args()
    library = load_checked(data_dir("lessons"))
    print(f"{'plan':<24} {'bytes':>8} {'KiB':>6} {'slides':>6} {'first ms':>9} {'min ms':>7} {'median ms':>9}")
    for plan_id, plan in library.plans.items():
        if args.nation not in plan.nations:
            continue
        spec = from_plan(library, plan_id, args.nation, args.lang)
        if args.minutes:
            spec = replace(spec, lesson_minutes=args.minutes)
        session = assemble(library, spec)
        times, data = [], b""
        for _ in range(max(args.runs, 2)):
            start = time.perf_counter()
            data = offline_html(session)
            times.append((time.perf_counter() - start) * 1000)
        later = times[1:]
        print(f"{plan_id:<24} {len(data):>8} {len(data) / 1024:>6.1f} {len(build(session).slides):>6} "
              f"{times[0]:>9.1f} {min(later):>7.1f} {statistics.median(later):>9.1f}")


if __name__ == "__main__":
    main()
