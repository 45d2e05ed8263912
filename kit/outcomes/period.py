"""Read the dashboard's filters (period, audience, nation) from a query string, with plain messages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from kit.outcomes.raw import Filters

DEFAULT_DAYS = 365


def default_start(today: dt.date) -> dt.date:
    """Return the first day of the default period: a year up to TODAY."""
    return today - dt.timedelta(days=DEFAULT_DAYS - 1)


@dataclass(frozen=True)
class FilterProblem:
    """A filter that could not be used: what was wrong, and what the dashboard shows instead.

    The dashboard prints both; `kit report` refuses with `what` alone, since it shows nothing instead.
    """

    what: str
    instead: str = ""

    def __str__(self) -> str:
        return f"{self.what}: {self.instead}" if self.instead else self.what


def _day(value: str, name: str, fallback: dt.date, problems: list[FilterProblem]) -> dt.date:
    if not value:
        return fallback
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        problems.append(FilterProblem(f"'{value[:40]}' is not a date for '{name}': use the form 2027-03-27"))
        return fallback


def read_filters(args: Mapping[str, str], today: dt.date, audiences: Collection[str], nations: Collection[str],
                 owner_id: int | None) -> tuple[Filters, list[FilterProblem]]:
    """Return the filters ARGS ask for (defaults where a value is missing or wrong) and any problems."""
    problems: list[FilterProblem] = []
    start = _day(args.get("from", "").strip(), "from", default_start(today), problems)
    end = _day(args.get("to", "").strip(), "to", today, problems)
    if start > end:
        problems.append(FilterProblem("The 'from' date is after the 'to' date", "showing the year to today instead"))
        start, end = default_start(today), today
    audience = args.get("audience") or None
    if audience and audience not in audiences:
        problems.append(FilterProblem(f"There is no audience '{audience[:40]}'", "showing every audience"))
        audience = None
    nation = args.get("nation") or None
    if nation and nation not in nations:
        problems.append(FilterProblem(f"There is no nation '{nation[:40]}'", "showing every nation"))
        nation = None
    return Filters(start, end, audience, nation, owner_id), problems
