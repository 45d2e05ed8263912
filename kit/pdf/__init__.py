"""Print documents. Contract (kept by kit.pdf once built):

    render(kind: str, session: kit.sessions.model.Session, options: RenderOptions | None = None) -> bytes
    KINDS: dict[str, DocumentKind]  # "lesson-plan", "handout", "handout-a5", "quiz", "answer-key",
                                    # "cards", "poster", "parent-letter", "pack"
    RenderOptions(organisation: str = "Safer Sessions Kit", large_print: bool = False, copies: int = 1)
    DocumentKind.filename(session) -> str   # a safe download name, e.g. "handout-lower-secondary-core.pdf"

Also: render_document(...) -> Rendered (the PDF and the QR codes drawn on each sheet), for tests.
"""

from __future__ import annotations

from kit.pdf.options import RenderOptions
from kit.pdf.registry import KINDS, DocumentKind, kind
from kit.pdf.templates import Rendered
from kit.sessions.model import Session


def render_document(kind_id: str, session: Session, options: RenderOptions | None = None) -> Rendered:
    """Return the document KIND_ID for SESSION with the QR codes drawn on each sheet."""
    return kind(kind_id).render(session, options)


def render(kind_id: str, session: Session, options: RenderOptions | None = None) -> bytes:
    """Return the document KIND_ID for SESSION as PDF bytes; ValueError for an unknown kind."""
    return render_document(kind_id, session, options).pdf


__all__ = ["KINDS", "DocumentKind", "RenderOptions", "Rendered", "render", "render_document"]
