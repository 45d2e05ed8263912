"""Preview a session in the browser and download its PDFs (nothing here changes the session)."""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata

from flask import Blueprint, abort, current_app, render_template, send_file
from flask_login import current_user
from werkzeug.utils import secure_filename

from kit.sessions.model import Session
from kit.web import pages
from kit.web.auth import signed_in_only
from kit.web.editing import assembled, library
from kit.web.render_cache import render_cache

bp = Blueprint("exports", __name__, url_prefix="/sessions/<int:session_id>")
signed_in_only(bp)

# The documents an officer can download, in the order the builder lists them.
DOCUMENTS = {
    "pack": "Whole pack (every document in one PDF)",
    "lesson-plan": "Lesson plan",
    "handout": "Handout (A4)",
    "handout-a5": "Handout (A5, two to a sheet)",
    "quiz": "Quiz sheet",
    "answer-key": "Answer key",
    "cards": "Pocket cards",
    "poster": "Poster (A4)",
    "parent-letter": "Letter to parents and carers",
    "answer-cards": "A–D answer cards (one each, for the quiz)",
    "teacher-sheet": "Before and after the visit (one page for the class teacher)",
}
# Accessible versions beside the PDFs (kit.pdf's twins): a web page per pupil and parent
# document, and the letter as plain text for a school's messaging app.
TWIN_NAMES = {"html": "accessible web page", "txt": "plain text for a messaging app"}
# Shown as page images on the preview page: what pupils, the classroom and parents will see.
PREVIEW_KINDS = {"handout": "Handout", "poster": "Poster", "parent-letter": "Letter to parents and carers"}
# Windows refuses these as file names whatever the extension.
RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)(\.|$)", re.IGNORECASE)


def documents(session: Session) -> dict[str, str]:
    """Return the documents SESSION has a reader for, named for that reader: a parents' evening gets
    an invitation instead of a letter home, and no sheet for a class teacher it does not have."""
    from kit.pdf import KINDS  # noqa: PLC0415 - ReportLab loads only when a document is first asked for

    return {kind: named_for(kind, name, session) for kind, name in DOCUMENTS.items() if KINDS[kind].serves(session)}


def named_for(kind: str, name: str, session: Session) -> str:
    """Return NAME, or the document's title for SESSION's reader where that title depends on the reader."""
    from kit.pdf import KINDS  # noqa: PLC0415

    document = KINDS[kind]
    return name if document.title_of(session) == document.title else document.title_of(session)


def twins() -> dict[str, list[str]]:
    """Return, per document kind offered, the formats of its accessible versions ('html', 'txt')."""
    from kit.pdf import TWINS  # noqa: PLC0415 - ReportLab loads only when a document is first asked for

    return {kind: ["html"] + (["txt"] if kind == "parent-letter" else [])
            for kind in DOCUMENTS if kind in TWINS}


def download_name(name: str, kind: str, ext: str = "pdf") -> str:
    """Return NAME as a safe ASCII file name ending .EXT (no paths, CR/LF or reserved names)."""
    stem = secure_filename(name.rsplit(f".{ext}", 1)[0] if name.lower().endswith(f".{ext}") else name)
    stem = stem.encode("ascii", "ignore").decode("ascii")[:80].strip("._-")
    if not stem or RESERVED.match(stem):
        stem = f"{kind}-{stem}" if stem else kind
    return f"{stem}.{ext}"


def document_name(kind: str, session: Session, ext: str = "pdf") -> str:
    """Return e.g. 'handout-year-6-st-marys-2026-12-08.pdf': the document (named for its reader), the
    session's title, school and date."""
    from kit.pdf import KINDS  # noqa: PLC0415

    spec = session.spec
    words = [KINDS[kind].stem_of(session), session.title, spec.school, spec.date.isoformat() if spec.date else ""]
    if spec.lang != "en":
        words.append(spec.lang)
    if spec.large_print:
        words.append("large print")  # never the same name as the usual edition
    text = unicodedata.normalize("NFKD", " ".join(words)).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", re.sub(r"['`]", "", text)).strip("-")  # St Mary's -> st-marys
    return download_name(slug[:120].rstrip("-"), kind, ext)


def render_options(session: Session):
    """Return the print options for SESSION: the organisation (name, address, logo), large print, who signs."""
    from kit import pdf  # noqa: PLC0415

    local = current_app.extensions["kit.local"].current  # the force's own details (kit.web.local)
    return pdf.RenderOptions(**local.printed(current_app.config["ORGANISATION"]),
                             large_print=session.spec.large_print,
                             signed=current_user.user.signature)  # name and role, as letters are signed


def rendered(kind: str, record, session: Session) -> bytes:
    """Return the PDF of KIND for SESSION, from the render cache when this version was built today."""
    from kit import pdf  # noqa: PLC0415

    options = render_options(session)
    key = (record.id, record.created_at, record.version, kind, options, dt.date.today())
    data = render_cache().get(key)
    if data is None:
        data = pdf.render(kind, session, options)
        render_cache().put(key, data)
    return data


@bp.get("/preview")
def preview(session_id: int):
    """Show the handout and the lesson plan as a web page, with links to the PDFs."""
    record, session = assembled(session_id)
    previews = {kind: pages.count(rendered(kind, record, session)) for kind in PREVIEW_KINDS}
    return render_template("exports/preview.html", record=record, session=session,
                           documents=documents(session), twins=twins(), twin_names=TWIN_NAMES, lib=library(),
                           previews=previews,
                           preview_names={kind: named_for(kind, name, session) for kind, name in PREVIEW_KINDS.items()})


@bp.get("/preview/<kind>/<int:number>.png")
def page_image(session_id: int, kind: str, number: int):
    """Send page NUMBER of document KIND as a PNG, drawn from the PDF the officer would download."""
    if kind not in PREVIEW_KINDS:
        abort(404)
    record, session = assembled(session_id)
    image = pages.png(rendered(kind, record, session), number)
    if image is None:
        abort(404)
    response = send_file(io.BytesIO(image), mimetype="image/png", max_age=0)
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.get("/download/<kind>.pdf")
def download(session_id: int, kind: str):
    """Send one document (or the whole pack) as a PDF attachment named after the session; 404 for one
    the session's readers do not use or whose edition does not exist (no large-print A5)."""
    record, session = assembled(session_id)
    if kind not in documents(session):  # an unknown kind is in no session's documents
        abort(404)
    return send_file(io.BytesIO(rendered(kind, record, session)), mimetype="application/pdf",
                     as_attachment=True, download_name=document_name(kind, session), max_age=0)


@bp.get("/download/<kind>.<any(html, txt):ext>")
def download_twin(session_id: int, kind: str, ext: str):
    """Send a document's accessible version: a web page, or the letter as plain text."""
    from kit import pdf  # noqa: PLC0415

    if ext not in twins().get(kind, ()):
        abort(404)
    record, session = assembled(session_id)
    options = render_options(session)
    text = pdf.twin_html(kind, session, options) if ext == "html" else pdf.letter_text(session, options)
    mimetype = "text/html" if ext == "html" else "text/plain"
    return send_file(io.BytesIO(text.encode("utf-8")), mimetype=mimetype, as_attachment=True,
                     download_name=document_name(kind, session, ext), max_age=0)
