"""The signed-in user's own account: change their password, say how they sign letters."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_login import current_user, login_required, login_user
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length

from kit.accounts import credentials, users
from kit.accounts.passwords import PASSWORD_MAX
from kit.web.auth import SignedIn
from kit.web.database import db_session
from kit.web.forms import PASSWORD_HINT, refuse

bp = Blueprint("account", __name__, url_prefix="/account")


class PasswordForm(FlaskForm):
    """The current password, then the new one twice."""

    current_password = PasswordField("Current password", validators=[
        DataRequired("Enter your current password"), Length(max=PASSWORD_MAX)])
    new_password = PasswordField("New password", validators=[
        DataRequired("Enter a new password"), Length(max=PASSWORD_MAX)])
    confirm_password = PasswordField("Repeat the new password", validators=[
        DataRequired("Repeat the new password"), EqualTo("new_password", "The two new passwords do not match")])


class SignatureForm(FlaskForm):
    """The officer's name and role as their letters are signed."""

    signature = StringField("Your name and role", validators=[
        Length(max=users.SIGNATURE_MAX, message=f"At most {users.SIGNATURE_MAX} characters fit on a letter")])


@bp.route("/signature", methods=["GET", "POST"])
@login_required
def signature():
    """Show or change how the signed-in officer signs the letters their sessions print."""
    form = SignatureForm(data={"signature": current_user.user.signature})
    if form.validate_on_submit():
        try:
            users.set_signature(db_session(), current_user.user.id, form.signature.data)
        except users.AccountError as exc:
            refuse(form.signature, str(exc))
        else:
            flash("Saved. Your letters are signed with it from now on.", "success")
            return redirect(url_for("account.signature"))
    return render_template("account/signature.html", form=form)


@bp.route("/password", methods=["GET", "POST"])
@login_required
def password():
    """Change the signed-in user's password; other devices are signed out, this one stays in."""
    form = PasswordForm()
    if form.validate_on_submit():
        db = db_session()
        try:
            token = credentials.change_password(db, current_user.user.id, form.current_password.data,
                                                form.new_password.data)
        except users.AccountError as exc:
            target = form.current_password if "current password" in str(exc) else form.new_password
            refuse(target, str(exc))
        else:
            login_user(SignedIn(users.load_by_token(db, current_user.user.id, token)))
            flash("Your password was changed. Any other device signed in as you has been signed out.", "success")
            return redirect(url_for("sessions.dashboard"))
    return render_template("account/password.html", form=form, hint=PASSWORD_HINT)
