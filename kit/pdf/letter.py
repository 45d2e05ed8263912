"""The letter that goes with a session, written for its reader: a letter home for a pupil plan, an
invitation for parents, a staff briefing for professionals, a community note for adults.

The words are blocks (paragraphs, headings, lists, links), printed as a PDF here and written as
plain text or HTML for a school's messaging app (kit.pdf.twin), so there is one source for each.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer

from kit.content.vocab import PUPIL_AUDIENCES
from kit.pdf.brand import letterhead
from kit.pdf.flowables import clip, safe
from kit.pdf.labels import TALK, label, long_date
from kit.pdf.measure import MARGIN, frame_size, story_height
from kit.pdf.options import RenderOptions
from kit.pdf.signposts import cell_min, grid, qr_row
from kit.pdf.story import BULLET, Context, key_messages, phone_line, with_url
from kit.pdf.templates import Output
from kit.sessions.model import SCHOOL_MAX, Session

WIDTH = A4[0] - 2 * MARGIN
# Who reads the letter, by audience: the labels.py keys end in these.
READER = {"parents-carers": "invite", "professionals": "staff", "adults": "community"}
LETTER_PT = 12  # body size of a letter to adults (18 in large print), not the pupils' 14 pt
Block = tuple[str, object]  # ("p" | "h2" | "ul" | "links" | "sign", content)


def reader_of(session: Session) -> str:
    """Return who SESSION's letter is for: 'home' (a pupil plan), 'invite', 'staff' or 'community'."""
    return "home" if session.audience.id in PUPIL_AUDIENCES else READER[session.audience.id]


def label_key(session: Session) -> str:
    """Return the labels.py key naming SESSION's letter: a letter home, an invitation, a staff briefing, a note."""
    kind = reader_of(session)
    return "parent-letter" if kind == "home" else f"letter-{kind}"


def led_by(ctx: Context, lang: str) -> str:
    """Return who leads the session: the officer who signs (name and role) and the organisation;
    never the kit's own name, which is no organisation a parent knows."""
    signed = clip(" ".join(ctx.options.signed.split()), 120)
    organisation = "" if ctx.organisation == RenderOptions.organisation else ctx.organisation
    return ", ".join(part for part in (signed, organisation) if part) or label("officer", lang)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def when_where(ctx: Context, lang: str) -> str:
    """Return ' at SCHOOL on DATE' (each part only when the officer gave it), in LANG."""
    spec = ctx.session.spec
    school = clip(spec.school.strip(), SCHOOL_MAX)
    out = label("at", lang, place=school) if school else ""
    return out + (label("on", lang, date=long_date(spec.date, lang)) if spec.date else "")


def blocks(ctx: Context, lang: str) -> list[Block]:
    """Return the letter in LANG as blocks, from greeting to signature."""
    kind, title = reader_of(ctx.session), ctx.titles()[min(ctx.langs.index(lang), len(ctx.titles()) - 1)]
    who = led_by(ctx, lang)
    out: list[Block] = [("p", label(f"dear-{kind}", lang)),
                        ("p", label(f"intro-{kind}", lang, who=who, title=title, when=when_where(ctx, lang))),
                        ("h2", label("covers" if kind == "home" else "covers-session", lang)),
                        ("ul", [f"{m.title.get(lang)}: {m.summary.get(lang)}" for m in ctx.session.modules])]
    if kind in ("home", "invite"):
        out += [("h2", label("talk", lang)), ("ul", [tip.get(lang, tip["en"]) for tip in TALK])]
    if kind == "staff":
        told = key_messages(ctx, covers=("respond-to-disclosure",))
        out += [("h2", label("if-told", lang)), ("ul", [m.text.get(lang) for m in told])] if told else []
    # Letters home and to parents carry the crisis route (issue 9) before the helplines.
    crisis = [("p", label("crisis-parent", lang))] if kind in ("home", "invite") else []
    out += [("h2", label("where-help", lang)), *crisis, ("links", lang)]
    return out + [("p", label(f"questions-{kind}", lang)), ("p", label("sincerely", lang)), ("sign", _capital(who))]


