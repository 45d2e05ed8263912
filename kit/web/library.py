"""Browse and search the content library: modules, questions and the links registry."""

from __future__ import annotations

from flask import Blueprint, abort, render_template, request
from flask_login import login_required

from kit.content.text import texts
from kit.web.editing import library

bp = Blueprint("library", __name__, url_prefix="/library")
QUERY_MAX = 100


@bp.before_request
@login_required
def _signed_in():
    """Every page here needs a signed-in user."""


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


def _filtered(items, query: str, audience: str) -> list:
    """Return ITEMS that match QUERY and suit AUDIENCE (when given)."""
    return [i for i in items if matches(i, query) and (not audience or audience in i.audiences)]


def _listing(area: str) -> str:
    """Render the AREA listing (modules, questions or links), searched and filtered by audience."""
    query, audience = _filters()
    found = _filtered(getattr(library(), area).values(), query, audience)
    return render_template(f"library/{area}.html", items=found, query=query, audience=audience,
                           lib=library(), area=area)


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
    return render_template("library/module.html", module=item, lib=library(), area="modules")


@bp.get("/questions")
def questions():
    """List the quiz questions with their answers and explanations."""
    return _listing("questions")


@bp.get("/links")
def links():
    """List the links registry with checked dates and verify status."""
    return _listing("links")
