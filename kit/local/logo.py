"""Make an uploaded logo safe to print: a real PNG, small, re-encoded without metadata, banner-sized.

SVG is refused: an SVG is a program-like document (scripts, external references, entity tricks), and
no SVG converter we could ship offline is both well kept and free of network access by default. A
force exports its logo as PNG once; the message says so.
"""

from __future__ import annotations

import io
import warnings

from PIL import Image

MAX_BYTES = 200_000  # a banner logo is a few kilobytes; the app refuses any request over 256 KB anyway
MAX_PIXELS = 16_000_000  # a 4000 x 4000 source at most: a bomb is refused before it is decoded
MAX_SIDE = 10_000
PRINT_HEIGHT_PX = 160  # the banner prints it 12 mm high: 160 px is ~340 dpi there, crisp on any printer
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class LogoError(ValueError):
    """The upload is not a logo we can print; the message says why in plain words."""


def _looks_like_svg(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    return head.startswith(b"<?xml") or b"<svg" in head


def _opened(data: bytes) -> Image.Image:
    """Return the PNG in DATA, checked but not yet decoded; raise LogoError when it is not one."""
    if _looks_like_svg(data):
        raise LogoError("SVG logos are not accepted (an SVG can carry scripts and links to other sites): "
                        "export your logo as a PNG and upload that")
    if not data.startswith(PNG_SIGNATURE):
        raise LogoError("this file is not a PNG image: upload the logo as a PNG")
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


def safe_png(data: bytes) -> bytes:
    """Return DATA as a clean PNG for printing (scaled to banner height, no metadata); raise LogoError."""
    if not data:
        raise LogoError("the file is empty: choose a PNG of your logo")
    if len(data) > MAX_BYTES:
        raise LogoError(f"the file is {len(data) // 1000:,} KB; the most is {MAX_BYTES // 1000} KB: "
                        "export a smaller PNG (a logo prints about 12 mm high)")
    image = _opened(data)
    try:
        image.load()
        # Alpha only when the logo has transparency: an opaque logo printed with a soft mask costs time and bytes.
        image = image.convert("RGBA" if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info else "RGB")
    except Exception:  # noqa: BLE001 - a truncated or corrupt stream fails only when decoded
        raise LogoError("this PNG is damaged: export it again and upload that") from None
    if image.height > PRINT_HEIGHT_PX:
        width = max(1, round(image.width * PRINT_HEIGHT_PX / image.height))
        image = image.resize((width, PRINT_HEIGHT_PX), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)  # a fresh file: none of the upload's chunks or text survive
    return out.getvalue()
