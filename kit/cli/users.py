"""`kit users add | list | disable`: manage who can sign in (reads the same KIT_* settings)."""

from __future__ import annotations

import sys

import click

from kit.accounts import users
from kit.config import ConfigError
from kit.content.loader import LibraryError
from kit.db import DatabaseUnavailable, open_database


def _database():
    """Return the app's Database (call .dispose() when done), or exit with a plain message."""
    from kit import create_app  # noqa: PLC0415 - keeps `kit --help` fast

    try:
        app = create_app()
    except ConfigError as exc:
        click.echo(str(exc), err=True)
        raise SystemExit(2) from None
    except LibraryError:
        click.echo("the content library has errors; run `kit check` to see them", err=True)
        raise SystemExit(1) from None
    return app.extensions["kit.db"]


def _read_password(from_stdin: bool) -> str:
    """Return a password read from stdin, or asked for twice without echo."""
    if from_stdin:
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    return click.prompt("Password (at least 12 characters)", hide_input=True,
                        confirmation_prompt="Repeat the password")


@click.group("users")
def users_group() -> None:
    """Manage the accounts that can sign in to the web app."""


@users_group.command("add")
@click.argument("email")
@click.option("--role", type=click.Choice(users.ROLES), default="officer", show_default=True,
              help="officer: builds their own sessions; lead: sees every session.")
@click.option("--password-stdin", is_flag=True, help="Read the password from the first line of stdin.")
def add_command(email: str, role: str, password_stdin: bool) -> None:
    """Create an account for EMAIL."""
    email = users.normalise_email(email)
    if not users.EMAIL_RE.match(email):
        click.echo(f"'{email}' is not an email address", err=True)
        raise SystemExit(1)
    password = _read_password(password_stdin)
    database = _database()
    try:
        users.create_user(database.session, email, password, role)
    except users.AccountError as exc:
        click.echo(str(exc), err=True)
        raise SystemExit(1) from None
    finally:
        database.dispose()
    click.echo(f"added {email} ({role})")


@users_group.command("list")
def list_command() -> None:
    """List every account: email, role and whether it can sign in."""
    database = _database()
    try:
        for user in users.list_users(database.session):
            state = "active" if user.active else "disabled"
            click.echo(f"{user.email:<40} {user.role:<8} {state}")
    finally:
        database.dispose()


@users_group.command("disable")
@click.argument("email")
def disable_command(email: str) -> None:
    """Stop EMAIL signing in and end their current sign-ins (sessions they built are kept)."""
    database = _database()
    try:
        users.disable_user(database.session, email)
    except users.AccountError as exc:
        click.echo(str(exc), err=True)
        raise SystemExit(1) from None
    finally:
        database.dispose()
    click.echo(f"disabled {users.normalise_email(email)}")


@click.group("db")
def db_group() -> None:
    """Manage the database schema."""


@db_group.command("upgrade")
def upgrade_command() -> None:
    """Bring the database schema up to date (for deployments that set KIT_AUTO_MIGRATE=false)."""
    from kit import create_app  # noqa: PLC0415

    try:
        app = create_app({"AUTO_MIGRATE": False})
    except ConfigError as exc:
        click.echo(str(exc), err=True)
        raise SystemExit(2) from None
    database = app.extensions["kit.db"]
    try:
        open_database(database.url, migrate=True).dispose()
    except DatabaseUnavailable as exc:
        click.echo(str(exc), err=True)
        raise SystemExit(1) from None
    finally:
        database.dispose()
    click.echo("the database schema is up to date")


commands = [users_group, db_group]
