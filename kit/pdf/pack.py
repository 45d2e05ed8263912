"""The pack: every document of a session in one PDF, in the order an officer uses them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Protocol

from kit.pdf.story import Context
from kit.pdf.templates import Output
from kit.sessions.model import Session

# The A5 handout is left out: the pack already holds the A4 handout. The teacher's sheet follows
# the lesson plan (the teacher gets both before the visit); the answer cards follow the quiz.
ORDER = ("lesson-plan", "teacher-sheet", "handout", "quiz", "answer-key", "answer-cards", "cards", "poster",
         "parent-letter")

Compose = Callable[[Output, Context], None]


class Part(Protocol):
    """A document the pack holds (a kit.pdf.registry.DocumentKind)."""

    compose: Compose

    def serves(self, session: Session) -> bool: ...

    def title_of(self, session: Session) -> str: ...


def composer(parts: Sequence[Part]) -> Compose:
    """Return a compose function printing each of PARTS the session has a reader for once, bookmarked by title."""
    def compose(out: Output, ctx: Context) -> None:
        """Compose every part once into OUT, each opening with a bookmark."""
        single = Context(ctx.session, replace(ctx.options, copies=1), ctx.st)
        for part in parts:
            if part.serves(ctx.session):
                out.bookmark(part.title_of(ctx.session))
                part.compose(out, single)
    return compose
