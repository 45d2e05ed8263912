"""What the caller may choose about a print run."""

from __future__ import annotations

from dataclasses import dataclass

ORGANISATION_MAX = 80
MAX_COPIES = 200  # a class set or a year group; more is a mistake, not a print run


@dataclass(frozen=True)
class RenderOptions:
    """Print choices: whose name, address and logo are on it, who signs, large print, and how many copies."""

    organisation: str = "Safer Sessions Kit"
    large_print: bool = False
    copies: int = 1  # clamped to 1..MAX_COPIES when printed
    signed: str = ""  # the officer who signs letters: name and role, e.g. "PC Sam Jones, Schools Officer"
    address: str = ""  # the organisation's postal address, printed on letters (lines split by newlines or ", ")
    logo: bytes = b""  # the organisation's logo as PNG bytes, already checked and re-encoded by kit.local
    logo_svg: bytes = b""  # the cleaned SVG that PNG was drawn from, when the force gave one (shown by the twins)
    edition: str = ""  # which saved version of the force's own content (kit.local), in the PDF's keywords
