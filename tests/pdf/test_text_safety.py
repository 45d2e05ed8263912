"""Hostile or oversized officer text prints literally (or visibly shortened) and never breaks a build."""

from __future__ import annotations

import re

import pytest

from kit.pdf import RenderOptions, render
from kit.pdf.flowables import clip
from kit.sessions.model import NOTE_MAX, REASON_MAX, SCHOOL_MAX, TITLE_MAX
from tests.pdf.conftest import annotations, link_targets, pdf_text, squash

HOSTILE = {
    "cve-2023-33733": """<font color="[[[getattr(pow, 'x')]]]">exploit</font>""",
    "img": '<img src="/etc/passwd"/>',
    "link": '<a href="javascript:alert(1)">x</a>',
    "unclosed": "<b>bold never closed",
    "ampersand": "a < b & c",
    "entity": "&lt;b&gt; &amp;amp; &#60;",
    "welsh": "Ysgol Gymraeg Bro Ŵyr – ŷ “quoted” £5",
    "long-title": "Safe " * 2000,
    "long-word": "x" * 20000,
    "control": "tab\there\x00nul\x0bvt",
}
FIELDS = {  # field -> (documented limit, kinds that print it)
    "title": (TITLE_MAX, ("lesson-plan", "handout", "parent-letter")),
    "school": (SCHOOL_MAX, ("lesson-plan", "parent-letter")),
    "school_notes": (NOTE_MAX, ("lesson-plan",)),
    "reasons": (REASON_MAX, ("lesson-plan",)),
}


def expected(value: str, limit: int) -> str:
    """Return VALUE as it should print: control characters blanked, shortened with '…'."""
    shown = clip(value, limit)
    return squash("".join(" " if ord(c) < 32 else c for c in shown))


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("name", HOSTILE)
def test_officer_text_prints_literally(make_teaching_session, field, name):
    value = HOSTILE[name]
    limit, kinds = FIELDS[field]
    extra = {"reasons": {"ground-rules": value}} if field == "reasons" else {field: value}
    session = make_teaching_session(**extra)
    for kind in kinds:
        data = render(kind, session)
        text = squash(pdf_text(data, footers=False))
        assert expected(value, limit) in text, kind
        # The only links are the library's own addresses, one annotation each.
        assert link_targets(data) <= {k.url for k in session.links if k.url}
        assert annotations(data) == len(re.findall(rb"/Subtype /Link", data))


@pytest.mark.parametrize("name", HOSTILE)
def test_organisation_prints_in_the_footer_and_metadata(make_teaching_session, name):
    data = render("handout", make_teaching_session(), RenderOptions(organisation=HOSTILE[name]))
    assert expected(" ".join(HOSTILE[name].split()), 80)[:40] in squash(pdf_text(data))


def test_nothing_is_opened_while_rendering(make_teaching_session, monkeypatch):
    import reportlab.lib.utils as rl_utils

    def refuse(name, *args, **kwargs):
        raise AssertionError(f"tried to open {name}")

    monkeypatch.setattr(rl_utils, "open_for_read", refuse)
    session = make_teaching_session(title=HOSTILE["img"], school_notes=HOSTILE["img"])
    assert render("lesson-plan", session).startswith(b"%PDF")


def test_long_titles_are_shortened_visibly(make_teaching_session):
    session = make_teaching_session(title="T" * 10_000)
    text = pdf_text(render("handout", session))
    assert "T" * (TITLE_MAX - 1) + "…" in squash(text)
