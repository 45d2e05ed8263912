"""The organisation as the documents show it: its logo in the banner, its name and address on letters.

The logo arrives as PNG bytes already checked and re-encoded (kit.local); it is drawn once as an
image XObject, so a class set repeats a reference, not the picture.
"""

from __future__ import annotations

import io

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, Table, TableStyle

from kit.pdf import fonts
from kit.pdf.flowables import clip
from kit.pdf.story import Context
from kit.pdf.styles import INK, NAVY, WHITE

LOGO_HEIGHT = 12 * mm  # in the banner: as tall as the organisation's name and one title line
LOGO_MAX_WIDTH = 40 * mm  # a wide logo is scaled down to this, keeping its shape
LOGO_PAD = 2 * mm  # white around the logo, so any logo reads on the navy band
ADDRESS_LINE_MAX = 70  # characters: a line of the letterhead, right of the logo
ADDRESS_LINES = 2  # under the name, in the top margin
LETTERHEAD_ROOM = 10 * mm  # of the 16 mm top margin: 4.5 mm clear of the sheet's unprintable edge
LETTERHEAD_GAP = 1.5 * mm  # between the letterhead and the letter's first line, in the margin too
LETTERHEAD_PT = 8


def _aspect(data: bytes) -> float:
    """Return the width / height of the PNG DATA."""
    width, height = ImageReader(io.BytesIO(data)).getSize()
    return width / height if height else 1.0


def logo(ctx: Context, height: float = LOGO_HEIGHT) -> Flowable | None:
    """Return the organisation's logo HEIGHT tall (narrower when wide), or None without one."""
    data = ctx.options.logo
    if not data:
        return None
    ratio = _aspect(data)
    width = min(height * ratio, LOGO_MAX_WIDTH)
    return Image(io.BytesIO(data), width=width, height=width / ratio)


def address_lines(ctx: Context) -> list[str]:
    """Return the organisation's address as printed lines, as given (one per line of the address),
    each capped; lines past ADDRESS_LINES run on in the last."""
    raw = ctx.options.address.replace("\r\n", "\n").replace("\r", "\n")
    lines = [clip(" ".join(row.split()), ADDRESS_LINE_MAX) for row in raw.split("\n")]
    lines = [line for line in lines if line]
    return lines[:ADDRESS_LINES - 1] + [", ".join(lines[ADDRESS_LINES - 1:])] if len(lines) >= ADDRESS_LINES \
        else lines


def logo_tile(ctx: Context) -> Table | None:
    """Return the logo on a white tile (any logo reads on the navy band), or None without one."""
    image = logo(ctx)
    if image is None:
        return None
    tile = Table([[image]], colWidths=[image.drawWidth + 2 * LOGO_PAD], rowHeights=[image.drawHeight + 2 * LOGO_PAD])
    tile.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), WHITE), ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                              ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                              *[(side, (0, 0), (-1, -1), LOGO_PAD) for side in ("LEFTPADDING", "RIGHTPADDING",
                                                                               "TOPPADDING", "BOTTOMPADDING")]]))
    return tile


class Letterhead(Flowable):
    """The organisation's letterhead, drawn in the top margin above the letter's first line: the
    logo left, the name and address right. It takes no room from the letter, so a letter that
    fits its page still fits with the organisation's logo and address on it."""

    def __init__(self, logo_png: bytes, lines: list[str], width: float):
        super().__init__()
        self.logo_png, self.lines, self.width = logo_png, lines, width

    def wrap(self, availWidth, availHeight):
        """Return the room taken in the story: none."""
        return self.width, 0

    def draw(self) -> None:
        """Draw the letterhead above the flowable, in the page's top margin."""
        canv, top = self.canv, LETTERHEAD_GAP + LETTERHEAD_ROOM
        if self.logo_png:
            ratio = _aspect(self.logo_png)
            width = min(LETTERHEAD_ROOM * ratio, LOGO_MAX_WIDTH)
            canv.drawImage(ImageReader(io.BytesIO(self.logo_png)), 0, top - width / ratio, width, width / ratio,
                           mask="auto")
        for n, line in enumerate(self.lines):
            canv.setFont(fonts.BOLD if n == 0 else fonts.REGULAR, LETTERHEAD_PT)
            canv.setFillColor(NAVY if n == 0 else INK)
            canv.drawRightString(self.width, top - LETTERHEAD_PT - n * LETTERHEAD_PT * 1.15, line)


def letterhead(ctx: Context, width: float) -> list:
    """Return the letter's head (logo, organisation and address) when the organisation gave a logo
    or an address; the name alone is already in every footer."""
    lines = address_lines(ctx)
    if not lines and not ctx.options.logo:
        return []
    return [Letterhead(ctx.options.logo, [ctx.organisation, *lines], width)]
