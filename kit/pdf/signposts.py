"""Where to get help, as every document prints it: QR codes with their words, helplines, in grids.

The handout, the letter and the poster import these; none of them imports another document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Table, TableStyle

from kit.content.models import Link
from kit.pdf.flowables import QRCode, nobreak, safe, short_url, url_lines
from kit.pdf.labels import numbers
from kit.pdf.story import Context
from kit.pdf.styles import RULE

QR_SIZE = 26 * mm  # the usual code: a version 3 code at the handheld module floor
ROOMY_QR = 30 * mm  # when a side has room for bigger codes
CELL_MIN = 85 * mm  # narrowest column that holds a QR code and its words side by side
GRID_PAD = 8  # between grid columns
NO_PAD = [("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
          ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]


@dataclass(frozen=True)
class Fit:
    """How tightly codes and helplines are set: code size, gap below each row, phone column width.

    No fit makes a code smaller than QR_SIZE: tighter fits close the gaps and columns instead.
    """

    qr: float = QR_SIZE
    gap: float = 6
    phone_min: float = CELL_MIN
    tight: bool = False  # a code's URL and numbers on one line; smaller title, steps and gaps
    small_steps: bool = False  # the steps at body size (still bold), so who can help starts on the front


NORMAL, ROOMY = Fit(), Fit(qr=ROOMY_QR)


def label(ctx: Context, link: Link) -> list:
    """Return a link's label: one paragraph per print language (Welsh, then English)."""
    return ctx.paras(link.label, ctx.st.label)


def number_lines(link: Link, lang: str, hours: bool = False) -> list[str]:
    """Return LINK's phone and text numbers (and HOURS when asked) as markup that never breaks inside."""
    lines = [nobreak(safe(line)) for line in numbers(link, lang)]
    return lines + ([safe(link.hours)] if hours and link.hours else [])


def qr_words(ctx: Context, link: Link, room: float, fit: Fit = NORMAL) -> list:
    """Return the label, short URL and numbers printed beside a QR code, ROOM wide."""
    lines = [url_lines(short_url(link.url), ctx.st.url, room), *number_lines(link, ctx.langs[0])]
    return label(ctx, link) + [Paragraph(line, ctx.st.url) for line in
                               ([" · ".join(lines)] if fit.tight else lines)]


def cell_min(ctx: Context, links: list[Link], fit: Fit = NORMAL) -> float:
    """Return the narrowest grid cell that holds a code and the widest unbreakable part of any
    of LINKS' printed addresses beside it (a part is never broken inside a name)."""
    style = ctx.st.url
    parts = [p for k in links for p in re.split(r"(?<=/)|(?=\.)", short_url(k.url))]
    widest = max((stringWidth(p, style.fontName, style.fontSize) for p in parts), default=0)
    return max(CELL_MIN, code_room(links, fit) + widest + GRID_PAD + 1)


def code_room(links: list[Link], fit: Fit = NORMAL) -> float:
    """Return the room the widest of LINKS' codes takes beside its words (none without links)."""
    return max((QRCode(k.url, fit.qr).size + 3 * mm for k in links), default=0)


def qr_row(ctx: Context, link: Link, width: float, fit: Fit = NORMAL, gutter: float = 0) -> Table:
    """Return a QR code with its words to the right, in a grid cell WIDTH wide; the words start
    GUTTER from the left (just past the code unless given)."""
    code = QRCode(link.url, fit.qr)
    gutter = max(gutter, code.size + 3 * mm)
    words = qr_words(ctx, link, width - GRID_PAD - gutter, fit)
    table = Table([[code, words]], colWidths=[gutter, None], hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), *NO_PAD]))
    return table


def qr_rows(ctx: Context, links: list[Link], width: float, n: int, fit: Fit = NORMAL) -> list:
    """Return LINKS' codes with their words, for a grid of N columns WIDTH wide: in each column the
    words start at one place, past the column's widest code (codes differ in size with their URLs,
    and words that start where each code ends read as a ragged list)."""
    rooms = [code_room(links[i::n], fit) for i in range(n)]
    return [qr_row(ctx, k, width / n, fit, rooms[i % n]) for i, k in enumerate(links)]


def grid(cells: list, width: float, columns: int, gap: float = 6, ruled: bool = False) -> list[Table]:
    """Return CELLS in rows of COLUMNS, each column an equal share of WIDTH.

    One table per row, so a page can end between rows: a heading kept with the whole grid
    would otherwise leave half a page empty whenever the grid does not fit below it. RULED puts
    a thin line in the middle of each gutter, so words side by side (helplines at 18 pt) are not
    read across as one line; no column is narrower for it.
    """
    rows = [cells[i:i + columns] for i in range(0, len(cells), columns)]
    tables = []
    for row in rows:
        gutter = [("RIGHTPADDING", (0, 0), (-1, -1), GRID_PAD)]
        if ruled and len(row) > 1:  # a line between filled cells only
            half = GRID_PAD / 2
            gutter = [("RIGHTPADDING", (0, 0), (-1, -1), half), ("LEFTPADDING", (1, 0), (-1, -1), half),
                      ("LINEAFTER", (0, 0), (len(row) - 2, 0), 0.5, RULE)]
        row = row + [""] * (columns - len(row))
        table = Table([row], colWidths=[width / columns] * columns, hAlign="LEFT")
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), *NO_PAD, *gutter,
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), gap)]))
        tables.append(table)
    return tables


def columns(width: float, cell: float = CELL_MIN) -> int:
    """Return how many columns of at least CELL fit WIDTH."""
    return max(1, int(width // cell))


def phone_cell(ctx: Context, link: Link) -> list:
    """Return a helpline's label and its numbers and hours."""
    return [*label(ctx, link), Paragraph(" · ".join(number_lines(link, ctx.langs[0], hours=True)), ctx.st.url)]


def phone_list(ctx: Context, links: list[Link], width: float, fit: Fit = NORMAL) -> list:
    """Return the helplines with no URL, in a grid like the QR codes."""
    if not links:
        return []
    cells = [phone_cell(ctx, link) for link in links]
    return grid(cells, width, columns(width, fit.phone_min), fit.gap, ruled=True)
