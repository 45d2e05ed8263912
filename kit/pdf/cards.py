"""Pocket cards: credit-card size (85.6 × 54 mm), ten to an A4 sheet with cut marks.

The first sheet prints the fronts (the steps), the second the backs (QR codes and numbers), so a
duplex print gives two-sided cards. Card text is smaller than body text: a credit card holds no
more, and the handout carries the same words at full size.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Frame, KeepInFrame, Paragraph

from kit.pdf.flowables import QRCode, safe, short_url
from kit.pdf.handout import OWN_PLACE, key_messages
from kit.pdf.story import Context, with_url
from kit.pdf.styles import INK, NAVY, RULE, WHITE, styles
from kit.pdf.templates import Output

CARD = (85.6 * mm, 54 * mm)
COLUMNS, ROWS = 2, 5
PAD = 3 * mm
QR_SIZE = 20 * mm
HEAD_H = 9 * mm
CARD_PT = 8.5
MARK, GAP = 5 * mm, 2 * mm


def _small(ctx: Context, name: str, pt: float = CARD_PT, **extra):
    """Return a card-sized copy of the body style."""
    base = styles(12).body
    return base.clone(name, fontSize=pt, leading=round(pt * 1.25, 1), spaceAfter=1.5, **extra)


def front(ctx: Context, canv) -> None:
    """Draw the front: a navy head, then the numbered steps, shrunk to fit if they must."""
    w, h = CARD
    canv.setFillColor(NAVY)
    canv.rect(0, h - HEAD_H, w, HEAD_H, stroke=0, fill=1)
    head = Paragraph(safe(ctx.words("card-head")), _small(ctx, "cardhead", 9.5, textColor=WHITE,
                                                          fontName=styles(12).label.fontName))
    Frame(PAD, h - HEAD_H, w - 2 * PAD, HEAD_H, 0, 2, 0, 2).addFromList(
        [KeepInFrame(w - 2 * PAD, HEAD_H - 4, [head], mode="shrink")], canv)
    style = _small(ctx, "cardstep")
    steps = [Paragraph(f"<b>{n}.</b> {safe(ctx.versions(m.text)[0])}", style)
             for n, m in enumerate(key_messages(ctx, exclude=OWN_PLACE)[:6], 1)]
    steps.append(Paragraph(f"<b>{safe(ctx.words('not-fault'))}</b>", style))
    body_h = h - HEAD_H - 2 * PAD
    Frame(PAD, PAD, w - 2 * PAD, body_h, 0, 0, 0, 0).addFromList(
        [KeepInFrame(w - 2 * PAD, body_h, steps, mode="shrink")], canv)


def back(ctx: Context, canv) -> None:
    """Draw the back: up to two QR codes with labels and short URLs, helpline numbers below."""
    w, h = CARD
    links = with_url(ctx.session.links)[:2]
    column = (w - 2 * PAD) / 2
    label_style = _small(ctx, "cardlabel", 7.5, fontName=styles(12).label.fontName)
    for i, link in enumerate(links):
        x = PAD + i * column
        code = QRCode(link.url, QR_SIZE)
        code.wrapOn(canv, QR_SIZE, QR_SIZE)
        code.drawOn(canv, x, h - PAD - code.size)
        words = [Paragraph(safe(ctx.versions(link.label)[0]), label_style),
                 Paragraph(safe(short_url(link.url)), _small(ctx, "cardurl", 7))]
        Frame(x, h - 2 * PAD - code.size - 18 * mm, column - 2, 18 * mm, 0, 0, 0, 0).addFromList(
            [KeepInFrame(column - 2, 18 * mm, words, mode="shrink")], canv)
    phones = [f"{link.title.get(ctx.langs[0])} {link.phone or link.text_number}"
              for link in ctx.session.links if link.phone or link.text_number]
    line = Paragraph(safe(" · ".join(phones)), _small(ctx, "cardphone", 7.5, textColor=INK))
    Frame(PAD, PAD - 1, w - 2 * PAD, 10 * mm, 0, 0, 0, 0).addFromList(
        [KeepInFrame(w - 2 * PAD, 10 * mm, [line], mode="shrink")], canv)


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


def sheet(out: Output, card) -> None:
    """Print one A4 sheet of ten copies of the form CARD."""
    out.canv.setPageSize(A4)
    x0, y0 = origin()
    for r in range(ROWS):
        for c in range(COLUMNS):
            out.canv.place(card, x0 + c * CARD[0], y0 + r * CARD[1])
    cut_marks(out.canv)
    out.canv.showPage()


def compose(out: Output, ctx: Context) -> None:
    """Print fronts then backs, one pair of sheets per ten cards asked for."""
    fronts = out.form("CardFront", CARD, lambda canv: front(ctx, canv))
    backs = out.form("CardBack", CARD, lambda canv: back(ctx, canv))
    for _ in range(max(-(-ctx.options.copies // (COLUMNS * ROWS)), 1)):
        sheet(out, fronts)
        sheet(out, backs)
