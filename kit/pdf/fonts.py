"""Source Sans Pro from its package dependency, registered once per process.

ReportLab's built-in fonts have no glyphs for Welsh ŵ and ŷ (they print black boxes without an
error), so every document uses these TTFs; ReportLab embeds and subsets them automatically.
"""

from __future__ import annotations

import io
from functools import cache
from importlib import resources

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "SourceSansPro"
BOLD = "SourceSansPro-Bold"
ITALIC = "SourceSansPro-It"
BOLD_ITALIC = "SourceSansPro-BoldIt"

# ReportLab name -> file inside the font_source_sans_pro package.
FACES = {
    REGULAR: "SourceSansPro-Regular.ttf",
    BOLD: "SourceSansPro-Bold.ttf",
    ITALIC: "SourceSansPro-It.ttf",
    BOLD_ITALIC: "SourceSansPro-BoldIt.ttf",
}


def font_bytes(filename: str) -> bytes:
    """Return the bytes of FILENAME from the font package (works from a wheel or a zip)."""
    return resources.files("font_source_sans_pro").joinpath("files", filename).read_bytes()


@cache
def register() -> str:
    """Register the four faces and their family once; return the family name."""
    for name, filename in FACES.items():
        font = TTFont(name, io.BytesIO(font_bytes(filename)))
        pdfmetrics.registerFont(font)
    for bold, italic, name in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, ITALIC), (1, 1, BOLD_ITALIC)):
        addMapping(REGULAR, bold, italic, name)
    return REGULAR


def missing_glyphs(text: str, face: str = REGULAR) -> set[str]:
    """Return the printable characters of TEXT that FACE has no glyph for."""
    register()
    cmap = pdfmetrics.getFont(face).face.charToGlyph
    return {c for c in text if c.isprintable() and not c.isspace() and ord(c) not in cmap}
