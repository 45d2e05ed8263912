"""The outcome figures straight from the database: counts and means, grouped, for a period and filters.

Plain numbers only; suppression and labels are added by kit.outcomes.figures.
"""

from __future__ import annotations

from sqlalchemy import func, select, tuple_
from sqlalchemy.orm import Session as DbSession

from kit.db import Delivery, DeliveryModule, DeliveryQuestion, User
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


def _questions(db: DbSession, filters: Filters) -> list[Gain]:
    table = DeliveryQuestion
    query = _where(select(table.question_id, func.count(), func.sum(table.present), func.avg(table.baseline_pct),
                          func.avg(table.endpoint_pct)), filters, table)
    rows = db.execute(query.group_by(table.question_id))
    return [Gain(q, n, int(p or 0), b, e, e - b) for q, n, p, b, e in rows]


def _modules(db: DbSession, filters: Filters) -> list[Gain]:
    table = DeliveryModule
    query = _where(select(table.module_id, func.count(), func.sum(table.present), func.avg(table.gain)),
                   filters, table)
    rows = db.execute(query.where(table.gain.is_not(None)).group_by(table.module_id))
    return [Gain(m, n, int(p or 0), None, None, g) for m, n, p, g in rows]


def collect(db: DbSession, filters: Filters) -> RawFigures:
    """Return every outcome figure for FILTERS, counted in the database."""
    reach_of = REACH_BY_DIALECT.get(db.get_bind().dialect.name, _reach_each)
    (deliveries, people), reach = reach_of(db, filters)
    ids = [int(g.key) for g in reach["officer"]]
    officers = dict(db.execute(select(User.id, User.email).where(User.id.in_(ids))).all()) if ids else {}
    return RawFigures(filters, deliveries, int(people or 0), reach, _questions(db, filters), _modules(db, filters),
                      officers)
