"""The force's own content, edited by leads: links, organisation name, address line and logo.

Leads only; to anyone else these pages do not exist (404). Views are thin: kit.local checks, stores
and reverts; this module reads the form and shows the result. `init_app` gives the app its
LibraryHolder, asked at every request whether a lead saved a new version.
"""

from __future__ import annotations

from flask import Blueprint, Flask, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from sqlalchemy.exc import SQLAlchemyError
from wtforms import BooleanField, FileField, StringField, TextAreaField
from wtforms.validators import Length

from kit.local import logo, overlay, versions
from kit.local.holder import LibraryHolder
from kit.web.database import db_session
from kit.web.forms import ConfirmForm
from kit.web.render_cache import reload_library

bp = Blueprint("local", __name__, url_prefix="/local")
EXTENSION = "kit.local"
LINKS_MAX = 100_000  # characters of YAML: a force's handful of links is a few thousand


class LocalForm(FlaskForm):
    """The force's own details and links, as a lead edits them."""

    organisation = StringField("Organisation name", validators=[Length(max=overlay.ORGANISATION_MAX)])
    address = StringField("Address line for letters", validators=[Length(max=overlay.ADDRESS_MAX)])
    logo = FileField("Logo (PNG)")
    remove_logo = BooleanField("Remove the logo")
    links = TextAreaField("Your force's links", validators=[Length(max=LINKS_MAX)])


def init_app(app: Flask) -> None:
    """Give APP its library holder and follow every saved version from the next request on."""
    app.extensions[EXTENSION] = LibraryHolder(app.config["LESSONS_DIR"], app.extensions["kit.library"].local_root)
    app.before_request(_follow)


def holder() -> LibraryHolder:
    """Return the app's library holder."""
    return current_app.extensions[EXTENSION]


def _follow() -> None:
    """Swap in the library of the newest saved version when another lead (or worker) saved one."""
    if request.endpoint in (None, "static"):
        return
    try:
        fresh = holder().refresh(db_session())
    except SQLAlchemyError:  # the database is down: keep printing from what we hold; the page says why
        db_session().rollback()
        return
    if fresh is not None:
        reload_library(current_app, fresh)


@bp.before_request
@login_required
def _leads_only():
    """Officers never see these pages: to them they do not exist."""
    if not current_user.is_lead:
        abort(404)


def _submitted(form: LocalForm, before: versions.Content) -> tuple[versions.Content, list]:
    """Return the content the form asks for (the logo checked and re-encoded) and any logo error."""
    png, errors = before.logo_png, []
    upload = request.files.get(form.logo.name)
    if form.remove_logo.data:
        png = None
    elif upload and upload.filename:
        try:
            png = logo.safe_png(upload.read(logo.MAX_BYTES + 1))
        except logo.LogoError as exc:
            errors.append(overlay.FieldError("logo", str(exc)[:1].upper() + str(exc)[1:] + "."))
    content = versions.Content(" ".join((form.organisation.data or "").split()),
                               " ".join((form.address.data or "").split()),
                               (form.links.data or "").replace("\r\n", "\n"), png)
    return content, errors


@bp.route("/", methods=["GET", "POST"])
def edit():
    """Show the force's own content; save a checked edit as a new version."""
    db = db_session()
    row = versions.current(db)
    before = versions.content_of(row)
    form = LocalForm(data={"organisation": before.organisation, "address": before.address,
                           "links": before.links_yaml} if request.method == "GET" else None)
    if form.validate_on_submit():
        content, errors = _submitted(form, before)
        errors += overlay.check_edit(holder().root, holder().local, content)
        for error in errors:
            getattr(form, error.field).errors = [*getattr(form, error.field).errors, error.message]
        if not errors and content == before:
            flash("Nothing changed, so no new version was saved.", "info")
        elif not errors:
            saved = versions.save(db, current_user.user, content)
            flash(f"Saved as version {saved.id}. Documents printed from now on use it.", "success")
            return redirect(url_for("local.edit"))
    return render_template("local/edit.html", form=form, row=row, current=holder().current,
                           confirm=ConfirmForm(), previous=_previous(db, row))


def _previous(db, row) -> versions.LocalVersion | None:
    """Return the version before ROW, which "Undo the last change" restores."""
    listed = versions.history(db)[:2]
    return listed[1] if row is not None and len(listed) == 2 else None


@bp.get("/history")
def history():
    """List every saved version, newest first, with who saved it and when."""
    return render_template("local/history.html", rows=versions.history(db_session()), confirm=ConfirmForm())


@bp.post("/versions/<int:version_id>/restore")
def restore(version_id: int):
    """Save version VERSION_ID's content again as the newest version."""
    if not ConfirmForm().validate_on_submit():
        abort(400)
    saved = versions.restore(db_session(), current_user.user, version_id)
    if saved is None:
        abort(404)
    flash(f"Version {version_id} is restored as version {saved.id}.", "success")
    return redirect(url_for("local.edit"))


@bp.get("/versions/<int:version_id>/logo.png")
def logo_png(version_id: int):
    """Return the logo of version VERSION_ID (already re-encoded when it was saved)."""
    row = versions.get(db_session(), version_id)
    if row is None or not row.logo_png:
        abort(404)
    return row.logo_png, 200, {"Content-Type": "image/png", "Cache-Control": "private, max-age=3600",
                               "Content-Disposition": "inline; filename=logo.png"}
