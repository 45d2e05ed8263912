"""Figures reconcile: the dashboard, the CSV files and the PDF agree with a direct count of what was stored.

Hypothesis draws the deliveries (officers, audiences, nations, schools, dates across month ends, class
sizes from 1, questions and modules) and the filters (whole months, part-months, one day); every printed
figure must equal the count made here from what the test stored, or be suppressed when that count is under 5.
"""

import csv
import datetime as dt
import html
import io
import re
import zipfile

import pypdfium2
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete

from kit.db import Delivery, DeliveryCount, DeliveryModule, DeliveryQuestion, OutcomeMonth
from kit.outcomes.delivery import Delivery as Checked
from kit.outcomes.figures import TOO_FEW, month_label
from kit.outcomes.keys import counting
from kit.outcomes.raw import Filters
from kit.outcomes.suppress import HIDDEN, LESS_THAN
from kit.store import deliveries, outcome_figures
from tests.outcomes.test_suppression import can_be_worked_out

AUDIENCES = ["lower-secondary", "upper-secondary", "adults"]
NATIONS = ["england", "wales", "scotland"]
SCHOOLS = ["Ysgol Uwchradd", "Hillside Academy", "St Mary's", ""]
QUESTIONS = ["q-fault", "a-fault"]
MODULES = ["how-it-works", "ground-rules"]
FIRST = dt.date(2026, 1, 1)
DAYS = 430  # fourteen months: filters often take whole months and part-months of the same data
EXAMPLES = settings(max_examples=30, deadline=dt.timedelta(seconds=20), database=None,
                    suppress_health_check=[HealthCheck.too_slow])


@st.composite
def a_delivery(draw):
    """Draw one delivery as the direct record the test counts from."""
    present = draw(st.one_of(st.integers(1, 4), st.integers(5, 32)))
    asked = draw(st.lists(st.sampled_from(QUESTIONS), min_size=1, max_size=2, unique=True))
    results = {}
    for qid in asked:
        before = draw(st.integers(0, present))
        results[qid] = (before, draw(st.integers(0, present)))
    return {"officer": draw(st.integers(0, 2)), "day": FIRST + dt.timedelta(days=draw(st.integers(0, DAYS - 1))),
            "present": present, "audience": draw(st.sampled_from(AUDIENCES)),
            "nation": draw(st.sampled_from(NATIONS)), "school": draw(st.sampled_from(SCHOOLS)),
            "results": results, "modules": tuple(draw(st.lists(st.sampled_from(MODULES), max_size=2, unique=True)))}


