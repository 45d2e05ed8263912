"""Builder actions: each a small POST form carrying the version it was shown (works without JS)."""

from __future__ import annotations

from dataclasses import replace

from flask import Blueprint, abort, redirect, request, url_for
from flask import session as cookie

from kit.sessions import builder as build
from kit.sessions import codec, validate
from kit.sessions.fitting import QUICK_LENGTHS
from kit.web.auth import signed_in_only
from kit.web.editing import (
    PROBLEM_KEY,
    builder_page,
    conflict_page,
    item_name,
    library,
    load,
    refusal,
    save_or_conflict,
)
from kit.web.forms import AddItemForm, KeepMineForm, NotesForm, VersionForm

bp = Blueprint("builder", __name__, url_prefix="/sessions/<int:session_id>")
signed_in_only(bp)


def _problem(form) -> str:
    """Return the first thing wrong with FORM, in its own words."""
    return next((errors[0] for errors in form.errors.values() if errors), "The form was not valid: reload the page")


def _refusal(record, spec, message: str):
    """Show the builder again with MESSAGE at the top; nothing was changed."""
    return builder_page(record, spec, error=message), 400


def _posted(session_id: int, form_class=VersionForm):
    """Return the session's record and spec and the posted form, or answer 400 when the form is not valid."""
    record, spec = load(session_id)
    form = form_class()
    if not form.validate_on_submit():
        abort(400, _problem(form))
    return record, spec, form


def _save(session_id: int, change, message: str, anchor: str):
    """Apply CHANGE (spec -> new spec) over the version the page showed and save it; refuse a BuilderError."""
    record, spec, form = _posted(session_id)
    try:
        mine = change(spec)
    except build.BuilderError as exc:
        return _refusal(record, spec, str(exc))
    return save_or_conflict(record, mine, form.version.data, message, anchor)


@bp.post("/<kind>/add")
def add(session_id: int, kind: str):
    """Add a module or question; one written for other ages needs a reason."""
    record, spec = load(session_id)
    form = AddItemForm()
    if kind not in build.KINDS:
        abort(400, "Only modules and questions can be added.")
    if not form.validate_on_submit():
        abort(400, _problem(form))
    item_id = request.form.get("item", "")
    try:
        mine = build.add(spec, library(), kind, item_id, form.reason.data or "")
    except build.ReasonNeeded as exc:
        return _reason_problem(record.id, kind, item_id, str(exc))
    except build.BuilderError as exc:
        return _refusal(record, spec, str(exc))
    anchor = f"#module-{item_id}" if kind == "modules" else f"#question-{item_id}"
    return save_or_conflict(record, mine, form.version.data, f"You added “{item_name(kind, item_id)}”.", anchor)


def _reason_problem(session_id: int, kind: str, item_id: str, message: str):
    """Go back to the builder with the problem shown at that item's reason box (GOV.UK pattern)."""
    name = item_name(kind, item_id)
    cookie[PROBLEM_KEY] = {"kind": kind, "item": item_id, "message": f"“{name}”: {message}."}
    noun = "module" if kind == "modules" else "question"
    return redirect(url_for("sessions.builder", session_id=session_id, all=kind) + f"#reason-{noun}-{item_id}")


@bp.post("/modules/change")
def change(session_id: int):
    """Move a module up or down, or remove it, over the version the page showed: the pressed button is
    named up, down or remove and carries the module id."""
    pressed = [name for name in ("up", "down", "remove") if name in request.form]
    action = pressed[0] if len(pressed) == 1 else ""  # none or several: refused after the access check
    item_id = request.form.get(action, "")
    record, spec = load(session_id)
    form = VersionForm()
    if not action:
        abort(400, "Use the buttons on the page to change the modules.")
    if not form.validate_on_submit():
        abort(400, _problem(form))
    try:
        if action == "remove":
            mine, done = build.remove(spec, "modules", item_id), f"You removed “{item_name('modules', item_id)}”."
        else:
            mine = build.move(spec, item_id, -1 if action == "up" else 1)
            done = f"You moved “{item_name('modules', item_id)}” {action}."
    except build.BuilderError as exc:
        return _refusal(record, spec, str(exc))
    anchor = "#modules" if action == "remove" else f"#module-{item_id}"
    return save_or_conflict(record, mine, form.version.data, done, anchor)


@bp.post("/modules/order")
def reorder(session_id: int):
    """Put the modules in a new order (sent by the drag-to-reorder script)."""
    order = request.form.getlist("order")
    return _save(session_id, lambda spec: build.reorder(spec, order), "You reordered the modules.", "#modules")


@bp.post("/questions")
def questions(session_id: int):
    """Keep the ticked baseline and end-point questions."""
    chosen = request.form.getlist("question")
    return _save(session_id, lambda spec: build.set_questions(spec, library(), chosen), "You chose the questions.",
                 "#questions")


@bp.post("/length")
def length(session_id: int):
    """Set the lesson to one of the quick lengths with one click; the fit and the total follow."""
    record, spec, form = _posted(session_id)
    minutes = request.form.get("minutes", "")
    if minutes not in {str(m) for m in QUICK_LENGTHS}:
        quick = ", ".join(str(m) for m in QUICK_LENGTHS)
        return _refusal(record, spec, f"Choose a lesson of {quick} minutes, or set any other length in the "
                                      "session details.")
    mine = replace(spec, lesson_minutes=int(minutes))
    return save_or_conflict(record, mine, form.version.data, f"The lesson is now {minutes} minutes.", "#modules")


@bp.post("/notes")
def notes(session_id: int):
    """Save the notes for the school."""
    record, spec = load(session_id)
    form = NotesForm()
    if not form.validate_on_submit():
        return _refusal(record, spec, _problem(form))
    mine = replace(spec, school_notes=(form.school_notes.data or "").strip())
    return save_or_conflict(record, mine, form.version.data, "You changed the notes.", "#notes")


@bp.post("/keep-mine")
def keep_mine(session_id: int):
    """After a conflict, save my version over the one now stored, by the same rules as any save."""
    record, spec, form = _posted(session_id, KeepMineForm)
    try:
        mine = codec.from_json(form.spec.data)
    except codec.SpecError as exc:
        abort(400, f"Your version could not be read ({exc}). Nothing was changed.")
    confirmed = bool(form.confirm_assembly.data)
    found = validate.new_problems(library(), mine, spec, confirmed)
    if list(found) == ["confirm_assembly"]:
        return conflict_page(record, mine, "You chose to keep your version.", error=found["confirm_assembly"])
    if found:
        return _refusal(record, spec, refusal(found))
    return save_or_conflict(record, mine, form.version.data, "You chose to keep your version.",
                            assembly_confirmed=confirmed)
