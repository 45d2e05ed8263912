"""What the caller may choose about a print run."""

from __future__ import annotations

from dataclasses import dataclass

ORGANISATION_MAX = 80


@dataclass(frozen=True)
class RenderOptions:
    """Print choices: whose name is on it, large print, and how many copies (a class set)."""

    organisation: str = "Safer Sessions Kit"
    large_print: bool = False
    copies: int = 1
