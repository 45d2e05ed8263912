"""The outcome figures straight from the database: counts and means, grouped, for a period and filters.

Plain numbers only; suppression and labels are added by kit.outcomes.figures.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sqlalchemy import func, null, select, tuple_
from sqlalchemy.orm import Session as DbSession

from kit.db import Delivery, DeliveryModule, DeliveryQuestion, OutcomeMonth, User
from kit.outcomes.raw import Filters, Gain, Group, RawFigures

# Breakdowns of reach counted from the deliveries themselves: too many schools and officers to sum by month.
SCANNED = {"school": Delivery.school, "officer": Delivery.owner_id}
# Breakdowns of reach that the monthly sums hold (kind "reach"), in their column order there.
SUMMED = ("month", "audience", "nation")


def _where(query, filters: Filters, table=Delivery):
    """Return QUERY limited to FILTERS, on TABLE's own copy of the filter columns."""
    query = query.where(table.delivered_on >= filters.start, table.delivered_on <= filters.end)
    if filters.owner_id is not None:
        query = query.where(table.owner_id == filters.owner_id)
    if filters.audience:
        query = query.where(table.audience == filters.audience)
    if filters.nation:
        query = query.where(table.nation == filters.nation)
    return query


def _groups(rows) -> list[Group]:
    return sorted((Group(str(key), n, int(people or 0)) for key, n, people in rows), key=lambda g: g.key)


def _scanned_each(db: DbSession, filters: Filters) -> dict[str, list[Group]]:
    """Return reach by school and by officer, one query apiece (any database)."""
    return {name: _groups(db.execute(_where(select(column, func.count(), func.sum(Delivery.present)),
                                            filters).group_by(column)))
            for name, column in SCANNED.items()}


def _scanned_sets(db: DbSession, filters: Filters) -> dict[str, list[Group]]:
    """Return reach by school and by officer from one scan, with GROUPING SETS (PostgreSQL)."""
    columns = list(SCANNED.values())
    sets = func.grouping_sets(*[tuple_(c) for c in columns])
    rows = db.execute(_where(select(*columns, func.count(), func.sum(Delivery.present)), filters).group_by(sets))
    found: dict[str, list] = {name: [] for name in SCANNED}
    for row in rows:
        # Every grouped column is NOT NULL, so the one that is set names the breakdown.
        name, key = next((n, k) for n, k in zip(SCANNED, row[: len(columns)], strict=True) if k is not None)
        found[name].append((key, row[-2], row[-1]))
    return {name: _groups(rows) for name, rows in found.items()}


# One scan where the database can group several ways at once; a query per breakdown elsewhere.
SCAN_BY_DIALECT = {"postgresql": _scanned_sets}


def _summed(db: DbSession, filters: Filters) -> list[tuple]:
    """Return (month, audience, nation, deliveries, people) rows: monthly sums, and deliveries at the edges."""
    months, edges = _period_split(filters)
    parts = [_month_sums(db, filters, months, "reach", (OutcomeMonth.month, OutcomeMonth.audience,
                                                         OutcomeMonth.nation))] if months else []
    cube = (Delivery.month, Delivery.audience, Delivery.nation)
    parts += [db.execute(_where(select(*cube, func.count(), func.sum(Delivery.present)), edge).group_by(*cube))
              for edge in edges]
    return [tuple(row) for rows in parts for row in rows]


def _reach(db: DbSession, filters: Filters) -> tuple[tuple[int, int], dict[str, list[Group]]]:
    """Return the totals and every breakdown of reach for FILTERS."""
    rows = _summed(db, filters)
    reach = {}
    for i, name in enumerate(SUMMED):
        folded: dict[str, tuple[int, int]] = {}
        for row in rows:
            n, people = folded.get(row[i], (0, 0))
            folded[row[i]] = (n + row[3], people + (row[4] or 0))
        reach[name] = _groups((key, n, people) for key, (n, people) in folded.items())
    reach.update(SCAN_BY_DIALECT.get(db.get_bind().dialect.name, _scanned_each)(db, filters))
    return (sum(r[3] for r in rows), sum(r[4] or 0 for r in rows)), reach


