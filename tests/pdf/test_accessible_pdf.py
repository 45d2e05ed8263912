"""PDFs a reader can navigate: outlines, the title shown, embedded fonts only, the accessible version
named on the last page, and phone numbers never broken across lines."""

from __future__ import annotations

import re

import pypdfium2 as pdfium
import pytest

from kit.pdf import KINDS, RenderOptions, render
from tests.pdf.conftest import pdf_pages, plan_ids, squash

PRINTED = ["handout", "handout-a5", "cards", "poster", "parent-letter"]


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_shows_its_title_embeds_its_fonts_and_says_where_the_accessible_version_is(
        make_teaching_session, kind):
    data = render(kind, make_teaching_session("lower-secondary-core", "wales", "bilingual"))
    assert b"/DisplayDocTitle true" in data
    assert set(re.findall(rb"/BaseFont /([\w+-]+)", data)) <= {
        b"AAAAAA+SourceSansPro-" + face for face in (b"Regular", b"Bold", b"It", b"BoldIt")}
    if kind not in ("cards", "answer-cards"):  # cards have no page footer
        last = [page.get_textpage().get_text_range() for page in pdf_pages(data)][-1]
        assert squash("the accessible web page version") in squash(last) or \
            squash("fersiwn tudalen we hygyrch") in squash(last)
        assert squash("Ask Safer Sessions Kit") not in squash(last)  # a reader asks a person, not the software


def test_pack_and_lesson_plan_have_outlines(make_teaching_session):
    session = make_teaching_session("lower-secondary-core")
    pack = [(b.get_title(), b.level) for b in pdfium.PdfDocument(render("pack", session)).get_toc()]
    tops = [title for title, level in pack if level == 0]
    assert tops == [KINDS[k].title for k in ("lesson-plan", "teacher-sheet", "handout", "quiz", "answer-key",
                                               "answer-cards", "cards", "poster", "parent-letter")]
    plan = [b.get_title() for b in pdfium.PdfDocument(render("lesson-plan", session)).get_toc()]
    assert {"Timings", "Activities", "Safeguarding", "Signposting"} <= set(plan)


@pytest.mark.parametrize("large", [False, True], ids=["usual", "large-print"])
@pytest.mark.parametrize("nation, lang", [("england", "en"), ("scotland", "en"), ("northern-ireland", "en"),
                                          ("wales", "bilingual")])
@pytest.mark.parametrize("plan_id", plan_ids())
def test_no_number_is_split_across_lines(make_teaching_session, rendered, plan_id, nation, lang, large):
    session = make_teaching_session(plan_id, nation, lang)
    numbers = {squash(n) for k in session.links for n in (k.phone, k.text_number) if n}
    # Three-digit numbers (999, 101) have no space to break at; page numbers would look like them.
    numbers = {n for part in numbers for n in part.split("/") if len(n) >= 5}
    for kind in (k for k in PRINTED if KINDS[k].large_print or not large):  # no large-print A5
        for page in pdf_pages(rendered(kind, plan_id, nation, lang, large).pdf):
            lines = page.get_textpage().get_text_range().replace("\r", "").split("\n")
            whole = squash("".join(lines))
            for number in numbers:
                on_lines = sum(squash(line).count(number) for line in lines)
                assert on_lines == whole.count(number), f"{kind}: {number} broken across lines"


@pytest.mark.parametrize("kind", ["parent-letter", "handout", "lesson-plan"])
def test_the_accessible_note_stays_on_the_page_with_a_long_name_in_large_print(make_teaching_session, kind):
    options = RenderOptions(organisation="Police Service of Northern Ireland Safer Communities", large_print=True)
    data = render(kind, make_teaching_session("lower-secondary-core"), options)
    document = pdfium.PdfDocument(data)
    page = document[len(document) - 1]
    text = page.get_textpage()
    whole = text.get_text_range()
    end = whole.index("web page version.") + len("web page version.") - 1
    right = text.get_charbox(end)[2]
    assert right <= page.get_width() - 10, f"the note ends at {right:.0f} pt on a {page.get_width():.0f} pt page"
