"""QR codes as inline SVG, from the same module matrix the PDFs draw (kit.pdf.flowables)."""

from __future__ import annotations

from kit.pdf.flowables import dark_runs, qr_matrix


def qr_svg(payload: str) -> str:
    """Return an SVG drawing PAYLOAD's QR code: one path, one unit per module, quiet zone included."""
    matrix = qr_matrix(payload)
    n = len(matrix)
    runs = [f"M{start} {y}h{length}v1h-{length}z" for y, row in enumerate(matrix) for start, length in dark_runs(row)]
    # crispEdges keeps module edges sharp when the code is scaled to the slide.
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {n} {n}" class="qr" '
            f'shape-rendering="crispEdges" aria-hidden="true" focusable="false">'
            f'<rect width="{n}" height="{n}" fill="#fff"/><path fill="#000" d="{"".join(runs)}"/></svg>')
