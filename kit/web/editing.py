"""Helpers the session views share: find the session, save it, or show the conflict."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from kit.content.library import Library
from kit.sessions import builder as build
from kit.sessions import codec, validate
from kit.sessions.fitting import QUICK_LENGTHS
from kit.sessions.model import CEOP_ASSEMBLY_ADVICE, Session, SessionSpec, assemble, needs_assembly_warning
from kit.store import sessions as store
from kit.web.database import db_session
from kit.web.render_cache import forget


def library() -> Library:
    """Return the loaded content library."""
    return current_app.extensions["kit.library"]


PROBLEM_KEY = "kit_builder_problem"  # one reason-box error, carried across the redirect back to the builder


def item_name(kind: str | None, item_id: str) -> str:
    """Return the title of module or question ITEM_ID as officers read it (the id if it is gone)."""
    lib = library()
    for k in (kind,) if kind else build.KINDS:
        item = getattr(lib, k).get(item_id)
        if item is not None:
            return item.title.en if k == "modules" else item.stem.en
    return item_id


def load_record(session_id: int) -> store.Stored:
    """Return the session if the signed-in user may see it; 404 otherwise (no hint it exists)."""
    record = store.get(db_session(), current_user.user, session_id)
    if record is None:
        abort(404)
    return record


def load(session_id: int) -> tuple[store.Stored, SessionSpec]:
    """Return the session record and its spec."""
    record = load_record(session_id)
    try:
        return record, store.spec_of(record)
    except codec.SpecError:
        current_app.logger.error("session %s holds an unreadable spec", record.id)
        abort(500)


def load_own(session_id: int) -> tuple[store.Stored, SessionSpec]:
    """Return the session record and its spec if the signed-in user owns it (a lead sees others' too,
    but changes only their own); 404 otherwise."""
    record, spec = load(session_id)
    if record.owner_id != current_user.user.id:
        abort(404)
    return record, spec


def assembled(session_id: int) -> tuple[store.Stored, Session]:
    """Return the session record and the session built from it against the current library."""
    record, spec = load(session_id)
    return record, assemble(library(), spec)


def save_or_conflict(record: store.Stored, spec: SessionSpec, version: int | None,
                     change: str, anchor: str = "", assembly_confirmed: bool = False):
    """Save SPEC over VERSION and go back to the builder, or show the conflict page.

    Every save passes the same rules (kit.sessions.validate): none may add a problem.
    """
    found = validate.new_problems(library(), spec, store.spec_of(record), assembly_confirmed)
    if found:
        return builder_page(record, store.spec_of(record), error=refusal(found, "That change could not be saved")), 400
    try:
        if version is None:
            raise store.Conflict(record)
        store.save(db_session(), record, spec, version)
        forget(record.id)
    except store.Conflict as conflict:
        if conflict.current is None:  # deleted (in another tab) since this page was shown
            abort(404)
        return conflict_page(conflict.current, spec, change)
    flash(change, "success")
    return redirect(url_for("sessions.builder", session_id=record.id) + anchor)


def refusal(found: dict[str, str], lead: str = "Your version could not be kept") -> str:
    """Return one sentence naming what FOUND (from kit.sessions.validate) says is wrong."""
    items = validate.items_of(found)
    parts = [message for key, message in found.items() if not key.startswith("item:")]
    if items:
        names = ", ".join(f"“{item_name(None, item_id)}”" for item_id in items[:5])  # titles, not ids
        parts.append("it uses items that are no longer in the library or are for other ages without a reason "
                     f"({names})")
    return f"{lead}: " + "; ".join(parts) + "."


def needs_confirmation(theirs: SessionSpec, mine: SessionSpec) -> bool:
    """Say whether keeping MINE over THEIRS changes the setting to an assembly for pupils."""
    return needs_assembly_warning(mine.audience, mine.setting) and theirs.setting != mine.setting


def conflict_page(current: store.Stored, mine: SessionSpec, change: str, error: str | None = None):
    """Show both versions side by side, with a way to keep either (HTTP 409; 400 with ERROR)."""
    theirs = store.spec_of(current)
    lib = library()
    body = render_template(
        "sessions/conflict.html", record=current, change=change,
        theirs=assemble(lib, theirs), mine=assemble(lib, mine),
        mine_json=codec.to_json(mine), lib=lib, error=error,
        confirm_assembly=needs_confirmation(theirs, mine), advice=CEOP_ASSEMBLY_ADVICE,
    )
    return body, 400 if error else 409


def _total(session, spec: SessionSpec, lib) -> int:
    """Return the minutes the lesson takes as fitted (kept activities and both quiz slots), so the
    running total and the 'What fits' list never disagree; the modules' sum when nothing is fitted."""
    return session.fit.total if session.fit and session.fit.slots else build.minutes(spec, lib)


def builder_page(record: store.Stored, spec: SessionSpec, error: str | None = None,
                 problem: dict | None = None) -> str:
    """Render the builder for RECORD: ERROR at the top when a change was refused, PROBLEM at its field."""
    lib = library()
    session = assemble(lib, spec)
    show_all = request.args.get("all", "")
    if error:
        show_all = "both"
    elif problem:
        show_all = problem["kind"]
    return render_template(
        "sessions/builder.html", record=record, spec=spec, session=session, lib=lib,
        total=_total(session, spec, lib), show_all=show_all, error=error, problem=problem,
        drafts=session.uses_welsh_drafts(), advice=CEOP_ASSEMBLY_ADVICE, quick_minutes=QUICK_LENGTHS,
        notes=request.form.get("school_notes", spec.school_notes) if error else spec.school_notes,
        other_modules=build.other_ages(lib, "modules", spec) if show_all in ("modules", "both") else [],
        other_questions=build.other_ages(lib, "questions", spec) if show_all in ("questions", "both") else [],
    )
