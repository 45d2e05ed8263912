"""Present a session: the full-screen presenter, the notes window and the offline single file.

Thin views: the slides, notes and offline file are built by kit.present (no Flask there).
"""

from __future__ import annotations

from flask import Blueprint, Response, abort, url_for

from kit.present.deck import Deck, build
from kit.present.page import offline_filename, offline_html, render
from kit.web.auth import signed_in_only
from kit.web.editing import assembled

bp = Blueprint("present", __name__, url_prefix="/sessions/<int:session_id>/present")
signed_in_only(bp)


def _deck(session_id: int) -> Deck:
    """Return the deck of the session the signed-in user may see (404 otherwise)."""
    return build(assembled(session_id)[1])


def _assets() -> dict:
    return {"css": url_for("static", filename="css/present.css"),
            "icon": url_for("static", filename="img/favicon.svg"),
            "scripts": [url_for("static", filename=f"js/{name}") for name in ("present-counts.js", "present.js")]}


def _links(session_id: int) -> dict[str, str]:
    return {"notes": url_for("present.notes", session_id=session_id),
            "exit": url_for("sessions.builder", session_id=session_id),
            "pattern": url_for("present.slide", session_id=session_id, number=0).rsplit("/", 1)[0] + "/__N__"}


@bp.get("/<int:number>")
def slide(session_id: int, number: int):
    """Show slide NUMBER; every slide is in the page, so with JavaScript changes are instant."""
    deck = _deck(session_id)
    if not 1 <= number <= len(deck.slides):
        abort(404)
    links = _links(session_id)
    hrefs = [links["pattern"].replace("__N__", str(n)) for n in range(1, len(deck.slides) + 1)]
    return render("presenter", deck, key=f"session-{session_id}", hrefs=hrefs, current=number - 1,
                  assets=_assets(), links=links)


@bp.get("/notes")
def notes(session_id: int):
    """Show the facilitator notes, which follow the presenter when opened from it (N)."""
    deck = _deck(session_id)
    return render("notes", deck, key=f"session-{session_id}", hrefs=[], assets=_assets(),
                  links={"exit": url_for("sessions.builder", session_id=session_id)})


@bp.get("/offline.html")
def offline(session_id: int):
    """Download the session as one self-contained HTML file that presents with no network."""
    _, session = assembled(session_id)
    response = Response(offline_html(session), mimetype="text/html")
    response.headers["Content-Disposition"] = f'attachment; filename="{offline_filename(session)}"'
    return response
