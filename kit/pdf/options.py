"""What the caller may choose about a print run."""

from __future__ import annotations

from dataclasses import dataclass

ORGANISATION_MAX = 80
MAX_COPIES = 200  # a class set or a year group; more is a mistake, not a print run


@dataclass(frozen=True)
class RenderOptions:
    """Print choices: whose name is on it, who signs, large print, and how many copies (a class set)."""

    organisation: str = "Safer Sessions Kit"
    large_print: bool = False
    copies: int = 1  # clamped to 1..MAX_COPIES when printed
    signed: str = ""  # the officer who signs letters: name and role, e.g. "PC Sam Jones, Schools Officer"
    # Force-local details (kit.local): the letter's address line, the logo as a PNG already checked and
    # re-encoded by kit.local.logo (never raw upload bytes), and which saved version they came from.
    address: str = ""
    logo: bytes | None = None
    edition: str = ""  # e.g. "Local content version 3, saved 30 November 2026": in the PDF's keywords
