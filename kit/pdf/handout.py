"""The audience handout: what to do now, who can help (QR codes and numbers), how it starts."""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Spacer, Table, TableStyle
from reportlab.platypus.doctemplate import BaseDocTemplate, PageTemplate
from reportlab.platypus.frames import Frame

from kit.content.models import KeyMessage, Link
from kit.content.vocab import MESSAGES
from kit.pdf import fonts
from kit.pdf.flowables import Paragraph, QRCode, boxed, safe, short_url, url_lines
from kit.pdf.story import BULLET, Context, numbers, with_url
from kit.pdf.styles import NAVY, RULE, TEAL, WHITE
from kit.pdf.templates import FOOTER_ROOM, Output, frame_size, heights, story_height

QR_SIZE = 22 * mm
ROOMY_QR = 27 * mm  # when the handout takes both sides, the front has room for bigger codes
QR_MIN = 20 * mm  # the smallest code printed (its modules stay above the 0.5 mm floor)
A4_MARGIN = 13 * mm  # a handout is read, not filed: use the page
A5_MARGIN = 12 * mm
CELL_MIN = 85 * mm  # narrowest column that holds a QR code and its words side by side
GRID_PAD = 8  # between grid columns
NO_PAD = [("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
          ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]
# Messages that have their own place on the handout, not in the numbered steps.
OWN_PLACE = ("not-your-fault", "spot-the-signs", "support-a-friend")
# The least of a page the back's ending fills when it spills over: never closing lines alone.
END_SHARE = 0.3


@dataclass(frozen=True)
class Fit:
    """How tightly the front is set: QR code size, gap below each row, phone column width."""

    qr: float = QR_SIZE
    gap: float = 6
    phone_min: float = CELL_MIN
    tight: bool = False  # a code's URL and numbers on one line; smaller title, steps and gaps
    run_on: bool = False  # a bilingual label on one run of lines, not one paragraph per language


NORMAL, ROOMY = Fit(), Fit(qr=ROOMY_QR)
# Tighter sets, tried in order when the usual one would spill onto an extra page.
COMPACT = (Fit(qr=QR_MIN, gap=3), Fit(qr=QR_MIN, gap=2, phone_min=58 * mm),
           Fit(qr=QR_MIN, gap=2, phone_min=58 * mm, tight=True),
           Fit(qr=QR_MIN, gap=2, phone_min=58 * mm, tight=True, run_on=True))


def key_messages(ctx: Context, covers: tuple[str, ...] = (), exclude: tuple[str, ...] = ()):
    """Return the session's key messages in module order, once each, filtered by what they cover."""
    found: dict[str, KeyMessage] = {}
    nation = ctx.session.nation.id
    for module in ctx.session.modules:
        for message in module.key_messages:
            if covers and message.covers not in covers or message.covers in exclude:
                continue
            if message.nations and nation not in message.nations:
                continue  # e.g. the crisis route naming Lifeline prints in Northern Ireland only
            found.setdefault(message.id, message)
    # Steps follow the vocabulary's order (don't pay, block, evidence, report, …), then the rest.
    rank = {m: i for i, m in enumerate(MESSAGES)}
    return sorted(found.values(), key=lambda m: rank.get(m.covers, len(rank)))


def first_steps(ctx: Context, most: int) -> list[KeyMessage]:
    """Return at most MOST numbered steps, the crisis route always among them (last) when there is one."""
    steps = key_messages(ctx, exclude=OWN_PLACE)
    crisis = [m for m in steps if m.covers == "crisis"][:1]
    return [m for m in steps if m.covers != "crisis"][:most - len(crisis)] + crisis


def banner(ctx: Context, width: float, tight: bool = False) -> Table:
    """Return the navy title band: organisation above the session title (smaller when TIGHT)."""
    org = Paragraph(safe(ctx.organisation), ctx.st.label.clone("org", textColor=WHITE))
    style = ctx.st.banner.clone("tight", fontSize=ctx.st.h2.fontSize, leading=ctx.st.h2.leading)
    title = Paragraph(safe(ctx.title()), style if tight else ctx.st.banner)
    table = Table([[org], [title]], colWidths=[width])
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), NAVY),
        ("LEFTPADDING", (0, 0), (-1, -1), 10), ("RIGHTPADDING", (0, 0), (-1, -1), 10),
        ("TOPPADDING", (0, 0), (-1, 0), 8), ("BOTTOMPADDING", (0, -1), (-1, -1), 10),
    ]))
    return table


