"""The classroom poster (A4 portrait): a big headline, the steps, one big QR code, numbers."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import KeepInFrame, Paragraph, Spacer, Table, TableStyle

from kit.pdf.flowables import QRCode, boxed, safe, short_url
from kit.pdf.handout import OWN_PLACE, banner, key_messages
from kit.pdf.story import Context, numbers, with_url
from kit.pdf.templates import FRAME_HEIGHT, MARGIN, Output

WIDTH = A4[0] - 2 * MARGIN
HEIGHT = FRAME_HEIGHT - 1
POSTER_PT = 20
QR_SIZE = 55 * mm


def steps(ctx: Context) -> list:
    """Return the steps, big and numbered, in a box."""
    rows = [[Paragraph(f"{n}.", ctx.st.step), ctx.paras(m.text, ctx.st.step)]
            for n, m in enumerate(key_messages(ctx, exclude=OWN_PLACE)[:5], 1)]
    return [boxed(rows, [ctx.st.pt * 2, WIDTH - ctx.st.pt * 2])] if rows else []


def big_code(ctx: Context) -> list:
    """Return the first advice link as a big QR code beside its label, URL and numbers."""
    links = with_url(ctx.session.links)
    if not links:
        return []
    link = links[0]
    words = ctx.paras(link.label, ctx.st.h2.clone("qrlabel", spaceBefore=0))
    words.append(Paragraph(safe(short_url(link.url)), ctx.st.body))
    words += [Paragraph(safe(line), ctx.st.step) for line in numbers(link, ctx.langs[0])]
    words += [Paragraph(safe(line), ctx.st.step) for k in ctx.session.links if not k.url
              for line in numbers(k, ctx.langs[0])][:2]
    table = Table([[QRCode(link.url, QR_SIZE), words]], colWidths=[QR_SIZE + 8 * mm, None],
                  hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return [Spacer(1, 10), table]


def compose(out: Output, ctx: Context) -> None:
    """Print the poster, COPIES times."""
    big = Context.of(ctx.session, ctx.options, pt=POSTER_PT)
    story = [banner(big, WIDTH), Spacer(1, 10), Paragraph(safe(big.words("threatened")), big.st.big)]
    story += steps(big) + big_code(big)
    story.append(Paragraph(safe(big.words("not-fault")), big.st.closing))
    # A poster is one sheet: shrink to fit rather than spill (the QR code stays over 20 mm).
    fitted = KeepInFrame(WIDTH, HEIGHT, story, mode="shrink")
    out.print_pages(out.layout([fitted]), ctx.options.copies)
