"""The lead's team: add an officer, disable or enable an account, reset a password (leads only; 404 otherwise)."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, RadioField
from wtforms.validators import DataRequired, EqualTo, Length

from kit.accounts import credentials, users
from kit.accounts.passwords import PASSWORD_MAX, PASSWORD_MIN
from kit.web.database import db_session
from kit.web.forms import ConfirmForm, choices

bp = Blueprint("team", __name__, url_prefix="/team")
PASSWORD_HINT = (f"At least {PASSWORD_MIN} characters and hard to guess: three or four unrelated words work well. "
                 "Give it to the officer in person or by phone, never by email.")


class PasswordFields(FlaskForm):
    """A new password, twice."""

    password = PasswordField("Password", validators=[DataRequired("Enter a password"), Length(max=PASSWORD_MAX)])
    confirm = PasswordField("Repeat the password", validators=[
        DataRequired("Repeat the password"), EqualTo("password", "The two passwords do not match")])


class AddForm(PasswordFields):
    """A new account: email, role and a first password."""

    email = EmailField("Email address", validators=[DataRequired("Enter the officer's email address"),
                                                    Length(max=254)])
    role = RadioField("Role", default="officer", validators=[DataRequired("Choose a role")],
                      choices=choices([("officer", "Officer: sees and builds their own sessions"),
                                       ("lead", "Lead: sees every session and manages the team")]))


@bp.before_request
@login_required
def _leads_only():
    """Officers never see these pages: to them they do not exist."""
    if not current_user.is_lead:
        abort(404)


def _sentence(text: str) -> str:
    """Return a domain message (a lower-case phrase) as a sentence."""
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def _account(user_id: int):
    """Return the account USER_ID, or 404."""
    user = users.get_user(db_session(), user_id)
    if user is None:
        abort(404)
    return user


@bp.get("/")
def index():
    """List every account with its role, status and last sign-in."""
    return render_template("team/index.html", accounts=users.list_users(db_session()), form=ConfirmForm())


@bp.route("/new", methods=["GET", "POST"])
def add():
    """Add an officer or lead with a first password the lead hands over."""
    form = AddForm()
    if form.validate_on_submit():
        try:
            user = users.create_user(db_session(), form.email.data, form.password.data, form.role.data)
        except users.AccountError as exc:
            target = form.email if ("email" in str(exc) or "account" in str(exc)) else form.password
            target.errors = [*target.errors, _sentence(str(exc))]
        else:
            flash(f"{user.email} can now sign in with the password you chose.", "success")
            return redirect(url_for("team.index") + f"#account-{user.id}")
    return render_template("team/add.html", form=form, hint=PASSWORD_HINT)


@bp.post("/<int:user_id>/disable")
def disable(user_id: int):
    """Disable an account: it is signed out at once and cannot sign in."""
    user = _account(user_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    if user.id == current_user.user.id:
        flash("You cannot disable your own account: ask another lead.", "error")
    else:
        users.set_active(db_session(), user, False)
        flash(f"{user.email} is disabled and was signed out everywhere.", "success")
    return redirect(url_for("team.index") + f"#account-{user_id}")


@bp.post("/<int:user_id>/enable")
def enable(user_id: int):
    """Let a disabled account sign in again."""
    user = _account(user_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    users.set_active(db_session(), user, True)
    flash(f"{user.email} can sign in again.", "success")
    return redirect(url_for("team.index") + f"#account-{user_id}")


@bp.route("/<int:user_id>/password", methods=["GET", "POST"])
def reset(user_id: int):
    """Set a new password for an account; it is signed out everywhere."""
    user = _account(user_id)
    form = PasswordFields()
    if form.validate_on_submit():
        try:
            credentials.reset_password(db_session(), user.email, form.password.data)
        except users.AccountError as exc:
            form.password.errors = [*form.password.errors, _sentence(str(exc))]
        else:
            flash(f"The password of {user.email} was reset; they were signed out everywhere.", "success")
            return redirect(url_for("team.index") + f"#account-{user_id}")
    return render_template("team/reset.html", form=form, account=user, hint=PASSWORD_HINT)
