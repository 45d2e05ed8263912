"""Colours and paragraph styles: one place decides how every document looks."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import HexColor, white
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from kit.pdf import fonts

# Dark text on white; a dark navy brand with a teal accent; pale tints only behind dark text.
INK = HexColor("#1b1f24")
NAVY = HexColor("#0f2d52")
TEAL = HexColor("#0b5563")
TINT = HexColor("#e9f0f6")
RULE = HexColor("#7f95ab")
WHITE = white

LEADING = 1.35  # generous leading for readers in a hurry
LARGE_PRINT_PT = 18


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of one document, scaled from its body size."""

    pt: int
    body: ParagraphStyle
    second: ParagraphStyle  # the second language of a bilingual document (English)
    small: ParagraphStyle
    title: ParagraphStyle
    banner: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    step: ParagraphStyle
    label: ParagraphStyle
    url: ParagraphStyle
    big: ParagraphStyle
    closing: ParagraphStyle


def _style(name: str, pt: float, font: str = fonts.REGULAR, color=INK, **extra) -> ParagraphStyle:
    """Return a left-aligned style at PT with the house leading."""
    return ParagraphStyle(
        name, fontName=font, fontSize=pt, leading=round(pt * LEADING, 1), textColor=color,
        alignment=TA_LEFT, splitLongWords=1, **extra,
    )


def styles(pt: int) -> Styles:
    """Return the styles for body text at PT points (never below 12)."""
    fonts.register()
    pt = max(pt, 12)
    return Styles(
        pt=pt,
        body=_style("body", pt, spaceAfter=pt * 0.3),
        second=_style("second", pt, fonts.ITALIC, TEAL, spaceAfter=pt * 0.4),
        small=_style("small", max(pt - 2, 10)),
        title=_style("title", pt * 2, fonts.BOLD, NAVY, spaceAfter=pt * 0.5),
        banner=_style("banner", pt * 1.6, fonts.BOLD, WHITE),
        h2=_style("h2", pt * 1.4, fonts.BOLD, NAVY, spaceBefore=pt * 0.6, spaceAfter=pt * 0.3,
                  keepWithNext=1),
        h3=_style("h3", pt * 1.1, fonts.BOLD, TEAL, spaceBefore=pt * 0.5, spaceAfter=pt * 0.2,
                  keepWithNext=1),
        step=_style("step", pt * 1.1, fonts.BOLD, INK, spaceAfter=pt * 0.15),
        label=_style("label", pt, fonts.BOLD, NAVY),
        # Large print prints web addresses at its full 18 pt, as promised; otherwise a little smaller.
        url=_style("url", pt if pt >= LARGE_PRINT_PT else max(pt - (2 if pt >= 14 else 1), 11), color=INK),
        big=_style("big", pt * 2.2, fonts.BOLD, NAVY, spaceAfter=pt * 0.6),
        closing=_style("closing", pt * 1.5, fonts.BOLD, NAVY, spaceBefore=pt * 0.6),
    )


def body_pt(audience_pt: int, large_print: bool) -> int:
    """Return the body size: the audience's size, or large print (18 pt or more)."""
    return max(audience_pt, LARGE_PRINT_PT) if large_print else max(audience_pt, 12)
