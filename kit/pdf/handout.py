"""The audience handout: what to do now and who can help on the front; on the back, how it starts,
helping a friend, what happens after you report, where to turn in a crisis and who I can talk to."""

from __future__ import annotations

import io
import math
from dataclasses import replace

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, KeepTogether, PageBreak, PageTemplate, Spacer, Table, TableStyle
from reportlab.platypus.paragraph import Paragraph

from kit.content.vocab import PUPIL_AUDIENCES
from kit.pdf.brand import logo_tile
from kit.pdf.flowables import boxed, safe
from kit.pdf.labels import heading_for
from kit.pdf.measure import FOOTER_ROOM, frame_size, story_height
from kit.pdf.signposts import NORMAL, ROOMY, Fit, cell_min, columns, grid, phone_list, qr_rows
from kit.pdf.story import BULLET, OWN_PLACE, Context, key_messages, with_url
from kit.pdf.styles import NAVY, RULE, WHITE
from kit.pdf.templates import Output

A4_MARGIN = 13 * mm  # a handout is read, not filed: use the page
# Tighter sets of 'who can help', tried in order when the usual one would not fit its side.
TIGHTER = (Fit(gap=3), Fit(gap=2, phone_min=58 * mm), Fit(gap=2, phone_min=58 * mm, tight=True),
           Fit(gap=2, phone_min=58 * mm, tight=True, small_steps=True))
# The back, in order: a heading (labels.py key) over the messages that cover each topic.
BACK = (("starts", ("spot-the-signs",)), ("conversation", ("start-conversation",)), ("friend", ("support-a-friend",)),
        ("child-tells", ("respond-to-disclosure",)), ("after-report", ("after-report",)), ("crisis", ("crisis",)))
# Topics an audience reads among the numbered steps instead: staff act on a disclosure at once.
IN_THE_STEPS = {"professionals": ("child-tells",)}
TALK_LINES = 3  # lines to write on under 'who I can talk to'
SIDE_BY_SIDE = 150 * mm  # the narrowest box whose bilingual steps stand side by side
HELP_STARTS = 6  # the front's flowables up to the first row of 'who can help'
END_SHARE = 0.3  # the least of a page the last words and their company fill
DROPPED = 0.1  # of a page: more than a laid-out page can save on its measure (space above its top line)


def topics(ctx: Context) -> tuple:
    """Return the back's topics for the session's audience (BACK, less those it reads as steps)."""
    steps = IN_THE_STEPS.get(ctx.session.audience.id, ())
    return tuple(t for t in BACK if t[0] not in steps)


def banner(ctx: Context, width: float, tight: bool = False) -> Table:
    """Return the navy title band: organisation above the session title (smaller when TIGHT)."""
    org = Paragraph(safe(ctx.organisation), ctx.st.label.clone("org", textColor=WHITE))
    style = ctx.st.banner.clone("tight", fontSize=ctx.st.h2.fontSize, leading=ctx.st.h2.leading)
    titles = [Paragraph(safe(t), style if tight else ctx.st.banner) for t in ctx.titles()]
    tile = logo_tile(ctx)  # the organisation's logo at the right, beside every line
    side = tile.wrap(width, width)[0] + 10 if tile else 0
    table = Table([[org, tile or ""], *([t, ""] for t in titles)], colWidths=[width - side, side])
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), NAVY),
        ("LEFTPADDING", (0, 0), (0, -1), 10), ("RIGHTPADDING", (0, 0), (0, -1), 10),
        ("LEFTPADDING", (1, 0), (1, -1), 0), ("RIGHTPADDING", (1, 0), (1, -1), 10),
        ("SPAN", (1, 0), (1, -1)), ("VALIGN", (1, 0), (1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, 0), 8), ("BOTTOMPADDING", (0, -1), (-1, -1), 10),
    ]))
    return table


def steps(ctx: Context) -> list:
    """Return the key messages the steps box numbers: all but those with a place of their own."""
    return key_messages(ctx, exclude=OWN_PLACE + tuple(c for _, covers in topics(ctx) for c in covers))


