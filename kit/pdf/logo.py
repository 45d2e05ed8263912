"""The force's logo and letterhead: a PNG (checked and re-encoded by kit.local.logo) drawn to fit a box."""

from __future__ import annotations

import io

from reportlab.lib.colors import white
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Image, Table, TableStyle

from kit.pdf.flowables import Paragraph, clip, safe

LOGO_HEIGHT = 14 * mm
LOGO_WIDTH = 45 * mm  # a wide logo is scaled down to this, keeping its shape
ADDRESS_MAX = 200


def logo(png: bytes, height: float = LOGO_HEIGHT, width: float = LOGO_WIDTH) -> Image:
    """Return PNG as an image flowable fitting HEIGHT x WIDTH, its shape kept."""
    w, h = ImageReader(io.BytesIO(png)).getSize()
    scale = min(height / h, width / w)
    return Image(io.BytesIO(png), width=w * scale, height=h * scale)


def on_white(png: bytes) -> Table:
    """Return the logo on a white tile: any logo reads on the navy banner."""
    tile = Table([[logo(png)]])
    tile.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), white),
                              *[(side, (0, 0), (-1, -1), 3) for side in
                                ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")]]))
    return tile


def letterhead(ctx, width: float) -> list:
    """Return the letter's head: the logo left, the organisation and its address line right (when given)."""
    address = clip(" ".join(ctx.options.address.split()), ADDRESS_MAX)
    if not ctx.options.logo and not address:
        return []
    words = [Paragraph(f"<b>{safe(ctx.organisation)}</b>", ctx.st.body)]
    words += [Paragraph(safe(address), ctx.st.label)] if address else []
    left = logo(ctx.options.logo) if ctx.options.logo else ""
    head = Table([[left, words]], colWidths=[LOGO_WIDTH + 6 * mm, width - LOGO_WIDTH - 6 * mm])
    head.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (0, 0), 0),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 8 * mm / 2)]))
    return [head]
