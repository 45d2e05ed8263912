"""The outcome figures as people read them: labelled, suppressed, ready for a page, a CSV or a PDF.

The dashboard, the CSV files and the PDF all print this one object, so they always agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from kit.outcomes import suppress
from kit.outcomes.raw import Filters, Gain, RawFigures

BREAKDOWNS = {
    "month": "By month",
    "audience": "By audience",
    "nation": "By nation",
    "school": "By school or venue",
    "officer": "By officer",
}
TOO_FEW = "too few people"
WITHHELD = "withheld"
NO_PUPIL_DATA = ("No pupil data is held. These figures are class-level counts typed in or counted by "
                 "show of hands; no pupil's name, answer or any other detail is ever stored.")
SUPPRESSION_NOTE = (f"Fewer than {suppress.SMALL} people is shown as \"{suppress.LESS_THAN}\"; "
                    f"\"{suppress.HIDDEN}\" marks a figure hidden so that a small one cannot be worked "
                    "out by subtraction from the total.")

Labeller = Callable[[str, str], str]  # (dimension, key) -> the name people read


@dataclass(frozen=True)
class Row:
    """One group: its name, deliveries, people as printed, and the people for a chart bar (None if hidden)."""

    label: str
    deliveries: int
    people: str
    bar: int | None


@dataclass(frozen=True)
class Breakdown:
    """Reach by one dimension; WITHHELD when no suppression could protect its small figures."""

    id: str
    title: str
    rows: list[Row]
    withheld: bool


@dataclass(frozen=True)
class GainRow:
    """Mean learning gain for a question or module, printed; VALUE is the change for a chart, None if hidden."""

    label: str
    deliveries: int
    before: str
    after: str
    change: str
    value: float | None


@dataclass(frozen=True)
class Figures:
    """Everything an outcome view prints, for one period and set of filters."""

    filters: Filters
    deliveries: int
    people: str
    breakdowns: list[Breakdown]
    questions: list[GainRow]
    modules: list[GainRow]


def month_label(key: str) -> str:
    """Return "2027-03" as "March 2027"."""
    return f"{dt.date.fromisoformat(key + '-01'):%B %Y}"


def _breakdown(dimension: str, raw: RawFigures, label: Labeller) -> Breakdown:
    groups = raw.reach[dimension]
    printed = suppress.protect([g.people for g in groups])
    rows = [Row(label(dimension, g.key), g.deliveries,
                printed[i] if printed else WITHHELD,
                g.people if printed and printed[i] not in (suppress.LESS_THAN, suppress.HIDDEN) else None)
            for i, g in enumerate(groups)]
    return Breakdown(dimension, BREAKDOWNS[dimension], rows, printed is None)


def _pct(value: float | None) -> str:
    return "" if value is None else f"{value:.0f}%"


def _gain(gain: Gain, label: str) -> GainRow:
    if gain.people < suppress.SMALL:
        return GainRow(label, gain.deliveries, TOO_FEW, TOO_FEW, TOO_FEW, None)
    return GainRow(label, gain.deliveries, _pct(gain.baseline_pct), _pct(gain.endpoint_pct),
                   f"{gain.change:+.1f} points", gain.change)


def build(raw: RawFigures, label: Labeller) -> Figures:
    """Return RAW labelled and suppressed, in reading order."""
    breakdowns = [_breakdown(d, raw, label) for d in BREAKDOWNS]
    questions = sorted((_gain(g, label("question", g.key)) for g in raw.questions), key=lambda r: r.label)
    modules = sorted((_gain(g, label("module", g.key)) for g in raw.modules), key=lambda r: r.label)
    return Figures(raw.filters, raw.deliveries, suppress.shown(raw.people), breakdowns, questions, modules)


def labeller(library, officers: dict[int, str]) -> Labeller:
    """Return a labeller naming months, audiences, nations, schools, officers, questions and modules."""
    names: dict[str, Callable[[str], str]] = {
        "month": month_label,
        "audience": lambda k: library.audiences[k].name.en if k in library.audiences else k,
        "nation": lambda k: library.nations[k].name.en if k in library.nations else k,
        "school": lambda k: k or "(no school or venue given)",
        "officer": lambda k: officers.get(int(k), f"officer {k}"),
        "question": lambda k: library.questions[k].stem.en if k in library.questions else k,
        "module": lambda k: library.modules[k].title.en if k in library.modules else k,
    }
    return lambda dimension, key: names[dimension](key)
