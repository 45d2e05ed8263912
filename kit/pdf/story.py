"""What every document kind needs to write its story: the session, its languages and styles."""

from __future__ import annotations

from dataclasses import dataclass, replace

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from kit.content.models import KeyMessage, Link, Text
from kit.content.vocab import MESSAGES
from kit.pdf.flowables import clip, safe
from kit.pdf.labels import label, long_date
from kit.pdf.options import MAX_COPIES, ORGANISATION_MAX, RenderOptions
from kit.pdf.styles import Styles, body_pt, styles
from kit.pdf.templates import Meta
from kit.sessions.model import TITLE_MAX, Session

BULLET = "• "
# Messages that have their own place on a document, not in the numbered steps.
OWN_PLACE = ("not-your-fault", "spot-the-signs", "support-a-friend")


def hanging(style: ParagraphStyle) -> ParagraphStyle:
    """Return STYLE with the lines after the first indented past BULLET (wrapped text starts under text)."""
    hang = stringWidth(BULLET, style.fontName, style.fontSize)
    return style.clone(f"{style.name}-hanging", leftIndent=style.leftIndent + hang,
                       firstLineIndent=style.firstLineIndent - hang)


@dataclass(frozen=True)
class Context:
    """One document's session, options and styles, with helpers that escape every text."""

    session: Session
    options: RenderOptions
    st: Styles

    @classmethod
    def of(cls, session: Session, options: RenderOptions, pt: int | None = None) -> Context:
        """Return the context for SESSION, at the audience's body size unless PT is given."""
        large = options.large_print or session.spec.large_print
        options = replace(options, copies=max(1, min(int(options.copies), MAX_COPIES)))
        return cls(session, options, styles(body_pt(pt or session.audience.body_pt, large)))

    def alone(self, lang: str) -> Context:
        """Return this context printing in LANG only (one edition of a bilingual pair)."""
        return replace(self, session=self.session.in_language(lang))

    def editions(self) -> list[Context]:
        """Return one context per print language, Welsh first (one when the document is not bilingual)."""
        return [self.alone(lang) for lang in self.langs] if len(self.langs) > 1 else [self]

    @property
    def large(self) -> bool:
        """Return whether this is a large-print document."""
        return self.options.large_print or self.session.spec.large_print

    @property
    def langs(self) -> tuple[str, ...]:
        """Return the print languages, Welsh first when bilingual."""
        return self.session.langs

    @property
    def organisation(self) -> str:
        """Return the organisation's name as printed (plain text, capped)."""
        name = " ".join("".join(c if c.isprintable() else " " for c in self.options.organisation).split())
        return clip(name, ORGANISATION_MAX) or "Safer Sessions Kit"

    def words(self, key: str, **values: object) -> str:
        """Return fixed words KEY as plain text: 'Welsh / English' when bilingual (short labels only)."""
        return " / ".join(self.each(key, **values))

    def each(self, key: str, **values: object) -> list[str]:
        """Return fixed words KEY in each print language, Welsh first, once when they are the same."""
        return list(dict.fromkeys(label(key, lang, **values) for lang in self.langs))

    def runs(self, found: list[str]) -> str:
        """Return FOUND (one text per print language) as markup: the second on its own line in the
        second language's face, never run on after a slash."""
        first = safe(found[0])
        if len(found) == 1:
            return first
        second = self.st.second
        return f'{first}<br/><font name="{second.fontName}" color="#{second.textColor.hexval()[2:]}">' \
               f"{safe(found[1])}</font>"

    def titles(self) -> list[str]:
        """Return the session title once per print language (as plain text)."""
        spec, plan = self.session.spec, self.session.plan
        if plan and spec.title in ("", plan.title.en):
            return self.versions(plan.title)
        return [clip(spec.title, TITLE_MAX) if spec.title else self.session.title]

    def title(self) -> str:
        """Return the session title as plain text, visibly shortened past TITLE_MAX."""
        return " / ".join(self.titles())

    def voice(self, part: str) -> list[str]:
        """Return the audience's own words PART ('poster', 'card' or 'last') in each print language.

        Without them in the library: the session title for a headline, nothing for last words.
        """
        words = self.session.audience.print_words
        if words is None:
            return [] if part == "last" else self.titles()
        return self.versions(getattr(words, part))

    def versions(self, value: Text) -> list[str]:
        """Return VALUE in each print language (once when there is no Welsh)."""
        return list(dict.fromkeys(value.get(lang) for lang in self.langs))

    def paras(self, value: Text, style: ParagraphStyle | None = None, prefix: str = "",
              suffix: str = "", second: ParagraphStyle | None = None) -> list:
        """Return VALUE as escaped paragraphs, the second language in the SECOND style; a PREFIX that
        starts with a bullet hangs, so wrapped lines start under the text."""
        style, second = style or self.st.body, second or self.st.second
        if prefix.startswith(BULLET):
            style, second = hanging(style), hanging(second)
        found = self.versions(value)
        out = [Paragraph(prefix + safe(found[0]) + suffix, style)]
        if len(found) > 1:
            out.append(Paragraph(prefix + safe(found[1]) + suffix, second))
        return out

    def fixed(self, words: dict[str, str], style: ParagraphStyle | None = None, prefix: str = ""):
        """Return fixed bilingual WORDS ({'en': …, 'cy': …}) as paragraphs, like paras()."""
        return self.paras(Text(en=words["en"], cy=words["cy"], cy_review="draft"), style, prefix)

    def say(self, key: str, style: ParagraphStyle | None = None, **values: object) -> list:
        """Return fixed sentences KEY as paragraphs: Welsh, then English in the second style."""
        words = {lang: label(key, lang, **values) for lang in ("en", "cy")}
        return self.fixed(words, style)

    def plain(self, text: str, style: ParagraphStyle | None = None, limit: int | None = None):
        """Return officer-entered or fixed TEXT as one escaped paragraph (hanging, if it starts with a bullet)."""
        style = style or self.st.body
        return Paragraph(safe(text, limit), hanging(style) if text.startswith(BULLET) else style)

    def heading(self, key: str, style: ParagraphStyle | None = None, **values: object):
        """Return fixed words KEY as a heading: one line per print language."""
        found = self.each(key, **values)
        heading = Paragraph(self.runs(found), style or self.st.h2)
        if style is None:  # a section: bookmarked in the PDF's outline
            heading.outline_title = " / ".join(found)
        return heading

    def meta(self, kind: str) -> Meta:
        """Return the PDF metadata and footer for the document KIND."""
        first = self.langs[0]
        checked = self.session.advice_checked
        footer = " · ".join(filter(None, [
            " / ".join(label("checked", lang, date=long_date(checked, lang)) for lang in self.langs)
            if checked else "",
            self.organisation,
        ]))
        return Meta(
            title=f"{label(kind, first)}: {self.title()}",
            subject=f"{self.session.audience.name.get(first)} · {self.session.nation.name.get(first)}",
            author=self.organisation,
            lang="cy" if first == "cy" else "en-GB",
            footer=footer,
            page_label=label("page", first, n="{n}", total="{total}"),
            footer_pt=12 if self.large else 10,
            accessible=label("accessible", first),
            keywords=clip(" ".join(self.options.edition.split()), 120),
        )