def steps_box(ctx: Context, width: float, tight: bool = False) -> Table:
    """Return the numbered 'what to do now' steps in a box nobody can miss (closer when TIGHT)."""
    rows = [[Paragraph(safe(ctx.words("now")), ctx.st.h2.clone("boxhead", spaceBefore=0)), ""]]
    messages = key_messages(ctx, exclude=OWN_PLACE)
    for n, message in enumerate(messages, 1):
        rows.append([Paragraph(f"{n}.", ctx.st.step), ctx.paras(message.text, ctx.st.step)])
    number_w = ctx.st.pt * 1.5 + 16
    table = boxed(rows, [number_w, width - number_w])
    table.setStyle(TableStyle([("SPAN", (0, 0), (-1, 0))]))
    if tight:
        table.setStyle(TableStyle([("TOPPADDING", (0, 1), (-1, -1), 1),
                                   ("BOTTOMPADDING", (0, 0), (-1, -2), 1)]))
    return table


def label(ctx: Context, link: Link, fit: Fit = NORMAL) -> list:
    """Return a link's label: a paragraph per language, or both run on when FIT says so."""
    found = ctx.versions(link.label)
    if not fit.run_on or len(found) == 1:
        return ctx.paras(link.label, ctx.st.label)
    second = f'<font name="{fonts.ITALIC}" color="#{TEAL.hexval()[2:]}">{safe(found[1])}</font>'
    return [Paragraph(f"{safe(found[0])} / {second}", ctx.st.label)]


def qr_words(ctx: Context, link: Link, room: float, fit: Fit = NORMAL) -> list:
    """Return the label, short URL and numbers printed beside a QR code, ROOM wide."""
    lines = [url_lines(short_url(link.url), ctx.st.url, room),
             *(safe(line) for line in numbers(link, ctx.langs[0]))]
    return label(ctx, link, fit) + [Paragraph(line, ctx.st.url) for line in
                                    ([" · ".join(lines)] if fit.tight else lines)]


def qr_row(ctx: Context, link: Link, width: float, fit: Fit = NORMAL) -> Table:
    """Return a QR code with its words to the right, in a grid cell WIDTH wide."""
    code = QRCode(link.url, fit.qr)
    gutter = code.size + 3 * mm
    words = qr_words(ctx, link, width - GRID_PAD - gutter, fit)
    table = Table([[code, words]], colWidths=[gutter, None], hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), *NO_PAD]))
    return table


def grid(cells: list, width: float, columns: int, gap: float = 6, ruled: bool = False) -> list[Table]:
    """Return CELLS in rows of COLUMNS, each column an equal share of WIDTH.

    One table per row, so a page can end between rows: a heading kept with the whole grid
    would otherwise leave half a page empty whenever the grid does not fit below it. RULED puts
    a thin line in the middle of each gutter, so words side by side (helplines at 18 pt) are not
    read across as one line; no column is narrower for it.
    """
    rows = [cells[i:i + columns] for i in range(0, len(cells), columns)]
    tables = []
    for row in rows:
        gutter = [("RIGHTPADDING", (0, 0), (-1, -1), GRID_PAD)]
        if ruled and len(row) > 1:  # a line between filled cells only
            half = GRID_PAD / 2
            gutter = [("RIGHTPADDING", (0, 0), (-1, -1), half), ("LEFTPADDING", (1, 0), (-1, -1), half),
                      ("LINEAFTER", (0, 0), (len(row) - 2, 0), 0.5, RULE)]
        row = row + [""] * (columns - len(row))
        table = Table([row], colWidths=[width / columns] * columns, hAlign="LEFT")
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), *NO_PAD, *gutter,
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), gap)]))
        tables.append(table)
    return tables


