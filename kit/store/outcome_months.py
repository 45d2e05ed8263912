"""The monthly learning-gain sums (OutcomeMonth): the one place that writes them, and their recount.

`deliveries.save` and `deliveries.remove` call `add` inside their own transaction, so the sums move
with the per-delivery rows they summarise or not at all. `recount` sums those rows afresh: the tests
compare the two after random saves and deletions.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session as DbSession

from kit.db import Delivery, DeliveryModule, DeliveryQuestion, OutcomeMonth

KEY = ("month", "audience", "nation", "kind", "item_id")
SUMS = ("deliveries", "people", "baseline_sum", "endpoint_sum", "change_sum")
# Both dialects say "insert, or add to the row already there" the same way; each has its own insert.
UPSERT_INSERT = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}

Sums = dict[tuple, tuple]  # KEY values -> SUMS values


def changes(where: tuple[str, str, str], present: int, questions: Iterable[tuple[str, float, float]],
            modules: Iterable[str], mean: float | None, sign: int = 1) -> Sums:
    """Return what one delivery adds (SIGN 1) or takes away (-1) at WHERE (month, audience, nation).

    Kind "reach" counts the delivery and its people; "question" and "module" its learning gain.
    """
    out: Sums = {(*where, "reach", ""): (sign, sign * present, None, None, 0.0)}
    for qid, before, after in questions:
        out[(*where, "question", qid)] = (sign, sign * present, sign * before, sign * after, sign * (after - before))
    if mean is not None:  # a delivery with no questions asked says nothing about its modules
        for module_id in dict.fromkeys(modules):
            out[(*where, "module", module_id)] = (sign, sign * present, None, None, sign * mean)
    return out


def add(db: DbSession, sums: Sums) -> None:
    """Add SUMS to the stored monthly sums (in the caller's transaction); drop rows that reach nothing."""
    if not sums:
        return
    insert = UPSERT_INSERT[db.get_bind().dialect.name]
    rows = [dict(zip(KEY + SUMS, (*key, *values), strict=True)) for key, values in sorted(sums.items())]
    statement = insert(OutcomeMonth)
    table = OutcomeMonth.__table__.c
    db.execute(statement.on_conflict_do_update(
        index_elements=list(KEY), set_={name: table[name] + statement.excluded[name] for name in SUMS}), rows)
    emptied = {key[:3] for key, values in sums.items() if values[0] < 0}
    for month, audience, nation in emptied:
        db.execute(delete(OutcomeMonth).where(OutcomeMonth.month == month, OutcomeMonth.audience == audience,
                                              OutcomeMonth.nation == nation, OutcomeMonth.deliveries <= 0))


def stored(db: DbSession) -> Sums:
    """Return every stored monthly sum."""
    rows = db.execute(select(*(OutcomeMonth.__table__.c[c] for c in KEY + SUMS)))
    return {tuple(row[:5]): tuple(row[5:]) for row in rows}


def recount(db: DbSession) -> Sums:
    """Return the monthly sums counted afresh from every delivery's per-question and per-module rows."""
    q, m = DeliveryQuestion, DeliveryModule
    group = (Delivery.month, Delivery.audience, Delivery.nation)
    questions = db.execute(
        select(*group, q.question_id, func.count(), func.sum(q.present), func.sum(q.baseline_pct),
               func.sum(q.endpoint_pct), func.sum(q.endpoint_pct - q.baseline_pct))
        .join(Delivery, Delivery.id == q.delivery_id).group_by(*group, q.question_id))
    modules = db.execute(
        select(*group, m.module_id, func.count(), func.sum(m.present), func.sum(m.gain))
        .join(Delivery, Delivery.id == m.delivery_id).where(m.gain.is_not(None)).group_by(*group, m.module_id))
    reach = db.execute(select(*group, func.count(), func.sum(Delivery.present)).group_by(*group))
    out: Sums = {(*row[:3], "reach", ""): (row[3], row[4], None, None, 0.0) for row in reach}
    out.update({(*row[:3], "question", row[3]): tuple(row[4:]) for row in questions})
    out.update({(*row[:3], "module", row[3]): (row[4], row[5], None, None, row[6]) for row in modules})
    return out
