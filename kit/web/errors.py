"""Error pages: plain language, an incident id for the unexpected, never a stack trace.

Every error page can be drawn with the database down: when it is, the layout shows nobody
signed in instead of asking the database who is (which would fail again and leave the server's
bare 500 with no security headers and without what the officer typed).
"""

from __future__ import annotations

import logging
import secrets

from flask import Flask, current_app, g, render_template, request
from flask_login import AnonymousUserMixin
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import DBAPIError, OperationalError
from werkzeug.exceptions import BadRequest, HTTPException

from kit.web.typed import server_body_limit, typed_form, typed_oversize

log = logging.getLogger("kit.web")

# Status -> (title, what to do), shown by templates/errors/error.html.
MESSAGES = {
    400: ("That request could not be handled", "Go back, reload the page and try again. Nothing was changed."),
    403: ("You cannot do that", "Your account does not allow this."),
    404: ("Page not found", "Check the address, or go to your sessions."),
    405: ("That did not work", "Go back and use the buttons on the page."),
    413: ("That was too much to send", "Forms here are small; shorten what you typed and try again."),
    429: ("Too many attempts", "Too many sign-in attempts. Wait five minutes and try again."),
    503: ("The database is unavailable",
          "Your changes were not saved. Try again in a minute; what you typed is shown below."),
}
# Flask-WTF's reasons (its exception descriptions) -> what happened, in plain words.
CSRF_REASONS = {
    "The CSRF token has expired.": ("The form had expired",
                                    "It was open too long. Go back, reload the page and try again. "
                                    "Nothing was changed."),
    "The CSRF token is missing.": ("The form was missing its security code",
                                   "Reload the page and try again. If it keeps happening, allow cookies "
                                   "for this site. Nothing was changed."),
    "The CSRF session token is missing.": ("Your browser did not send this site's cookie",
                                           "Allow cookies for this site, reload the page and try again. "
                                           "Nothing was changed."),
}
CSRF_OTHER = ("The form was out of date",
              "You may have signed in or out in another tab. Reload the page and try again. Nothing was changed.")


def render_error(status: int, incident: str | None = None, kept: list | None = None,
                 title: str | None = None, advice: str | None = None):
    """Return the error page for STATUS (TITLE and ADVICE replace the usual words)."""
    usual = MESSAGES.get(status, ("Something went wrong",
                                  "Try again. If it keeps happening, quote the incident number."))
    body = render_template("errors/error.html", status=status, title=title or usual[0],
                           advice=advice or usual[1], incident=incident, kept=kept or [])
    return body, status


def _nobody_signed_in() -> None:
    """Draw the layout for nobody unless the signed-in user is already known (no database call)."""
    if "_login_user" not in g:
        g._login_user = AnonymousUserMixin()


def _bad_request(exc: HTTPException):
    """Name the real cause of a 400: our own message, or why the form's security code failed."""
    if isinstance(exc, CSRFError):
        title, advice = CSRF_REASONS.get(exc.description, CSRF_OTHER)
    elif exc.description and exc.description != BadRequest.description:
        title, advice = MESSAGES[400][0], exc.description
    else:
        title, advice = None, None
    return render_error(400, kept=typed_form(request), title=title, advice=advice)


def _too_large():
    """Answer 413 with the app's own page, giving back each field typed and how far it was over."""
    kept, cut = typed_oversize(request, server_body_limit(current_app.config))
    over = [f"{item.label} is {item.over:,} characters too long (the limit is {item.limit:,})"
            for item in kept if item.over]
    advice = "Nothing was saved. "
    advice += ("; ".join(over) + ". " if over else "Forms here are small. ")
    advice += "Copy what you typed below, shorten it and try again."
    if cut:
        advice += " What was sent was too large to show here."
    return render_error(413, kept=kept, advice=advice)


def database_down(exc: Exception):
    """Answer 503 without touching the database, keeping what the officer typed."""
    _nobody_signed_in()
    incident = secrets.token_hex(4)
    log.warning("database unavailable (incident %s): %s", incident, getattr(exc, "orig", exc))
    return render_error(503, incident, typed_form(request))


def init_app(app: Flask) -> None:
    """Attach the error handlers to APP."""

    @app.errorhandler(CSRFError)
    def _csrf(exc):
        return _bad_request(exc)

    @app.errorhandler(HTTPException)
    def _http(exc: HTTPException):
        if exc.code == 400:
            return _bad_request(exc)
        if exc.code == 413:
            return _too_large()
        return render_error(exc.code or 500)

    app.register_error_handler(OperationalError, database_down)

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception):
        if isinstance(exc, DBAPIError) and exc.connection_invalidated:
            return database_down(exc)
        _nobody_signed_in()  # the database may be what failed
        incident = secrets.token_hex(4)
        log.exception("incident %s: unhandled error on %s %s", incident, request.method, request.path)
        return render_error(500, incident)
