"""Accessible twins: each pupil and parent document (handout, poster, letter) as one HTML page.

ReportLab cannot tag a PDF for screen readers, so the twin is the accessible format: real
headings and lists, a link for every QR code with its address written out, `lang` on every
language's part, and nothing loaded from anywhere (it opens offline and pastes into a school's
messaging app). Written from the same library words as the PDFs.
"""

from __future__ import annotations

import base64
from html import escape

from kit.pdf import letter as printed
from kit.pdf.handout import steps as handout_steps
from kit.pdf.handout import topics as back_topics
from kit.pdf.labels import heading_for, label, numbers
from kit.pdf.options import RenderOptions
from kit.pdf.registry import KINDS
from kit.pdf.story import Context, key_messages, with_url
from kit.sessions.model import Session

STYLE = ("body{font-family:system-ui,sans-serif;font-size:1.15rem;line-height:1.5;max-width:42rem;"
         "margin:1rem auto;padding:0 1rem;color:#1b1f24}h1,h2{color:#0f2d52}a{color:#0b5563}"
         "section+section{border-top:2px solid #7f95ab;margin-top:2rem}.logo{height:3rem;width:auto}")
HTML_LANG = {"en": "en-GB", "cy": "cy"}


def e(text: str) -> str:
    """Return TEXT escaped for HTML text and attributes."""
    return escape(text, quote=True)


def help_list(ctx: Context, lang: str) -> str:
    """Return 'who can help' in LANG: a link per advice page (address written out), then numbers."""
    items = []
    for link in with_url(ctx.session.links):
        extra = "".join(f" · {e(n)}" for n in numbers(link, lang))
        items.append(f'<li><a href="{e(link.url)}">{e(link.label.get(lang))}</a>: {e(link.url)}{extra}</li>')
    for link in (k for k in ctx.session.links if not k.url):
        lines = numbers(link, lang) + ([link.hours] if link.hours else [])
        items.append(f"<li>{e(link.label.get(lang))}: {e(' · '.join(lines))}</li>")
    return f"<h2>{e(label('help', lang))}</h2><ul>{''.join(items)}</ul>"


def steps(ctx: Context, lang: str, limit: int | None = None) -> str:
    """Return the numbered steps in LANG as an ordered list."""
    items = "".join(f"<li>{e(m.text.get(lang))}</li>" for m in handout_steps(ctx)[:limit])
    return f"<h2>{e(label('now', lang))}</h2><ol>{items}</ol>"


def last_words(ctx: Context, lang: str) -> str:
    """Return the audience's last words in LANG (from the library), if it has them."""
    words = ctx.session.audience.print_words
    return f"<p><strong>{e(words.last.get(lang))}</strong></p>" if words else ""


def handout(ctx: Context, lang: str) -> str:
    """Return the handout's words in LANG: steps, who can help, the back's topics, last words."""
    out = [f"<h1>{e(title(ctx, lang))}</h1>", steps(ctx, lang),
           help_list(ctx, lang)]
    for heading, covers in back_topics(ctx):
        messages = key_messages(ctx, covers=covers)
        if messages:
            items = "".join(f"<li>{e(m.text.get(lang))}</li>" for m in messages)
            out.append(f"<h2>{e(label(heading_for(heading, ctx.session.audience.pupil), lang))}</h2><ul>{items}</ul>")
    out += [f"<p>{e(m.text.get(lang))}</p>" for m in key_messages(ctx, covers=("not-your-fault",))]
    return "".join(out) + last_words(ctx, lang)


def poster(ctx: Context, lang: str) -> str:
    """Return the poster's words in LANG: headline, the first five steps, who can help, last words."""
    words = ctx.session.audience.print_words
    head = words.poster.get(lang) if words else title(ctx, lang)
    return f"<h1>{e(head)}</h1>{steps(ctx, lang, 5)}{help_list(ctx, lang)}{last_words(ctx, lang)}"


def letter(ctx: Context, lang: str) -> str:
    """Return the parent letter's words in LANG (links written out, ready to paste)."""
    return "".join(printed.html_parts(ctx, lang))


def title(ctx: Context, lang: str) -> str:
    """Return the session title in LANG."""
    titles = ctx.titles()
    return titles[ctx.langs.index(lang)] if len(titles) > 1 else titles[0]


PARTS = {"handout": handout, "handout-a5": handout, "poster": poster, "parent-letter": letter}


def logo(ctx: Context) -> str:
    """Return the organisation's logo as an <img> carrying its picture in a data: URI ('' without one).

    An SVG in an <img> never runs scripts or loads anything (and kit.local cleaned it); the page
    stays one file that opens offline."""
    options = ctx.options
    kind, data = ("image/svg+xml", options.logo_svg) if options.logo_svg else ("image/png", options.logo)
    if not data:
        return ""
    uri = f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"
    return f'<p><img src="{uri}" alt="{e(ctx.organisation)}" class="logo"></p>'


def twin_html(kind_id: str, session: Session, options: RenderOptions | None = None) -> str:
    """Return the accessible HTML page of document KIND_ID for SESSION; ValueError for a kind without one."""
    if kind_id not in PARTS:
        raise ValueError(f"no accessible version of '{kind_id}'; kinds with one: {', '.join(PARTS)}")
    ctx = Context.of(session, options or RenderOptions())
    first = ctx.langs[0]
    sections = "".join(f'<section lang="{HTML_LANG[lang]}">{PARTS[kind_id](ctx, lang)}</section>'
                       for lang in ctx.langs)
    return (f'<!doctype html><html lang="{HTML_LANG[first]}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{e(label(KINDS[kind_id].label_of(session), first))}: {e(ctx.title())}</title>"
            f"<style>{STYLE}</style></head><body><main>{logo(ctx)}{sections}"
            f"<p>{e(ctx.organisation)}</p></main></body></html>\n")


def letter_text(session: Session, options: RenderOptions | None = None) -> str:
    """Return the session's letter as plain text, links written out, to paste into a messaging app."""
    return printed.plain_text(Context.of(session, options or RenderOptions()))