def _period_split(filters: Filters) -> tuple[tuple[str, str] | None, list[Filters]]:
    """Return the whole months in FILTERS' period (first, last) and FILTERS for each part-month edge.

    A lead's gains come from the monthly sums for whole months and from the per-delivery rows at the
    edges; an officer's come from their own rows throughout (a few hundred, read by the officer index).
    """
    start, end = filters.start, filters.end
    first = start if start.day == 1 else (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    after_end = end + dt.timedelta(days=1)
    last = end if after_end.day == 1 else end.replace(day=1) - dt.timedelta(days=1)
    if filters.owner_id is not None or first > last:
        return None, [filters]
    edges = [replace(filters, start=a, end=b) for a, b in ((start, first - dt.timedelta(days=1)),
                                                          (last + dt.timedelta(days=1), end)) if a <= b]
    return (f"{first:%Y-%m}", f"{last:%Y-%m}"), edges


def _month_sums(db: DbSession, filters: Filters, months: tuple[str, str], kind: str, by=(OutcomeMonth.item_id,)):
    """Return the monthly sums of KIND over MONTHS (first, last) for FILTERS, grouped BY those columns."""
    table = OutcomeMonth
    sums = (table.deliveries, table.people) if kind == "reach" else (
        table.deliveries, table.people, table.baseline_sum, table.endpoint_sum, table.change_sum)
    query = select(*by, *(func.sum(c) for c in sums)).where(
        table.kind == kind, table.month >= months[0], table.month <= months[1])
    if filters.audience:
        query = query.where(table.audience == filters.audience)
    if filters.nation:
        query = query.where(table.nation == filters.nation)
    return db.execute(query.group_by(*by))


def _row_sums(db: DbSession, filters: Filters, kind: str):
    if kind == "question":
        t = DeliveryQuestion
        return db.execute(_where(select(t.question_id, func.count(), func.sum(t.present), func.sum(t.baseline_pct),
                                        func.sum(t.endpoint_pct), func.sum(t.endpoint_pct - t.baseline_pct)),
                                 filters, t).group_by(t.question_id))
    t = DeliveryModule
    return db.execute(_where(select(t.module_id, func.count(), func.sum(t.present), null(), null(), func.sum(t.gain)),
                             filters, t).where(t.gain.is_not(None)).group_by(t.module_id))


def _gains(db: DbSession, filters: Filters, kind: str) -> list[Gain]:
    """Return the mean gain per question or module (KIND) for FILTERS, from monthly sums and edge rows."""
    months, edges = _period_split(filters)
    parts = [_month_sums(db, filters, months, kind)] if months else []
    parts += [_row_sums(db, edge, kind) for edge in edges]
    totals: dict[str, list] = {}
    for rows in parts:
        for key, *sums in rows:
            kept = totals.setdefault(key, [0, 0, 0.0, 0.0, 0.0])
            for i, value in enumerate(sums):
                kept[i] += value or 0
    questions = kind == "question"
    return [Gain(key, n, int(people), b / n if questions else None, e / n if questions else None, c / n)
            for key, (n, people, b, e, c) in totals.items() if n > 0]


def collect(db: DbSession, filters: Filters) -> RawFigures:
    """Return every outcome figure for FILTERS, counted in the database."""
    (deliveries, people), reach = _reach(db, filters)
    ids = [int(g.key) for g in reach["officer"]]
    officers = dict(db.execute(select(User.id, User.email).where(User.id.in_(ids))).all()) if ids else {}
    return RawFigures(filters, deliveries, int(people or 0), reach, _gains(db, filters, "question"),
                      _gains(db, filters, "module"), officers)
