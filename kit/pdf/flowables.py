"""Flowables the documents share: vector QR codes, tick boxes, and the escaping every text needs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from xml.sax.saxutils import escape

import qrcode
from qrcode.constants import ERROR_CORRECT_H, ERROR_CORRECT_M, ERROR_CORRECT_Q
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table, TableStyle

from kit.pdf.styles import INK, NAVY, TINT, WHITE

QUIET = 4  # modules of white border the QR standard asks for
# The smallest module (quiet zone included in the count) on anything held in the hand. A phone at
# arm's length sees a page at about 75 dpi; in the tests' phone-photo model (blur, tilt, JPEG)
# 0.6 mm modules are lost now and then and 0.65 mm at a steep angle, so 0.7 mm.
HANDHELD_MODULE = 0.7 * mm
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
# A space between digit groups ("0800 1111", "116 123") is part of a number: a reader dials what
# is printed, so the groups never part at a line end.
_NUMBER_SPACE = re.compile(r"(?<=\d) (?=\d)")
NBSP = "\u00a0"


def clip(text: str, limit: int | None) -> str:
    """Return TEXT, shortened visibly with '…' when longer than LIMIT characters."""
    if limit is not None and len(text) > limit:
        return text[: limit - 1].rstrip() + "…"
    return text


def safe(text: str, limit: int | None = None) -> str:
    """Return TEXT as Paragraph markup that prints literally: clipped, escaped, line breaks kept."""
    text = _CONTROL.sub(" ", clip(text, limit).replace("\r\n", "\n").replace("\r", "\n"))
    return escape(_NUMBER_SPACE.sub(NBSP, text)).replace("\n", "<br/>")


def nobreak(markup: str) -> str:
    """Return MARKUP (no tags) with every space non-breaking: 'Text 85258' stays on one line."""
    return markup.replace(" ", NBSP)


def short_url(url: str) -> str:
    """Return URL as printed under its QR code: no scheme, no www., no trailing slash."""
    short = url.split("://", 1)[-1]
    short = short.removeprefix("www.")
    return short.rstrip("/")


def url_lines(url: str, style, room: float) -> str:
    """Return URL as escaped markup that, if it is wider than ROOM in STYLE, breaks into lines
    after a slash or before a dot, never inside a name (a reader types what is printed)."""
    def wide(text: str) -> float:
        return stringWidth(text, style.fontName, style.fontSize)
    if wide(url) <= room:
        return safe(url)
    lines = [""]
    for part in re.split(r"(?<=/)|(?=\.)", url):
        if lines[-1] and wide(lines[-1] + part) > room:
            lines.append("")
        lines[-1] += part
    return "<br/>".join(safe(line) for line in lines)


def qr_version(payload: str, level: int) -> int:
    """Return the smallest QR version that holds PAYLOAD at error correction LEVEL."""
    code = qrcode.QRCode(error_correction=level, border=QUIET, box_size=1)
    code.add_data(payload.encode("utf-8"), optimize=0)
    return code.best_fit()


def error_correction(payload: str) -> int:
    """Return the strongest error correction that keeps PAYLOAD at the version level M needs.

    The version (how many modules) comes from the URL; fewer modules are bigger modules at the
    same printed size, which is what a phone at arm's length needs most. Correction above M is
    taken only where it costs no module.
    """
    version = qr_version(payload, ERROR_CORRECT_M)
    return next(level for level in (ERROR_CORRECT_H, ERROR_CORRECT_Q, ERROR_CORRECT_M)
                if qr_version(payload, level) == version)


@lru_cache(maxsize=256)
def qr_matrix(payload: str) -> tuple[tuple[bool, ...], ...]:
    """Return the QR module matrix for PAYLOAD, quiet zone included."""
    code = qrcode.QRCode(error_correction=error_correction(payload), border=QUIET, box_size=1)
    code.add_data(payload.encode("utf-8"), optimize=0)
    code.make(fit=True)
    return tuple(tuple(row) for row in code.get_matrix())


def dark_runs(row: tuple[bool, ...]):
    """Yield (start, length) of each run of dark modules in ROW."""
    start = None
    for i, dark in enumerate((*row, False)):
        if dark and start is None:
            start = i
        elif not dark and start is not None:
            yield start, i - start
            start = None


@dataclass(frozen=True)
class DrawnCode:
    """A QR code as drawn: the URL it encodes, its printed width and its modules across."""

    url: str
    size: float  # points, quiet zone included
    modules: int  # quiet zone included

    @property
    def module_mm(self) -> float:
        """Return the width of one module in millimetres."""
        return self.size / self.modules / mm


class QRCode(Flowable):
    """A QR code drawn as vector rectangles from the module matrix; records what it drew.

    It is MIN_WIDTH wide, or wider when that would make a module narrower than MODULE.
    """

    def __init__(self, url: str, min_width: float = 0, module: float = HANDHELD_MODULE):
        super().__init__()
        self.url = url
        self.matrix = qr_matrix(url)
        self.size = max(min_width, len(self.matrix) * module)

    @property
    def module(self) -> float:
        """Return the width of one module in points."""
        return self.size / len(self.matrix)

    def wrap(self, available_width, available_height):
        """Take a square of the code's size."""
        return self.size, self.size

    def draw(self):
        """Draw white ground, then the dark modules as one filled path in module units."""
        canv = self.canv
        canv.saveState()
        canv.setFillColor(WHITE)
        canv.rect(0, 0, self.size, self.size, stroke=0, fill=1)
        canv.scale(self.module, self.module)
        canv.setFillColor(INK)
        canv.addLiteral(qr_path(self.url))
        canv.restoreState()
        canv.linkURL(self.url, (0, 0, self.size, self.size), relative=1)
        log = getattr(canv, "qr_log", None)
        if log is not None:
            log.append(DrawnCode(self.url, self.size, len(self.matrix)))


@lru_cache(maxsize=256)
def qr_path(payload: str) -> str:
    """Return PDF path operators filling each run of dark modules (one unit per module)."""
    matrix = qr_matrix(payload)
    n = len(matrix)
    rects = [f"{start} {n - r - 1} {length} 1 re"
             for r, row in enumerate(matrix) for start, length in dark_runs(row)]
    return "\n".join(rects) + "\nf"


class TickBox(Flowable):
    """An empty square to tick, sized to the text beside it."""

    def __init__(self, size: float):
        super().__init__()
        self.size = size

    def wrap(self, available_width, available_height):
        """Take a square a little larger than the box."""
        return self.size * 1.3, self.size * 1.1

    def draw(self):
        """Draw the box outline."""
        self.canv.setStrokeColor(INK)
        self.canv.setLineWidth(1.2)
        self.canv.rect(0, self.size * 0.05, self.size, self.size, stroke=1, fill=0)


def boxed(rows: list[list], widths: list[float] | None = None, tint=TINT, edge=NAVY) -> Table:
    """Return ROWS in a tinted box with a strong edge, one row per table row so it can split."""
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), tint),
        ("BOX", (0, 0), (-1, -1), 2, edge),
        # Split over two pages, each part is closed at the break too.
        ("LINEBELOW", (0, "splitlast"), (-1, "splitlast"), 2, edge),
        ("LINEABOVE", (0, "splitfirst"), (-1, "splitfirst"), 2, edge),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, 0), 8),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 8),
    ]))
    return table
