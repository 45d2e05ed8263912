"""The outcome return: the dashboard's figures as an A4 PDF for a chief officer or a PCC.

Every chart has its table beside it (a chart is a picture of the table, drawn as vectors); figures
come already suppressed from kit.outcomes.figures, so the PDF shows exactly what the dashboard shows.
"""

from __future__ import annotations

import datetime as dt
import io

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from kit.outcomes.figures import NO_PUPIL_DATA, SUPPRESSION_NOTE, Figures
from kit.pdf import fonts
from kit.pdf.flowables import clip, safe
from kit.pdf.styles import INK, NAVY, RULE, TEAL, TINT, styles

BODY_PT = 12
MARGIN = 16 * mm
BAR_ROW = 14
NEGATIVE = "#8a3b12"
CHART_ROWS_MAX = 30
WRAP_AFTER = 38  # characters: longer cells wrap as paragraphs


def _chart(rows: list[tuple[str, float | None]], width: float) -> Drawing:
    """Return labelled horizontal bars for ROWS (label, value or None when the figure is hidden)."""
    height = BAR_ROW * len(rows) + 4
    drawing = Drawing(width, height)
    label_width = width * 0.42
    room = width - label_width - 8
    values = [abs(v) for _, v in rows if v is not None]
    biggest = max(values, default=0) or 1
    negative = any(v is not None and v < 0 for _, v in rows)
    zero = label_width + 4 + (room / 2 if negative else 0)
    scale = (room / 2 if negative else room) / biggest
    for i, (label, value) in enumerate(rows):
        y = height - (i + 1) * BAR_ROW
        drawing.add(String(label_width - 2, y + 4, clip(label, 48), fontName=fonts.REGULAR, fontSize=8,
                           fillColor=INK, textAnchor="end"))
        if value is None:
            drawing.add(String(zero + 2, y + 4, "hidden", fontName=fonts.ITALIC, fontSize=8, fillColor=INK))
            continue
        length = max(abs(value) * scale, 0.5)
        x = zero - length if value < 0 else zero
        drawing.add(Rect(x, y + 2, length, BAR_ROW - 4, fillColor=NAVY if value >= 0 else NEGATIVE,
                         strokeColor=None))
    if negative:
        drawing.add(Line(zero, 0, zero, height, strokeColor=INK, strokeWidth=0.5))
    return drawing


def _table(header: list[str], rows: list[list[str]], widths: list[float]) -> Table:
    st = styles(BODY_PT)
    cells = [[Paragraph(safe(h), st.label) for h in header]]
    # Short cells print as plain strings (fast for tables of hundreds of rows); long names wrap.
    cells += [[Paragraph(safe(str(c), 200), st.small) if len(str(c)) > WRAP_AFTER else str(c) for c in row]
              for row in rows]
    table = Table(cells, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 1), (-1, -1), fonts.REGULAR), ("FONTSIZE", (0, 1), (-1, -1), st.small.fontSize),
        ("TEXTCOLOR", (0, 1), (-1, -1), INK),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, NAVY), ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("BACKGROUND", (0, 0), (-1, 0), TINT),
    ]))
    return table


def _block(title: str, header: list[str], rows: list[list[str]], bars: list[tuple[str, float | None]] | None,
           width: float) -> list:
    """Return a heading, then the table with its chart beside it."""
    st = styles(BODY_PT)
    if not rows:
        return [Paragraph(safe(title), st.h2), Paragraph("Nothing recorded in this period.", st.body)]
    heading = Paragraph(safe(title), st.h2)
    table = _table(header, rows, _widths(width, len(header)))
    if bars is None or len(rows) > CHART_ROWS_MAX:  # a chart cannot split over pages; the table can
        return [heading, table]
    # The chart, then its table straight below: the table splits over pages if it must.
    return [KeepTogether([heading, _chart(bars, width), Spacer(1, 3 * mm)]), table]


def _widths(width: float, columns: int) -> list[float]:
    """Return column widths: the first (the names) wider than the figures."""
    first = width * 0.46
    return [first] + [(width - first) / (columns - 1)] * (columns - 1)


def _story(figures: Figures, organisation: str, generated: dt.date, width: float) -> list:
    st = styles(BODY_PT)
    f = figures.filters
    scope = "one officer's deliveries" if f.owner_id is not None else "every officer's deliveries"
    story = [
        Paragraph("Outcome return", st.title),
        Paragraph(safe(f"{organisation}: sessions on online grooming and sextortion, "
                       f"{f.start:%d %B %Y} to {f.end:%d %B %Y}"), st.h3),
        Paragraph(safe(f"Audience: {f.audience or 'every audience'}. Nation: {f.nation or 'every nation'}. "
                       f"Covers {scope}. Made on {generated:%d %B %Y}."), st.body),
        Paragraph(safe(f"Sessions delivered: {figures.deliveries:,}. People reached: {figures.people}."), st.h2),
        Paragraph(safe(NO_PUPIL_DATA), st.body), Paragraph(safe(SUPPRESSION_NOTE), st.small), Spacer(1, 4 * mm),
    ]
    for b in figures.breakdowns:
        bars = None if b.withheld else [(r.label, r.bar) for r in b.rows]
        story += _block(f"Reach {b.title.lower()}", [b.title[3:].capitalize(), "Delivered", "People"],
                        [[r.label, f"{r.deliveries:,}", r.people] for r in b.rows], bars, width)
        if b.withheld:
            story.append(Paragraph("People reached are withheld: the groups are too small to show safely.", st.small))
    story += _block("Mean learning gain per question", ["Question", "Deliveries", "Before", "After", "Change"],
                    [[r.label, f"{r.deliveries:,}", r.before, r.after, r.change] for r in figures.questions],
                    [(r.label, r.value) for r in figures.questions], width)
    story += _block("Mean learning gain per module", ["Module", "Deliveries", "Change"],
                    [[r.label, f"{r.deliveries:,}", r.change] for r in figures.modules],
                    [(r.label, r.value) for r in figures.modules], width)
    return story


def _footer(canvas, doc) -> None:
    canvas.saveState()
    canvas.setFont(fonts.REGULAR, 9)
    canvas.setFillColor(TEAL)
    canvas.drawString(MARGIN, 10 * mm, "Outcome return. Class-level counts only: no pupil data is held.")
    canvas.drawRightString(A4[0] - MARGIN, 10 * mm, f"Page {doc.page}")
    canvas.restoreState()


def render(figures: Figures, organisation: str, generated: dt.date) -> bytes:
    """Return the outcome return for FIGURES as PDF bytes (byte-identical for the same input)."""
    fonts.register()
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                            bottomMargin=MARGIN + 6 * mm, title="Outcome return", author=organisation,
                            subject="Sessions delivered, people reached and learning gain", lang="en-GB",
                            invariant=1)
    doc.build(_story(figures, organisation, generated, doc.width), onFirstPage=_footer, onLaterPages=_footer)
    return out.getvalue()
