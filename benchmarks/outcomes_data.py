"""Generate delivery records for the outcome benchmarks: many deliveries, many counts, fast.

    generate(url, deliveries=100_000, seed=1) -> the number of count rows written

Rows go straight into the tables (PostgreSQL COPY, SQLite executemany) after the migrations have
built the schema, the monthly sums included (summed here by the app's own kit.store.outcome_months).
Every delivery has 5 questions with 4 counts each (2 options, before and after), so 100,000
deliveries carry 2,000,000 counts.
"""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import insert, select

from kit.accounts import users
from kit.content.loader import load_checked
from kit.db import User, utcnow
from kit.db.engine import open_database
from kit.outcomes.keys import counting, option_keys
from kit.paths import data_dir
from kit.store import outcome_months

AUDIENCES = ["upper-primary", "lower-secondary", "upper-secondary", "post-16", "adults", "parents-carers",
             "professionals"]
NATIONS = ["england", "scotland", "wales", "northern-ireland"]
OFFICERS = 200
SCHOOLS = 600
QUESTIONS_EACH = 5
FIRST_DAY = dt.date(2025, 7, 1)
DAYS = 548  # eighteen months: a year's dashboard reads two thirds of the rows
LEAD_EMAIL = "bench@example.police.uk"
LEAD_PASSWORD = "benchmark password 1"  # noqa: S105 - a throwaway account on a throwaway database


def _question_rows(rng, library, qids, present):
    """Return (per-question results, raw counts) for one delivery."""
    results, counts = [], []
    for qid in rng.sample(qids, QUESTIONS_EACH):
        question = library.questions[qid]
        right = sorted(counting(question).right(question))[0]
        wrong = next(k for k in option_keys(question) if k not in counting(question).right(question))
        before = rng.randint(0, present)
        after = rng.randint(before, present)
        results.append((qid, 100.0 * before / present, 100.0 * after / present))
        for phase, n in ((0, before), (1, after)):
            counts.append((qid, phase, right, n))
            counts.append((qid, phase, wrong, present - n))
    return results, counts


def rows(library, owners: list[int], deliveries: int, seed: int):
    """Yield (delivery, modules, results, counts) tuples for DELIVERIES random deliveries."""
    rng = random.Random(seed)
    plans = {p.audience: p for p in library.plans.values()}
    qids = [q for q in library.questions if any(k not in counting(library.questions[q]).right(library.questions[q])
                                               for k in option_keys(library.questions[q]))]
    now = utcnow()
    for delivery_id in range(1, deliveries + 1):
        audience = rng.choice(AUDIENCES)
        day = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
        present = rng.randint(4, 32)
        results, counts = _question_rows(rng, library, qids, present)
        gain = sum(e - b for _, b, e in results) / len(results)
        delivery = (delivery_id, rng.choice(owners), None, "Benchmark session", day, f"{day:%Y-%m}", audience,
                    rng.choice(NATIONS), f"School {rng.randrange(SCHOOLS):03d}", present, gain, "", now)
        modules = plans[audience].modules if audience in plans else ["how-it-works"]
        yield delivery, modules, results, counts


DELIVERY_COLUMNS = ("id", "owner_id", "session_id", "session_title", "delivered_on", "month", "audience", "nation",
                    "school", "present", "gain", "reflection", "created_at")


def _tables(library, owners, deliveries, seed):
    """Return the rows of each table, in insertion order."""
    out = {"deliveries": [], "delivery_modules": [], "delivery_questions": [], "delivery_counts": []}
    sums: dict[tuple, list] = {}
    for delivery, modules, results, counts in rows(library, owners, deliveries, seed):
        did = delivery[0]
        # The monthly sums as the app keeps them (kit.store.outcome_months owns their shape).
        for key, values in outcome_months.changes(delivery[5:8], delivery[9], results, modules, delivery[10]).items():
            kept = sums.setdefault(key, [0, 0, 0.0, 0.0, 0.0])
            kept[:] = [a + (b or 0) for a, b in zip(kept, values, strict=True)]
        out["deliveries"].append(delivery)
        copied = (delivery[4], delivery[6], delivery[7], delivery[1], delivery[9])
        out["delivery_modules"] += [(did, m, delivery[10], *copied) for m in dict.fromkeys(modules)]
        out["delivery_questions"] += [(did, *r, *copied) for r in results]
        out["delivery_counts"] += [(did, *c) for c in counts]
    out["outcome_months"] = [(*key, n, people, *((b, e) if key[3] == "question" else (None, None)), c)
                             for key, (n, people, b, e, c) in sums.items()]
    return out


COPIED = ("delivered_on", "audience", "nation", "owner_id", "present")  # filter columns on the child rows
COLUMNS = {
    "deliveries": DELIVERY_COLUMNS,
    "delivery_modules": ("delivery_id", "module_id", "gain", *COPIED),
    "delivery_questions": ("delivery_id", "question_id", "baseline_pct", "endpoint_pct", *COPIED),
    "delivery_counts": ("delivery_id", "question_id", "phase", "option_key", "count"),
    "outcome_months": (*outcome_months.KEY, *outcome_months.SUMS),
}


def _copy_postgres(engine, tables) -> None:
    raw = engine.raw_connection()
    try:
        with raw.cursor() as cursor:
            for name, data in tables.items():
                with cursor.copy(f"COPY {name} ({', '.join(COLUMNS[name])}) FROM STDIN") as copy:
                    for row in data:
                        copy.write_row(row)
            cursor.execute("SELECT setval('deliveries_id_seq', (SELECT max(id) FROM deliveries))")
        raw.commit()
    finally:
        raw.close()


def _insert_sqlite(engine, tables) -> None:
    raw = engine.raw_connection()
    try:
        for name, data in tables.items():
            marks = ", ".join("?" * len(COLUMNS[name]))
            sql = f"INSERT INTO {name} ({', '.join(COLUMNS[name])}) VALUES ({marks})"  # noqa: S608 - our names
            raw.cursor().executemany(sql,
                                     [tuple(v.isoformat(" ") if isinstance(v, dt.datetime) else
                                            v.isoformat() if isinstance(v, dt.date) else v for v in row)
                                      for row in data])
        raw.commit()
    finally:
        raw.close()


def generate(url: str, deliveries: int, seed: int = 1) -> int:
    """Fill the database at URL with DELIVERIES random deliveries and a lead to sign in; return the counts."""
    library = load_checked(data_dir("lessons"))
    database = open_database(url, migrate=True)
    session = database.session
    lead = users.create_user(session, LEAD_EMAIL, LEAD_PASSWORD, "lead")
    # Officers share the lead's password hash: hashing 200 passwords would only slow the set-up.
    session.execute(insert(User), [{"email": f"officer{i:03d}@example.police.uk", "password_hash": lead.password_hash,
                                    "role": "officer", "active": True, "session_token": f"bench{i}",
                                    "created_at": utcnow()} for i in range(OFFICERS)])
    session.commit()
    owners = list(session.scalars(select(User.id).where(User.role == "officer")))
    tables = _tables(library, owners, deliveries, seed)
    (_copy_postgres if url.startswith("postgresql") else _insert_sqlite)(database.engine, tables)
    database.dispose()
    return len(tables["delivery_counts"])
