"""Store and read delivery records: one transaction per delivery, officers see only their own."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session as DbSession

from kit.content.models import Question
from kit.db import Delivery as DeliveryRow
from kit.db import DeliveryCount, DeliveryModule, DeliveryQuestion, utcnow
from kit.outcomes import gain
from kit.outcomes.delivery import Counts, Delivery
from kit.outcomes.keys import PHASES
from kit.store import outcome_months


@dataclass(frozen=True)
class SessionFacts:
    """What a delivery copies from its session when it is recorded."""

    session_id: int | None
    title: str
    audience: str
    nation: str
    school: str
    modules: tuple[str, ...]


@dataclass(frozen=True)
class StoredDelivery:
    """A stored delivery as plain values."""

    id: int
    owner_id: int
    session_id: int | None
    session_title: str
    delivered_on: dt.date
    month: str
    audience: str
    nation: str
    school: str
    present: int
    gain: float | None
    reflection: str
    created_at: dt.datetime


def owner_scope(user) -> int | None:
    """Return the owner id USER is limited to, or None for a lead (who sees every delivery)."""
    return None if user.role == "lead" else user.id


def save(db: DbSession, user, facts: SessionFacts, delivery: Delivery,
         questions: Mapping[str, Question]) -> int:
    """Store DELIVERY of the session FACTS describe, with its derived gains; return its id."""
    gains = gain.question_gains(questions, delivery.counts, delivery.present)
    row = DeliveryRow(
        owner_id=user.id, session_id=facts.session_id, session_title=facts.title[:200],
        delivered_on=delivery.delivered_on, month=f"{delivery.delivered_on:%Y-%m}",
        audience=facts.audience, nation=facts.nation, school=facts.school[:120], present=delivery.present,
        gain=gain.mean_gain(gains), reflection=delivery.reflection, created_at=utcnow())
    try:
        db.add(row)
        db.flush()
        copied = {"delivered_on": row.delivered_on, "audience": row.audience, "nation": row.nation,
                  "owner_id": row.owner_id, "present": row.present}
        _children(db, row.id, copied, row.gain, facts.modules, gains, delivery.counts)
        outcome_months.add(db, outcome_months.changes(
            (row.month, row.audience, row.nation), row.present,
            [(g.question_id, g.baseline_pct, g.endpoint_pct) for g in gains], facts.modules, row.gain))
        db.commit()
    except Exception:
        db.rollback()  # all or nothing: no delivery without its counts
        raise
    return row.id


def _children(db: DbSession, delivery_id: int, copied: dict, mean: float | None, modules, gains,
              counts: Counts) -> None:
    """Insert the modules, per-question gains and raw counts of DELIVERY_ID (COPIED: its filter columns)."""
    if modules:
        db.execute(insert(DeliveryModule), [{"delivery_id": delivery_id, "module_id": m, "gain": mean, **copied}
                                            for m in dict.fromkeys(modules)])
    if gains:
        db.execute(insert(DeliveryQuestion), [
            {"delivery_id": delivery_id, "question_id": g.question_id, **copied,
             "baseline_pct": g.baseline_pct, "endpoint_pct": g.endpoint_pct} for g in gains])
    rows = [{"delivery_id": delivery_id, "question_id": qid, "phase": phase_no, "option_key": key, "count": n}
            for phase_no, phase in enumerate(PHASES)
            for qid, by_key in counts[phase].items() for key, n in by_key.items()]
    if rows:
        db.execute(insert(DeliveryCount), rows)


def _visible(user):
    """Return a query of the deliveries USER may see: every one for a lead, their own for an officer."""
    query = select(*DeliveryRow.__table__.columns)
    owner = owner_scope(user)
    return query if owner is None else query.where(DeliveryRow.owner_id == owner)


def get(db: DbSession, user, delivery_id: int) -> StoredDelivery | None:
    """Return delivery DELIVERY_ID if USER may see it, else None."""
    row = db.execute(_visible(user).where(DeliveryRow.id == delivery_id)).first()
    return StoredDelivery(**row._mapping) if row else None


def for_session(db: DbSession, user, session_id: int) -> list[StoredDelivery]:
    """Return the deliveries of session SESSION_ID that USER may see, newest first."""
    query = _visible(user).where(DeliveryRow.session_id == session_id)
    rows = db.execute(query.order_by(DeliveryRow.delivered_on.desc(), DeliveryRow.id.desc()))
    return [StoredDelivery(**row._mapping) for row in rows]


def counts(db: DbSession, delivery_id: int) -> Counts:
    """Return the raw counts of DELIVERY_ID as phase -> question -> option -> people."""
    result: Counts = {phase: {} for phase in PHASES}
    rows = db.execute(select(DeliveryCount.phase, DeliveryCount.question_id, DeliveryCount.option_key,
                             DeliveryCount.count).where(DeliveryCount.delivery_id == delivery_id))
    for phase_no, qid, key, n in rows:
        result[PHASES[phase_no]].setdefault(qid, {})[key] = n
    return result


def remove(db: DbSession, delivery: StoredDelivery) -> None:
    """Delete DELIVERY and everything counted with it, and take it out of the monthly sums."""
    q = DeliveryQuestion
    questions = db.execute(select(q.question_id, q.baseline_pct, q.endpoint_pct).where(q.delivery_id == delivery.id))
    modules = db.scalars(select(DeliveryModule.module_id).where(DeliveryModule.delivery_id == delivery.id))
    taken = outcome_months.changes((delivery.month, delivery.audience, delivery.nation), delivery.present,
                                   list(questions), list(modules), delivery.gain, sign=-1)
    try:
        for table in (DeliveryCount, DeliveryQuestion, DeliveryModule):
            db.execute(delete(table).where(table.delivery_id == delivery.id))
        gone = db.execute(delete(DeliveryRow).where(DeliveryRow.id == delivery.id)).rowcount
        if gone:  # a second, simultaneous delete of the same delivery takes nothing away twice
            outcome_months.add(db, taken)
        db.commit()
    except Exception:
        db.rollback()  # all or nothing: the sums never lose a delivery that is still stored
        raise
