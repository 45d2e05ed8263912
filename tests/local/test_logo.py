"""Hostile and ordinary logos: refused in plain words, or made safe (real PNG, small, no metadata)."""

import io
import struct
import zlib

import pytest
from PIL import Image, PngImagePlugin

from kit.local.logo import MAX_BYTES, PRINT_HEIGHT_PX, LogoError, safe_png


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


SVG_SCRIPT = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
SVG_EXTERNAL = b'<svg xmlns="http://www.w3.org/2000/svg"><image href="https://evil.example/x.png"/></svg>'


@pytest.mark.parametrize("data, says", [
    (SVG_SCRIPT, "SVG logos are not accepted"),
    (SVG_EXTERNAL, "SVG logos are not accepted"),
    (b"\x89PNG\r\n\x1a\n" + b"\0" * (50 * 1024 * 1024), "the most is 200 KB"),  # a 50 MB "PNG"
    (b"GIF89a" + b"\0" * 100, "not a PNG image"),
    (b"\xff\xd8\xff\xe0" + b"\0" * 100, "not a PNG image"),  # a JPEG
    (b"", "the file is empty"),
    (png()[:60], "damaged"),  # cut short
    (declared(50_000, 50_000), "far too large when opened"),  # 2.5 gigapixels from a file of a few bytes
    (declared(5_000, 5_000), "5,000 × 5,000 pixels"),  # under Pillow's own limit, over ours
    (declared(12_000, 10), "12,000 × 10 pixels"),  # few pixels, but far too wide to be a logo
], ids=["svg-script", "svg-external", "50mb", "gif", "jpeg", "empty", "truncated", "bomb", "big-bomb", "huge-side"])
def test_a_hostile_logo_is_refused_in_plain_words(data, says):
    with pytest.raises(LogoError) as refused:
        safe_png(data)
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
