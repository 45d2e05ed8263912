"""QR codes scan where they are used: module and code sizes per kind, and codes found in a phone photo."""

from __future__ import annotations

from collections import Counter

import pytest
from reportlab.lib.units import mm

from kit.pdf import KINDS
from tests.pdf.conftest import pdf_pages, plan_ids
from tests.pdf.photo import Camera, scanned

# kind -> (smallest module, smallest code) in mm. Handheld documents are read at arm's length;
# the poster from a step or two away.
FLOORS = {"handout": (0.7, 0), "handout-a5": (0.7, 0), "cards": (0.7, 0), "parent-letter": (0.7, 0),
          "poster": (1.2, 40)}
CAMERAS = {kind: Camera() for kind in FLOORS} | {"poster": Camera(dpi=40)}
# Every nation's links; in Wales the bilingual edition, the tightest layout of the same links
# (Welsh or English alone prints the same codes with more room). Every plan, usual and large print.
EDITIONS = [("england", "en"), ("scotland", "en"), ("northern-ireland", "en"), ("wales", "bilingual")]


def smallest(rendered) -> tuple[float, float]:
    """Return the smallest code and the smallest module drawn, in mm (inf when none)."""
    codes = [c for sheet in rendered.codes for c in sheet]
    return (min((c.size / mm for c in codes), default=float("inf")),
            min((c.module_mm for c in codes), default=float("inf")))


@pytest.mark.parametrize("nation, lang", EDITIONS)
@pytest.mark.parametrize("plan_id", plan_ids())
def test_codes_meet_their_floor_and_large_print_never_shrinks_them(rendered, plan_id, nation, lang):
    for kind, (module_floor, size_floor) in FLOORS.items():
        usual = rendered(kind, plan_id, nation, lang, False)
        large = rendered(kind, plan_id, nation, lang, True) if KINDS[kind].large_print else usual  # A4 only
        for document in (usual, large):  # not `rendered`: that is the fixture, needed for the next kind
            size, module = smallest(document)
            assert module >= module_floor, f"{kind}: a module of {module:.2f} mm"
            assert size >= size_floor, f"{kind}: a code of {size:.1f} mm"
        assert smallest(large)[0] >= smallest(usual)[0], f"{kind}: large print shrank a code"


PHOTOGRAPHED = [("lower-secondary-core", "england", "en", False),
                ("upper-primary-core", "wales", "bilingual", False),
                ("parents-carers-core", "scotland", "en", True),
                ("adults-core", "northern-ireland", "en", False)]


@pytest.mark.parametrize("kind, plan_id, nation, lang, large",
                         [(kind, *case) for case in PHOTOGRAPHED for kind in FLOORS
                          if KINDS[kind].large_print or not case[-1]])
def test_a_phone_photo_finds_every_code(rendered, plan_id, nation, lang, large, kind):
    """Every code drawn is found in a phone photo of its printed sheet (representative editions:
    every audience group, every nation, bilingual and large print; the photo model is slow)."""
    document = rendered(kind, plan_id, nation, lang, large)
    drawn = found = 0
    for page, codes in zip(pdf_pages(document.pdf), document.qr_urls, strict=True):
        if not codes:
            continue
        seen = Counter(scanned(page, CAMERAS[kind]))
        drawn += len(codes)
        found += sum(min(n, seen[url]) for url, n in Counter(codes).items())
    assert found == drawn, f"{kind}: found {found} of {drawn} codes drawn"
