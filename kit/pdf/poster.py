"""The classroom poster (A4 portrait): the audience's headline, the steps, one big QR code, numbers."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from kit.pdf.flowables import QRCode, boxed, safe, short_url
from kit.pdf.measure import MARGIN, frame_size, story_height
from kit.pdf.story import Context, first_steps, phone_line, with_url
from kit.pdf.templates import Output

WIDTH, HEIGHT = frame_size(A4, MARGIN)
# Body sizes tried in turn until the poster fits its sheet; the code never shrinks with them.
POSTER_PTS = (20, 18, 16, 14)
QR_SIZE = 60 * mm  # read from a step or two away: 1.3 mm modules or more for every official URL
STEPS = 5
# When three steps do not fit at 14 pt (long bilingual sets): 12 pt, then fewer steps.
LAST_RESORT = [(3, 12), (2, 14), (2, 12), (1, 14), (1, 12)]


def steps(ctx: Context, count: int = STEPS) -> list:
    """Return the first COUNT steps, big and numbered, in a box across the page."""
    messages = first_steps(ctx, count)  # the crisis route always among them
    number_w = ctx.st.pt * 1.5 + 16
    rows = [[Paragraph(f"{n}.", ctx.st.step), ctx.paras(m.text, ctx.st.step)]
            for n, m in enumerate(messages, 1)]
    return [boxed(rows, [number_w, WIDTH - number_w])] if rows else []


def big_code(ctx: Context) -> list:
    """Return the first advice link as a big QR code beside its label, URL and helplines."""
    links = with_url(ctx.session.links)
    if not links:
        return []
    link, lang = links[0], ctx.langs[0]
    words = ctx.paras(link.label, ctx.st.h2.clone("qrlabel", spaceBefore=0, keepWithNext=0))
    words.append(Paragraph(safe(short_url(link.url)), ctx.st.body))
    phones = [phone_line(k, lang) for k in ctx.session.links if k.phone or k.text_number][:3]
    words += [Paragraph(safe(line), ctx.st.label) for line in phones]  # numbers never break inside
    code = QRCode(link.url, QR_SIZE)
    table = Table([[code, words]], colWidths=[code.size + 8 * mm, None], hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return [Spacer(1, 12), table]


def story(ctx: Context, count: int = STEPS) -> list:
    """Return the poster's story: organisation, headline, COUNT steps, code, last words."""
    out = [Paragraph(safe(ctx.organisation), ctx.st.label), Spacer(1, 6)]
    out += [Paragraph(safe(line), ctx.st.big if n == 0 else ctx.st.big.clone("big2", textColor=ctx.st.second.textColor))
            for n, line in enumerate(ctx.voice("poster"))]
    out += [*steps(ctx, count), *big_code(ctx)]
    return out + [Paragraph(safe(words), ctx.st.closing) for words in ctx.voice("last")]


def fitted(ctx: Context) -> list:
    """Return the first story that fits one sheet: the biggest type, then fewer steps."""
    tries = [(count, pt) for count in (STEPS, STEPS - 1, STEPS - 2) for pt in POSTER_PTS]
    for count, pt in tries + LAST_RESORT:
        tried = story(Context.of(ctx.session, ctx.options, pt=pt), count)
        if story_height(tried, WIDTH) <= HEIGHT:
            return tried
    return tried  # the smallest: it flows onto a second sheet rather than shrink the code


def compose(out: Output, ctx: Context) -> None:
    """Print the poster, COPIES times."""
    out.print_pages(out.layout(fitted(ctx)), ctx.options.copies)