@st.composite
def some_filters(draw, days=()):
    """Draw a period (snapped to whole months or not, often ending near a stored delivery) and maybe filters."""
    def near(sign):
        anchor = draw(st.sampled_from(days)) if days and draw(st.booleans()) else \
            FIRST + dt.timedelta(days=draw(st.integers(-20, DAYS)))
        return anchor + sign * dt.timedelta(days=draw(st.integers(0, 45)))

    start, end = sorted([near(-1), near(1)])
    if draw(st.booleans()):
        start = start.replace(day=1)
    if draw(st.booleans()):
        end = (end.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    every = st.just("")  # half the time: the filter is off
    return {"from": start.isoformat(), "to": end.isoformat(),
            "audience": draw(st.one_of(every, st.sampled_from(AUDIENCES))),
            "nation": draw(st.one_of(every, st.sampled_from(NATIONS)))}


def _wipe(db):
    for table in (DeliveryCount, DeliveryQuestion, DeliveryModule, Delivery, OutcomeMonth):
        db.execute(delete(table))
    db.commit()


def _store(db, library, officers, drawn) -> list[dict]:
    """Save each DRAWN delivery through the store, as the record page does; return them with owner and changes."""
    stored = []
    for row in drawn:
        owner = officers[row["officer"]]
        questions = {qid: library.questions[qid] for qid in row["results"]}
        right = {qid: sorted(counting(q).right(q))[0] for qid, q in questions.items()}
        counts = {"baseline": {q: {right[q]: b} for q, (b, _) in row["results"].items()},
                  "endpoint": {q: {right[q]: a} for q, (_, a) in row["results"].items()}}
        facts = deliveries.SessionFacts(None, "Drawn", row["audience"], row["nation"], row["school"], row["modules"])
        row["id"] = deliveries.save(db, owner, facts, Checked(row["day"], row["present"], counts, ""), questions)
        pct = {q: (100 * b / row["present"], 100 * a / row["present"]) for q, (b, a) in row["results"].items()}
        stored.append({**row, "owner": owner.id, "email": owner.email, "pct": pct,
                       "gain": sum(a - b for b, a in pct.values()) / len(pct)})
    return stored


def _selected(stored, args, owner=None):
    start, end = dt.date.fromisoformat(args["from"]), dt.date.fromisoformat(args["to"])
    return [r for r in stored if start <= r["day"] <= end
            and (not args["audience"] or r["audience"] == args["audience"])
            and (not args["nation"] or r["nation"] == args["nation"]) and (owner is None or r["owner"] == owner)]


def _groups(rows, key):
    out = {}
    for r in rows:
        n, people = out.get(key(r), (0, 0))
        out[key(r)] = (n + 1, people + r["present"])
    return out


def _expected_gains(rows):
    """Return question id -> (deliveries, people, mean % before, mean % after) and module id -> (n, people, mean)."""
    questions, modules = {}, {}
    for r in rows:
        for qid, pct in r["pct"].items():
            questions.setdefault(qid, []).append((r["present"], *pct))
        for module_id in r["modules"]:
            modules.setdefault(module_id, []).append((r["present"], r["gain"]))
    mean = lambda values: sum(values) / len(values)  # noqa: E731
    return ({q: (len(v), sum(p for p, _, _ in v), mean([b for _, b, _ in v]), mean([a for _, _, a in v]))
             for q, v in questions.items()},
            {m: (len(v), sum(p for p, _ in v), mean([g for _, g in v])) for m, v in modules.items()})


def _check_people(printed: str, people: int):
    """A printed people figure is the count itself, "<5" exactly when it is under 5, or hidden ("c")."""
    if people < 5:
        assert printed in (LESS_THAN, "withheld"), (printed, people)
    else:
        assert printed in (f"{people:,}", HIDDEN, "withheld"), (printed, people)


def _check_gain(printed: str, people: int, value: float):
    """A printed gain is the mean to its printed precision, or "too few people" under 5 people."""
    if people < 5:
        assert printed == TOO_FEW
    else:
        tolerance = 0.5 if printed.endswith("%") else 0.05  # "40%" is rounded to whole points, "+12.3" to tenths
        assert abs(float(printed.rstrip("%")) - value) <= tolerance + 1e-9, (printed, value)


def _csv_tables(data: bytes) -> dict[str, list[list[str]]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: list(csv.reader(io.StringIO(archive.read(name).decode())))
                for name in archive.namelist() if name.endswith(".csv")}


def _pdf_text(data: bytes) -> str:
    pdf = pypdfium2.PdfDocument(data)
    try:
        return " ".join(" ".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf))).split())
    finally:
        pdf.close()


KEYS = {"month": lambda r: month_label(f"{r['day']:%Y-%m}"),
        "school": lambda r: r["school"] or "(no school or venue given)",
        "officer": lambda r: r["email"]}


def _check_reach(page: str, tables, rows):
    people = sum(r["present"] for r in rows)
    for dimension, key in KEYS.items():
        expected = _groups(rows, key)
        csv_rows = {r[0]: r for r in tables[f"reach-by-{dimension}.csv"][1:]}
        assert set(csv_rows) == set(expected)
        for label, (n, p) in expected.items():
            assert csv_rows[label][1] == str(n)
            _check_people(csv_rows[label][2], p)
            assert f"<th scope=\"row\">{label}</th><td>{n:,}</td><td>{csv_rows[label][2]}</td>" in page
    for name, table in tables.items():
        printed = [r[2] for r in table[1:]]
        if name.startswith("reach-by-") and printed and "withheld" not in printed:
            assert can_be_worked_out(printed, people if people >= 5 else None) == [], (name, printed)


def _check_gains(tables, rows, library):
    questions, modules = _expected_gains(rows)
    printed = {r[0]: r[1:] for r in tables["gain-by-question.csv"][1:]}
    assert set(printed) == {library.questions[q].stem.en for q in questions}
    for qid, (n, people, before, after) in questions.items():
        deliveries_, shown_before, shown_after, change = printed[library.questions[qid].stem.en]
        assert deliveries_ == str(n)
        _check_gain(shown_before, people, before)
        _check_gain(shown_after, people, after)
        _check_gain(change, people, after - before)
    printed = {r[0]: r[1:] for r in tables["gain-by-module.csv"][1:]}
    assert set(printed) == {library.modules[m].title.en for m in modules}
    for module_id, (n, people, mean) in modules.items():
        deliveries_, change = printed[library.modules[module_id].title.en]
        assert deliveries_ == str(n)
        _check_gain(change, people, mean)


