"""Download a session's chosen questions as a quiz for Moodle, Kahoot and other tools."""

from __future__ import annotations

import io

from flask import Blueprint, abort, render_template, request, send_file

from kit.quiz.formats import FORMATS, filename, session_quiz
from kit.web.auth import signed_in_only
from kit.web.editing import assembled

bp = Blueprint("quizzes", __name__, url_prefix="/sessions/<int:session_id>/quiz")
signed_in_only(bp)
LANG_NAMES = {"en": "English", "cy": "Welsh"}


@bp.get("")
def formats(session_id: int):
    """List every format in each of the session's languages, with the questions each would leave out."""
    record, session = assembled(session_id)
    stems = {lang: {q.id: q.stem.get(lang) for q in session.questions} for lang in session.langs}
    left_out = {(lang, fmt.id): fmt.write(session_quiz(session, lang)).left_out
                for lang in session.langs for fmt in FORMATS.values()}
    drafts = {lang: session_quiz(session, lang).welsh_drafts() for lang in session.langs}
    return render_template("quiz/formats.html", record=record, session=session, formats=FORMATS,
                           left_out=left_out, stems=stems, drafts=drafts, lang_names=LANG_NAMES)


@bp.get("/<format_id>")
def download(session_id: int, format_id: str):
    """Send the quiz in one format as an attachment."""
    lang = request.args.get("lang", "")
    record, session = assembled(session_id)
    lang = lang or session.langs[0]
    if format_id not in FORMATS or lang not in session.langs:
        abort(404)
    fmt = FORMATS[format_id]
    result = fmt.write(session_quiz(session, lang))
    return send_file(io.BytesIO(result.data), mimetype=fmt.mimetype, as_attachment=True,
                     download_name=filename(session, format_id, lang), max_age=0)
