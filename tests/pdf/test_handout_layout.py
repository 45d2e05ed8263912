"""The handout's front page leads with what to do and starts 'who can help' on the same side."""

import pytest

from kit.pdf import render
from tests.pdf.conftest import LANGS, pdf_pages, plan_ids, squash

CASES = [(plan, nation, lang) for plan in plan_ids() for nation, langs in LANGS.items() for lang in langs
         if nation in ("england", "wales")]


@pytest.mark.parametrize("plan_id, nation, lang", CASES)
def test_who_can_help_starts_on_the_front(make_session, plan_id, nation, lang):
    session = make_session(plan_id, nation, lang)
    pages = [page.get_textpage().get_text_range() for page in pdf_pages(render("handout", session))]
    heading = {"en": "Who can help", "cy": "Pwy sy'n gallu helpu", "bilingual": "Who can help"}[lang]
    assert squash(heading) in squash(pages[0]), f"the front ends before 'who can help' ({len(pages)} pages)"
    assert len(pages) <= 3


@pytest.mark.parametrize("plan_id", plan_ids())
@pytest.mark.parametrize("nation, lang", [("england", "en"), ("wales", "en"), ("wales", "cy"),
                                          ("wales", "bilingual")])
def test_handout_fits_one_sheet(make_session, plan_id, nation, lang):
    """Two sides at most: a third page would be a sheet holding only the closing lines."""
    pages = [page.get_textpage().get_text_range() for page in
             pdf_pages(render("handout", make_session(plan_id, nation, lang)))]
    last = pages[-1].strip().rsplit("\n", 1)[0]  # without the footer line
    assert len(pages) <= 2, f"page {len(pages)} holds only: {last!r}"
