"""Print PDF build figures (medians over repeated runs): handout, pack, a class set of 30.

Targets: handout < 25 ms and < 60 KB; pack < 150 ms; 30 handouts ≤ 2× the time and ≤ 1.3× the
bytes of one. Run: python benchmarks/pdf_bench.py [PLAN_ID] [RUNS]
"""

from __future__ import annotations

import statistics
import sys
import time

from kit.content.loader import load
from kit.paths import data_dir
from kit.pdf import RenderOptions, render
from kit.sessions.model import assemble, from_plan


def median_ms(build, runs: int) -> tuple[float, int]:
    """Return the median time of BUILD in ms over RUNS, and the size of what it built."""
    times, data = [], b""
    for _ in range(runs):
        start = time.perf_counter()
        data = build()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), len(data)


def main() -> None:
    """Print the figures for one plan (the first in the library unless named)."""
    library, _ = load(data_dir("lessons"))
    plan_id = sys.argv[1] if len(sys.argv) > 1 else next(iter(library.plans))
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    session = assemble(library, from_plan(library, plan_id))
    render("pack", session)  # warm up: fonts registered, QR matrices cached
    one_ms, one_bytes = median_ms(lambda: render("handout", session), runs)
    set_ms, set_bytes = median_ms(lambda: render("handout", session, RenderOptions(copies=30)), runs)
    pack_ms, pack_bytes = median_ms(lambda: render("pack", session), max(runs // 3, 5))
    bilingual = assemble(library, from_plan(library, plan_id, "wales", "bilingual"))
    bi_ms, bi_bytes = median_ms(lambda: render("handout", bilingual), runs)
    print(f"plan {plan_id}, {runs} runs, medians")
    print(f"handout (A4, England)       {one_ms:7.1f} ms  {one_bytes / 1024:6.1f} KB")
    print(f"handout (Wales, bilingual)  {bi_ms:7.1f} ms  {bi_bytes / 1024:6.1f} KB")
    print(f"class set of 30 handouts    {set_ms:7.1f} ms  {set_bytes / 1024:6.1f} KB"
          f"  ({set_ms / one_ms:.2f}× time, {set_bytes / one_bytes:.2f}× bytes)")
    print(f"pack (every document)       {pack_ms:7.1f} ms  {pack_bytes / 1024:6.1f} KB")


if __name__ == "__main__":
    main()
