"""The letter fits its reader, and every pupil and parent document has an accessible HTML twin."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape
from html.parser import HTMLParser

import pypdfium2 as pdfium
import pytest

from kit.pdf import KINDS, TWINS, RenderOptions, letter_text, render, twin_html
from tests.pdf.conftest import pdf_text, squash

# Greeting and a phrase only that reader's letter says, by audience.
READERS = {"upper-primary-core": ("Dear parent or carer,", "Your child's class will have a lesson"),
           "lower-secondary-core": ("Dear parent or carer,", "Your child's class will have a lesson"),
           "parents-carers-core": ("Dear parent or carer,", "You are invited to a session for parents"),
           "professionals-core": ("Dear colleague,", "This briefing goes with a session for staff"),
           "adults-core": ("Hello,", "A note about a community session")}


@pytest.mark.parametrize("plan_id, words", READERS.items())
def test_the_letter_speaks_to_its_reader_and_is_signed(make_teaching_session, plan_id, words):
    session = make_teaching_session(plan_id, school="Ysgol Bro Ŵyr", date=dt.date(2026, 12, 8))
    options = RenderOptions(organisation="Heddlu Gwent", signed="PC Sam Jones, Schools Officer")
    text = letter_text(session, options)
    assert text.startswith(words[0]) and words[1] in text
    assert "at Ysgol Bro Ŵyr on 8 December 2026, led by PC Sam Jones, Schools Officer, Heddlu Gwent" in text
    assert ("Your child's class" in text) == (session.audience.pupil)
    for link in session.links:
        assert not link.url or link.url in text  # links written out for a messaging app
    printed = squash(pdf_text(render("parent-letter", session, options)))
    assert squash("PC Sam Jones, Schools Officer, Heddlu Gwent") in printed


# What each reader's letter is called, in its PDF title, its web page and the pack's bookmarks.
NAMES = {"lower-secondary-core": "Letter to parents and carers",
         "parents-carers-core": "Invitation for parents and carers", "professionals-core": "Staff briefing",
         "adults-core": "Note about the session"}


@pytest.mark.parametrize("plan_id, name", NAMES.items())
def test_the_letter_is_named_for_its_reader_and_the_pack_has_only_what_the_reader_uses(
        make_teaching_session, plan_id, name):
    session = make_teaching_session(plan_id)
    assert f"/Title ({name}:".encode() in render("parent-letter", session)
    assert f"<title>{name}:" in twin_html("parent-letter", session)
    marks = [b.get_title() for b in pdfium.PdfDocument(render("pack", session)).get_toc() if b.level == 0]
    assert name in marks
    others = set(NAMES.values()) - {name}
    assert not others & set(marks)
    # Only a pupil session has a class teacher to give the sheet to.
    assert any(m.startswith("Before and after the visit") for m in marks) == session.audience.pupil
    # Its file is named for its reader too: `kit export` writes no "parent-letter-…" for a staff briefing.
    stem = name.lower().replace(" ", "-") if name != NAMES["lower-secondary-core"] else "parent-letter"
    assert KINDS["parent-letter"].filename(session) == f"{stem}-{plan_id}-england.pdf"


@pytest.mark.parametrize("plan_id", [p for p in READERS if p != "adults-core"])
def test_the_letters_evidence_advice_says_never_the_image(make_teaching_session, plan_id):
    # Copying a child's image is itself an offence, even as evidence: the letter must say so where it
    # tells the reader not to delete the evidence (UKCIS; the NCA's 2024 alert).
    session = make_teaching_session(plan_id)
    for printed in (letter_text(session, RenderOptions()), squash(pdf_text(render("parent-letter", session)))):
        said = squash(printed)
        if session.audience.id == "professionals":  # staff are told what UKCIS tells them
            assert squash("never view or forward an image") in said
        else:
            assert squash("do not delete") in said.lower()
            assert squash("never save, forward or screenshot the image itself") in said


class Outline(HTMLParser):
    """Collect the tags, the lang of each section, and the links of an HTML page."""

    def __init__(self):
        super().__init__()
        self.tags, self.langs, self.links = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        attrs = dict(attrs)
        if "lang" in attrs:
            self.langs.append(attrs["lang"])
        if tag == "a":
            self.links.append(attrs["href"])


@pytest.mark.parametrize("kind", TWINS)
@pytest.mark.parametrize("nation, lang, langs", [("england", "en", ["en-GB", "en-GB"]),
                                                 ("wales", "cy", ["cy", "cy"]),
                                                 ("wales", "bilingual", ["cy", "cy", "en-GB"])])
def test_each_twin_has_headings_lists_a_link_per_code_and_its_languages(make_teaching_session, kind, nation,
                                                                         lang, langs):
    session = make_teaching_session("lower-secondary-core", nation, lang)
    page = Outline()
    page.feed(twin_html(kind, session))
    assert page.langs == langs  # the page, then each language's section
    assert {"h1" if kind != "parent-letter" else "p", "h2", "ul"} <= set(page.tags)
    coded = {k.url for k in session.links if k.url}
    assert set(page.links) == coded
    assert not re.search(r"<script|src=", twin_html(kind, session))  # nothing loaded from anywhere


def test_only_pupil_and_parent_documents_have_twins(make_teaching_session):
    with pytest.raises(ValueError, match="no accessible version of 'quiz'"):
        twin_html("quiz", make_teaching_session())


@pytest.mark.parametrize(
    ("organisation", "signed", "who"),
    [
        (RenderOptions.organisation, "", "led by your local police schools officer"),
        ("Example Police", "", "led by Example Police"),
        ("Example Police", "PC Jo Bloggs, schools officer", "led by PC Jo Bloggs, schools officer, Example Police"),
    ],
)
def test_the_letter_names_who_leads_never_the_kit(make_teaching_session, organisation, signed, who):
    options = RenderOptions(organisation=organisation, signed=signed)
    text = " ".join(letter_text(make_teaching_session("lower-secondary-core"), options).split())
    assert who in text
    assert "led by Safer Sessions Kit" not in text


@pytest.mark.parametrize("plan_id, heading", [("lower-secondary-core", "If you feel you can't cope"),
                                              ("parents-carers-core", "In a crisis, get help now")])
def test_the_crisis_heading_speaks_to_the_reader(make_teaching_session, plan_id, heading):
    # A parent reads the crisis route for their child: "If you feel you can't cope" would misread it.
    session = make_teaching_session(plan_id)
    other = {"If you feel you can't cope", "In a crisis, get help now"} - {heading}
    for text in (squash(pdf_text(render("handout", session))), squash(unescape(twin_html("handout", session)))):
        assert squash(heading) in text
        assert all(squash(o) not in text for o in other)
