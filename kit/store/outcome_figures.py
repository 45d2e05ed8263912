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

# Each breakdown of reach: its id and the column it groups by.
DIMENSIONS = {
    "month": Delivery.month,
    "audience": Delivery.audience,
    "nation": Delivery.nation,
    "school": Delivery.school,
    "officer": Delivery.owner_id,
}


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


def _reach_each(db: DbSession, filters: Filters) -> tuple[tuple[int, int], dict[str, list[Group]]]:
    """Return the totals and each breakdown, one query apiece (any database)."""
    totals = db.execute(_where(select(func.count(), func.sum(Delivery.present)), filters)).one()
    return totals, {name: _groups(db.execute(_where(select(column, func.count(), func.sum(Delivery.present)),
                                                     filters).group_by(column)))
                    for name, column in DIMENSIONS.items()}


def _reach_sets(db: DbSession, filters: Filters) -> tuple[tuple[int, int], dict[str, list[Group]]]:
    """Return the totals and every breakdown from one scan, with GROUPING SETS (PostgreSQL)."""
    columns = list(DIMENSIONS.values())
    sets = func.grouping_sets(*[tuple_(c) for c in columns], tuple_())
    rows = db.execute(_where(select(*columns, func.count(), func.sum(Delivery.present)), filters).group_by(sets))
    found: dict[str, list] = {name: [] for name in DIMENSIONS}
    totals = (0, 0)
    for row in rows:
        keys = row[: len(columns)]
        # Every grouped column is NOT NULL, so the one that is set names the breakdown; none set is the total.
        named = [(name, key) for name, key in zip(DIMENSIONS, keys, strict=True) if key is not None]
        if named:
            found[named[0][0]].append((named[0][1], row[-2], row[-1]))
        else:
            totals = (row[-2], row[-1])
    return totals, {name: _groups(rows) for name, rows in found.items()}


# One scan where the database can group several ways at once; a query per breakdown elsewhere.
REACH_BY_DIALECT = {"postgresql": _reach_sets}


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


def _month_sums(db: DbSession, filters: Filters, months: tuple[str, str], kind: str):
    table = OutcomeMonth
    query = select(table.item_id, func.sum(table.deliveries), func.sum(table.people), func.sum(table.baseline_sum),
                   func.sum(table.endpoint_sum), func.sum(table.change_sum)).where(
        table.kind == kind, table.month >= months[0], table.month <= months[1])
    if filters.audience:
        query = query.where(table.audience == filters.audience)
    if filters.nation:
        query = query.where(table.nation == filters.nation)
    return db.execute(query.group_by(table.item_id))


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
    reach_of = REACH_BY_DIALECT.get(db.get_bind().dialect.name, _reach_each)
    (deliveries, people), reach = reach_of(db, filters)
    ids = [int(g.key) for g in reach["officer"]]
    officers = dict(db.execute(select(User.id, User.email).where(User.id.in_(ids))).all()) if ids else {}
    return RawFigures(filters, deliveries, int(people or 0), reach, _gains(db, filters, "question"),
                      _gains(db, filters, "module"), officers)
