"""The web forms (Flask-WTF): every POST carries a CSRF token; lengths match the domain caps."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    IntegerField,
    PasswordField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice  # WTForms 3.3 wants these, not (value, label) pairs
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from kit.accounts.passwords import PASSWORD_MIN
from kit.content.vocab import SETTINGS
from kit.sessions.model import NOTE_MAX, REASON_MAX, SCHOOL_MAX, TITLE_MAX
from kit.web.inputs import INT_MAX


def choices(pairs) -> list:
    """Return (value, label) PAIRS as choices for a select or radio field."""
    return [SelectChoice(value, label) for value, label in pairs]


def refuse(field, message: str) -> None:
    """Show MESSAGE, a domain message (a lower-case phrase), under FIELD as a sentence."""
    field.errors = [*field.errors, message[:1].upper() + message[1:] + ("" if message.endswith(".") else ".")]


# Beside every field where someone chooses a password (the rules are kit.accounts.passwords).
PASSWORD_HINT = (f"At least {PASSWORD_MIN} characters and hard to guess: three or four unrelated words work well. "
                 "Not your email address, not a common password.")


LANG_CHOICES = [("en", "English"), ("cy", "Welsh"), ("bilingual", "Welsh and English (bilingual)")]
SETTING_NAMES = {
    "classroom": "Classroom", "small-group": "Small group", "assembly": "Assembly",
    "one-to-one": "One to one", "online": "Online",
}


class LoginForm(FlaskForm):
    """Sign in with email and password."""

    email = StringField("Email address", validators=[DataRequired("Enter your email address"),
                                                     Length(max=254)])
    password = PasswordField("Password", validators=[DataRequired("Enter your password"),
                                                     Length(max=200)])
    next = HiddenField()


class DetailsForm(FlaskForm):
    """Who, where and when: the details of a session."""

    title = StringField("Session title (optional)", validators=[Optional(), Length(max=TITLE_MAX)])
    audience = SelectField("Who is the session for?", validators=[InputRequired("Choose who the session is for")])
    nation = SelectField("Nation", validators=[InputRequired("Choose the nation")])
    lang = RadioField("Language of the handouts", choices=choices(LANG_CHOICES), default="en",
                      validators=[InputRequired("Choose a language")])
    date = DateField("Date (optional)", validators=[Optional()])
    school = StringField("School or venue (optional)", validators=[Optional(), Length(max=SCHOOL_MAX)])
    group_size = IntegerField("Group size (optional)", validators=[
        Optional(), NumberRange(1, 500, "Enter a group size from 1 to 500")])
    setting = SelectField("Setting", choices=choices((s, SETTING_NAMES.get(s, s)) for s in SETTINGS),
                          default="classroom")
    lesson_minutes = IntegerField("Lesson length in minutes", default=60, validators=[
        InputRequired("Enter the lesson length"), NumberRange(5, 600, "Enter 5 to 600 minutes")])
    confirm_assembly = BooleanField("I have read this advice and still want to deliver an assembly")
    large_print = BooleanField("Print the handouts in large print")
    use_plan = BooleanField("Start from the ready-made plan for this audience", default=True)
    version = HiddenField()


class VersionForm(FlaskForm):
    """A small builder action: carries the version the page showed."""

    version = IntegerField(validators=[InputRequired("The page was missing its version: reload it"),
                                       NumberRange(1, INT_MAX, "The page's version is not valid: reload it")])


class AddItemForm(VersionForm):
    """Add a module or question; a reason when it is written for other ages."""

    reason = StringField("Why this suits your group", validators=[Optional(), Length(max=REASON_MAX)])


class AddToSessionForm(FlaskForm):
    """The library's "Add to…": which of the officer's sessions."""

    session = IntegerField("Add to", validators=[InputRequired("Choose one of your sessions")])


class NotesForm(VersionForm):
    """Notes for the school."""

    school_notes = TextAreaField("Notes for the school", validators=[
        Optional(), Length(max=NOTE_MAX, message=f"Keep the notes for the school under {NOTE_MAX:,} characters.")])


class KeepMineForm(VersionForm):
    """Keep my version after a conflict: my spec as JSON, over the version now stored."""

    spec = HiddenField(validators=[DataRequired("Your version was missing from the form: reload the page")])
    confirm_assembly = BooleanField("I have read this advice and still want to deliver an assembly")


class ConfirmForm(FlaskForm):
    """A button that needs only the CSRF token (delete, duplicate, sign out)."""
