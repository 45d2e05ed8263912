"""Pocket cards: credit-card size (85.6 × 54 mm), ten to an A4 sheet with cut marks.

The first sheet prints the fronts (the steps), the second the backs (QR codes and numbers), laid
out mirrored so a long-edge duplex print backs each card with its own side. Bilingual sets print
Welsh cards in the left column and English in the right. Card text is smaller than body text: a
credit card holds no more, and the handout carries the same words at full size.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Frame, KeepInFrame

from kit.pdf import fonts
from kit.pdf.flowables import Paragraph, QRCode, safe, short_url
from kit.pdf.handout import first_steps
from kit.pdf.labels import label
from kit.pdf.story import Context, phone_line, with_url
from kit.pdf.styles import INK, NAVY, RULE, WHITE, styles
from kit.pdf.templates import Output, PageForm

CARD = (85.6 * mm, 54 * mm)
COLUMNS, ROWS = 2, 5
PAD = 3 * mm
QR_SIZE = 20 * mm
HEAD_H = 9 * mm
CARD_PT = 8.5
MARK, GAP = 5 * mm, 2 * mm


def small(name: str, pt: float = CARD_PT, **extra):
    """Return a card-sized copy of the body style."""
    base = styles(12).body
    return base.clone(name, fontSize=pt, leading=round(pt * 1.25, 1), spaceAfter=1.5, **extra)


def fit(canv, flowables: list, x: float, y: float, width: float, height: float) -> None:
    """Draw FLOWABLES in the box at X, Y, shrunk if they would not fit."""
    Frame(x, y, width, height, 0, 0, 0, 0).addFromList(
        [KeepInFrame(width, height, flowables, mode="shrink")], canv)


def front(ctx: Context, lang: str, canv) -> None:
    """Draw the front in LANG: a navy head, then the numbered steps."""
    w, h = CARD
    canv.setFillColor(NAVY)
    canv.rect(0, h - HEAD_H, w, HEAD_H, stroke=0, fill=1)
    head = small("cardhead", 9.5, textColor=WHITE, fontName=fonts.BOLD)
    fit(canv, [Paragraph(safe(label("card-head", lang)), head)], PAD, h - HEAD_H + 2,
        w - 2 * PAD, HEAD_H - 4)
    style = small("cardstep")
    steps = [Paragraph(f"<b>{n}.</b> {safe(m.text.get(lang))}", style)
             for n, m in enumerate(first_steps(ctx, 6), 1)]
    steps.append(Paragraph(f"<b>{safe(label('not-fault', lang))}</b>", style))
    fit(canv, steps, PAD, PAD, w - 2 * PAD, h - HEAD_H - 2 * PAD)


def back(ctx: Context, lang: str, canv) -> None:
    """Draw the back in LANG: up to two QR codes with labels and short URLs, then numbers."""
    w, h = CARD
    column = (w - 2 * PAD) / 2
    label_style = small("cardlabel", 7.5, fontName=fonts.BOLD)
    for i, link in enumerate(with_url(ctx.session.links)[:2]):
        x = PAD + i * column
        code = QRCode(link.url, QR_SIZE)
        code.wrapOn(canv, QR_SIZE, QR_SIZE)
        code.drawOn(canv, x, h - PAD - code.size)
        words = [Paragraph(safe(link.label.get(lang)), label_style),
                 Paragraph(safe(short_url(link.url)), small("cardurl", 7))]
        fit(canv, words, x, h - 2 * PAD - code.size - 18 * mm, column - 2, 18 * mm)
    phones = [phone_line(k, lang) for k in ctx.session.links if k.phone or k.text_number]
    line = Paragraph(safe(" · ".join(phones)), small("cardphone", 7.5, textColor=INK))
    fit(canv, [line], PAD, PAD - 1, w - 2 * PAD, 10 * mm)


def origin() -> tuple[float, float]:
    """Return the lower-left corner of the card grid, centred on A4."""
    return (A4[0] - COLUMNS * CARD[0]) / 2, (A4[1] - ROWS * CARD[1]) / 2


def cut_marks(canv) -> None:
    """Draw cut marks outside the grid at every card edge."""
    x0, y0 = origin()
    x1, y1 = x0 + COLUMNS * CARD[0], y0 + ROWS * CARD[1]
    canv.saveState()
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.4)
    for c in range(COLUMNS + 1):
        x = x0 + c * CARD[0]
        canv.line(x, y0 - GAP, x, y0 - GAP - MARK)
        canv.line(x, y1 + GAP, x, y1 + GAP + MARK)
    for r in range(ROWS + 1):
        y = y0 + r * CARD[1]
        canv.line(x0 - GAP, y, x0 - GAP - MARK, y)
        canv.line(x1 + GAP, y, x1 + GAP + MARK, y)
    canv.restoreState()


def sheet(out: Output, cards: list[PageForm], mirrored: bool = False) -> None:
    """Print one A4 sheet of ten cards, column c taking cards[c % len(cards)]."""
    out.canv.setPageSize(A4)
    x0, y0 = origin()
    for r in range(ROWS):
        for c in range(COLUMNS):
            card = cards[c % len(cards)]
            column = COLUMNS - 1 - c if mirrored else c
            out.canv.place(card, x0 + column * CARD[0], y0 + r * CARD[1])
    cut_marks(out.canv)
    out.canv.showPage()


def compose(out: Output, ctx: Context) -> None:
    """Print fronts then backs, one pair of sheets per ten cards asked for."""
    fronts = [out.form("CardFront", CARD, lambda canv, lang=lang: front(ctx, lang, canv))
              for lang in ctx.langs]
    backs = [out.form("CardBack", CARD, lambda canv, lang=lang: back(ctx, lang, canv))
             for lang in ctx.langs]
    for _ in range(max(-(-ctx.options.copies // (COLUMNS * ROWS)), 1)):
        sheet(out, fronts)
        sheet(out, backs, mirrored=True)
