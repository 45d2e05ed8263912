"""The class teacher's one page, "before and after the visit": a lead-in, a follow-up, signposting.

Lessons taught teacher–officer–teacher work better than a one-off visit, so the teacher gets the
audience's lead-in activity and follow-up from the library (audiences.yaml `teacher`), what to do
if a pupil tells them something, and where to get help. Always one A4 page: it shrinks to fit.
In Welsh or bilingual (Welsh first, English beneath) it says when its Welsh is still a draft.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.platypus import KeepInFrame, Paragraph, Spacer

from kit.pdf.flowables import safe, short_url
from kit.pdf.labels import long_date, numbers, safeguarding_notes
from kit.pdf.measure import MARGIN, frame_size
from kit.pdf.story import BULLET, Context
from kit.pdf.templates import Output

WIDTH, HEIGHT = frame_size(A4, MARGIN)


def heading(ctx: Context) -> list:
    """Return the title, the session and, when known, the school and date of the visit."""
    spec = ctx.session.spec
    where = " · ".join(filter(None, [spec.school.strip()[:120],
                                     long_date(spec.date, ctx.langs[0]) if spec.date else ""]))
    out = [Paragraph(safe(ctx.words("teacher-sheet")), ctx.st.title), Paragraph(safe(ctx.title()), ctx.st.h3)]
    out += [ctx.plain(where, ctx.st.label)] if where else []
    return out + (ctx.say("drafts", ctx.st.label) if has_drafts(ctx) else [])


def has_drafts(ctx: Context) -> bool:
    """Say whether the sheet prints Welsh that a Welsh speaker has not yet approved."""
    if "cy" not in ctx.langs:
        return False
    sheet = ctx.session.audience.teacher
    own = (*sheet.lead_in, *sheet.follow_up) if sheet else ()
    return ctx.session.uses_welsh_drafts() or any(t.is_draft for t in own)


def visit(ctx: Context) -> list:
    """Return the lead-in before the visit and the follow-up after it, or say there is none."""
    sheet = ctx.session.audience.teacher
    if sheet is None:
        return ctx.say("teacher-none")
    out = [ctx.heading("teacher-before")]
    for line in sheet.lead_in:
        out += ctx.paras(line, prefix=BULLET)
    out.append(ctx.heading("teacher-after"))
    for line in sheet.follow_up:
        out += ctx.paras(line, prefix=BULLET)
    return out


def disclosure(ctx: Context) -> list:
    """Return what to do if a pupil tells the teacher something (the fixed safeguarding notes)."""
    out = [ctx.heading("teacher-tells")]
    for note in safeguarding_notes(ctx.session.nation)[1:]:
        out += ctx.fixed(note, prefix=BULLET)
    return out


def signposting(ctx: Context) -> list:
    """Return each advice link and helpline as one line: label, organisation, address, numbers."""
    lang, out = ctx.langs[0], [ctx.heading("help")]
    for link in ctx.session.links:
        parts = [link.organisation, short_url(link.url) if link.url else "", *numbers(link, lang)]
        words = " · ".join(p for p in parts if p)
        name = " / ".join(ctx.versions(link.label))
        out.append(Paragraph(f"<b>{safe(name)}</b>: {safe(words)}", ctx.st.body))
    return out


def compose(out: Output, ctx: Context) -> None:
    """Print the one-page sheet, COPIES times."""
    story = [*heading(ctx), *visit(ctx), *disclosure(ctx), *signposting(ctx), Spacer(1, 4),
             Paragraph(safe(ctx.words("not-fault")), ctx.st.label)]
    fitted = KeepInFrame(WIDTH, HEIGHT - 1, story, mode="shrink", hAlign="LEFT")
    out.print_pages(out.layout([fitted]), ctx.options.copies)
