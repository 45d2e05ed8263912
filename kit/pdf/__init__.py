"""Print documents. Contract:

    render(kind: str, session: kit.sessions.model.Session, options: RenderOptions | None = None) -> bytes
    KINDS: dict[str, DocumentKind]  # "lesson-plan", "handout", "handout-a5", "quiz", "answer-key",
                                    # "cards", "poster", "parent-letter", "pack"
    RenderOptions(organisation="Safer Sessions Kit", large_print=False, copies=1, signed="")
    twin_html(kind, session, options) -> str  # the accessible HTML page of a handout, poster or letter
    letter_text(session, options) -> str      # the letter as plain text for a school messaging app
    DocumentKind.filename(session) -> str   # a safe download name, e.g. "handout-lower-secondary-core.pdf"

Also: render_document(...) -> Rendered (the PDF and the QR codes drawn on each sheet), for tests.
"""

from __future__ import annotations

from kit.pdf.options import RenderOptions
from kit.pdf.registry import KINDS, DocumentKind, kind
from kit.pdf.sheets import Rendered
from kit.pdf.twin import PARTS as TWINS
from kit.pdf.twin import letter_text, twin_html
from kit.sessions.model import Session


def render_document(kind_id: str, session: Session, options: RenderOptions | None = None) -> Rendered:
    """Return the document KIND_ID for SESSION with the QR codes drawn on each sheet."""
    return kind(kind_id).render(session, options)


def render(kind_id: str, session: Session, options: RenderOptions | None = None) -> bytes:
    """Return the document KIND_ID for SESSION as PDF bytes; ValueError for an unknown kind."""
    return render_document(kind_id, session, options).pdf


__all__ = ["KINDS", "TWINS", "DocumentKind", "RenderOptions", "Rendered", "letter_text", "render",
           "render_document", "twin_html"]
