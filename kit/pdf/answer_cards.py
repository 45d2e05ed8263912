"""Answer cards for the device-free quiz: one A4 sheet per pupil, A B C D in quarters.

A pupil folds or cuts the sheet and holds up the letter of their answer, so the officer can count
hands across the room. Each letter has its own high-contrast pair of colours (all 7:1 or more) and
fills its quarter; the card is numbered, never named, so nothing on it identifies a pupil.
"""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from kit.pdf import fonts
from kit.pdf.options import MAX_COPIES
from kit.pdf.story import Context
from kit.pdf.styles import INK, NAVY, RULE, WHITE
from kit.pdf.templates import Output

LETTERS = "ABCD"
# (background, letter): black on white, white on navy, black on yellow, white on dark green.
COLOURS = ((WHITE, INK), (NAVY, WHITE), (HexColor("#ffd500"), INK), (HexColor("#00574f"), WHITE))
LETTER_PT = 300  # about 75 mm tall capitals: readable from the front of a classroom
SMALL_PT = 11
DEFAULT_CARDS = 30  # a class set when the session does not say how many pupils there are
INSET = 6 * mm


def cards_wanted(ctx: Context) -> int:
    """Return how many cards to print: the copies asked for, else the group size, else a class."""
    asked = ctx.options.copies if ctx.options.copies > 1 else ctx.session.spec.group_size or DEFAULT_CARDS
    return max(1, min(MAX_COPIES, asked))


def quarter(canv, index: int, x: float, y: float, w: float, h: float, number: str, note: str) -> None:
    """Draw the letter LETTERS[INDEX] filling the quarter at X, Y, with the card's NUMBER."""
    ground, ink = COLOURS[index]
    canv.setFillColor(ground)
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.8)
    canv.rect(x, y, w, h, stroke=1, fill=1)
    canv.setFillColor(ink)
    canv.setFont(fonts.BOLD, LETTER_PT)
    canv.drawCentredString(x + w / 2, y + h / 2 - LETTER_PT * 0.35, LETTERS[index])
    canv.setFont(fonts.BOLD, SMALL_PT)
    canv.drawString(x + INSET, y + h - INSET - SMALL_PT, number)
    if index == 0:  # the how-to line goes on the white quarter, where small print reads best
        canv.setFont(fonts.REGULAR, 9)
        canv.drawString(x + INSET, y + INSET, note)


def sheet(out: Output, ctx: Context, n: int, total: int) -> None:
    """Print card N of TOTAL: four quarters with a dashed cut line between them."""
    canv = out.canv
    canv.setPageSize(A4)
    w, h = A4[0] / 2, A4[1] / 2
    number, note = ctx.words("card-number", n=n, total=total), ctx.words("answer-cards-note")
    for i, (col, row) in enumerate(((0, 1), (1, 1), (0, 0), (1, 0))):
        quarter(canv, i, col * w, row * h, w, h, number, note)
    canv.setStrokeColor(INK)
    canv.setDash(4, 4)
    canv.line(w, 0, w, A4[1])
    canv.line(0, h, A4[0], h)
    canv.setDash()
    canv.showPage()


def compose(out: Output, ctx: Context) -> None:
    """Print one numbered A–D card per pupil."""
    total = cards_wanted(ctx)
    for n in range(1, total + 1):
        sheet(out, ctx, n, total)
