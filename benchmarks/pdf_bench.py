"""Print PDF build figures (medians over repeated runs, taking turns): handout, pack, a class set of 30.

Targets: handout < 25 ms and < 60 KB; pack < 150 ms; 30 handouts ≤ 2× the time and ≤ 1.3× the
bytes of one. Run: python benchmarks/pdf_bench.py [PLAN_ID] [RUNS] [--logo PNG]
(--logo adds the same builds with a force's logo and address line, as kit.local prepares them).
"""

from __future__ import annotations

import statistics
import sys
import time
from dataclasses import replace

from kit.content.loader import load
from kit.paths import data_dir
from kit.pdf import RenderOptions, render
from kit.sessions.model import assemble, from_plan


def measure(builds: dict, runs: int) -> dict[str, tuple[float, float, float, int]]:
    """Return name -> (median ms, fastest ms, median CPU ms, bytes) for each build in BUILDS.

    The builds take turns, run after run, so a machine that slows down part-way (a shared VM
    does) slows every figure alike instead of only the one measured at the time.
    """
    wall: dict[str, list[float]] = {name: [] for name in builds}
    cpu: dict[str, list[float]] = {name: [] for name in builds}
    size: dict[str, int] = {}
    for _ in range(runs):
        for name, build in builds.items():
            start, start_cpu = time.perf_counter(), time.process_time()
            size[name] = len(build())
            cpu[name].append((time.process_time() - start_cpu) * 1000)
            wall[name].append((time.perf_counter() - start) * 1000)
    return {name: (statistics.median(wall[name]), min(wall[name]), statistics.median(cpu[name]), size[name])
            for name in builds}


def local_options(args: list[str]) -> RenderOptions | None:
    """Return options with the logo named after --logo in ARGS (checked and re-encoded), or None; ARGS loses both."""
    if "--logo" not in args:
        return None
    from kit.local.logo import safe_png  # noqa: PLC0415 - only with --logo

    at = args.index("--logo")
    path = args[at + 1]
    del args[at:at + 2]
    with open(path, "rb") as handle:
        logo = safe_png(handle.read())
    return RenderOptions(organisation="Example Constabulary", address="Police HQ, 1 High Street, Exampleton EX1 1AA",
                         logo=logo, edition="Local content version 1")


def main() -> None:
    """Print the figures for one plan (the first in the library unless named)."""
    args = sys.argv[1:]
    local = local_options(args)
    library, _ = load(data_dir("lessons"))
    plan_id = args[0] if args else next(iter(library.plans))
    runs = int(args[1]) if len(args) > 1 else 30
    session = assemble(library, from_plan(library, plan_id))
    bilingual = assemble(library, from_plan(library, plan_id, "wales", "bilingual"))
    render("pack", session)  # warm up: fonts registered, QR matrices cached
    builds = {
        "handout (A4, England)": lambda: render("handout", session),
        "handout (Wales, bilingual)": lambda: render("handout", bilingual),
        "class set of 30 handouts": lambda: render("handout", session, RenderOptions(copies=30)),
        "pack (every document)": lambda: render("pack", session),
    }
    if local is not None:
        builds |= {
            "handout with logo": lambda: render("handout", session, local),
            "class set of 30, logo": lambda: render("handout", session, replace(local, copies=30)),
            "letter with logo": lambda: render("parent-letter", session, local),
            "pack with logo": lambda: render("pack", session, local),
        }
    figures = measure(builds, runs)
    print(f"plan {plan_id}, {runs} runs taking turns: median (fastest; median CPU)")
    for name, (median, fastest, cpu, size) in figures.items():
        print(f"{name:27} {median:7.1f} ms ({fastest:.1f}; CPU {cpu:.1f})  {size / 1024:6.1f} KB")
    one, many = figures["handout (A4, England)"], figures["class set of 30 handouts"]
    print(f"class set ÷ one handout: {many[0] / one[0]:.2f}× time, {many[3] / one[3]:.2f}× bytes "
          "(targets ≤ 2×, ≤ 1.3×)")
    if local is not None:
        one, many = figures["handout with logo"], figures["class set of 30, logo"]
        print(f"with logo, class set ÷ one handout: {many[0] / one[0]:.2f}× time, {many[3] / one[3]:.2f}× bytes")


if __name__ == "__main__":
    main()
