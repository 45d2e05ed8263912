"""Slide change in Chromium, from a browser trace of the offline presenter file.

    python benchmarks/present_trace.py [--plan lower-secondary-core] [--nation england] [--lang en]

Builds the plan's offline file, opens it in /usr/bin/chromium (headless), records a Chromium trace
while → moves through every slide, and prints, per key press, the keydown handler's time
(EventDispatch) and the time from the key press to the end of the next Paint: median and max.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from kit.content.loader import load_checked
from kit.paths import data_dir
from kit.present.page import offline_html
from kit.sessions.model import assemble, from_plan

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
CATEGORIES = ["devtools.timeline", "blink", "disabled-by-default-devtools.timeline.frame"]


def record(html: Path, trace: Path) -> None:
    """Open HTML and press → through every slide while Chromium records TRACE."""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        page.goto(html.resolve().as_uri())
        slides = page.locator("section.slide").count()
        browser.start_tracing(page=page, path=str(trace), categories=CATEGORIES)
        for _ in range(slides - 1):
            page.keyboard.press("ArrowRight")
            page.wait_for_timeout(60)  # let each change paint before the next key
        browser.stop_tracing()
        browser.close()


def timings(trace: Path) -> tuple[list[float], list[float]]:
    """Return (handler ms, key press to painted ms) for each keydown in TRACE."""
    events = json.loads(trace.read_text())
    events = events["traceEvents"] if isinstance(events, dict) else events
    keys = sorted((e for e in events if e.get("name") == "EventDispatch" and e.get("ph") == "X"
                   and e.get("args", {}).get("data", {}).get("type") == "keydown"), key=lambda e: e["ts"])
    paints = sorted((e for e in events if e.get("name") == "Paint" and e.get("ph") == "X"), key=lambda e: e["ts"])
    handler, painted = [], []
    for key in keys:
        handler.append(key["dur"] / 1000)
        done = key["ts"] + key["dur"]
        after = next((p for p in paints if p["ts"] >= done), None)
        if after:
            painted.append((after["ts"] + after.get("dur", 0) - key["ts"]) / 1000)
    return handler, painted


def main() -> None:
    """Build the offline file, trace the slide changes and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plan", default="lower-secondary-core")
    parser.add_argument("--nation", default="england")
    parser.add_argument("--lang", default="en", choices=("en", "cy", "bilingual"))
    args = parser.parse_args()
    library = load_checked(data_dir("lessons"))
    session = assemble(library, from_plan(library, args.plan, args.nation, args.lang))
    with tempfile.TemporaryDirectory() as folder:
        html, trace = Path(folder) / "present.html", Path(folder) / "trace.json"
        html.write_bytes(offline_html(session))
        record(html, trace)
        handler, painted = timings(trace)
    print(f"{args.plan} ({args.nation}, {args.lang}): {len(handler)} slide changes")
    print(f"  keydown handler      median {statistics.median(handler):6.2f} ms  max {max(handler):6.2f} ms")
    print(f"  key press to painted median {statistics.median(painted):6.2f} ms  max {max(painted):6.2f} ms")


if __name__ == "__main__":
    main()