def steps_box(ctx: Context, width: float, tight: bool = False, step: ParagraphStyle | None = None) -> Table:
    """Return the numbered 'what to do now' steps in a box nobody can miss (closer when TIGHT), each
    step in the STEP style (the house step style unless given).

    Bilingual steps on a page wide enough stand side by side, Welsh left and English right, each
    step on one row; on A5 the English follows the Welsh in each step.
    """
    step = step or ctx.st.step
    number_w = ctx.st.pt * 1.5 + 16
    side_by_side = len(ctx.langs) > 1 and width >= SIDE_BY_SIDE
    n_langs = 2 if side_by_side else 1
    column = (width - number_w) / n_langs
    head = ctx.st.h2.clone("boxhead", spaceBefore=0)
    second = step.clone("step2", fontName=ctx.st.second.fontName, textColor=ctx.st.second.textColor)
    if n_langs == 1:
        rows = [[ctx.heading("now", head), ""]]
    else:
        rows = [["", *(Paragraph(safe(words), head) for words in ctx.each("now"))]]
    for n, message in enumerate(steps(ctx), 1):
        if side_by_side:
            found = ctx.versions(message.text)
            cells = [Paragraph(safe(found[0]), step), Paragraph(safe(found[-1]), second)]
        else:
            cells = [ctx.paras(message.text, step)]
        rows.append([Paragraph(f"{n}.", step), *cells])
    table = boxed(rows, [number_w] + [column] * n_langs)
    if n_langs == 1:
        table.setStyle(TableStyle([("SPAN", (0, 0), (-1, 0))]))
    if tight:
        table.setStyle(TableStyle([("TOPPADDING", (0, 1), (-1, -1), 1),
                                   ("BOTTOMPADDING", (0, 0), (-1, -2), 1)]))
    return table


def small_step(ctx: Context) -> ParagraphStyle:
    """Return the steps' style at body size: bold, and no smaller than the text around it."""
    return ctx.st.step.clone("step-small", fontSize=ctx.st.pt, leading=ctx.st.body.leading)


def help_section(ctx: Context, width: float, fit: Fit = NORMAL, coded: list | None = None,
                 phones: list | None = None) -> list:
    """Return 'who can help': QR codes for links with a URL, then numbers for the rest (or CODED
    and PHONES, when given, in their order).

    The last two rows stay together, so no helpline stands alone at the top of a page.
    """
    links = ctx.session.links
    coded = with_url(links) if coded is None else coded
    phones = [k for k in links if not k.url] if phones is None else phones
    n = columns(width, cell_min(ctx, coded, fit))
    rows = grid(qr_rows(ctx, coded, width, n, fit), width, n, fit.gap)
    rows += phone_list(ctx, phones, width, fit)
    if len(rows) > 1:
        rows[-2:] = [KeepTogether(rows[-2:])]
    return [ctx.heading("help"), *rows]


def front(ctx: Context, width: float, fit: Fit = NORMAL) -> list:
    """Return the front: title, what to do now, who can help."""
    above, below = (4, 0) if fit.tight else (10, 4)
    step = small_step(ctx) if fit.small_steps else None
    return [banner(ctx, width, fit.tight), Spacer(1, above), steps_box(ctx, width, fit.tight, step),
            Spacer(1, below), *help_section(ctx, width, fit)]


def talk_space(ctx: Context, width: float) -> list:
    """Return 'who I can talk to' with lines to write names on (pupils only)."""
    if ctx.session.audience.id not in PUPIL_AUDIENCES:
        return []
    lines = Table([[""]] * TALK_LINES, colWidths=[width], rowHeights=[ctx.st.pt * 2.2] * TALK_LINES)
    lines.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.8, RULE)]))
    return [KeepTogether([ctx.heading("talk-to"), *ctx.say("talk-to-prompt"), lines])]


def back(ctx: Context, width: float, talk: bool = True, height: float = 0, only: tuple | None = None) -> list:
    """Return the back: each topic (of ONLY, when given) the session's messages cover, the TALK
    space, the last words.

    The last words keep company: the items before them, up to END_SHARE of a page HEIGHT tall,
    stay with them, so a page they spill onto is never a few closing lines.
    """
    out = []
    for heading, covers in topics(ctx) if only is None else only:
        messages = key_messages(ctx, covers=covers)
        if messages:
            out.append(ctx.heading(heading_for(heading, ctx.session.audience.pupil)))
            out += [p for m in messages for p in ctx.paras(m.text, prefix=BULLET)]
    out += talk_space(ctx, width) if talk else []
    # The last words keep the item before them company: never a page of closing lines alone.
    # (A keep-together inside another reads as taller than any page, so it is opened up.)
    kept = closing(ctx)
    while out and (len(kept) == len(closing(ctx)) or story_height(kept, width) < END_SHARE * height):
        item = out[-1]
        more = item._content if isinstance(item, KeepTogether) else [item]
        if story_height([*more, *kept], width) > height > 0:
            break
        kept, out = [*more, *kept], out[:-1]
    while out and getattr(out[-1], "outline_title", None):  # a heading goes where its words go
        kept, out = [out[-1], *kept], out[:-1]
    return [*out, KeepTogether(kept)]


