"""The handout's pages: 'who can help' starts on the front, one sheet per language, no stranded page.

A bilingual handout is two complete handouts, Welsh then English, each numbered on its own (on
A5 the Welsh page and the English page share a sheet); every check here runs on each edition.
Each combination is rendered once (the `rendered` fixture) and every check reads that render.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pypdfium2 as pdfium
import pytest
from reportlab.lib.pagesizes import A4, A5

from kit.pdf import KINDS, RenderOptions, handout, handout_a5
from kit.pdf.measure import FOOTER_ROOM, frame_size
from kit.pdf.story import Context
from tests.pdf.conftest import LANGS, plan_ids, squash, story_text, walk

SHEETS = {"handout": (A4, handout.A4_MARGIN), "handout-a5": (A5, handout_a5.A5_MARGIN)}
ENOUGH = 0.25  # of the frame's height: less than this on a spilt-over last page is a remainder
PAGE_LABEL = re.compile(r"(?:Page|Tudalen)\s+(\d+)\s+(?:of|o)\s+(\d+)")
HELP = {"en": "Who can help", "cy": "Pwy sy'n gallu helpu"}
CASES = [(plan, nation, lang, large) for plan in plan_ids() for nation, langs in LANGS.items()
         for lang in langs for large in (False, True)]
# Every sheet of every case it has an edition for: large print comes on A4 only.
LAYOUTS = [(kind, *case) for kind in SHEETS for case in CASES if KINDS[kind].large_print or not case[-1]]


@dataclass(frozen=True)
class Page:
    """One printed page of a handout (an A5 page is one half of its two-up sheet)."""

    text: str  # everything on it, footer included
    words: str  # the words above the footer
    share: float  # how much of the frame's height the words fill


def read_page(text, left: float, size: tuple[float, float], margin: float) -> Page:
    """Return the page of SIZE whose left edge is at LEFT on the sheet's TEXT page."""
    width, height = size
    foot = margin + FOOTER_ROOM - 1  # the frame's foot: the footer is drawn below it
    boxes = [text.get_rect(i) for i in range(text.count_rects())]
    tops = [bottom for x, bottom, _, _ in boxes if bottom >= foot and left <= x < left + width]
    lowest = min(tops, default=height - margin)
    return Page(text.get_text_bounded(left=left, bottom=0, right=left + width, top=height),
                text.get_text_bounded(left=left, bottom=foot, right=left + width, top=height),
                (height - margin - lowest) / frame_size(size, margin)[1])


def split(pages: list[Page]) -> list[list[Page]]:
    """Return PAGES cut into editions where the numbering starts again ('Page 1 of …')."""
    editions: list[list[Page]] = []
    for page in pages:
        found = PAGE_LABEL.search(page.text)
        if not editions or (found and found.group(1) == "1"):
            editions.append([])
        editions[-1].append(page)
    return editions


def editions_of(data: bytes, kind: str) -> tuple[tuple[Page, ...], ...]:
    """Return the editions of the handout DATA, each as its pages in order."""
    size, margin = SHEETS[kind]
    document = pdfium.PdfDocument(data)
    try:
        halves = [[], []]
        for index in range(len(document)):
            text = document[index].get_textpage()
            lefts = (0, A5[0]) if kind == "handout-a5" else (0,)
            for side, left in enumerate(lefts):
                halves[side].append(read_page(text, left, size, margin))
    finally:
        document.close()
    # On A5 the right half is a second copy, or (bilingual) the English edition beside the Welsh.
    left = split([p for p in halves[0] if p.text.strip()])
    right = split([p for p in halves[1] if p.text.strip()])
    if right and squash(right[0][0].text) != squash(left[0][0].text):
        left += right
    return tuple(tuple(pages) for pages in left)


def languages(lang: str) -> tuple[str, ...]:
    """Return the languages of the editions a handout in LANG holds, in order."""
    return ("cy", "en") if lang == "bilingual" else (lang,)


