"""Browse and search the content library: modules, questions and the links registry."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask import session as cookie
from flask_login import current_user

from kit.content.text import texts
from kit.sessions import builder as build
from kit.store import sessions as store
from kit.web.auth import signed_in_only
from kit.web.database import db_session
from kit.web.editing import PROBLEM_KEY, library, load_own, save_or_conflict
from kit.web.forms import AddToSessionForm

bp = Blueprint("library", __name__, url_prefix="/library")
signed_in_only(bp)
QUERY_MAX = 100


def matches(item: object, query: str) -> bool:
    """Say whether QUERY appears in ITEM's id or any of its English or Welsh text."""
    if not query:
        return True
    needle = query.casefold()
    if needle in getattr(item, "id", "").casefold():
        return True
    return any(needle in (t.en + " " + (t.cy or "")).casefold() for _, t in texts(item))


def _filters() -> tuple[str, str]:
    """Return the search words and audience filter from the query string."""
    query = " ".join(request.args.get("q", "").split())[:QUERY_MAX]
    audience = request.args.get("audience", "")
    return query, audience if audience in library().audiences else ""


def _listing(area: str) -> str:
    """Render the AREA listing (modules, questions or links), searched and filtered by audience."""
    query, audience = _filters()
    found = [item for item in getattr(library(), area).values()
             if matches(item, query) and (not audience or audience in item.audiences)]
    return render_template(f"library/{area}.html", items=found, query=query, audience=audience,
                           lib=library(), area=area, mine=_mine(area))


def _mine(area: str = "modules") -> list:
    """Return the signed-in officer's own sessions, which "Add to…" offers (modules only)."""
    return store.owned(db_session(), current_user.user) if area == "modules" else []


@bp.get("/")
def modules():
    """List the modules, searched and filtered by audience."""
    return _listing("modules")


@bp.get("/modules/<module_id>")
def module(module_id: str):
    """Show one module in full."""
    item = library().modules.get(module_id)
    if item is None:
        abort(404)
    return render_template("library/module.html", module=item, lib=library(), area="modules", mine=_mine())


@bp.post("/modules/<module_id>/add")
def add_to_session(module_id: str):
    """Add the module to one of the officer's own sessions and open it there."""
    item = library().modules.get(module_id)
    form = AddToSessionForm()
    if item is None:
        abort(404)
    if not form.validate_on_submit():
        abort(400, "Choose one of your sessions to add the module to.")
    record, spec = load_own(form.session.data)  # "Add to…" offers only the officer's own sessions
    try:
        mine = build.add(spec, library(), "modules", module_id, "")
    except build.ReasonNeeded:  # written for other ages: the builder asks why, at that module's box
        cookie[PROBLEM_KEY] = {"kind": "modules", "item": module_id, "message":
                               f"“{item.title.en}” is written for other ages: say why it suits your group."}
        return redirect(url_for("sessions.builder", session_id=record.id, all="modules")
                        + f"#reason-module-{module_id}")
    except build.BuilderError as exc:
        flash(f"“{item.title.en}” was not added to “{record.title}”: {exc}.", "error")
        return redirect(url_for("library.module", module_id=module_id))
    return save_or_conflict(record, mine, record.version, f"You added “{item.title.en}” from the library.",
                            f"#module-{module_id}")


@bp.get("/questions")
def questions():
    """List the quiz questions with their answers and explanations."""
    return _listing("questions")


@bp.get("/links")
def links():
    """List the links registry with checked dates and verify status."""
    return _listing("links")
