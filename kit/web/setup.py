"""First run: while there are no accounts, the person at the computer running `kit serve` makes the first lead.

Only from this computer (a loopback address), only with the one-time code `kit serve` printed in the
terminal, and only until the first account exists: after that the page does not exist.
"""

from __future__ import annotations

import ipaddress
import secrets

from flask import Blueprint, Flask, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import login_user
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length

from kit.accounts import users
from kit.accounts.passwords import PASSWORD_MAX, PASSWORD_MIN
from kit.web.auth import SignedIn
from kit.web.database import db_session

bp = Blueprint("setup", __name__, url_prefix="/setup")
CODE_KEY = "SETUP_CODE"  # set by `kit serve` when it starts with no accounts; absent, there is no setup page


class SetupForm(FlaskForm):
    """The code from the terminal, then the first lead's email and password."""

    code = StringField("Code shown in the terminal", validators=[DataRequired("Enter the code shown in the terminal"),
                                                                 Length(max=40)])
    email = EmailField("Your email address", validators=[DataRequired("Enter your email address"), Length(max=254)])
    password = PasswordField("Password", validators=[DataRequired("Enter a password"), Length(max=PASSWORD_MAX)])
    confirm = PasswordField("Repeat the password", validators=[
        DataRequired("Repeat the password"), EqualTo("password", "The two passwords do not match")])


def enable(app: Flask) -> str:
    """Turn the first-run page on for APP and return its one-time code, to print in the terminal."""
    code = "-".join(f"{secrets.randbelow(10_000):04d}" for _ in range(3))
    app.config[CODE_KEY] = code
    return code


def _from_this_computer() -> bool:
    """Say whether the request comes from a loopback address (the computer running the kit)."""
    try:
        return ipaddress.ip_address(request.remote_addr or "").is_loopback
    except ValueError:
        return False


def available() -> bool:
    """Say whether the first-run page is open to this request."""
    return bool(current_app.config.get(CODE_KEY)) and _from_this_computer() and not users.has_accounts(db_session())


@bp.app_context_processor
def _first_run():
    """Let the sign-in and front pages point to the first-run page while it is open."""
    return {"first_run_open": available}


@bp.route("", methods=["GET", "POST"])
def first_lead():
    """Ask for the code and the first lead's details; create the account and sign it in."""
    if not available():
        abort(404)
    form = SetupForm()
    if form.validate_on_submit():
        typed = "".join(ch for ch in form.code.data if ch.isdigit())
        expected = current_app.config[CODE_KEY].replace("-", "")
        if not secrets.compare_digest(typed.encode(), expected.encode()):
            form.code.errors = [*form.code.errors, "The code is not right: copy it from the terminal running the kit"]
        else:
            return _create(form)
    return render_template("setup/first_lead.html", form=form, minimum=PASSWORD_MIN)


def _create(form: SetupForm):
    """Create the first lead from FORM, close the setup page and sign the lead in."""
    db = db_session()
    try:
        user = users.create_user(db, form.email.data, form.password.data, "lead")
    except users.AccountError as exc:
        message = str(exc)
        target = form.email if "email" in message else form.password
        target.errors = [*target.errors, message[:1].upper() + message[1:]]
        return render_template("setup/first_lead.html", form=form, minimum=PASSWORD_MIN)
    current_app.config.pop(CODE_KEY, None)  # one time only
    users.record_sign_in(db, user.id)
    login_user(SignedIn(user))
    flash("Your lead account is ready. Add your officers under Team.", "success")
    return redirect(url_for("sessions.dashboard"))
