"""Error pages: plain language, an incident id for the unexpected, never a stack trace."""

from __future__ import annotations

import logging
import secrets

from flask import Flask, render_template, request
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import DBAPIError, OperationalError
from werkzeug.exceptions import HTTPException

log = logging.getLogger("kit.web")

# Status -> (title, what to do), shown by templates/errors/error.html.
MESSAGES = {
    400: ("The form had expired", "Go back, reload the page and try again. Nothing was changed."),
    403: ("You cannot do that", "Your account does not allow this."),
    404: ("Page not found", "Check the address, or go to your sessions."),
    405: ("That did not work", "Go back and use the buttons on the page."),
    413: ("That was too much to send", "Forms here are small; shorten what you typed and try again."),
    429: ("Too many attempts", "Too many sign-in attempts. Wait five minutes and try again."),
    503: ("The service is busy or down",
          "Your changes were not saved. Try again in a minute; what you typed is shown below."),
}
KEPT_FIELDS_SKIP = {"csrf_token", "password", "version", "spec"}


def render_error(status: int, incident: str | None = None, kept: list | None = None):
    """Return the error page for STATUS."""
    title, advice = MESSAGES.get(status, ("Something went wrong",
                                          "Try again. If it keeps happening, quote the incident number."))
    body = render_template("errors/error.html", status=status, title=title, advice=advice,
                           incident=incident, kept=kept or [])
    return body, status


def _kept_form() -> list[tuple[str, str]]:
    """Return what the user typed into the failed form (never passwords or tokens)."""
    if request.method != "POST":
        return []
    return [(k, v) for k, v in request.form.items(multi=True) if k not in KEPT_FIELDS_SKIP and v]


def init_app(app: Flask) -> None:
    """Attach the error handlers to APP."""

    @app.errorhandler(CSRFError)
    def _csrf(_exc):
        return render_error(400)

    @app.errorhandler(HTTPException)
    def _http(exc: HTTPException):
        return render_error(exc.code or 500)

    @app.errorhandler(OperationalError)
    def _database_down(exc):
        incident = secrets.token_hex(4)
        log.warning("database unavailable (incident %s): %s", incident, exc.orig)
        return render_error(503, incident, _kept_form())

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception):
        if isinstance(exc, DBAPIError) and exc.connection_invalidated:
            return _database_down(exc)
        incident = secrets.token_hex(4)
        log.exception("incident %s: unhandled error on %s %s", incident, request.method, request.path)
        return render_error(500, incident)
