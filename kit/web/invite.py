"""The invited officer's page: set your own first password from the lead's one-time link."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_wtf import FlaskForm
from wtforms import PasswordField
from wtforms.validators import DataRequired, EqualTo, Length

from kit.accounts import invites, users
from kit.accounts.passwords import PASSWORD_MAX
from kit.web.database import db_session
from kit.web.errors import render_error
from kit.web.forms import PASSWORD_HINT, refuse

bp = Blueprint("invite", __name__, url_prefix="/invite")
GONE = ("This link no longer works",
        "It has expired or was already used. Ask your lead for a new link.")
# The token is in the address: never send it to another site, never keep the page.
PRIVATE = {"Referrer-Policy": "no-referrer", "Cache-Control": "no-store"}


class SetPasswordForm(FlaskForm):
    """The new password, twice."""

    new_password = PasswordField("New password", validators=[
        DataRequired("Enter a new password"), Length(max=PASSWORD_MAX)])
    confirm_password = PasswordField("Repeat the new password", validators=[
        DataRequired("Repeat the new password"), EqualTo("new_password", "The two passwords do not match")])


@bp.route("/<token>", methods=["GET", "POST"])
def accept(token: str):
    """Show the set-password form for a good link; set the password once; refuse a used or expired link."""
    pending = invites.find(db_session(), token)
    if pending is None:
        body, status = render_error(404, title=GONE[0], advice=GONE[1])
        return body, status, PRIVATE
    form = SetPasswordForm()
    if form.validate_on_submit():
        try:
            email = invites.accept(db_session(), token, form.new_password.data)
        except users.AccountError as exc:
            refuse(form.new_password, str(exc))
        else:
            flash(f"Your password is set. Sign in as {email}.", "success")
            return redirect(url_for("auth.login"))
    page = render_template("invite/accept.html", form=form, email=pending.email, hint=PASSWORD_HINT,
                           expires=pending.expires_at)
    return page, 422 if form.errors else 200, PRIVATE
