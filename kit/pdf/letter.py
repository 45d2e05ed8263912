"""The letter to parents and carers: what the lesson covers, talking without blame, help."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

from kit.pdf.flowables import Paragraph, WriteLine, clip, safe
from kit.pdf.labels import TALK, long_date
from kit.pdf.signposts import grid, qr_row
from kit.pdf.story import BULLET, Context, phone_line, with_url
from kit.pdf.templates import MARGIN, Output
from kit.sessions.model import SCHOOL_MAX

WIDTH = A4[0] - 2 * MARGIN
LETTER_PT = 12  # parents-carers' body size in audiences.yaml


def letterhead(ctx: Context) -> list:
    """Return lines for the school's name and the date, filled in when the officer gave them."""
    spec, first = ctx.session.spec, ctx.langs[0]
    school = clip(spec.school, SCHOOL_MAX)
    day = long_date(spec.date, first) if spec.date else ""
    return [
        WriteLine(Paragraph(f"<b>{safe(ctx.words('school'))}:</b> {safe(school)}", ctx.st.body)),
        Spacer(1, 6),
        WriteLine(Paragraph(f"<b>{safe(ctx.words('date'))}:</b> {safe(day)}", ctx.st.body), 0.5),
        Spacer(1, 8),
    ]


def body(ctx: Context) -> list:
    """Return the letter's words: why we write, what the lesson covers, how to talk about it."""
    out = ctx.say("dear") + ctx.say("intro", organisation=ctx.organisation, title=ctx.title())
    out.append(ctx.heading("covers"))
    for module in ctx.session.modules:
        out += ctx.paras(module.summary, prefix=f"{BULLET}<b>{safe(ctx.session.text(module.title))}</b>: ")
    out.append(ctx.heading("talk"))
    for tip in TALK:
        out += ctx.fixed(tip, prefix=BULLET)
    return out


def help_block(ctx: Context) -> list:
    """Return up to two QR codes side by side, then the crisis route with its helpline numbers."""
    links = with_url(ctx.session.links)[:2]
    out = [ctx.heading("where-help")]
    if links:
        out += grid([qr_row(ctx, link, WIDTH / 2) for link in links], WIDTH, 2)
    # The crisis route and its numbers, in one paragraph so the letter still fits a page; the
    # handout carries every other helpline.
    phones = [phone_line(k, ctx.langs[0]) for k in ctx.session.links
              if (k.phone or k.text_number) and "crisis" in k.covers]
    crisis = ctx.words("crisis-parent")
    return out + [ctx.plain(f"{crisis} {' · '.join(phones)}" if phones else crisis)]


def signature(ctx: Context) -> list:
    """Return the close and lines to sign and name, side by side."""
    lines = [[WriteLine(Paragraph(safe(ctx.words(key)), ctx.st.label), 0.9)
              for key in ("signed", "name-role")]]
    table = Table(lines, colWidths=[WIDTH / 2] * 2, hAlign="LEFT")
    table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return [Spacer(1, 6), *ctx.say("questions"), *ctx.say("sincerely"), Spacer(1, 16),
            KeepTogether([table])]


def compose(out: Output, ctx: Context) -> None:
    """Print the letter, COPIES times (one per family)."""
    # Parents read the letter: their body size, not the pupils' (large print still honoured).
    ctx = Context.of(ctx.session, ctx.options, pt=LETTER_PT)
    story = letterhead(ctx) + body(ctx) + help_block(ctx) + signature(ctx)
    out.print_pages(out.layout(story), ctx.options.copies)
