"""The registry of document kinds: each kind names itself and how it composes its pages."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from kit.content.vocab import PUPIL_AUDIENCES
from kit.pdf import answer_cards, cards, handout, handout_a5, lesson_plan, letter, pack, poster, quiz, teacher_sheet
from kit.pdf.labels import label as words
from kit.pdf.options import RenderOptions
from kit.pdf.pack import Compose
from kit.pdf.sheets import Rendered
from kit.pdf.story import Context
from kit.pdf.templates import Output
from kit.sessions.model import Session


@dataclass(frozen=True)
class DocumentKind:
    """One printable document: its id, human title and how it composes its pages."""

    id: str
    title: str
    compose: Compose
    label: str | Callable[[Session], str]  # the labels.py key naming it in the PDF's title (or one per reader)
    pupils_only: bool = False  # only a pupil session has a class teacher to give it to
    # Whether it has a large-print edition. At 18 pt an A5 side holds about three steps: a large-print
    # A5 ran to 5-8 part-empty pages, so large print comes on A4 (the handout) instead.
    large_print: bool = True

    def serves(self, session: Session, options: RenderOptions | None = None) -> bool:
        """Say whether SESSION has a reader for this document (a parents' evening has no class teacher),
        and whether it has the edition asked for (large print, in the session or OPTIONS)."""
        large = session.spec.large_print or bool(options and options.large_print)
        return (not self.pupils_only or session.audience.id in PUPIL_AUDIENCES) and (self.large_print or not large)

    def label_of(self, session: Session) -> str:
        """Return the labels.py key naming this document for SESSION's reader."""
        return self.label if isinstance(self.label, str) else self.label(session)

    def title_of(self, session: Session) -> str:
        """Return the title of this document for SESSION's reader (a staff briefing is no letter home)."""
        return self.title if isinstance(self.label, str) else words(self.label_of(session), "en")

    def stem_of(self, session: Session) -> str:
        """Return the start of this document's file name for SESSION's reader: its id, or its reader's
        title where that differs ('staff-briefing', not 'parent-letter', for a staff session)."""
        if isinstance(self.label, str) or self.label_of(session) == self.id:
            return self.id
        return re.sub(r"[^a-z0-9]+", "-", self.title_of(session).lower()).strip("-")

    def filename(self, session: Session, options: RenderOptions | None = None, ext: str = "pdf") -> str:
        """Return a safe download name, e.g. 'handout-lower-secondary-core-wales-large-print.pdf'."""
        base = session.plan.id if session.plan else session.audience.id
        parts = [self.stem_of(session), base, session.nation.id]
        if session.spec.lang != "en":
            parts.append(session.spec.lang)
        if session.spec.large_print or (options and options.large_print):
            parts.append("large-print")  # never the same file as the usual edition
        slug = re.sub(r"[^a-z0-9]+", "-", "-".join(parts).lower()).strip("-")
        return f"{slug[:120] or 'document'}.{ext}"

    def render(self, session: Session, options: RenderOptions | None = None) -> Rendered:
        """Return the PDF and the QR codes drawn on each sheet; ValueError for a large-print edition
        this document does not have."""
        ctx = Context.of(session, options or RenderOptions())
        if ctx.large and not self.large_print:
            raise ValueError(f"the {self.title} has no large-print edition; large print comes on A4 (the handout)")
        out = Output(ctx.meta(self.label_of(session)))
        self.compose(out, ctx)
        return out.finish()


DOCUMENTS = (
    DocumentKind("lesson-plan", "Lesson plan (officer and teacher)", lesson_plan.compose, "lesson-plan"),
    DocumentKind("handout", "Handout (A4)", handout.compose, "handout"),
    DocumentKind("handout-a5", "Handout (A5, two on an A4 sheet)", handout_a5.compose, "handout", large_print=False),
    DocumentKind("quiz", "Quiz sheet", quiz.compose_quiz, "quiz"),
    DocumentKind("answer-key", "Quiz answer key", quiz.compose_answers, "answer-key"),
    DocumentKind("cards", "Pocket cards (8 to an A4 sheet)", cards.compose, "cards"),
    DocumentKind("poster", "Poster (A4)", poster.compose, "poster"),
    DocumentKind("parent-letter", "Letter to parents and carers", letter.compose, letter.label_key),
    DocumentKind("answer-cards", "A–D answer cards (one each)", answer_cards.compose, "answer-cards"),
    DocumentKind("teacher-sheet", "Before and after the visit (class teacher, one page)",
                 teacher_sheet.compose, "teacher-sheet", pupils_only=True),
)
_BY_ID = {k.id: k for k in DOCUMENTS}
# The pack is made of the kinds above, so it is built from them; it is listed after the last
# document it holds, before the extras printed on their own.
PACK = DocumentKind("pack", "Everything in one PDF",
                    pack.composer([_BY_ID[k] for k in pack.ORDER]), "pack")
_AFTER = [k.id for k in DOCUMENTS].index(pack.ORDER[-1]) + 1
KINDS: dict[str, DocumentKind] = {k.id: k for k in (*DOCUMENTS[:_AFTER], PACK, *DOCUMENTS[_AFTER:])}


def kind(kind_id: str) -> DocumentKind:
    """Return the kind KIND_ID, or raise ValueError naming the known kinds."""
    try:
        return KINDS[kind_id]
    except (KeyError, TypeError):
        raise ValueError(
            f"unknown document kind '{kind_id}'; known kinds: {', '.join(KINDS)}"
        ) from None
