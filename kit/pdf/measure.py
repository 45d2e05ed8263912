"""Measure stories before laying them out: the frame a page gives a story, and how tall a story is."""

from __future__ import annotations

import io

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether

MARGIN = 16 * mm
FOOTER_ROOM = 10 * mm  # below the frame: the footer line and text


def frame_size(size: tuple[float, float], margin: float = MARGIN) -> tuple[float, float]:
    """Return the width and height that a story has on a page of SIZE."""
    return size[0] - 2 * margin, size[1] - 2 * margin - FOOTER_ROOM


def heights(story: list, width: float) -> list[float]:
    """Return how tall each flowable of STORY is at WIDTH, with its space before and after.

    A KeepTogether answers 'split me' (16.7M pt) to any wrap, so it counts what it holds.
    """
    canv = Canvas(io.BytesIO(), invariant=1)  # measuring only; never saved

    def height(f) -> float:
        """Return F's height, looking inside keep-togethers."""
        if isinstance(f, KeepTogether):
            return sum(height(g) for g in f._content)
        return f.wrapOn(canv, width, 1e6)[1] + f.getSpaceBefore() + f.getSpaceAfter()
    return [height(f) for f in story]


def story_height(story: list, width: float) -> float:
    """Return roughly how tall STORY is at WIDTH (ignoring page breaks), to choose a layout."""
    return sum(heights(story, width))
