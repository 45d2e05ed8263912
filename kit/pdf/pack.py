"""The pack: every document of a session in one PDF, in the order an officer uses them."""

from __future__ import annotations

from dataclasses import replace

from kit.pdf.story import Context
from kit.pdf.templates import Output

# The A5 handout is left out: the pack already holds the A4 handout.
ORDER = ("lesson-plan", "handout", "quiz", "answer-key", "cards", "poster", "parent-letter")


def compose(out: Output, ctx: Context) -> None:
    """Compose every document of the session once into OUT, in ORDER."""
    from kit.pdf.registry import KINDS  # noqa: PLC0415 - the registry lists the pack itself

    single = Context(ctx.session, replace(ctx.options, copies=1), ctx.st)
    for kind_id in ORDER:
        KINDS[kind_id].compose(out, single)
