"""Preview a session in the browser and download its PDFs (nothing here changes the session)."""

from __future__ import annotations

import io
import re

from flask import Blueprint, abort, current_app, render_template, send_file
from flask_login import login_required
from werkzeug.utils import secure_filename

from kit.sessions.model import assemble
from kit.web.editing import library, load

bp = Blueprint("exports", __name__, url_prefix="/sessions/<int:session_id>")

# The documents an officer can download, in the order the builder lists them.
DOCUMENTS = {
    "pack": "Whole pack (every document in one PDF)",
    "lesson-plan": "Lesson plan",
    "handout": "Handout (A4)",
    "handout-a5": "Handout (A5, two to a sheet)",
    "quiz": "Quiz sheet",
    "answer-key": "Answer key",
    "cards": "Pocket cards",
    "poster": "Classroom poster",
    "parent-letter": "Parent and carer letter",
}
# Windows refuses these as file names whatever the extension.
RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)(\.|$)", re.IGNORECASE)


@bp.before_request
@login_required
def _signed_in():
    """Every page here needs a signed-in user."""


def available() -> dict[str, str]:
    """Return the documents the PDF package can render now."""
    try:
        from kit import pdf  # noqa: PLC0415 - PDFs load only when first asked for

        kinds = pdf.KINDS
    except (ImportError, AttributeError):
        return {}
    return {kind: name for kind, name in DOCUMENTS.items() if kind in kinds}


def download_name(name: str, kind: str) -> str:
    """Return NAME as a safe ASCII .pdf file name (no paths, CR/LF or reserved names)."""
    stem = secure_filename(name.rsplit(".pdf", 1)[0] if name.lower().endswith(".pdf") else name)
    stem = stem.encode("ascii", "ignore").decode("ascii")[:80].strip("._-")
    if not stem or RESERVED.match(stem):
        stem = f"{kind}-{stem}" if stem else kind
    return f"{stem}.pdf"


@bp.get("/preview")
def preview(session_id: int):
    """Show the handout and the lesson plan as a web page, with links to the PDFs."""
    record, spec = load(session_id)
    session = assemble(library(), spec)
    return render_template("exports/preview.html", record=record, session=session,
                           documents=available(), lib=library())


@bp.get("/download/<kind>.pdf")
def download(session_id: int, kind: str):
    """Send one document (or the whole pack) as a PDF attachment."""
    if kind not in available():
        abort(404)
    from kit import pdf  # noqa: PLC0415

    _record, spec = load(session_id)
    session = assemble(library(), spec)
    options = pdf.RenderOptions(organisation=current_app.config["ORGANISATION"],
                                large_print=spec.large_print)
    data = pdf.render(kind, session, options)
    name = download_name(pdf.KINDS[kind].filename(session), kind)
    return send_file(io.BytesIO(data), mimetype="application/pdf", as_attachment=True,
                     download_name=name, max_age=0)
