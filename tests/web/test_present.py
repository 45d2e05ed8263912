"""The presenter, notes and offline download as an officer's browser sees them without JavaScript."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from kit.db import SessionRecord
from kit.sessions.model import assemble
from kit.store import sessions as store


@pytest.fixture
def present(client, officer, make_session):
    """Return (session id, GET function) for a lower-secondary session of the officer's."""
    record = make_session(officer)
    return record.id, lambda path="": client.get(f"/sessions/{record.id}/present{path}")


def test_each_slide_is_a_plain_linked_page(present):
    sid, get = present
    page = get("/2").get_data(as_text=True)
    shown = re.findall(r'<section class="slide[^"]*" id="slide-(\d+)"[^>]*?(hidden)?>', page)
    assert [n for n, hidden in shown if not hidden] == ["2"]
    assert f'href="/sessions/{sid}/present/1" rel="prev"' in page
    assert f'href="/sessions/{sid}/present/3" rel="next"' in page
    assert f'href="/sessions/{sid}/present/notes"' in page
    last = len(shown)
    assert get(f"/{last}").status_code == 200
    assert get(f"/{last + 1}").status_code == 404
    assert get("/0").status_code == 404


def test_presenter_keeps_the_strict_csp(present):
    _, get = present
    response = get("/1")
    page = response.get_data(as_text=True)
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    scripts = re.findall(r"<script([^>]*)>", page)
    assert all("src=" in attrs or 'type="application/json"' in attrs for attrs in scripts)
    assert "style=" not in page and "<style" not in page
    assert "/static/js/present.js" in page


def test_notes_page_has_notes_counts_and_change_view(present):
    _, get = present
    page = get("/notes").get_data(as_text=True)
    assert "Safeguarding" in page and "Misconceptions" in page
    assert 'id="present-count"' in page
    assert page.count('data-phase="baseline"') == page.count('data-phase="endpoint"') > 0
    assert "change since the baseline" in page


def test_offline_download_is_one_html_attachment(present, client):
    sid, get = present
    response = get("/offline.html")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    assert re.match(r'attachment; filename="present-[a-z0-9-]+\.html"', response.headers["Content-Disposition"])
    body = response.get_data(as_text=True)
    assert "<script>" in body and "/static/" not in body
    assert get("/offline.html").get_data() == response.get_data()


def test_builder_offers_present_and_offline(present, client):
    sid, _ = present
    page = client.get(f"/sessions/{sid}").get_data(as_text=True)
    assert f'href="/sessions/{sid}/present/1"' in page
    assert f'href="/sessions/{sid}/present/offline.html"' in page



def test_quick_length_buttons_set_the_lesson_and_the_fit_follows(client, officer, make_session, db, library):
    def stored():
        db.expire_all()
        return store.spec_of(db.scalar(select(SessionRecord).where(SessionRecord.id == record.id)))

    record = make_session(officer)
    url = f"/sessions/{record.id}"
    page = client.get(url).get_data(as_text=True)
    pressed = re.findall(r'name="minutes" value="(\d+)"[^>]*aria-pressed="(true|false)"', page)
    assert pressed == [("20", "false"), ("40", "false"), ("60", "true")]
    response = client.post(f"{url}/length", data={"version": "1", "minutes": "20"})
    assert response.status_code == 302 and response.location.endswith(f"{url}#modules")
    fit = assemble(library, stored()).fit
    assert stored().lesson_minutes == 20 and fit.total <= 20 and fit.dropped
    page = client.get(url).get_data(as_text=True)
    assert f"Total: <strong>{fit.total} of 20 minutes</strong>" in page
    assert "What fits in 20 minutes" in page and "The lesson is now 20 minutes." in page
    assert page.count("fit-dropped") == len(fit.dropped)
    for bad in ("45", "abc", ""):
        refused = client.post(f"{url}/length", data={"version": "2", "minutes": bad})
        assert refused.status_code == 400
        assert "Choose a lesson of 20, 40, 60 minutes" in refused.get_data(as_text=True)
    stale = client.post(f"{url}/length", data={"version": "1", "minutes": "40"})
    assert stale.status_code == 409
    assert stored().lesson_minutes == 20
