"""The force's own content, edited by leads: links, organisation name, address line and logo.

Leads only; to anyone else these pages do not exist (404). Views are thin: kit.local checks, stores
and reverts; this module reads the form and shows the result. `init_app` gives the app its
LibraryHolder, asked at every request whether a lead saved a new version.
"""

from __future__ import annotations

import base64
import datetime as dt

from flask import Blueprint, Flask, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy.exc import SQLAlchemyError
from wtforms import BooleanField, FileField, HiddenField, StringField, TextAreaField
from wtforms.validators import Length

from kit.local import linkrows, logo, overlay, versions
from kit.local.holder import LibraryHolder
from kit.web.auth import leads_only
from kit.web.database import db_session
from kit.web.editing import library
from kit.web.forms import ConfirmForm
from kit.web.render_cache import reload_library

bp = Blueprint("local", __name__, url_prefix="/local")
leads_only(bp)
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


def _data_uri(png: bytes) -> str:
    """Return PNG as a data: URI, to show a logo that is not saved yet."""
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


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
        data = upload.read(logo.MAX_BYTES + 1) if chosen else logo.unpacked(form.pending_logo.data)
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
    rows = _rows(before)  # None: the links are edited as YAML (asked for, or not plain enough for the form)
    fresh, beside = None, {}
    if request.method == "POST":  # CSRF is checked app-wide before any view runs
        changing = rows is not None and _change_rows(rows)  # add or remove a link: shown again, not saved
        if rows is not None:  # the same YAML, checked by the same loader; unchanged links keep their text
            form.links.data = linkrows.yaml_of(rows)
            if form.links.data == linkrows.yaml_of(linkrows.rows_of(before.links_yaml) or []):
                form.links.data = before.links_yaml
        valid = form.validate() and not changing  # field lengths first: their messages sit beside the fields
        content, errors, fresh = _submitted(form, before)
        if valid:
            errors += overlay.check_edit(holder().root, holder().local, content)
        beside = _place(form, rows, errors)
        if valid and not errors and content == before:
            flash("Nothing changed, so no new version was saved.", "info")
        elif valid and not errors:
            saved = versions.save(db, current_user.user, content)
            flash(f"Saved as version {saved.id}. Documents printed from now on use it.", "success")
            return redirect(url_for("local.edit"))
        form.pending_logo.data = logo.packed(fresh) if fresh else ""
    return render_template("local/edit.html", form=form, row=row, current=holder().current, confirm=ConfirmForm(),
                           previous=_previous(db, row), pending=_data_uri(fresh.png) if fresh else None,
                           rows=rows, beside=beside, **_vocabulary())


def _vocabulary() -> dict:
    """Return the audiences and nations a link may name, as (id, name) for the form's checkboxes."""
    lib = library()
    return {"audience_options": [(a.id, a.name.en) for a in lib.audiences.values()],
            "nation_options": [(n.id, n.name.en) for n in lib.nations.values()]}


def _rows(before: versions.Content) -> list[linkrows.Row] | None:
    """Return the links as form rows: from the submitted fields, else the saved YAML; None in YAML mode."""
    if request.values.get("mode") == "yaml":
        return None
    if request.method == "POST":
        count = request.form.get("link_count", "0")
        return linkrows.rows_from(request.form.to_dict(flat=False), int(count) if count.isdigit() else 0)
    return linkrows.rows_of(before.links_yaml)


def _change_rows(rows: list[linkrows.Row]) -> bool:
    """Add an empty link or remove one when the lead pressed that button; return whether they did."""
    if "add_link" in request.form:
        rows.append(linkrows.Row({"status": "ok", "checked": dt.date.today().isoformat()}))
        return True
    remove = request.form.get("remove_link", "")
    if remove.isdigit() and int(remove) < len(rows):
        del rows[int(remove)]
        return True
    return False


def _place(form: LocalForm, rows, errors: list) -> dict:
    """Put each error beside its field: a link's beside that link's field in the form; return those."""
    problems = [e.problem for e in errors if e.field == "links" and e.problem is not None and rows is not None]
    for error in errors:
        if not (error.field == "links" and error.problem is not None and rows is not None):
            getattr(form, error.field).errors = [*getattr(form, error.field).errors, error.message]
    beside, rest = linkrows.placed(problems, form.links.data or "")
    form.links.errors = [*form.links.errors, *rest]
    return beside


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
