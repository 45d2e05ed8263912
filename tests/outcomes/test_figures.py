"""Figures reconcile: the dashboard, the CSV files and the PDF agree with a direct count of what was stored.

Random deliveries (several officers, audiences, nations, schools, dates) and random filters; each
printed figure must equal the count made here, or be suppressed when that count is under 5.
"""

import csv
import datetime as dt
import html
import io
import random
import re
import zipfile

import pypdfium2
import pytest

from kit.outcomes.delivery import Delivery as Checked
from kit.outcomes.figures import month_label
from kit.outcomes.suppress import HIDDEN, LESS_THAN
from kit.store import deliveries

AUDIENCES = ["lower-secondary", "upper-secondary", "adults"]
NATIONS = ["england", "wales", "scotland"]
SCHOOLS = ["Ysgol Uwchradd", "Hillside Academy", "St Mary's", ""]


def _seed(db, library, officers, rng, n=40):
    """Store N random deliveries; return what was stored as plain dicts (our own direct record)."""
    stored = []
    question = library.questions["q-fault"]
    for _ in range(n):
        owner = rng.choice(officers)
        day = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(730))
        present = rng.choice([1, 2, 3, 4, 8, 15, 25, 30])
        row = {"owner": owner.id, "email": owner.email, "day": day, "present": present,
               "audience": rng.choice(AUDIENCES), "nation": rng.choice(NATIONS), "school": rng.choice(SCHOOLS)}
        before = rng.randint(0, present)
        row["change"] = 100.0 - 100.0 * before / present
        counts = {"baseline": {"q-fault": {"false": before}}, "endpoint": {"q-fault": {"false": present}}}
        facts = deliveries.SessionFacts(None, "Random", row["audience"], row["nation"], row["school"],
                                        ("how-it-works",))
        deliveries.save(db, owner, facts, Checked(day, present, counts, ""), {"q-fault": question})
        stored.append(row)
    return stored


def _filters(rng):
    start = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(500))
    return {"from": start.isoformat(), "to": (start + dt.timedelta(days=rng.randrange(30, 500))).isoformat(),
            "audience": rng.choice(["", *AUDIENCES]), "nation": rng.choice(["", *NATIONS])}


def _expected(stored, args, owner=None):
    start, end = dt.date.fromisoformat(args["from"]), dt.date.fromisoformat(args["to"])
    return [r for r in stored if start <= r["day"] <= end
            and (not args["audience"] or r["audience"] == args["audience"])
            and (not args["nation"] or r["nation"] == args["nation"]) and (owner is None or r["owner"] == owner)]


def _groups(rows, key):
    out = {}
    for r in rows:
        deliveries_, people = out.get(key(r), (0, 0))
        out[key(r)] = (deliveries_ + 1, people + r["present"])
    return out


def _check_people(printed: str, people: int):
    """A printed people figure is the count itself, "<5" exactly when it is under 5, or hidden ("c")."""
    if people < 5:
        assert printed in (LESS_THAN, "withheld"), (printed, people)
    else:
        assert printed in (f"{people:,}", HIDDEN, "withheld"), (printed, people)


def _csv_tables(data: bytes) -> dict[str, list[list[str]]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: list(csv.reader(io.StringIO(archive.read(name).decode())))
                for name in archive.namelist() if name.endswith(".csv")}


def _pdf_text(data: bytes) -> str:
    pdf = pypdfium2.PdfDocument(data)
    try:
        return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()


def _no_small_figure_can_be_worked_out(tables, total):
    """Given the total and every printed figure of a breakdown, no hidden figure under 5 has one possible value."""
    from tests.outcomes.test_suppression import _possible

    for name, rows in tables.items():
        if not name.startswith("reach-by-"):
            continue
        printed = [r[2] for r in rows[1:]]
        hidden = sum(cell in (LESS_THAN, HIDDEN) for cell in printed)
        if not printed or "withheld" in printed or 4 ** hidden * 55 ** sum(c == HIDDEN for c in printed) > 300_000:
            continue  # nothing printed, or too many hidden cells to enumerate here (test_suppression covers the rule)
        worlds = _possible(printed, total if total >= 5 else None)
        for i, cell in enumerate(printed):
            if cell == LESS_THAN:
                assert len({w[i] for w in worlds}) > 1, (name, printed)


KEYS = {"month": lambda r: month_label(f"{r['day']:%Y-%m}"),
        "school": lambda r: r["school"] or "(no school or venue given)",
        "officer": lambda r: r["email"]}


@pytest.mark.parametrize("seed", [1, 2])
def test_dashboard_csv_and_pdf_agree_with_a_direct_count(client, auth, db, library, make_user, seed):
    rng = random.Random(seed)
    officers = [make_user() for _ in range(3)]
    stored = _seed(db, library, officers, rng)
    lead = make_user("lead")
    auth.login(lead.email)
    for _ in range(3):
        args = _filters(rng)
        rows = _expected(stored, args)
        page = html.unescape(client.get("/outcomes/", query_string=args).get_data(as_text=True))
        assert f'id="total-deliveries">{len(rows):,}<' in page
        people = sum(r["present"] for r in rows)
        printed_total = re.search(r'id="total-people">(.*?)</dd>', page).group(1)
        assert printed_total == (f"{people:,}" if people >= 5 or people == 0 else LESS_THAN)
        tables = _csv_tables(client.get("/outcomes/return-csv.zip", query_string=args).data)
        for dimension, key in KEYS.items():
            expected = _groups(rows, key)
            csv_rows = {r[0]: r for r in tables[f"reach-by-{dimension}.csv"][1:]}
            assert set(csv_rows) == set(expected)
            for label, (n, p) in expected.items():
                assert csv_rows[label][1] == str(n)
                _check_people(csv_rows[label][2], p)
                assert f"<th scope=\"row\">{label}</th><td>{n:,}</td><td>{csv_rows[label][2]}</td>" in page
        _no_small_figure_can_be_worked_out(tables, people)
        gains = tables["gain-by-question.csv"][1:]
        if rows:
            mean = sum(r["change"] for r in rows) / len(rows)
            shown = f"{mean:+.1f}" if people >= 5 else "too few people"
            assert gains == [[library.questions["q-fault"].stem.en, str(len(rows)), gains[0][2], gains[0][3], shown]]
        else:
            assert gains == []
        text = _pdf_text(client.get("/outcomes/return.pdf", query_string=args).data)
        assert f"Sessions delivered: {len(rows):,}. People reached: {printed_total}." in " ".join(text.split())


def test_an_officer_sees_only_their_own_deliveries_everywhere(client, auth, db, library, make_user):
    rng = random.Random(7)
    officers = [make_user() for _ in range(3)]
    stored = _seed(db, library, officers, rng, n=30)
    me = officers[0]
    auth.login(me.email)
    args = {"from": "2026-01-01", "to": "2027-12-31", "audience": "", "nation": ""}
    mine = _expected(stored, args, owner=me.id)
    page = client.get("/outcomes/", query_string=args).get_data(as_text=True)
    assert f'id="total-deliveries">{len(mine):,}<' in page
    tables = _csv_tables(client.get("/outcomes/return-csv.zip", query_string=args).data)
    pdf = _pdf_text(client.get("/outcomes/return.pdf", query_string=args).data)
    for other in officers[1:]:
        assert other.email not in page and other.email not in pdf
        assert all(other.email not in cell for rows in tables.values() for row in rows for cell in row)
    assert [r[0] for r in tables["reach-by-officer.csv"][1:]] == [me.email]
    assert f"Sessions delivered: {len(mine):,}." in " ".join(pdf.split())
