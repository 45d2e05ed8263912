"""Bar charts drawn as inline SVG on the server: no script, nothing from another site.

Each chart repeats the table beside it, which carries the figures for screen readers; bars are
drawn only for figures printed exactly, so a suppressed figure never shows as a bar length.
"""

from __future__ import annotations

from html import escape

ROW = 26
ROWS_MAX = 40  # a longer table is read as a table: a chart of hundreds of bars helps nobody
LABEL_WIDTH = 200
BAR_WIDTH = 260
VALUE_WIDTH = 110
BAR_COLOUR = "#0b5563"
NEGATIVE_COLOUR = "#8a3b12"
INK = "#1b1f24"


def _clip(text: str, limit: int = 26) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def bar_chart(title: str, rows: list[tuple[str, float | None, str]]) -> str:
    """Return an SVG bar chart of ROWS (label, value or None when hidden, the value as printed)."""
    values = [abs(v) for _, v, _ in rows if v is not None]
    scale = BAR_WIDTH / max(values) if values and max(values) > 0 else 0
    has_negative = any(v is not None and v < 0 for _, v, _ in rows)
    zero = LABEL_WIDTH + (BAR_WIDTH / 2 if has_negative else 0)
    scale = scale / 2 if has_negative else scale
    width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH
    height = ROW * len(rows) + 8
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" role="img" '
             f'aria-label="{escape(title)}: the figures are in the table beside it">']
    for i, (label, value, printed) in enumerate(rows):
        y = i * ROW + 4
        parts.append(f'<text x="{LABEL_WIDTH - 8}" y="{y + 17}" text-anchor="end" font-size="12" '
                     f'fill="{INK}">{escape(_clip(label))}</text>')
        if value is not None and scale:
            length = abs(value) * scale
            x = zero - length if value < 0 else zero
            colour = NEGATIVE_COLOUR if value < 0 else BAR_COLOUR
            parts.append(f'<rect x="{x:.1f}" y="{y + 3}" width="{max(length, 1):.1f}" height="{ROW - 8}" '
                         f'fill="{colour}"/>')
        parts.append(f'<text x="{LABEL_WIDTH + BAR_WIDTH + 6}" y="{y + 17}" font-size="13" '
                     f'fill="{INK}">{escape(printed)}</text>')
    if has_negative:
        parts.append(f'<line x1="{zero}" y1="0" x2="{zero}" y2="{height}" stroke="{INK}" stroke-width="1"/>')
    parts.append("</svg>")
    return "".join(parts)
