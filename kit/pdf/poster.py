"""The classroom poster (A4 portrait): a big headline, the steps, one big QR code, numbers."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import KeepInFrame, Spacer, Table, TableStyle

from kit.pdf.flowables import Paragraph, QRCode, boxed, safe, short_url
from kit.pdf.handout import first_steps
from kit.pdf.story import Context, phone_line, with_url
from kit.pdf.templates import MARGIN, Output, frame_size

WIDTH, HEIGHT = frame_size(A4, MARGIN)
POSTER_PT = 20
QR_SIZE = 60 * mm
STEPS = 6  # the crisis route is always the last of them (handout.first_steps)


def steps(ctx: Context) -> list:
    """Return the first steps, big and numbered, in a box."""
    messages = first_steps(ctx, STEPS)
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
    words += [Paragraph(safe(line), ctx.st.label) for line in phones]
    table = Table([[QRCode(link.url, QR_SIZE), words]], colWidths=[QR_SIZE + 8 * mm, None],
                  hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return [Spacer(1, 12), table]


def story(ctx: Context) -> list:
    """Return the poster's story: organisation, headline, steps, code, last words."""
    org = Paragraph(safe(ctx.organisation), ctx.st.label)
    headline = Paragraph(safe(ctx.words("threatened")), ctx.st.big)
    out = [org, Spacer(1, 6), headline, *steps(ctx), *big_code(ctx)]
    return out + [Paragraph(safe(ctx.words("not-fault")), ctx.st.closing)]


def compose(out: Output, ctx: Context) -> None:
    """Print the poster, COPIES times."""
    big = Context.of(ctx.session, ctx.options, pt=POSTER_PT)
    # A poster is one sheet: shrink to fit rather than spill (the QR code stays over 20 mm).
    fitted = KeepInFrame(WIDTH, HEIGHT - 1, story(big), mode="shrink", hAlign="LEFT")
    out.print_pages(out.layout([fitted]), ctx.options.copies)