def plain_text(ctx: Context) -> str:
    """Return the letter as plain text (every language, links written out), to paste into an app."""
    parts = []
    for lang in ctx.langs:
        for kind, content in blocks(ctx, lang):
            if kind == "ul":
                parts.append("\n".join(f"- {item}" for item in content))
            elif kind == "links":
                parts.append("\n".join(f"- {line}" for line in link_lines(ctx, lang)))
            else:  # a paragraph, a heading or the signature
                parts.append(str(content))
    return "\n\n".join(parts) + "\n"


def link_lines(ctx: Context, lang: str) -> list[str]:
    """Return each advice page ('label: address') and helpline ('name: number') in LANG."""
    pages = [f"{k.label.get(lang)}: {k.url}" for k in with_url(ctx.session.links)]
    return pages + [phone_line(k, lang) for k in ctx.session.links if not k.url and (k.phone or k.text_number)]


def close_item(body: ParagraphStyle) -> ParagraphStyle:
    """Return BODY with almost no space after it, for list items set close."""
    return body.clone(f"{body.name}-close", spaceAfter=body.fontSize * 0.05)


def flowables(ctx: Context, lang: str, close: bool = False) -> list:
    """Return the letter in LANG as flowables: up to two QR codes for its links, numbers on one line
    (list items and the signature CLOSE together, for a letter that would just miss its page)."""
    out: list = []
    item = close_item(ctx.st.body) if close else None
    for kind, content in blocks(ctx, lang):
        if kind == "h2":
            out.append(Paragraph(safe(str(content)), ctx.st.h2))
        elif kind == "ul":
            out += [ctx.plain(BULLET + line, item) for line in content]
        elif kind == "links":
            linked = with_url(ctx.session.links)[:2]
            # Side by side only when each half holds the widest part of an address: never cut a name.
            columns = 2 if cell_min(ctx, linked) <= WIDTH / 2 else 1
            codes = [qr_row(ctx, link, WIDTH / columns) for link in linked]
            phones = [safe(phone_line(k, lang)) for k in ctx.session.links if k.phone or k.text_number]
            out += grid(codes, WIDTH, columns) + ([Paragraph(" · ".join(phones), ctx.st.body)] if phones else [])
        elif kind == "sign":  # never a signature alone over the page from its 'Yours sincerely'
            gap = 8 if close else 18
            out[-1:] = [KeepTogether([out[-1], Spacer(1, gap), Paragraph(safe(str(content)), ctx.st.label)])]
        else:
            out.append(Paragraph(safe(str(content)), ctx.st.body))
    return out


def compose(out: Output, ctx: Context) -> None:
    """Print the letter under the organisation's letterhead (a bilingual letter in Welsh, then in
    English), COPIES times (one per family)."""
    ctx = Context.of(ctx.session, ctx.options, pt=LETTER_PT)  # adults read it, whoever the lesson is for
    story = []
    for n, lang in enumerate(ctx.langs):
        # Each language's letter labels its codes in its own language only.
        story += ([PageBreak()] if n else letterhead(ctx, WIDTH)) + fitted(ctx.alone(lang), lang)
    out.print_pages(out.layout(story), ctx.options.copies)


def fitted(ctx: Context, lang: str) -> list:
    """Return the letter in LANG as usually set, or set closer when only that keeps it to one page."""
    height = frame_size(A4)[1]
    usual = flowables(ctx, lang)
    if story_height(usual, WIDTH) <= height:
        return usual
    close = flowables(ctx, lang, close=True)
    return close if story_height(close, WIDTH) <= height else usual


def html_parts(ctx: Context, lang: str) -> list[str]:
    """Return the letter in LANG as HTML fragments (links written out and clickable)."""
    from html import escape  # noqa: PLC0415

    out = []
    for kind, content in blocks(ctx, lang):
        if kind == "ul":
            out.append("<ul>" + "".join(f"<li>{escape(item)}</li>" for item in content) + "</ul>")
        elif kind == "links":
            items = [f'<li><a href="{escape(k.url)}">{escape(k.label.get(lang))}</a>: {escape(k.url)}</li>'
                     for k in with_url(ctx.session.links)]
            items += [f"<li>{escape(phone_line(k, lang))}</li>" for k in ctx.session.links
                      if not k.url and (k.phone or k.text_number)]
            out.append("<ul>" + "".join(items) + "</ul>")
        elif kind == "h2":
            out.append(f"<h2>{escape(str(content))}</h2>")
        else:
            out.append(f"<p>{escape(str(content))}</p>")
    return out
