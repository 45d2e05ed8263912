"""The lead's team: invite or add an officer, disable or enable an account, reset a password.

Leads only; to anyone else these pages do not exist (404).
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, RadioField
from wtforms.validators import DataRequired, EqualTo, Length

from kit.accounts import credentials, invites, users
from kit.accounts.passwords import PASSWORD_MAX, PASSWORD_MIN
from kit.db import utcnow
from kit.web.auth import leads_only
from kit.web.database import db_session
from kit.web.forms import ConfirmForm, choices, refuse

bp = Blueprint("team", __name__, url_prefix="/team")
leads_only(bp)
PASSWORD_HINT = (f"At least {PASSWORD_MIN} characters and hard to guess: three or four unrelated words work well. "
                 "Give it to the officer in person or by phone, never by email.")


class PasswordFields(FlaskForm):
    """A new password, twice."""

    password = PasswordField("Password", validators=[DataRequired("Enter a password"), Length(max=PASSWORD_MAX)])
    confirm = PasswordField("Repeat the password", validators=[
        DataRequired("Repeat the password"), EqualTo("password", "The two passwords do not match")])


class InviteForm(FlaskForm):
    """A new account: email and role (the officer chooses their own password from the link)."""

    email = EmailField("Email address", validators=[DataRequired("Enter the officer's email address"),
                                                    Length(max=254)])
    role = RadioField("Role", default="officer", validators=[DataRequired("Choose a role")],
                      choices=choices([("officer", "Officer: sees and builds their own sessions"),
                                       ("lead", "Lead: sees every session and manages the team")]))


class AddForm(InviteForm, PasswordFields):
    """A new account: email, role and a first password the lead chooses."""


def _account(user_id: int):
    """Return the account USER_ID, or 404."""
    user = users.get_user(db_session(), user_id)
    if user is None:
        abort(404)
    return user


@bp.get("/")
def index():
    """List every account with its role, status and last sign-in."""
    db = db_session()
    return render_template("team/index.html", accounts=users.list_users(db), form=ConfirmForm(),
                           invited=invites.waiting(db), now=utcnow())


@bp.route("/new", methods=["GET", "POST"])
def add():
    """Add an officer or lead with a first password the lead hands over."""
    form = AddForm()
    if form.validate_on_submit():
        try:
            user = users.create_user(db_session(), form.email.data, form.password.data, form.role.data)
        except users.AccountError as exc:
            target = form.email if ("email" in str(exc) or "account" in str(exc)) else form.password
            refuse(target, str(exc))
        else:
            flash(f"{user.email} can now sign in with the password you chose.", "success")
            return redirect(url_for("team.index") + f"#account-{user.id}")
    return render_template("team/add.html", form=form, hint=PASSWORD_HINT)


@bp.route("/invite", methods=["GET", "POST"])
def invite():
    """Add an account with a one-time link for its owner to set their own password."""
    form = InviteForm()
    if form.validate_on_submit():
        try:
            user, token = invites.invite(db_session(), form.email.data, form.role.data)
        except users.AccountError as exc:
            refuse(form.email, str(exc))
        else:
            return _link_page(user, token)
    return render_template("team/invite.html", form=form)


@bp.post("/<int:user_id>/invite")
def reinvite(user_id: int):
    """Make a new link for an account still waiting to set its password (the old link stops working)."""
    user = _account(user_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    if user.id not in invites.waiting(db_session()):
        flash(f"{user.email} has already set a password: reset it instead.", "error")
        return redirect(url_for("team.index") + f"#account-{user_id}")
    return _link_page(user, invites.renew(db_session(), user))


def _link_page(user, token: str):
    """Show the one-time link, once: it is never stored, so it cannot be shown again."""
    link = request.host_url.rstrip("/") + url_for("invite.accept", token=token)
    response = render_template("team/invited.html", account=user, link=link, lifetime=invites.LIFETIME)
    return response, 200, {"Referrer-Policy": "no-referrer"}


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
            refuse(form.password, str(exc))
        else:
            flash(f"The password of {user.email} was reset; they were signed out everywhere.", "success")
            return redirect(url_for("team.index") + f"#account-{user_id}")
    return render_template("team/reset.html", form=form, account=user, hint=PASSWORD_HINT)
