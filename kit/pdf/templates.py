"""Page templates: lay a story out once into forms, give each page its footer, print the sheets."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import cache

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import BaseDocTemplate, Frame
from reportlab.platypus.tables import CellStyle

from kit.pdf import fonts
from kit.pdf.measure import FOOTER_ROOM, MARGIN, frame_size
from kit.pdf.sheets import FormPage, PageForm, Rendered, SheetCanvas
from kit.pdf.styles import INK, NAVY, RULE


def footer_lines(text: str, pt: float, room: float) -> list[str]:
    """Return TEXT as the lines it prints on in ROOM at PT: broken between its parts (after " · "
    or " / "), never shrunk below a readable size."""
    lines = [""]
    for part in re.split(r"(?<= · )|(?<= / )", text):
        if lines[-1] and stringWidth(lines[-1] + part, fonts.REGULAR, pt) > room:
            lines.append("")
        lines[-1] += part
    return [line.rstrip(" ·/") if n < len(lines) - 1 else line for n, line in enumerate(lines)]


@dataclass(frozen=True)
class Meta:
    """What the PDF says about itself, and the footer every page carries."""

    title: str
    subject: str
    author: str
    lang: str  # "en-GB" or "cy"
    footer: str  # e.g. "Advice checked on 26 November 2026"
    page_label: str = "Page {n} of {total}"
    footer_pt: float = 10  # 12 in large print
    accessible: str = ""  # on the last page: where the accessible (web page) version is
    keywords: str = ""  # e.g. which saved version of the force's own content it printed

@cache
def configure() -> None:
    """Write binary (not ASCII85) streams: smaller files and no slow pure-Python encoding; set
    table cells in the embedded font (a cell holding a plain string otherwise names Helvetica,
    which is never embedded).

    Process-wide and set once, never toggled, so concurrent builds stay byte-identical.
    """
    rl_config.useA85 = 0
    fonts.register()
    CellStyle.fontname = fonts.REGULAR


class Output:
    """One PDF being made: stories are laid out into forms, then printed as sheets."""

    def __init__(self, meta: Meta):
        configure()
        self.meta = meta
        self.buffer = io.BytesIO()
        self._forms = 0
        self.canv = SheetCanvas(self.buffer, pagesize=A4, invariant=1, lang=meta.lang,
                                initialFontName=fonts.REGULAR, pageCompression=1)
        self.canv.setTitle(meta.title)
        self.canv.setSubject(meta.subject)
        self.canv.setAuthor(meta.author)
        self.canv.setCreator(meta.author)
        self.canv.setKeywords(meta.keywords)
        self.canv.setViewerPreference("DisplayDocTitle", "true")  # the title, not the file name
        self.depth = 0  # the outline level of headings: 1 inside a pack, under the document's title

    def bookmark(self, title: str) -> None:
        """Open the next printed sheet with a bookmark TITLE; headings after it nest under it."""
        self.canv.outline.append((title, 0))
        self.depth = 1

    def layout(self, story: list, size=A4, margin: float = MARGIN, meta: Meta | None = None) -> list[PageForm]:
        """Lay STORY out on pages of SIZE; return the pages, each with its footer (META's, else the
        document's: an edition in one language of a bilingual pair numbers its own pages)."""
        meta = meta or self.meta
        doc = BaseDocTemplate(io.BytesIO(), pagesize=size, invariant=1, title=meta.title,
                              author=meta.author, subject=meta.subject,
                              creator=meta.author, lang=meta.lang, keywords=meta.keywords)
        frame = Frame(margin, margin + FOOTER_ROOM, *frame_size(size, margin),
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        doc.addPageTemplates([FormPage(id="page", frames=[frame], pagesize=size)])
        doc.afterFlowable = self._outline
        start = len(self.canv.forms)
        self.canv.collecting = True
        try:
            doc.build(story, canvasmaker=lambda *args, **kwargs: self.canv)
        finally:
            self.canv.collecting = False
        pages = self.canv.forms[start:]
        for number, page in enumerate(pages, 1):
            page.footer = self._footer(page, number, len(pages), margin, meta)
        return pages

    def _outline(self, flowable) -> None:
        """Bookmark a heading that asks for it (it has an outline title) on the page it begins."""
        title = getattr(flowable, "outline_title", None)
        if title:
            self.canv.forms[-1].outline.append((title, self.depth))

    def form(self, prefix: str, size: tuple[float, float], draw, bleed: float = 0) -> PageForm:
        """Record what DRAW(canvas) draws as a form of SIZE (a card, a footer), BLEED past its edges."""
        self._forms += 1
        page = PageForm(f"{prefix}{self._forms}", size)
        self.canv.setPageSize(size)
        self.canv.beginForm(page.name, -bleed, -bleed, size[0] + bleed, size[1] + bleed)
        self.canv.qr_log, self.canv.link_log = page.qr, page.links
        draw(self.canv)
        self.canv.qr_log = self.canv.link_log = None
        self.canv.endForm()
        return page

    def _footer(self, page: PageForm, number: int, total: int, margin: float, meta: Meta) -> str:
        """Record META's footer on PAGE: advice date and organisation left, page number right; on
        the last page, where the accessible version is, above the rule."""
        pt = meta.footer_pt

        def draw(canv):
            """Draw the rule, the footer text and the page number."""
            width = page.size[0]
            canv.setStrokeColor(RULE)
            canv.setLineWidth(0.6)
            canv.line(margin, margin + 5 * mm, width - margin, margin + 5 * mm)
            label = meta.page_label.format(n=number, total=total)
            room = width - 2 * margin - stringWidth(label, fonts.REGULAR, pt) - 6 * mm
            canv.setFillColor(INK)
            canv.setFont(fonts.REGULAR, pt)
            for n, line in enumerate(footer_lines(meta.footer, pt, room)):
                canv.drawString(margin, margin - n * pt * 1.15, line)
            if number == total and meta.accessible:
                # One line between the frame and the rule: a long organisation name makes it smaller,
                # never wider than the page.
                fits = pt * (width - 2 * margin) / stringWidth(meta.accessible, fonts.REGULAR, pt)
                canv.setFont(fonts.REGULAR, min(pt, fits))
                canv.drawString(margin, margin + 5 * mm + 3, meta.accessible)
            canv.setFillColor(NAVY)
            canv.drawRightString(width - margin, margin, label)
        return self.form(f"{page.name}F", page.size, draw).name

    def print_pages(self, pages: list[PageForm], copies: int = 1) -> None:
        """Print each page on its own sheet, COPIES times over (links on the first copy: a class set is
        for paper, and a link is one annotation more on every sheet)."""
        for copy in range(max(copies, 1)):
            for page in pages:
                self.canv.setPageSize(page.size)
                self.canv.place(page, links=copy == 0)
                self.canv.showPage()

    def print_two_up(self, pages: list[PageForm], copies: int = 1, right: list[PageForm] | None = None) -> None:
        """Print A5 pages two to an A4 landscape sheet, with a dashed cut line between: two copies
        of each page, or each of PAGES beside the same page of RIGHT (another edition) COPIES times."""
        sheet = landscape(A4)
        sheets = copies if right is not None else (copies + 1) // 2
        right = pages if right is None else right
        for copy in range(max(sheets, 1)):
            for n in range(max(len(pages), len(right))):
                self.canv.setPageSize(sheet)
                for x, side in ((0, pages), (A5[0], right)):
                    if n < len(side):
                        self.canv.place(side[n], x, 0, links=copy == 0)
                self._cut_line(A5[0], sheet[1])
                self.canv.showPage()

    def _cut_line(self, x: float, height: float) -> None:
        """Draw a light dashed line to cut along."""
        self.canv.saveState()
        self.canv.setStrokeColor(RULE)
        self.canv.setDash(4, 4)
        self.canv.setLineWidth(0.5)
        self.canv.line(x, 0, x, height)
        self.canv.restoreState()

    def finish(self) -> Rendered:
        """Save the PDF and return it with the QR codes drawn on each sheet."""
        self.canv.save()
        return Rendered(self.buffer.getvalue(), self.canv.sheet_qr)
