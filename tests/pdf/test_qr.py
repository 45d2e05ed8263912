"""Every QR code on every page of every kind scans back to its registry URL, byte for byte."""

from __future__ import annotations

from collections import Counter

import pytest
import zxingcpp
from qrcode.constants import ERROR_CORRECT_M, ERROR_CORRECT_Q
from reportlab.lib.units import mm

from kit.pdf import KINDS, render_document
from kit.pdf.flowables import (
    HANDHELD_MODULE,
    QUIET,
    QRCode,
    error_correction,
    qr_matrix,
    qr_version,
    short_url,
    url_lines,
)
from kit.pdf.styles import styles
from tests.pdf.conftest import pdf_pages, plan_ids

DPI = 150
QR = zxingcpp.BarcodeFormat.QRCode
# Three nations cover every QR-bearing link route: UK-wide, Scotland's own, Wales bilingual.
EDITIONS = (("england", "en"), ("scotland", "en"), ("wales", "bilingual"))
SINGLE_KINDS = [k for k in KINDS if k != "pack"]


def decode(data: bytes) -> list[list[str]]:
    """Return the QR texts found on each page of the PDF DATA rendered at DPI."""
    found = []
    for page in pdf_pages(data):
        image = page.render(scale=DPI / 72, grayscale=True).to_pil()
        found.append([r.text for r in zxingcpp.read_barcodes(image, formats=QR)])
    return found


@pytest.mark.parametrize("kind", SINGLE_KINDS)
@pytest.mark.parametrize("nation, lang", EDITIONS)
@pytest.mark.parametrize("plan_id", plan_ids())
def test_every_code_scans_to_its_registry_url(make_teaching_session, library, plan_id, nation, lang, kind):
    session = make_teaching_session(plan_id, nation, lang)
    rendered = render_document(kind, session)
    registry = {k.url for k in library.links.values() if k.url}
    found = decode(rendered.pdf)
    assert len(found) == len(rendered.qr_urls)
    for page, (drawn, scanned) in enumerate(zip(rendered.qr_urls, found, strict=True), 1):
        assert set(drawn) <= registry, f"page {page} drew a URL not in the registry"
        assert Counter(scanned) == Counter(drawn), f"page {page}"


def test_handout_draws_a_code_for_every_link_with_a_url(make_teaching_session):
    session = make_teaching_session()
    drawn = [url for page in render_document("handout", session).qr_urls for url in page]
    assert sorted(drawn) == sorted(k.url for k in session.links if k.url)


def test_pack_draws_what_its_documents_draw(make_teaching_session):
    session = make_teaching_session()
    pack = [u for page in render_document("pack", session).qr_urls for u in page]
    parts = [u for kind in ("handout", "cards", "poster", "parent-letter")
             for page in render_document(kind, session).qr_urls for u in page]
    assert Counter(pack) == Counter(parts)


@pytest.mark.parametrize("url", [
    "https://www.ceop.police.uk/Safety-Centre/",
    "https://hwb.gov.wales/keeping-safe-online",
    "https://www.scotland.police.uk/advice-and-information/internet-safety/sextortion/",
    "https://stopncii.org/",
])
def test_a_small_code_grows_to_the_module_floor_and_keeps_its_quiet_zone(url):
    code = QRCode(url, 10 * mm)
    assert code.module >= HANDHELD_MODULE >= 0.6 * mm
    assert QRCode(url, 80 * mm).size == 80 * mm
    matrix = qr_matrix(url)
    border = [*matrix[:QUIET], *matrix[-QUIET:], *(row[:QUIET] + row[-QUIET:] for row in matrix)]
    assert not any(any(row) for row in border)


@pytest.mark.parametrize("payload, level", [
    ("x" * 10, ERROR_CORRECT_Q),  # version 1 at M holds Q, not H
    ("https://stopncii.org/", ERROR_CORRECT_M),  # version 2 at M; Q would need version 3
    ("https://www.ceop.police.uk/Safety-Centre/", ERROR_CORRECT_M),  # Q would need version 4
    ("https://www.childline.org.uk/report-remove/", ERROR_CORRECT_Q),  # version 4 at M holds Q
])
def test_error_correction_is_the_strongest_that_costs_no_module(payload, level):
    assert error_correction(payload) == level
    assert qr_version(payload, level) == qr_version(payload, ERROR_CORRECT_M)


@pytest.mark.parametrize("url, short", [
    ("https://www.ceop.police.uk/Safety-Centre/", "ceop.police.uk/Safety-Centre"),
    ("https://stopncii.org/", "stopncii.org"),
    ("https://hwb.gov.wales/keeping-safe-online", "hwb.gov.wales/keeping-safe-online"),
])
def test_short_url_is_printed_without_scheme_or_www(url, short):
    assert short_url(url) == short


def test_a_long_url_breaks_after_a_slash_or_before_a_dot():
    style = styles(18).url.clone("url16", fontSize=16)  # the widths below are set for 16 pt
    assert url_lines("childline.org.uk", style, 500) == "childline.org.uk"
    assert url_lines("revengepornhelpline.org.uk", style, 175) == "revengepornhelpline.org<br/>.uk"
    assert url_lines("hwb.gov.wales/keeping-safe-online", style, 175) == \
        "hwb.gov.wales/<br/>keeping-safe-online"
    assert url_lines("a.uk/?q=<b>", style, 1) == "a<br/>.uk/<br/>?q=&lt;b&gt;"  # escaped, every line
