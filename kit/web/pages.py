"""Page images of a PDF for the preview: drawn by PDFium from the same bytes an officer downloads."""

from __future__ import annotations

import io
import threading

import pypdfium2

DPI = 110  # an A4 page at about 910 x 1290 pixels: QR codes and small print stay legible
MAX_PAGES = 12  # a preview never draws more than this many pages of one document
_pdfium = threading.Lock()  # PDFium is not thread-safe, and waitress serves from threads


def count(data: bytes) -> int:
    """Return how many pages the PDF DATA has (at most MAX_PAGES)."""
    with _pdfium:
        document = pypdfium2.PdfDocument(data)
        try:
            return min(len(document), MAX_PAGES)
        finally:
            document.close()


def png(data: bytes, number: int) -> bytes | None:
    """Return page NUMBER (from 1) of the PDF DATA as PNG bytes, or None when there is no such page."""
    with _pdfium:
        document = pypdfium2.PdfDocument(data)
        try:
            if not 1 <= number <= min(len(document), MAX_PAGES):
                return None
            image = document[number - 1].render(scale=DPI / 72).to_pil()
        finally:
            document.close()
    out = io.BytesIO()
    image.convert("RGB").save(out, format="PNG")
    return out.getvalue()
