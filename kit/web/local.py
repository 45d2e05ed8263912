"""The force's own content, edited by leads: links, organisation name, address line and logo.

Leads only; to anyone else these pages do not exist (404). Views are thin: kit.local checks, stores
and reverts; this module reads the form and shows the result. `init_app` gives the app its
LibraryHolder, asked at every request whether a lead saved a new version.
"""

from __future__ import annotations

import base64
import binascii
import zlib

from flask import Blueprint, Flask, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from sqlalchemy.exc import SQLAlchemyError
from wtforms import BooleanField, FileField, HiddenField, StringField, TextAreaField
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
    logo = FileField("Logo (PNG or SVG)")
    # A logo that passed its checks in a form refused for another field, so the lead need not choose it again.
    pending_logo = HiddenField()
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


def _data_uri(png: bytes) -> str:
    """Return PNG as a data: URI, to show a logo that is not saved yet."""
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def _pending(logo_made: logo.Logo) -> str:
    """Return LOGO_MADE's source (cleaned SVG, else PNG) packed for the form's hidden field."""
    return base64.b64encode(zlib.compress(logo_made.svg or logo_made.png, 9)).decode("ascii")


def _unpacked(field: str) -> bytes:
    """Return the logo packed in FIELD, at most MAX_BYTES + 1 long (so the size check still refuses)."""
    try:
        return zlib.decompressobj().decompress(base64.b64decode(field, validate=True), logo.MAX_BYTES + 1)
    except (binascii.Error, zlib.error):
        raise logo.LogoError("the logo kept with the form could not be read: choose the file again") from None


def _logo_of(form: LocalForm, before: versions.Content) -> tuple[logo.Logo | None, list]:
    """Return the logo the form asks for (a new upload, the one kept from a refused form, the saved one
    or none) checked and made safe, and any error about it."""
    upload = request.files.get(form.logo.name)
    if form.remove_logo.data:
        return None, []
    chosen = bool(upload and upload.filename)
    if not chosen and not form.pending_logo.data:
        return (logo.Logo(before.logo_png, before.logo_svg) if before.logo_png else None), []
    try:  # a kept logo is checked again like an upload: it came back from the browser
        data = upload.read(logo.MAX_BYTES + 1) if chosen else _unpacked(form.pending_logo.data)
        return logo.safe_logo(data), []
    except logo.LogoError as exc:
        return None, [overlay.FieldError("logo", str(exc)[:1].upper() + str(exc)[1:] + ".")]


def _submitted(form: LocalForm, before: versions.Content) -> tuple[versions.Content, list, logo.Logo | None]:
    """Return the content the form asks for (the logo checked and re-encoded), any logo error, and the
    new logo when one came with the form (uploaded, or kept from a refused form)."""
    made, errors = _logo_of(form, before)
    saved = logo.Logo(before.logo_png, before.logo_svg) if before.logo_png else None
    fresh = made if made is not None and made != saved else None
    if errors:
        made = saved
    content = versions.Content(" ".join((form.organisation.data or "").split()),
                               " ".join((form.address.data or "").split()),
                               (form.links.data or "").replace("\r\n", "\n"),
                               made.png if made else None, made.svg if made else None)
    return content, errors, fresh


@bp.route("/", methods=["GET", "POST"])
def edit():
    """Show the force's own content; save a checked edit as a new version."""
    db = db_session()
    row = versions.current(db)
    before = versions.content_of(row)
    form = LocalForm(data={"organisation": before.organisation, "address": before.address,
                           "links": before.links_yaml} if request.method == "GET" else None)
    fresh = None
    if request.method == "POST":  # CSRF is checked app-wide before any view runs
        valid = form.validate()  # field lengths first: their messages sit beside the fields
        content, errors, fresh = _submitted(form, before)
        if valid:
            errors += overlay.check_edit(holder().root, holder().local, content)
        for error in errors:
            getattr(form, error.field).errors = [*getattr(form, error.field).errors, error.message]
        if valid and not errors and content == before:
            flash("Nothing changed, so no new version was saved.", "info")
        elif valid and not errors:
            saved = versions.save(db, current_user.user, content)
            flash(f"Saved as version {saved.id}. Documents printed from now on use it.", "success")
            return redirect(url_for("local.edit"))
        form.pending_logo.data = _pending(fresh) if fresh else ""
    return render_template("local/edit.html", form=form, row=row, current=holder().current, confirm=ConfirmForm(),
                           previous=_previous(db, row), pending=_data_uri(fresh.png) if fresh else None)


def _previous(db, row) -> versions.LocalVersion | None:
    """Return the version before ROW, which "Undo the last change" restores."""
    listed = versions.history(db)[:2]
    return listed[1] if row is not None and len(listed) == 2 else None


@bp.get("/history")
def history():
    """List every saved version, newest first, with who saved it and when."""
    rows = versions.history(db_session())
    return render_template("local/history.html", rows=rows, confirm=ConfirmForm(),
                           link_counts={r.id: overlay.link_count(r.links_yaml) for r in rows})


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
