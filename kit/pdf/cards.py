"""Pocket cards: credit-card size (85.6 × 54 mm), eight to an A4 sheet with cut marks.

The first sheet prints the fronts (the audience's card head on a navy band, then the steps), the
second the backs (QR codes and numbers), laid out mirrored so a long-edge duplex print backs each
card with its own side. Bilingual sets print Welsh cards in the left column and English in the
right. The navy band bleeds 3 mm past the cut, so a cut a little off never leaves a white sliver;
the cards stand 6 mm apart to make room for it. Card text is 9 pt or more: when the steps do not
all fit, the last ones are left off (the handout carries them all), never shrunk.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Frame, Paragraph

from kit.pdf import fonts
from kit.pdf.flowables import QRCode, safe, short_url, url_lines
from kit.pdf.measure import story_height
from kit.pdf.sheets import PageForm
from kit.pdf.story import Context, first_steps, phone_line, with_url
from kit.pdf.styles import INK, NAVY, RULE, WHITE, styles
from kit.pdf.templates import Output

CARD = (85.6 * mm, 54 * mm)
COLUMNS, ROWS = 2, 4
BLEED = 3 * mm
GUTTER = 2 * BLEED  # between cards: each card's bleed stays off its neighbour
PAD = 3 * mm
CARD_PT = 9  # the smallest text on a card
MARK, GAP = 4 * mm, 1 * mm  # cut marks: length, and distance outside the bleed
STEPS = 6


def small(name: str, pt: float = CARD_PT, **extra):
    """Return a card-sized copy of the body style."""
    base = styles(12).body
    return base.clone(name, fontSize=pt, leading=round(pt * 1.2, 1), spaceAfter=1.5, **extra)


def place(canv, flowables: list, x: float, top: float, width: float) -> float:
    """Draw FLOWABLES down from TOP at X, WIDTH wide; return where they end."""
    for flowable in flowables:
        _, h = flowable.wrap(width, 1e6)
        top -= h
        flowable.drawOn(canv, x, top)
        top -= flowable.getSpaceAfter()
    return top


def head(ctx: Context, lang: str) -> Paragraph:
    """Return the card head in LANG: the audience's own words from the library."""
    words = ctx.voice("card")
    text = words[ctx.langs.index(lang)] if len(words) > 1 else words[0]
    return Paragraph(safe(text), small("cardhead", 10, textColor=WHITE, fontName=fonts.BOLD))


def steps(ctx: Context, lang: str, room: float, width: float) -> list:
    """Return as many numbered steps in LANG as fit ROOM (wrapped lines hang under the text)."""
    # Wrapped lines hang under the text: the indent clears the widest number ("6.") and a space.
    indent = stringWidth("6. ", fonts.BOLD, CARD_PT) + 1
    style = small("cardstep", leftIndent=indent, bulletIndent=0, bulletFontName=fonts.BOLD)
    messages = first_steps(ctx, STEPS)  # the crisis route always among them
    # When the card is short of room, a step that does not fit is left off and the next ones are
    # tried (a long 'keep the evidence' must not also cost 'report it'), but the crisis route stays:
    # every pupil and parent document carries it (issue 9).
    crisis = [m for m in messages if m.covers == "crisis"]
    last = [Paragraph(f"<b>{safe(words)}</b>", small("cardlast")) for words in ctx.voice("last")[:1]]

    def laid_out(chosen: list) -> list:
        return [Paragraph(safe(m.text.get(lang)), style, bulletText=f"{n}.")
                for n, m in enumerate(chosen + crisis, 1)] + last

    chosen: list = []
    for message in (m for m in messages if m.covers != "crisis"):
        if story_height(laid_out([*chosen, message]), width) <= room:
            chosen.append(message)
    return laid_out(chosen)


def front(ctx: Context, lang: str, canv) -> None:
    """Draw the front in LANG: a navy band bleeding off three edges, then the numbered steps."""
    w, h = CARD
    title = head(ctx, lang)
    band = title.wrap(w - 2 * PAD, h)[1] + 2 * PAD
    canv.setFillColor(NAVY)
    canv.rect(-BLEED, h - band, w + 2 * BLEED, band + BLEED, stroke=0, fill=1)
    title.drawOn(canv, PAD, h - PAD - title.height)
    room = h - band - 2 * PAD
    place(canv, steps(ctx, lang, room, w - 2 * PAD), PAD, h - band - PAD, w - 2 * PAD)


def link_words(link, lang: str, width: float) -> list:
    """Return LINK's label and its whole printed address in LANG, WIDTH wide (never cut short)."""
    url = small("cardurl")
    return [Paragraph(safe(link.label.get(lang)), small("cardlabel", fontName=fonts.BOLD)),
            Paragraph(url_lines(short_url(link.url), url, width), url)]