@pytest.mark.parametrize("kind, plan_id, nation, lang, large", LAYOUTS)
def test_handout_pages(rendered, make_teaching_session, kind, plan_id, nation, lang, large):
    """Per edition: 'who can help' starts on the front; the usual edition is one sheet; a spilt
    over last page is never closing lines alone nor a few lines' remainder (the back of a two-sided
    handout may be short: it opens with 'how it usually starts'). Welsh A5 editions are one sheet too."""
    editions = editions_of(rendered(kind, plan_id, nation, lang, large).pdf, kind)
    assert len(editions) == len(languages(lang)), f"{len(editions)} editions"
    session = make_teaching_session(plan_id, nation, lang)
    ctx = Context.of(session, RenderOptions(large_print=large))
    for pages, one in zip(editions, ctx.editions(), strict=True):
        first = one.langs[0]
        # 'Who can help' opens the next page of one A5 edition, measured: the Welsh parents' steps,
        # at body size, leave 22 mm below the title, where the heading and the first helpline need
        # 29 mm (a code 39 mm). Welsh staff's leave 37 mm: helplines start.
        welsh_parents = first == "cy" and session.audience.id == "parents-carers"
        if not (kind == "handout-a5" and welsh_parents):
            assert squash(HELP[first]) in squash(pages[0].words), \
                f"{first}: the front ends before 'who can help' ({len(pages)} pages)"
        if not large:
            assert len(pages) <= 2, f"{first}: page {len(pages)} holds only: {pages[-1].words!r}"
        if len(pages) == 1:
            continue
        last = pages[-1]
        closing = squash(story_text(handout.closing(one)))
        assert squash(last.words) not in closing, f"{first}: the last of {len(pages)} pages is closing lines"
        opens_back = squash(last.words).startswith(squash(one.words("starts")))
        assert last.share >= ENOUGH or opens_back, \
            f"{first}: the last of {len(pages)} pages is {last.share:.0%} full: {last.words!r}"


@pytest.mark.parametrize("kind, plan_id, nation, lang, large", LAYOUTS)
def test_the_steps_box_never_splits(rendered, make_teaching_session, kind, plan_id, nation, lang, large):
    """Per edition: the steps box, heading and every step, is on one page (the page the title opens)."""
    editions = editions_of(rendered(kind, plan_id, nation, lang, large).pdf, kind)
    ctx = Context.of(make_teaching_session(plan_id, nation, lang), RenderOptions(large_print=large))
    for pages, one in zip(editions, ctx.editions(), strict=True):
        texts = [squash(one.versions(m.text)[0]) for m in handout.steps(one)]
        holders = [next((i for i, p in enumerate(pages) if t in squash(p.words)), None) for t in texts]
        assert None not in holders, f"{one.langs[0]}: step {holders.index(None) + 1} is not whole on any page"
        assert squash(one.words("now")) in squash(pages[holders[0]].words), f"{one.langs[0]}: heading apart"
        assert set(holders) == {0}, f"{one.langs[0]}: the steps are on pages {holders}"


@pytest.mark.parametrize("kind, plan_id, nation, lang, large", LAYOUTS)
def test_no_page_ends_with_a_heading(rendered, make_teaching_session, kind, plan_id, nation, lang, large):
    """Per edition: no section heading stands alone at the foot of a page, its words overleaf."""
    editions = editions_of(rendered(kind, plan_id, nation, lang, large).pdf, kind)
    ctx = Context.of(make_teaching_session(plan_id, nation, lang), RenderOptions(large_print=large))
    width = frame_size(*SHEETS[kind])[0]
    for pages, one in zip(editions, ctx.editions(), strict=True):
        titles = {one.words("help"), *(f.getPlainText() for f in walk(handout.back(one, width))
                                      if getattr(f, "outline_title", None))}
        for n, page in enumerate(pages[:-1], 1):
            ends = [t for t in titles if squash(page.words).endswith(squash(t))]
            assert not ends, f"{one.langs[0]}: page {n} ends with the heading {ends[0]!r}"


def test_a_bilingual_handout_is_a_welsh_then_an_english_handout(rendered):
    """Two complete one-sheet handouts, numbered on their own, Welsh first, each with all the codes."""
    data = rendered("handout", "lower-secondary-core", "wales", "bilingual", False)
    welsh, english = editions_of(data.pdf, "handout")
    assert [PAGE_LABEL.search(p.text).groups() for p in welsh] == [("1", "2"), ("2", "2")]
    assert "Tudalen 1 o 2" in welsh[0].text and "Page 1 of 2" in english[0].text
    assert "Who can help" not in welsh[0].text and "Pwy sy'n gallu helpu" not in english[0].text
    welsh_codes = [url for sheet in data.qr_urls[:2] for url in sheet]
    english_codes = [url for sheet in data.qr_urls[2:] for url in sheet]
    assert welsh_codes and sorted(welsh_codes) == sorted(english_codes)
