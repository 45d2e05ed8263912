"""Sign in and out; who is signed in is checked against the database on every request."""

from __future__ import annotations

import logging

from flask import Blueprint, abort, current_app, g, redirect, render_template, request, session, url_for
from flask_login import LoginManager, UserMixin, current_user, login_required, login_user, logout_user
from flask_wtf.csrf import generate_csrf

from kit.accounts import throttle, users
from kit.web.database import db_session
from kit.web.forms import LoginForm
from kit.web.inputs import whole_number
from kit.web.security import safe_next

bp = Blueprint("auth", __name__)
log = logging.getLogger("kit.web.auth")
login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.login_message = "Sign in to continue."
login_manager.login_message_category = "info"
login_manager.session_protection = "basic"


class SignedIn(UserMixin):
    """The signed-in account, as Flask-Login sees it: id and current token together."""

    def __init__(self, user):
        self.user = user

    def get_id(self) -> str:
        """Return 'id:token' so a cookie from before sign-out stops working."""
        return f"{self.user.id}:{self.user.session_token}"

    @property
    def is_lead(self) -> bool:
        """Say whether this is a content lead (sees every session)."""
        return self.user.role == "lead"


def signed_in_only(bp: Blueprint) -> None:
    """Make every view of BP need a signed-in user (anyone else is sent to sign in)."""
    bp.before_request(login_required(lambda: None))


def leads_only(bp: Blueprint) -> None:
    """Make every view of BP need a signed-in lead: to officers its pages do not exist (404)."""
    @login_required
    def _lead() -> None:
        if not current_user.is_lead:
            abort(404)
    bp.before_request(_lead)


@login_manager.user_loader
def _load(value: str):
    user_id, _, token = (value or "").partition(":")
    number = whole_number(user_id)
    if number is None or not token:
        return None
    user = users.load_by_token(db_session(), number, token)
    return SignedIn(user) if user else None


def _address() -> str:
    return request.remote_addr or "unknown"


@bp.route("/login", methods=["GET", "POST"])
def login():
    """Show the sign-in form, or sign in."""
    form = LoginForm(next=request.args.get("next", ""))
    if current_user.is_authenticated and request.method == "GET":
        return redirect(url_for("sessions.dashboard"))
    if not form.validate_on_submit():
        return render_template("auth/login.html", form=form)
    db, email = db_session(), users.normalise_email(form.email.data)
    if not throttle.attempt(db, email, _address()):
        log.warning("sign-in throttled for %r from %s", email, _address())
        abort(429)
    user = users.authenticate(db, email, form.password.data)
    if user is None:
        log.info("failed sign-in for %r from %s", email, _address())
        form.password.errors = ["The email address or password is not right"]
        return render_template("auth/login.html", form=form, failed=True), 200
    throttle.succeeded(db, email)
    users.record_sign_in(db, user.id)
    # A new CSRF secret: a token planted in the browser before sign-in must not work after it.
    session.pop("csrf_token", None)
    g.pop("csrf_token", None)
    generate_csrf()  # stored now, so a stale token reads as out of date, not as a missing cookie
    session.permanent = True  # the cookie expires after PERMANENT_SESSION_LIFETIME
    login_user(SignedIn(user))
    return redirect(safe_next(form.next.data, url_for("sessions.dashboard")))


@bp.post("/logout")
@login_required
def logout():
    """Sign out everywhere: the token changes, so no copy of an old cookie works any more."""
    users.rotate_token(db_session(), current_user.user)
    logout_user()
    current_app.logger.info("signed out")
    return redirect(url_for("auth.login", signed_out=1))
