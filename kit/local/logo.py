"""Make an uploaded logo safe to print: a PNG or an SVG, small, re-encoded without metadata, banner-sized.

A PNG is checked before it is decoded (bombs), then drawn afresh. An SVG is cleaned by kit.local.svg
and kept as cleaned (the accessible HTML twins show it); the documents print a PNG drawn from it
here, once, when it is saved.
"""

from __future__ import annotations

import base64
import binascii
import io
import warnings
import zlib
from dataclasses import dataclass

from PIL import Image

from kit.local.errors import LogoError

MAX_BYTES = 200_000  # a banner logo is a few kilobytes; the app refuses any request over 256 KB anyway
MAX_PIXELS = 16_000_000  # a 4000 x 4000 source at most: a bomb is refused before it is decoded
MAX_SIDE = 10_000
PRINT_HEIGHT_PX = 160  # the banner prints it 12 mm high: 160 px is ~340 dpi there, crisp on any printer
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class Logo:
    """A logo made safe: the PNG the documents print, and the cleaned SVG it was drawn from (if any)."""

    png: bytes
    svg: bytes | None = None


def _looks_like_svg(data: bytes) -> bool:
    """Return whether DATA is XML (so an SVG, or nothing we print): PNGs start with their signature."""
    return data.removeprefix(b"\xef\xbb\xbf").lstrip()[:1] == b"<"


def _opened(data: bytes) -> Image.Image:
    """Return the PNG in DATA, checked but not yet decoded; raise LogoError when it is not one."""
    if not data.startswith(PNG_SIGNATURE):
        raise LogoError("this file is neither a PNG nor an SVG image: upload the logo as a PNG or an SVG")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=["PNG"])
            width, height = image.size
            if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
                raise LogoError(f"the image is {width:,} × {height:,} pixels; the most is "
                                f"{MAX_PIXELS // 1_000_000} million pixels and {MAX_SIDE:,} on a side")
            image.verify()  # checks the chunks' checksums without decoding the pixels
    except LogoError:
        raise
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise LogoError("the image is far too large when opened: upload a smaller PNG") from None
    except Exception:  # noqa: BLE001 - Pillow raises many kinds for a broken file; all mean the same
        raise LogoError("this PNG is damaged or not a PNG: export it again and upload that") from None
    return Image.open(io.BytesIO(data), formats=["PNG"])  # verify() leaves the first one unusable


def _checked_size(data: bytes, kind: str) -> None:
    if not data:
        raise LogoError(f"the file is empty: choose a {kind} of your logo")
    if len(data) > MAX_BYTES:
        raise LogoError(f"the file is {-(-len(data) // 1000):,} KB; the most is {MAX_BYTES // 1000} KB: "
                        f"export a smaller {kind} (a logo prints about 12 mm high)")


def _encoded(image: Image.Image) -> bytes:
    """Return IMAGE scaled to banner height (never up) as a fresh PNG: none of the upload's chunks survive."""
    if image.height > PRINT_HEIGHT_PX:
        width = max(1, round(image.width * PRINT_HEIGHT_PX / image.height))
        image = image.resize((width, PRINT_HEIGHT_PX), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def safe_png(data: bytes) -> bytes:
    """Return DATA as a clean PNG for printing (scaled to banner height, no metadata); raise LogoError."""
    _checked_size(data, "PNG")
    image = _opened(data)
    try:
        image.load()
        # Alpha only when the logo has transparency: an opaque logo printed with a soft mask costs time and bytes.
        image = image.convert("RGBA" if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info else "RGB")
    except Exception:  # noqa: BLE001 - a truncated or corrupt stream fails only when decoded
        raise LogoError("this PNG is damaged: export it again and upload that") from None
    return _encoded(image)


def safe_logo(data: bytes) -> Logo:
    """Return the logo in DATA (PNG or SVG) made safe to print and show; raise LogoError saying why not."""
    if not _looks_like_svg(data):
        return Logo(safe_png(data))
    from kit.local import svg  # noqa: PLC0415 - svglib, lxml and PDFium load only when an SVG arrives

    _checked_size(data, "SVG")
    cleaned = svg.safe_svg(data)
    return Logo(_encoded(svg.rendition(cleaned, PRINT_HEIGHT_PX)), cleaned)


def packed(made: Logo) -> str:
    """Return MADE's source (the cleaned SVG, else the PNG) packed as text, to ride in a form's hidden field."""
    return base64.b64encode(zlib.compress(made.svg or made.png, 9)).decode("ascii")


def unpacked(text: str) -> bytes:
    """Return the logo packed in TEXT, at most MAX_BYTES + 1 long (so the size check still refuses a bomb);
    it is checked again with safe_logo like any upload, since it came back from a browser."""
    try:
        return zlib.decompressobj().decompress(base64.b64decode(text, validate=True), MAX_BYTES + 1)
    except (binascii.Error, zlib.error):
        raise LogoError("the logo kept with the form could not be read: choose the file again") from None
