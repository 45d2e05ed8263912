"""A phone photo of a printed page, modelled with Pillow: how a pupil's camera sees a QR code.

The page is printed (grey laser contrast), held a few degrees off square and tilted away
(rotation and perspective), seen at about 75 dots per inch (a phone at arm's length across an A4
page), slightly out of focus (blur) and saved as a JPEG.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

import zxingcpp
from PIL import Image, ImageFilter

PRINT_DPI = 300  # the page as printed, before the camera sees it


@dataclass(frozen=True)
class Camera:
    """How a phone sees a printed page: resolution, focus, angle, tilt and JPEG quality."""

    dpi: float = 75
    blur: float = 0.7  # Gaussian radius in camera pixels
    degrees: float = 3.0
    tilt: float = 0.04  # how much farther edge shrinks (perspective), as a share of the width
    quality: int = 60
    ink: int = 60  # the darkest grey a laser prints, 0-255
    paper: int = 220  # the lightest grey paper photographs as, 0-255


def printed(page) -> Image.Image:
    """Return a pypdfium2 PAGE as printed: greyscale at PRINT_DPI with laser contrast squeezed later."""
    return page.render(scale=PRINT_DPI / 72, grayscale=True).to_pil().convert("L")


def tilted(image: Image.Image, tilt: float) -> Image.Image:
    """Return IMAGE seen tilted away: the top edge TILT of the width narrower than the bottom."""
    w, h = image.size
    inset = w * tilt / 2
    # Quad corners (source) for the output's corners: upper-left, lower-left, lower-right, upper-right.
    quad = (-inset, 0, 0, h, w, h, w + inset, 0)
    return image.transform(image.size, Image.Transform.QUAD, quad, Image.Resampling.BILINEAR,
                           fillcolor=255)


def photograph(image: Image.Image, camera: Camera) -> Image.Image:
    """Return IMAGE (a printed page at PRINT_DPI) as CAMERA photographs it."""
    span = camera.paper - camera.ink
    image = image.point(lambda v: camera.ink + v * span // 255)
    image = image.rotate(camera.degrees, resample=Image.Resampling.BILINEAR, expand=True,
                         fillcolor=camera.paper)
    image = tilted(image, camera.tilt)
    scale = camera.dpi / PRINT_DPI
    size = (max(1, math.floor(image.width * scale)), max(1, math.floor(image.height * scale)))
    image = image.resize(size, Image.Resampling.BOX).filter(ImageFilter.GaussianBlur(camera.blur))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=camera.quality)
    return Image.open(io.BytesIO(buffer.getvalue())).convert("L")


def scanned(page, camera: Camera = Camera()) -> list[str]:
    """Return the texts of the QR codes a phone finds in a photo of the printed PAGE."""
    photo = photograph(printed(page), camera)
    return [r.text for r in zxingcpp.read_barcodes(photo, formats=zxingcpp.BarcodeFormat.QRCode)]