def codes_side_by_side(canv, links: list, lang: str) -> float | None:
    """Draw LINKS' codes side by side, their words in one row under the taller; return where the words
    end, or draw nothing and return None when an address would run off the card (a long one wraps to
    four lines)."""
    w, h = CARD
    column = (w - 2 * PAD) / len(links)
    codes = [QRCode(link.url) for link in links]
    top = h - PAD - max(code.size for code in codes) - 1 * mm
    words = [link_words(link, lang, column - 2 * mm) for link in links]
    if any(top - story_height(each, column - 2 * mm) < PAD for each in words):
        return None
    lowest = h
    for i, (code, each) in enumerate(zip(codes, words, strict=True)):
        x = PAD + i * column
        code.wrapOn(canv, code.size, code.size)
        code.drawOn(canv, x, h - PAD - code.size)
        lowest = min(lowest, place(canv, each, x, top, column - 2 * mm))
    return lowest


def code_beside_words(canv, link, lang: str) -> float:
    """Draw LINK's code at the left with its words beside it; return the lowest point drawn."""
    w, h = CARD
    code = QRCode(link.url)
    code.wrapOn(canv, code.size, code.size)
    code.drawOn(canv, PAD, h - PAD - code.size)
    width = w - 2 * PAD - code.size - 2 * mm
    return min(h - PAD - code.size, place(canv, link_words(link, lang, width), PAD + code.size + 2 * mm, h - PAD,
                                          width))


def back(ctx: Context, lang: str, canv) -> None:
    """Draw the back in LANG: two QR codes side by side when both addresses fit under them whole, else
    the first beside its words; then as many numbers as fit under them."""
    w, h = CARD
    links = with_url(ctx.session.links)[:2]
    lowest = codes_side_by_side(canv, links, lang) if len(links) == 2 else None
    if lowest is None:
        lowest = code_beside_words(canv, links[0], lang) if links else h
    phones = [safe(phone_line(k, lang)) for k in ctx.session.links if k.phone or k.text_number]
    style = small("cardphone", textColor=INK)
    while phones and story_height([Paragraph(" · ".join(phones), style)], w - 2 * PAD) > lowest - 2 * PAD:
        phones.pop()  # the first numbers matter most: the police and the child's own helpline
    if phones:
        Frame(PAD, PAD, w - 2 * PAD, lowest - 2 * PAD, 0, 0, 0, 0).addFromList(
            [Paragraph(" · ".join(phones), style)], canv)


def origin() -> tuple[float, float]:
    """Return the lower-left corner of the card grid, centred on A4."""
    return ((A4[0] - COLUMNS * CARD[0] - (COLUMNS - 1) * GUTTER) / 2,
            (A4[1] - ROWS * CARD[1] - (ROWS - 1) * GUTTER) / 2)


def corner(c: int, r: int) -> tuple[float, float]:
    """Return the lower-left corner of the card in column C, row R."""
    x0, y0 = origin()
    return x0 + c * (CARD[0] + GUTTER), y0 + r * (CARD[1] + GUTTER)


def cut_marks(canv) -> None:
    """Draw cut marks outside the bleed, in line with every card edge."""
    (x0, y0), (x1, y1) = corner(0, 0), corner(COLUMNS - 1, ROWS - 1)
    x1, y1 = x1 + CARD[0], y1 + CARD[1]
    out = BLEED + GAP
    canv.saveState()
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.4)
    for c in range(COLUMNS):
        for x in (corner(c, 0)[0], corner(c, 0)[0] + CARD[0]):
            canv.line(x, y0 - out, x, y0 - out - MARK)
            canv.line(x, y1 + out, x, y1 + out + MARK)
    for r in range(ROWS):
        for y in (corner(0, r)[1], corner(0, r)[1] + CARD[1]):
            canv.line(x0 - out, y, x0 - out - MARK, y)
            canv.line(x1 + out, y, x1 + out + MARK, y)
    canv.restoreState()


def sheet(out: Output, cards: list[PageForm], mirrored: bool = False) -> None:
    """Print one A4 sheet of cards, column c taking cards[c % len(cards)]."""
    out.canv.setPageSize(A4)
    for r in range(ROWS):
        for c in range(COLUMNS):
            card = cards[c % len(cards)]
            out.canv.place(card, *corner(COLUMNS - 1 - c if mirrored else c, r))
    cut_marks(out.canv)
    out.canv.showPage()


def compose(out: Output, ctx: Context) -> None:
    """Print fronts then backs, one pair of sheets per eight cards asked for."""
    fronts = [out.form("CardFront", CARD, lambda canv, lang=lang: front(ctx, lang, canv), bleed=BLEED)
              for lang in ctx.langs]
    backs = [out.form("CardBack", CARD, lambda canv, lang=lang: back(ctx, lang, canv))
             for lang in ctx.langs]
    for _ in range(max(-(-ctx.options.copies // (COLUMNS * ROWS)), 1)):
        sheet(out, fronts)
        sheet(out, backs, mirrored=True)
