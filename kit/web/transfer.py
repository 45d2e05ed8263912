"""Save a session as a file, and import one from another install as a new session."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, flash, redirect, render_template, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from werkzeug.utils import secure_filename
from wtforms import BooleanField

from kit.sessions import transfer
from kit.sessions.model import CEOP_ASSEMBLY_ADVICE
from kit.store import sessions as store
from kit.web.auth import signed_in_only
from kit.web.database import db_session
from kit.web.editing import load
from kit.web.forms import refuse

bp = Blueprint("transfer", __name__, url_prefix="/sessions")
signed_in_only(bp)


class ImportForm(FlaskForm):
    """A session file, and the assembly confirmation the new-session form also asks for."""

    file = FileField("Session file", validators=[FileRequired("Choose a session file")])
    confirm_assembly = BooleanField("I have read this advice and still want to deliver an assembly")


@bp.get("/<int:session_id>/session.yaml")
def export_session(session_id: int):
    """Send the session as a YAML file (it may name school contacts: never cached)."""
    record, spec = load(session_id)
    stem = secure_filename(record.title).lower()[:60] or "session"
    return Response(transfer.export_yaml(spec), mimetype="application/yaml", headers={
        "Content-Disposition": f'attachment; filename="{stem}.session.yaml"', "Cache-Control": "no-store"})


@bp.route("/import", methods=["GET", "POST"])
def import_session():
    """Ask for a session file; store it as a new session of the signed-in user."""
    form = ImportForm()
    if form.validate_on_submit():
        try:
            spec = transfer.import_yaml(form.file.data.read(transfer.MAX_BYTES + 1),
                                        current_app.extensions["kit.library"], bool(form.confirm_assembly.data))
        except transfer.TransferError as exc:
            target = form.confirm_assembly if exc.field == "confirm_assembly" else form.file
            refuse(target, str(exc))
        else:
            record = store.create(db_session(), current_user.user, spec)
            flash(f"Imported “{record.title}” as a new session.", "success")
            return redirect(url_for("sessions.builder", session_id=record.id))
    return render_template("sessions/import.html", form=form, advice=CEOP_ASSEMBLY_ADVICE)
