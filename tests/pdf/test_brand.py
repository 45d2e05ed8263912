"""The organisation's logo in the handout's banner and its letterhead (logo, name, address) on letters."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image, ImageDraw
from reportlab.lib.units import mm

from kit.pdf import RenderOptions, render
from kit.pdf.brand import ADDRESS_LINE_MAX, address_lines
from kit.pdf.story import Context
from tests.pdf.conftest import pdf_pages, plan_ids

ADDRESS = "Police HQ, 1 High Street\nNewtown, NT1 2AB"


def png(width: int = 400, height: int = 150) -> bytes:
    """Return a made-up logo: a navy disc and a red bar on white, as PNG bytes."""
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    draw.ellipse((10, 10, height - 10, height - 10), fill=(20, 60, 140))
    draw.rectangle((height + 10, height // 3, width - 10, 2 * height // 3), fill=(200, 30, 30))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def branded(**extra) -> RenderOptions:
    """Return print options with an organisation, its address and logo."""
    return RenderOptions(organisation="Example Police Safer Schools", address=ADDRESS, logo=png(), **extra)


def images(data: bytes) -> int:
    """Return how many image XObjects the PDF DATA holds."""
    return len(re.findall(rb"/Subtype\s*/Image", data))


@pytest.mark.parametrize("kind", ["handout", "handout-a5", "parent-letter"])
def test_the_logo_is_drawn_once_whatever_the_copies(make_teaching_session, kind):
    session = make_teaching_session("lower-secondary-core")
    assert images(render(kind, session, RenderOptions())) == 0
    assert images(render(kind, session, branded())) == 1
    one, class_set = render(kind, session, branded()), render(kind, session, branded(copies=30))
    assert images(class_set) == 1 and len(class_set) <= 1.3 * len(one)


def test_the_logo_sits_in_the_navy_banner_beside_the_title(make_teaching_session):
    data = render("handout", make_teaching_session("lower-secondary-core"), branded())
    for page in pdf_pages(data):
        image = page.render(scale=1).to_pil().convert("RGB")  # 1 px a point
        text = page.get_textpage().get_text_range()
        break
    # The logo's red bar is drawn at the banner's right (the band runs from 13 mm to about 45 mm).
    red = [(x, y) for x in range(image.width // 2, image.width) for y in range(0, 200)
           if image.getpixel((x, y))[0] > 180 and image.getpixel((x, y))[1] < 60]
    assert red, "no logo in the banner"
    assert 13 * mm < min(y for _, y in red) and max(y for _, y in red) < 50 * mm
    assert "Example Police Safer Schools" in text


def pages_read(data: bytes) -> list[tuple[str, float, float]]:
    """Return each page's text, the top of its highest character and the page's height (pt)."""
    out = []
    for page in pdf_pages(data):
        text = page.get_textpage()
        top = max(text.get_charbox(i)[3] for i in range(text.count_chars()))
        out.append((text.get_text_range(), top, page.get_height()))
    return out


@pytest.mark.parametrize("plan_id", plan_ids())
@pytest.mark.parametrize("nation, lang", [("england", "en"), ("wales", "bilingual")])
def test_a_letterhead_costs_the_letter_no_page(make_teaching_session, plan_id, nation, lang):
    session = make_teaching_session(plan_id, nation, lang)
    plain = pages_read(render("parent-letter", session, RenderOptions()))
    headed = pages_read(render("parent-letter", session, branded(signed="PC Sam Jones, Schools Officer")))
    assert len(headed) == len(plain) == len(session.langs), f"{len(headed)} pages, {len(plain)} without it"
    text, top, height = headed[0]
    assert "Police HQ, 1 High Street" in text and "Newtown, NT1 2AB" in text
    assert top <= height - 4 * mm, "the letterhead runs into the sheet's unprintable edge"
    assert all("Police HQ" not in text for text, _, _ in headed[1:]), "one letterhead, on the first page"


def test_no_letterhead_without_an_address_or_logo(make_teaching_session):
    session = make_teaching_session("lower-secondary-core")
    text, _, _ = pages_read(render("parent-letter", session, RenderOptions(organisation="Example Police")))[0]
    assert text.lstrip().startswith("Dear parent or carer")


@pytest.mark.parametrize("address, lines", [
    ("", []),
    ("  Police HQ\r\n\r\n  1 High   Street ", ["Police HQ", "1 High Street"]),
    ("A\nB\nC\nD", ["A", "B, C, D"]),
    ("x" * 500, ["x" * (ADDRESS_LINE_MAX - 1) + "…"]),
])
def test_address_lines_are_tidied_and_capped(make_teaching_session, address, lines):
    ctx = Context.of(make_teaching_session("lower-secondary-core"), RenderOptions(address=address))
    assert address_lines(ctx) == lines


def test_markup_in_an_address_prints_literally(make_teaching_session):
    options = RenderOptions(address='<b>HQ</b> <font color="[[[x]]]">1 Street</font>')
    data = render("parent-letter", make_teaching_session("lower-secondary-core"), options)
    text = "".join(page.get_textpage().get_text_range() for page in pdf_pages(data))
    assert '<b>HQ</b> <font color="[[[x]]]">1 Street</font>' in text