def with_url(links: tuple[Link, ...]) -> list[Link]:
    """Return the links that get a QR code: those with a URL, 'ok' ones first."""
    return sorted((k for k in links if k.url), key=lambda k: k.status != "ok")


def phone_line(link: Link, lang: str) -> str:
    """Return 'Childline: 0800 1111' for a link with a phone or text number."""
    number = link.phone or label("text", lang, number=link.text_number)
    return f"{link.title.get(lang)}: {number}"


def key_messages(ctx: Context, covers: tuple[str, ...] = (), exclude: tuple[str, ...] = ()) -> list[KeyMessage]:
    """Return the session's key messages in module order, once each, filtered by what they cover."""
    found = [m for m in ctx.session.key_messages()
             if not (covers and m.covers not in covers or m.covers in exclude)]
    # Steps follow the vocabulary's order (don't pay, block, evidence, report, …), then the rest.
    rank = {m: i for i, m in enumerate(MESSAGES)}
    return sorted(found, key=lambda m: rank.get(m.covers, len(rank)))


def first_steps(ctx: Context, most: int) -> list[KeyMessage]:
    """Return at most MOST numbered steps, the crisis route always among them (last) when there is one."""
    steps = key_messages(ctx, exclude=OWN_PLACE)
    crisis = [m for m in steps if m.covers == "crisis"][:1]
    return [m for m in steps if m.covers != "crisis"][:most - len(crisis)] + crisis