def columns(width: float, cell: float = CELL_MIN) -> int:
    """Return how many columns of at least CELL fit WIDTH."""
    return max(1, int(width // cell))


def phone_cell(ctx: Context, link: Link, fit: Fit = NORMAL) -> list:
    """Return a helpline's label and its numbers and hours."""
    lines = numbers(link, ctx.langs[0]) + ([link.hours] if link.hours else [])
    return [*label(ctx, link, fit), Paragraph(safe(" · ".join(lines)), ctx.st.url)]


def phone_list(ctx: Context, links: list[Link], width: float, fit: Fit = NORMAL) -> list:
    """Return the helplines with no URL, in a grid like the QR codes."""
    if not links:
        return []
    cells = [phone_cell(ctx, link, fit) for link in links]
    return grid(cells, width, columns(width, fit.phone_min), fit.gap, ruled=True)


def help_section(ctx: Context, width: float, fit: Fit = NORMAL) -> list:
    """Return 'who can help': QR codes for links with a URL, then numbers for the rest."""
    links = ctx.session.links
    coded = with_url(links)
    out = [ctx.heading("help")]
    n = columns(width)
    if coded:
        cells = [qr_row(ctx, k, width / n, fit) for k in coded]
        out += grid(cells, width, n, fit.gap)
    out += phone_list(ctx, [k for k in links if not k.url], width, fit)
    return out


def closing(ctx: Context) -> list:
    """Return helping a friend, the not-your-fault messages, then the last words.

    The last message (in every print language) is kept with the last words.
    """
    out = [ctx.paras(m.text) for m in key_messages(ctx, covers=("support-a-friend", "not-your-fault"))]
    last = Paragraph(safe(ctx.words("not-fault")), ctx.st.closing)
    return [p for paras in out[:-1] for p in paras] + [KeepTogether([*out[-1], last] if out else [last])]


def opening(ctx: Context, width: float, fit: Fit = NORMAL) -> list:
    """Return the top of the front: title band, then what to do now."""
    above, below = (4, 0) if fit.tight else (10, 4)
    return [banner(ctx, width, fit.tight), Spacer(1, above), steps_box(ctx, width, fit.tight),
            Spacer(1, below)]


def front(ctx: Context, width: float, fit: Fit = NORMAL) -> list:
    """Return the front: title, what to do now, who can help."""
    return opening(ctx, width, fit) + help_section(ctx, width, fit)


def back(ctx: Context, kept: int | None = None) -> list:
    """Return how it usually starts, then the closing words, from flowable KEPT on kept together."""
    return keep_from(starts(ctx) + closing(ctx), kept)


def starts(ctx: Context) -> list:
    """Return how it usually starts: a heading and a bullet per message (none without one)."""
    messages = key_messages(ctx, covers=("spot-the-signs",))
    out = [ctx.heading("starts")] if messages else []
    for message in messages:
        out += ctx.paras(message.text, prefix=BULLET)
    return out


def keep_from(flowables: list, kept: int | None) -> list:
    """Return FLOWABLES (ending in a KeepTogether) with those from KEPT on kept together."""
    if kept is None or kept >= len(flowables) - 1:
        return flowables
    return flowables[:kept] + [KeepTogether([*flowables[kept:-1], *flowables[-1]._content])]


def ending(sizes: list[float], height: float) -> int:
    """Return where a back of SIZES should start keeping together, for a page HEIGHT tall.

    The whole back when it fits a page; otherwise the last words and their message with what
    stands before them, up to END_SHARE of a page. Either way, when the back spills over, the
    page it spills onto is never a few closing lines.
    """
    if sum(sizes) <= height:
        return 0  # all of it: how it starts then opens the page it spills onto
    kept, tall = len(sizes) - 1, sizes[-1]
    while kept > 0 and (tall < END_SHARE * height or kept == len(sizes) - 1):
        if tall + sizes[kept - 1] > height:
            break
        kept, tall = kept - 1, tall + sizes[kept - 1]
    return kept


class DryFrame(Frame):
    """A frame that places flowables without drawing them: a trial layout only counts pages."""

    def _add(self, flowable, canv, trySplit=0):
        """Place FLOWABLE as a Frame does, but draw nothing (drawing is most of a layout's cost)."""
        flowable.drawOn = _draw_nothing
        try:
            return super()._add(flowable, canv, trySplit)
        finally:
            del flowable.drawOn

    add = _add


def _draw_nothing(*args, **kwargs) -> None:
    """Stand in for drawOn during a trial layout."""


def pages(flowables: list, size: tuple[float, float], margin: float) -> int:
    """Return how many pages FLOWABLES fill in a trial layout that prints nothing.

    The flowables are left as they were (as ReportLab's multiBuild leaves them between passes),
    so the story tried can then be laid out for real without being built again.
    """
    doc = BaseDocTemplate(io.BytesIO(), pagesize=size, invariant=1)
    frame = DryFrame(margin, margin + FOOTER_ROOM, *frame_size(size, margin),
                     leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(frames=[frame], pagesize=size)])
    edits: list[tuple] = []
    doc._multiBuildEdits = edits.append  # how a build records what it changes on a flowable
    try:
        doc.build(list(flowables))
    finally:
        for undo, *args in edits:
            undo(*args)
    return doc.page


def most_pages(flowables: list, sizes: list[float], height: float) -> int | None:
    """Return at most how many pages FLOWABLES (SIZES tall) fill, from measurement alone.

    Each flowable, with any kept with it, moves whole to a new page when it does not fit; a real
    layout splits paragraphs and tables across pages instead, and overlaps the space between
    flowables, so never needs more pages. None when one such piece is taller than a page.
    """
    count, used, piece = 1, 0.0, 0.0
    for flowable, size in zip(flowables, sizes, strict=True):
        if isinstance(flowable, PageBreak):
            count, used, piece = count + 1, 0.0, 0.0
            continue
        piece += size
        if flowable.getKeepWithNext() and flowable is not flowables[-1]:
            continue
        if piece > height:
            return None
        if used + piece > height:
            count, used = count + 1, 0.0
        used, piece = used + piece, 0.0
    return count


def two_sides(ctx: Context, width: float, height: float, top: list, top_h: float, helps: list,
              rest: list) -> list:
    """Return the front, then 'how it starts' opening the back; bigger codes when they fit.

    TOP (TOP_H tall) and HELPS make the usual front; only 'who can help' changes with bigger
    codes, so only that part is built and measured again.
    """
    # Both sides then end on the same words, so either side alone says it.
    last = [Spacer(1, ctx.st.pt), Paragraph(safe(ctx.words("not-fault")), ctx.st.closing)]
    roomy = help_section(ctx, width, ROOMY) + last
    helps = roomy if top_h + story_height(roomy, width) <= height else helps
    return [*top, *helps, PageBreak(), *rest]


def story(ctx: Context, size: tuple[float, float], margin: float) -> list:
    """Return the handout's story: one side, else two, else flowing on as few pages as it can.

    The usual front and back are built and measured once. Trial layouts run only when the
    measurements cannot promise one sheet (large print, long bilingual sets), and each story
    tried is built once: the one chosen is laid out as it was tried.
    """
    width, height = frame_size(size, margin)
    top, helps, rest = opening(ctx, width), help_section(ctx, width), starts(ctx) + closing(ctx)
    top_sizes, help_sizes, rest_sizes = (heights(part, width) for part in (top, helps, rest))
    kept = ending(rest_sizes, height)
    rest, rest_sizes = keep_from(rest, kept), [*rest_sizes[:kept], sum(rest_sizes[kept:])]
    top_h, back_h = sum(top_sizes), sum(rest_sizes)
    front_h = top_h + sum(help_sizes)
    if front_h + back_h <= height:
        return top + helps + rest  # one side (a layout is never taller than the sum measured)
    tighter = [lambda fit=fit: front(ctx, width, fit) + back(ctx, kept) for fit in COMPACT]
    if front_h <= height:
        usual = two_sides(ctx, width, height, top, top_h, helps, rest)
        bound = most_pages(rest, rest_sizes, height)
        bound = None if bound is None else 1 + bound
        tighter.insert(0, lambda: front(ctx, width) + back(ctx, kept))  # the front flowing on
    else:
        usual = top + helps + rest
        bound = most_pages(usual, top_sizes + help_sizes + rest_sizes, height)
    if bound is not None and bound <= 2 or (count := pages(usual, size, margin)) <= 2:
        return usual  # one sheet
    tightest = tighter.pop()()
    fewest = pages(tightest, size, margin)
    if fewest == count:
        return usual  # no tighter set saves a page
    # The first tighter 'who can help' that saves as many pages as the tightest one.
    for make in tighter:
        if pages(tried := make(), size, margin) == fewest:
            return tried
    return tightest


def compose(out: Output, ctx: Context) -> None:
    """Print the A4 handout, COPIES times."""
    pages = out.layout(story(ctx, A4, A4_MARGIN), A4, A4_MARGIN)
    out.print_pages(pages, ctx.options.copies)


def compose_a5(out: Output, ctx: Context) -> None:
    """Print the A5 handout two to an A4 sheet."""
    pages = out.layout(story(ctx, A5, A5_MARGIN), A5, A5_MARGIN)
    out.print_two_up(pages, ctx.options.copies)
