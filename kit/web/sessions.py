"""The officer's sessions: dashboard, new session, the builder page, details, copy and delete."""

from __future__ import annotations

from dataclasses import replace

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask import session as cookie
from flask_login import current_user

from kit.sessions import builder as build
from kit.sessions import validate
from kit.sessions.model import CEOP_ASSEMBLY_ADVICE
from kit.store import sessions as store
from kit.web.auth import signed_in_only
from kit.web.database import db_session
from kit.web.editing import PROBLEM_KEY, builder_page, library, load, load_record, save_or_conflict
from kit.web.forms import ConfirmForm, DetailsForm, choices
from kit.web.inputs import whole_number
from kit.web.render_cache import forget

bp = Blueprint("sessions", __name__, url_prefix="/sessions")
signed_in_only(bp)


def _details_form(**kwargs) -> DetailsForm:
    """Return the details form with the library's audiences and nations as choices."""
    lib = library()
    form = DetailsForm(**kwargs)
    form.audience.choices = choices([("", "Choose who the session is for")] + [
        (a.id, a.name.en) for a in lib.audiences.values()])
    form.nation.choices = choices((n.id, n.name.en) for n in lib.nations.values())
    return form


def _details_ok(form: DetailsForm, audience: str) -> bool:
    """Validate FORM and the domain rules; put every problem on its field."""
    valid = form.validate_on_submit()
    if not form.is_submitted():
        return False
    for field, message in validate.details_problems(library(), audience, form.nation.data, form.lang.data,
                                                    form.setting.data, bool(form.confirm_assembly.data)).items():
        errors = list(getattr(form, field).errors)
        getattr(form, field).errors = errors if message in errors else [*errors, message]  # each error once
        valid = False
    return valid


def _details(form: DetailsForm) -> dict:
    """Return the spec fields the details form sets."""
    return dict(nation=form.nation.data, lang=form.lang.data, date=form.date.data,
                school=(form.school.data or "").strip(), group_size=form.group_size.data,
                setting=form.setting.data, large_print=bool(form.large_print.data))


@bp.get("/")
def dashboard():
    """List the sessions the user may see, searched, filtered and sorted, a page at a time."""
    number = whole_number(request.args.get("page", "1"))
    if number is None:
        abort(400, "The page number in the address must be a whole number, such as 2.")
    db, lib, args = db_session(), library(), request.args
    filters = store.Filters(
        query=" ".join(args.get("q", "").split())[:100],
        audience=args.get("audience", "") if args.get("audience") in lib.audiences else "",
        nation=args.get("nation", "") if args.get("nation") in lib.nations else "",
        sort=args.get("sort", "") if args.get("sort") in store.SORTS else "saved",
    )
    page = store.page(db, current_user.user, number, filters)
    owners = store.owner_emails(db, page.records) if current_user.is_lead else {}
    return render_template("sessions/dashboard.html", page=page, lib=lib, owners=owners, filters=filters,
                           searched=filters != store.Filters())


@bp.route("/new", methods=["GET", "POST"])
def new():
    """Ask who, where and when; then store the session and open the builder."""
    form = _details_form()
    if not _details_ok(form, form.audience.data):
        return render_template("sessions/new.html", form=form, advice=CEOP_ASSEMBLY_ADVICE)
    spec = build.start(library(), form.audience.data, bool(form.use_plan.data), **_details(form),
                       lesson_minutes=form.lesson_minutes.data, title=(form.title.data or "").strip())
    record = store.create(db_session(), current_user.user, spec)
    return redirect(url_for("sessions.builder", session_id=record.id))


@bp.get("/<int:session_id>")
def builder(session_id: int):
    """Show the builder: modules in order, minutes, questions, notes and downloads."""
    record, spec = load(session_id)
    return builder_page(record, spec, problem=cookie.pop(PROBLEM_KEY, None))


@bp.route("/<int:session_id>/details", methods=["GET", "POST"])
def details(session_id: int):
    """Change the details of a session (not its audience: start a new one for that)."""
    record, spec = load(session_id)
    form = _details_form(obj=spec, data={"version": record.version, "confirm_assembly": True}
                         if request.method == "GET" else None)
    del form.audience, form.use_plan
    if not _details_ok(form, spec.audience):
        return render_template("sessions/details.html", form=form, record=record, spec=spec,
                               lib=library(), advice=CEOP_ASSEMBLY_ADVICE)
    mine = replace(spec, **_details(form), lesson_minutes=form.lesson_minutes.data,
                   title=(form.title.data or "").strip() or spec.title)
    version = whole_number(form.version.data)
    return save_or_conflict(record, mine, version, "You changed the session details.",
                            assembly_confirmed=bool(form.confirm_assembly.data))


@bp.post("/<int:session_id>/duplicate")
def duplicate(session_id: int):
    """Copy the session (owned by whoever copies it) and open the copy."""
    copy = store.duplicate(db_session(), current_user.user, load_record(session_id))
    return redirect(url_for("sessions.builder", session_id=copy.id))


@bp.route("/<int:session_id>/delete", methods=["GET", "POST"])
def delete(session_id: int):
    """Ask to confirm, then delete the session."""
    record = load_record(session_id)
    if request.method == "GET":
        return render_template("sessions/delete.html", record=record, form=ConfirmForm())
    store.remove(db_session(), record)
    forget(record.id)
    return redirect(url_for("sessions.dashboard", deleted=1))