def closing(ctx: Context) -> list:
    """Return the not-your-fault messages and the last words."""
    paras = [p for m in key_messages(ctx, covers=("not-your-fault",)) for p in ctx.paras(m.text)]
    last = [Paragraph(safe(words), ctx.st.closing) for words in ctx.voice("last")]
    return [Spacer(1, ctx.st.pt * 0.5), *paras, *last]


class TrialCanvas(Canvas):
    """A canvas for trial layouts: it counts pages and never writes a file."""

    def save(self) -> None:
        """Write nothing: a trial only needs the page count (writing was a third of its time)."""


def pages(story: list, size: tuple[float, float], margin: float) -> int:
    """Return how many pages STORY fills when laid out on pages of SIZE (a trial; nothing kept)."""
    doc = BaseDocTemplate(io.BytesIO(), pagesize=size, invariant=1)
    frame = Frame(margin, margin + FOOTER_ROOM, *frame_size(size, margin), 0, 0, 0, 0)
    doc.addPageTemplates([PageTemplate(frames=[frame], pagesize=size)])
    doc.build(story, canvasmaker=TrialCanvas)
    return doc.page


def settings(ctx: Context) -> list[Fit]:
    """Return the ways to set 'who can help', roomiest first.

    Large print keeps the bigger codes in every setting: its codes are never smaller than the
    usual edition's.
    """
    fits = [ROOMY, NORMAL, *TIGHTER]
    return [replace(fit, qr=ROOMY.qr) for fit in fits] if ctx.large else fits


def story(ctx: Context, size: tuple[float, float], margin: float) -> list:
    """Return the handout's story: the first setting whose front and back each fit a side; else,
    flowing on, the first setting that prints on one sheet, or of those whose front reaches 'who
    can help' (all, when none does) the first with the fewest pages.

    The space to write who I can talk to gives way to the words when it would cost a page. Sides
    are measured, not laid out: a side no taller than the page fits it (a layout is never taller
    than the sum of its parts). Only a handout that flows on is laid out on trial.
    """
    width, height = frame_size(size, margin)
    fits = settings(ctx)
    rear = back(ctx, width)
    if story_height(rear, width) > height:
        rear = back(ctx, width, talk=False)
    if story_height(rear, width) > height:
        rear = None
    for fit in fits if rear else ():
        side = front(ctx, width, fit)
        if story_height(side, width) <= height:
            return [*side, PageBreak(), *rear]

    def flowing(fit: Fit, talk: bool) -> list:
        """Return the front flowing on into the back."""
        return front(ctx, width, fit) + back(ctx, width, talk, height)

    # No setting prints on fewer pages than the tightest one measures (less a little: a page
    # drops the space above its first line), so the first setting that does is the fewest.
    least = math.ceil(story_height(flowing(fits[-1], False), width) / height - DROPPED)
    best = None
    for fit in fits[1:]:
        misses = story_height(front(ctx, width, fit)[:HELP_STARTS], width) > height
        for talk in (True, False):
            cost = (misses, pages(flowing(fit, talk), size, margin))
            if cost[1] <= max(2, least) and not misses:
                return flowing(fit, talk)
            if best is None or cost < best[0]:
                best = (cost, fit, talk)
    return flowing(*best[1:])


def editions(out: Output, ctx: Context, size: tuple[float, float], margin: float, tell=None) -> list[list]:
    """Return the laid-out pages of each edition: one, or a Welsh and an English handout.

    A bilingual handout is two complete handouts, each numbered on its own: every reader has the
    whole advice in either language at the size one language allows (codes at the handheld floor,
    no page of remainders), and a school can hand out either (Welsh first, as the Welsh Language
    Standards ask of separate versions). TELL(ctx, size, margin) tells each edition's story (story()
    unless given).
    """
    tell = tell or story
    return [out.layout(tell(one, size, margin), size, margin, one.meta("handout")) for one in ctx.editions()]


def compose(out: Output, ctx: Context) -> None:
    """Print the A4 handout, COPIES times: bilingual, the Welsh handout and then the English."""
    out.print_pages([page for pages in editions(out, ctx, A4, A4_MARGIN) for page in pages], ctx.options.copies)
