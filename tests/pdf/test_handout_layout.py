"""The handout's front page leads with what to do and starts 'who can help' on the same side."""

import pypdfium2 as pdfium
import pytest
from reportlab.lib.pagesizes import A4, A5

from kit.pdf import RenderOptions, handout, render
from kit.pdf.measure import FOOTER_ROOM, frame_size
from kit.pdf.story import Context
from tests.pdf.conftest import LANGS, pdf_pages, plan_ids, squash, story_text

CASES = [(plan, nation, lang) for plan in plan_ids() for nation, langs in LANGS.items() for lang in langs
         if nation in ("england", "wales")]


@pytest.mark.parametrize("plan_id, nation, lang", CASES)
def test_who_can_help_starts_on_the_front(make_teaching_session, plan_id, nation, lang):
    session = make_teaching_session(plan_id, nation, lang)
    pages = [page.get_textpage().get_text_range() for page in pdf_pages(render("handout", session))]
    heading = {"en": "Who can help", "cy": "Pwy sy'n gallu helpu", "bilingual": "Who can help"}[lang]
    # A long plan's bilingual steps can fill the front; 'who can help' then opens the next page.
    front = pages[0] + (pages[1] if lang == "bilingual" else "")
    assert squash(heading) in squash(front), f"the front ends before 'who can help' ({len(pages)} pages)"
    assert len(pages) <= 3


@pytest.mark.parametrize("plan_id", plan_ids())
@pytest.mark.parametrize("nation, lang", [("england", "en"), ("wales", "en"), ("wales", "cy"),
                                          ("wales", "bilingual")])
def test_handout_fits_one_sheet(make_teaching_session, plan_id, nation, lang):
    """Two sides in one language; a bilingual handout of a long plan may take a third page (its
    codes stay at the handheld floor rather than shrink to fit)."""
    pages = [page.get_textpage().get_text_range() for page in
             pdf_pages(render("handout", make_teaching_session(plan_id, nation, lang)))]
    last = pages[-1].strip().rsplit("\n", 1)[0]  # without the footer line
    assert len(pages) <= (3 if lang == "bilingual" else 2), f"page {len(pages)} holds only: {last!r}"


NATIONS = ("england", "scotland", "wales", "northern-ireland")
SHEETS = {"handout": (A4, handout.A4_MARGIN), "handout-a5": (A5, handout.A5_MARGIN)}
ENOUGH = 0.25  # of the frame's height: less than this on a spilt-over last page is a remainder


def last_page(data: bytes, kind: str) -> tuple[str, float, int]:
    """Return the last page's words above the footer, the share of the frame they fill, and
    how many pages there are (an A5 page is the left half of its two-up sheet)."""
    (width, height), margin = SHEETS[kind]
    document = pdfium.PdfDocument(data)
    try:
        text = document[len(document) - 1].get_textpage()
        foot = margin + FOOTER_ROOM - 1  # the frame's foot: the footer is drawn below it
        words = text.get_text_bounded(left=0, bottom=foot, right=width, top=height)
        boxes = [text.get_rect(i) for i in range(text.count_rects())]
        lowest = min(bottom for left, bottom, _, _ in boxes if bottom >= foot and left < width)
        return words, (height - margin - lowest) / frame_size((width, height), margin)[1], len(document)
    finally:
        document.close()


@pytest.mark.parametrize("kind", SHEETS)
@pytest.mark.parametrize("large", [False, True], ids=["usual", "large-print"])
@pytest.mark.parametrize("lang", ["en", "cy", "bilingual"])
@pytest.mark.parametrize("nation", NATIONS)
@pytest.mark.parametrize("plan_id", plan_ids())
def test_no_last_page_of_closing_lines(make_teaching_session, plan_id, nation, lang, large, kind):
    """A handout that spills over never ends on a page of closing lines or a few lines' remainder.

    The last page holds more than the closing lines (the last message and the last words) and
    fills a quarter of the page, unless it is the back of a two-sided handout, which opens with
    'how it usually starts'.
    """
    session = make_teaching_session(plan_id, nation, lang)
    options = RenderOptions(large_print=large)
    words, share, count = last_page(render(kind, session, options), kind)
    if count == 1:
        return
    ctx = Context.of(session, options)
    closing = squash(story_text(handout.closing(ctx)))
    # Closing lines alone are a remainder unless they fill half a page (large bilingual A5).
    assert squash(words) not in closing or share >= 0.5, \
        f"the last of {count} pages holds only closing lines: {words!r}"
    opens_back = squash(words).startswith(squash(ctx.words("starts")))
    assert share >= ENOUGH or opens_back, f"the last of {count} pages is {share:.0%} full: {words!r}"
