"""The letter to parents and carers: what the lesson covers, talking without blame, help."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from kit.pdf.flowables import WriteLine, clip, safe
from kit.pdf.handout import phone_list, qr_cell
from kit.pdf.labels import TALK, long_date
from kit.pdf.story import Context, with_url
from kit.pdf.templates import MARGIN, Output
from kit.sessions.model import SCHOOL_MAX

WIDTH = A4[0] - 2 * MARGIN


def letterhead(ctx: Context) -> list:
    """Return lines for the school's name and the date, filled in when the officer gave them."""
    spec, first = ctx.session.spec, ctx.langs[0]
    school = clip(spec.school, SCHOOL_MAX)
    day = long_date(spec.date, first) if spec.date else ""
    return [
        WriteLine(Paragraph(f"<b>{safe(ctx.words('school'))}:</b> {safe(school)}", ctx.st.body)),
        Spacer(1, 6),
        WriteLine(Paragraph(f"<b>{safe(ctx.words('date'))}:</b> {safe(day)}", ctx.st.body), 0.5),
        Spacer(1, 14),
    ]


def body(ctx: Context) -> list:
    """Return the letter's words: why we write, what the lesson covers, how to talk about it."""
    out = [ctx.plain(ctx.words("dear")),
           ctx.plain(ctx.words("intro", organisation=ctx.organisation, title=ctx.title()))]
    out.append(ctx.heading("covers"))
    for module in ctx.session.modules:
        out += ctx.paras(module.summary, prefix=f"• <b>{safe(ctx.session.text(module.title))}</b>: ")
    out.append(ctx.heading("talk"))
    for tip in TALK:
        out += ctx.fixed(tip, prefix="• ")
    return out


def help_block(ctx: Context) -> list:
    """Return up to two QR codes side by side, then the helplines with no URL."""
    links = with_url(ctx.session.links)[:2]
    out = [ctx.heading("where-help")]
    if links:
        table = Table([[qr_cell(ctx, link) for link in links]], colWidths=[WIDTH / 2] * len(links),
                      hAlign="LEFT")
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        out.append(table)
    return out + phone_list(ctx, [k for k in ctx.session.links if not k.url], WIDTH)


def signature(ctx: Context) -> list:
    """Return the close and lines to sign and name."""
    return [Spacer(1, 8), ctx.plain(ctx.words("questions")), ctx.plain(ctx.words("sincerely")),
            Spacer(1, 10), WriteLine(Paragraph(safe(ctx.words("signed")), ctx.st.label), 0.6),
            Spacer(1, 8), WriteLine(Paragraph(safe(ctx.words("name-role")), ctx.st.label), 0.6)]


def compose(out: Output, ctx: Context) -> None:
    """Print the letter, COPIES times (one per family)."""
    story = letterhead(ctx) + body(ctx) + help_block(ctx) + signature(ctx)
    out.print_pages(out.layout(story), ctx.options.copies)
