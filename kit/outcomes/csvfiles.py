"""The outcome return as CSV files: one per table of the dashboard, and a note saying what they are."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile

from kit.outcomes.figures import NO_PUPIL_DATA, SUPPRESSION_NOTE, Figures


def _csv(header: list[str], rows: list[list]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([_cell(v) for v in row] for row in rows)
    return out.getvalue()


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _cell(value):
    """Return VALUE safe for a spreadsheet: text starting = + - @ is not run as a formula (numbers stay)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r") and not _number(value):
        return "'" + value
    return value


def _points(change: str) -> str:
    """Return "+12.5 points" as "+12.5", so a spreadsheet reads a number; other text as it is."""
    return change.removesuffix(" points")


def _about(figures: Figures, generated: dt.date) -> str:
    f = figures.filters
    lines = [
        "Safer Sessions Kit: outcome return",
        f"Period: {f.start.isoformat()} to {f.end.isoformat()}",
        f"Audience: {f.audience or 'every audience'}; nation: {f.nation or 'every nation'}",
        f"Officers: {'one officer' if f.owner_id is not None else 'every officer'}",
        f"Made on {generated.isoformat()}",
        f"Sessions delivered: {figures.deliveries}; people reached: {figures.people}",
        "",
        NO_PUPIL_DATA,
        SUPPRESSION_NOTE,
        "Learning gain: percent of the people present who answered rightly, before and after; "
        "a mean is shown only when 5 or more people are behind it.",
    ]
    return "\r\n".join(lines) + "\r\n"


def files(figures: Figures, generated: dt.date) -> dict[str, str]:
    """Return file name -> CSV text for every table of FIGURES, plus about.txt."""
    out = {"about.txt": _about(figures, generated)}
    for b in figures.breakdowns:
        out[f"reach-by-{b.id}.csv"] = _csv([b.id, "sessions_delivered", "people_reached"],
                                           [[r.label, r.deliveries, r.people] for r in b.rows])
    out["gain-by-question.csv"] = _csv(
        ["question", "deliveries", "correct_before", "correct_after", "mean_change_points"],
        [[r.label, r.deliveries, r.before, r.after, _points(r.change)] for r in figures.questions])
    out["gain-by-module.csv"] = _csv(["module", "deliveries", "mean_change_points"],
                                     [[r.label, r.deliveries, _points(r.change)] for r in figures.modules])
    return out


def zipped(figures: Figures, generated: dt.date) -> bytes:
    """Return every file of the CSV return in one zip archive (dated entries, so builds repeat)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files(figures, generated).items():
            info = zipfile.ZipInfo(name, date_time=(generated.year, generated.month, generated.day, 0, 0, 0))
            archive.writestr(info, text.encode("utf-8"))
    return out.getvalue()
