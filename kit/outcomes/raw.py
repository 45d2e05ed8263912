"""The outcome figures as counted, before suppression: what the store returns for a period."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Filters:
    """The period (inclusive), optional audience and nation, and the officer a view is limited to."""

    start: dt.date
    end: dt.date
    audience: str | None = None
    nation: str | None = None
    owner_id: int | None = None  # None: every officer (a lead's view)


@dataclass(frozen=True)
class Group:
    """One group of deliveries: how many and how many people they reached."""

    key: str
    deliveries: int
    people: int


@dataclass(frozen=True)
class Gain:
    """Mean learning gain for a question or a module, with the deliveries and people behind it."""

    key: str
    deliveries: int
    people: int
    baseline_pct: float | None
    endpoint_pct: float | None
    change: float


@dataclass(frozen=True)
class RawFigures:
    """Every figure the dashboard, the CSV files and the PDF show, before suppression."""

    filters: Filters
    deliveries: int
    people: int
    reach: dict[str, list[Group]]
    questions: list[Gain]
    modules: list[Gain]
    officers: dict[int, str]
