"""Print PDF build figures (medians over repeated runs, taking turns): handout, pack, a class set of 30,
and the same with an organisation's logo and address.

Targets: handout < 25 ms and < 60 KB; pack < 150 ms; 30 handouts ≤ 2× the time and ≤ 1.3× the
bytes of one. Run: python benchmarks/pdf_bench.py [PLAN_ID] [RUNS]
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from dataclasses import replace

from PIL import Image, ImageDraw  # Pillow comes with ReportLab

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


def main() -> None:
    """Print the figures for one plan (the first in the library unless named)."""
    library, _ = load(data_dir("lessons"))
    plan_id = sys.argv[1] if len(sys.argv) > 1 else next(iter(library.plans))
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    session = assemble(library, from_plan(library, plan_id))
    bilingual = assemble(library, from_plan(library, plan_id, "wales", "bilingual"))
    branded = RenderOptions(organisation="Example Police", address="Police HQ, 1 High Street\nNewtown, NT1 2AB",
                            logo=logo())
    render("pack", session)  # warm up: fonts registered, QR matrices cached
    figures = measure({
        "handout (A4, England)": lambda: render("handout", session),
        "handout (Wales, bilingual)": lambda: render("handout", bilingual),
        "class set of 30 handouts": lambda: render("handout", session, RenderOptions(copies=30)),
        "pack (every document)": lambda: render("pack", session),
        "handout with logo, address": lambda: render("handout", session, branded),
        "30 handouts with the logo": lambda: render("handout", session, replace(branded, copies=30)),
        "letter with logo, address": lambda: render("parent-letter", session, branded),
    }, runs)
    print(f"plan {plan_id}, {runs} runs taking turns: median (fastest; median CPU)")
    for name, (median, fastest, cpu, size) in figures.items():
        print(f"{name:27} {median:7.1f} ms ({fastest:.1f}; CPU {cpu:.1f})  {size / 1024:6.1f} KB")
    for one, many in (("handout (A4, England)", "class set of 30 handouts"),
                      ("handout with logo, address", "30 handouts with the logo")):
        one, many = figures[one], figures[many]
        print(f"{'class set ÷ one handout':27} {many[0] / one[0]:.2f}× time, {many[3] / one[3]:.2f}× bytes "
              "(targets ≤ 2×, ≤ 1.3×)")


def logo() -> bytes:
    """Return a made-up 400 x 150 logo as PNG bytes (a disc and a bar), as kit.local would pass one."""
    image = Image.new("RGB", (400, 150), "white")
    draw = ImageDraw.Draw(image)
    draw.ellipse((10, 10, 140, 140), fill=(20, 60, 140))
    draw.rectangle((160, 50, 390, 100), fill=(200, 30, 30))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


if __name__ == "__main__":
    main()