def test_dashboard_csv_and_pdf_agree_with_a_direct_count(client, auth, db, library, make_user):
    officers = [make_user() for _ in range(3)]
    auth.login(make_user("lead").email)

    @EXAMPLES
    @given(st.lists(a_delivery(), min_size=4, max_size=20), st.data())
    def check(drawn, data):
        _wipe(db)
        stored = _store(db, library, officers, drawn)
        for args in data.draw(st.lists(some_filters([r["day"] for r in drawn]), min_size=1, max_size=2)):
            rows = _selected(stored, args)
            people = sum(r["present"] for r in rows)
            printed_people = f"{people:,}" if people >= 5 or people == 0 else LESS_THAN
            page = html.unescape(client.get("/outcomes/", query_string=args).get_data(as_text=True))
            assert f'id="total-deliveries">{len(rows):,}<' in page
            assert re.search(r'id="total-people">(.*?)</dd>', page).group(1) == printed_people
            tables = _csv_tables(client.get("/outcomes/return-csv.zip", query_string=args).data)
            _check_reach(page, tables, rows)
            _check_gains(tables, rows, library)
            pdf = _pdf_text(client.get("/outcomes/return.pdf", query_string=args).data)
            assert f"Sessions delivered: {len(rows):,}. People reached: {printed_people}." in pdf

    check()


@pytest.mark.parametrize("viewer", ["lead", "officer"])
def test_collected_figures_equal_a_direct_count(db, library, make_user, viewer):
    officers = [make_user() for _ in range(3)]

    @settings(EXAMPLES, max_examples=50)
    @given(st.lists(a_delivery(), min_size=4, max_size=20), st.data(), st.integers(0, 2))
    def check(drawn, data, who):
        _wipe(db)
        stored = _store(db, library, officers, drawn)
        args = data.draw(some_filters([r["day"] for r in drawn]))
        owner = officers[who].id if viewer == "officer" else None
        filters = Filters(dt.date.fromisoformat(args["from"]), dt.date.fromisoformat(args["to"]),
                          args["audience"] or None, args["nation"] or None, owner)
        raw = outcome_figures.collect(db, filters)
        rows = _selected(stored, args, owner)
        assert (raw.deliveries, raw.people) == (len(rows), sum(r["present"] for r in rows))
        assert {g.key: (g.deliveries, g.people) for g in raw.reach["officer"]} == {
            str(o): v for o, v in _groups(rows, lambda r: r["owner"]).items()}
        for dimension, key in {"month": lambda r: f"{r['day']:%Y-%m}", "audience": lambda r: r["audience"],
                               "nation": lambda r: r["nation"], "school": lambda r: r["school"]}.items():
            assert {g.key: (g.deliveries, g.people) for g in raw.reach[dimension]} == _groups(rows, key), dimension
        questions, modules = _expected_gains(rows)
        assert {g.key: (g.deliveries, g.people, pytest.approx(g.baseline_pct), pytest.approx(g.endpoint_pct))
                for g in raw.questions} == questions
        assert {g.key: (g.deliveries, g.people, pytest.approx(g.change)) for g in raw.modules} == modules

    check()


def test_an_officer_sees_only_their_own_deliveries_everywhere(client, auth, db, library, make_user):
    officers = [make_user() for _ in range(3)]
    drawn = [{"officer": i % 3, "day": FIRST + dt.timedelta(days=37 * i), "present": 6 + i,
              "audience": AUDIENCES[i % 3],
              "nation": NATIONS[i % 2], "school": SCHOOLS[i % 4], "results": {"q-fault": (i % 4, 5)},
              "modules": ("how-it-works",)} for i in range(12)]
    stored = _store(db, library, officers, drawn)
    me = officers[0]
    auth.login(me.email)
    args = {"from": "2026-01-01", "to": "2027-12-31", "audience": "", "nation": ""}
    mine = _selected(stored, args, owner=me.id)
    page = client.get("/outcomes/", query_string=args).get_data(as_text=True)
    assert f'id="total-deliveries">{len(mine):,}<' in page
    tables = _csv_tables(client.get("/outcomes/return-csv.zip", query_string=args).data)
    pdf = _pdf_text(client.get("/outcomes/return.pdf", query_string=args).data)
    for other in officers[1:]:
        assert other.email not in page and other.email not in pdf
        assert all(other.email not in cell for rows in tables.values() for row in rows for cell in row)
    assert [r[0] for r in tables["reach-by-officer.csv"][1:]] == [me.email]
    assert f"Sessions delivered: {len(mine):,}." in pdf
