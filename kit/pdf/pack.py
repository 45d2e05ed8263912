"""The pack: every document of a session in one PDF, in the order an officer uses them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from kit.pdf.story import Context
from kit.pdf.templates import Output

# The A5 handout is left out: the pack already holds the A4 handout. The teacher's sheet follows
# the lesson plan (the teacher gets both before the visit); the answer cards follow the quiz.
ORDER = ("lesson-plan", "teacher-sheet", "handout", "quiz", "answer-key", "answer-cards", "cards", "poster",
         "parent-letter")

Compose = Callable[[Output, Context], None]


def composer(parts: Sequence[tuple[str, Compose]]) -> Compose:
    """Return a compose function printing each of PARTS (title, compose) once, bookmarked by title."""
    def compose(out: Output, ctx: Context) -> None:
        """Compose every part once into OUT, each opening with a bookmark."""
        single = Context(ctx.session, replace(ctx.options, copies=1), ctx.st)
        for title, part in parts:
            out.bookmark(title)
            part(out, single)
    return compose
