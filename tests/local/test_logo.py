"""Hostile and ordinary logos: refused in plain words, or made safe (real PNG, small, no metadata)."""

import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin

from kit.local.logo import MAX_BYTES, PRINT_HEIGHT_PX, LogoError, safe_logo, safe_png


def png(size=(300, 100), mode="RGBA", **info) -> bytes:
    """Return a real PNG of SIZE, with text chunks INFO."""
    meta = PngImagePlugin.PngInfo()
    for key, value in info.items():
        meta.add_text(key, value)
    out = io.BytesIO()
    Image.new(mode, size, (10, 40, 120, 255) if mode == "RGBA" else 0).save(out, "PNG", pnginfo=meta)
    return out.getvalue()


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def declared(width: int, height: int) -> bytes:
    """Return a tiny file that says it is a WIDTH x HEIGHT PNG (a decompression bomb's header)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 1000))
            + chunk(b"IEND", b""))


SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 40 15">'
SQUARE = '<rect width="10" height="10" fill="#143c8c"/>'


def svg(inner: str = SQUARE, head: str = "", open_tag: str = SVG_OPEN) -> bytes:
    """Return an SVG holding INNER, after HEAD (an XML declaration or DOCTYPE)."""
    return f"{head}{open_tag}{inner}</svg>".encode()


SVG_SCRIPT = svg("<script>alert(1)</script>" + SQUARE, '<?xml version="1.0"?>')
SVG_EXTERNAL = svg('<image href="https://evil.example/x.png" width="5" height="5"/>')
LAUGHS = ('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
          + "".join(f'<!ENTITY {c} "{f"&{p};" * 10}">' for p, c in zip("bcdefgh", "cdefghi", strict=True)) + "]>")
USE_BOMB = ('<defs><g id="g0">' + SQUARE + "</g>" + "".join(f'<g id="g{i}">' + f'<use href="#g{i - 1}"/>' * 10 + "</g>"
                                                       for i in range(1, 7)) + '</defs><use href="#g6"/>')
XXE = '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'


@pytest.mark.parametrize("data, says", [
    (SVG_SCRIPT, "a script (<script>)"),
    (svg(SQUARE, open_tag=SVG_OPEN.replace(">", ' onload="alert(1)">')), "event handler (onload on <svg>)"),
    (svg(SQUARE.replace("/>", ' onclick="x()"/>')), "event handler (onclick on <rect>)"),
    (SVG_EXTERNAL, "a picture inside the SVG (<image>)"),
    (svg('<use xlink:href="https://evil.example/x.svg#a"/>'), 'refers to another file or site (href="https://evil'),
    (svg('<use href="file:///etc/passwd"/>'), 'refers to another file or site (href="file:///etc/passwd")'),
    (svg('<rect width="5" height="5" style="fill:url(https://evil.example/p)"/>'),
     "style refers to another file or site (url(https://evil.example/p))"),
    (svg('<style>@import "https://evil.example/x.css";</style>' + SQUARE), "imports another file (@import)"),
    (svg('<foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject>'), "(<foreignObject>)"),
    (svg("<title>&i;</title>" + SQUARE, LAUGHS), "declares its own entities"),  # billion laughs
    (svg("<title>&x;</title>" + SQUARE, XXE), "declares its own entities"),  # reads a file when expanded
    (svg(SQUARE, '<!DOCTYPE svg SYSTEM "file:///etc/passwd">'), "declares its own entities"),
    (svg("<title>&x;</title>" + SQUARE), "not well-formed XML (Entity 'x' not defined"),
    (b"<svg " + b" " * (50 * 1024 * 1024), "the file is 52,429 KB; the most is 200 KB: export a smaller SVG"),
    (svg(SQUARE, open_tag='<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1e9 1e9">'), "at most 100,000"),
    (svg(SQUARE, open_tag='<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="10">'), "at most 20 times"),
    (svg(SQUARE, open_tag='<svg xmlns="http://www.w3.org/2000/svg">'), "does not say its size"),
    (svg(""), "draws nothing"),
    (svg('<path d="M x y L"/>'), "shapes we cannot draw (a broken path, transform or number)"),
    (svg('<circle r="1e308" cx="0" cy="0"/>'), "shapes we cannot draw"),
    (svg('<rect width="5" height="5" transform="matrix(1)"/>'), "shapes we cannot draw"),
    (svg('<rect width="5" height="5" stroke-dasharray="0 0"/>'), "shapes we cannot draw"),
    (svg(USE_BOMB), "repeats its shapes (<use>) more than 20,000 times"),  # a million rectangles from 70
    (svg('<g id="a"><use href="#a"/></g>'), "refers to itself"),
    (svg("<path d=\"M0 0h1\"/>" * 5001), "more than 5,000 elements"),
    (svg('<text x="1" y="9">Police</text>'), "convert the text to outlines"),
    (b'<html><body>a web page</body></html>', "not an SVG image"),
    (svg(SQUARE)[:-8], "not well-formed XML"),
    (b"\x89PNG\r\n\x1a\n" + b"\0" * (50 * 1024 * 1024), "the most is 200 KB"),  # a 50 MB "PNG"
    (b"GIF89a" + b"\0" * 100, "neither a PNG nor an SVG"),
    (b"\xff\xd8\xff\xe0" + b"\0" * 100, "neither a PNG nor an SVG"),  # a JPEG
    (b"", "the file is empty"),
    (png()[:60], "damaged"),  # cut short
    (declared(50_000, 50_000), "far too large when opened"),  # 2.5 gigapixels from a file of a few bytes
    (declared(5_000, 5_000), "5,000 × 5,000 pixels"),  # under Pillow's own limit, over ours
    (declared(12_000, 10), "12,000 × 10 pixels"),  # few pixels, but far too wide to be a logo
], ids=["svg-script", "svg-onload", "svg-onclick", "svg-image", "svg-use-site", "svg-use-file", "svg-css-url",
        "svg-css-import", "svg-foreign-object", "svg-billion-laughs", "svg-xxe", "svg-system-doctype",
        "svg-undeclared-entity", "svg-50mb", "svg-huge-viewbox", "svg-ribbon", "svg-no-size", "svg-empty",
        "svg-bad-path", "svg-huge-number", "svg-bad-transform", "svg-zero-dash",
        "svg-use-bomb", "svg-use-loop", "svg-too-many", "svg-text", "html", "svg-truncated", "50mb", "gif",
        "jpeg", "empty", "truncated", "bomb", "big-bomb", "huge-side"])
def test_a_hostile_logo_is_refused_in_plain_words(data, says):
    with pytest.raises(LogoError) as refused:
        safe_logo(data)
    assert says in str(refused.value)
    assert "Traceback" not in str(refused.value)


def test_a_png_is_re_encoded_without_its_metadata_and_scaled_to_the_banner():
    tall = png((900, 600), Comment="secret location 51.5,-0.1")
    made = safe_png(tall)
    image = Image.open(io.BytesIO(made))
    assert image.format == "PNG" and image.size == (240, PRINT_HEIGHT_PX)
    assert b"secret location" not in made and not image.text


def test_a_small_logo_keeps_its_size_and_alpha_only_when_it_has_transparency():
    image = Image.open(io.BytesIO(safe_png(png((120, 40), mode="L"))))
    assert image.size == (120, 40) and image.mode == "RGB"
    assert Image.open(io.BytesIO(safe_png(png((120, 40))))).mode == "RGBA"


def test_the_size_cap_is_exact():
    assert len(png()) < MAX_BYTES
    with pytest.raises(LogoError):
        safe_png(png() + b"\0" * MAX_BYTES)


INKSCAPE = (Path(__file__).parent / "logo.svg").read_bytes()  # as Inkscape saves it: notes, metadata, DOCTYPE


def test_an_svg_is_cleaned_of_editors_notes_and_printed_as_a_banner_sized_png():
    made = safe_logo(INKSCAPE)
    assert made.svg.startswith(b"<svg") and b'xlink:href="#star"' in made.svg and b"url(#blue)" in made.svg
    for gone in (b"DOCTYPE", b"Inkscape", b"inkscape", b"sodipodi", b"C:/Users", b"Comms team", b"metadata"):
        assert gone not in made.svg
    assert safe_logo(made.svg) == made  # cleaning is stable: a kept logo checks the same again
    image = Image.open(io.BytesIO(made.png))
    assert image.format == "PNG" and image.height == PRINT_HEIGHT_PX and image.mode == "RGB"
    assert abs(image.width / image.height - 120 / 45) < 0.02
    # The drawing is there: the red band at the right, the blue disc at the left, a white star inside it.
    assert image.getpixel((int(image.width * 0.75), image.height // 2))[:3] == (200, 30, 30)
    disc = image.getpixel((int(image.width * 0.06), image.height // 2))
    assert disc[2] > 80 and disc[0] < 60
    assert image.getpixel((int(image.width * 0.1875), image.height // 2)) == (255, 255, 255)
