"""`kit users add | list | disable` and `kit db upgrade`: open the app's database, nothing more."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator

import click

from kit.accounts import users
from kit.cli.group import Refusal, cli
from kit.config import ensure_instance, instance_path, settings
from kit.db.engine import Database, open_database


@contextlib.contextmanager
def app_database(migrate: bool | None = None) -> Iterator[Database]:
    """Open the database the app uses (same KIT_* settings) without building the app or reading the library,
    and close it at the end.

    MIGRATE: bring the schema up to date first; None follows KIT_AUTO_MIGRATE as the app does.
    """
    instance = instance_path()
    config = settings(instance)
    ensure_instance(instance)
    database = open_database(config["DATABASE_URL"], config["AUTO_MIGRATE"] if migrate is None else migrate)
    try:
        yield database
    finally:
        database.dispose()


def stdin_is_terminal() -> bool:
    """Say whether a person is typing at standard input (not a pipe or a file)."""
    return sys.stdin.isatty()


def read_password(from_stdin: bool, email: str = "") -> str:
    """Return a password read from stdin, or asked for twice without echo until it is acceptable."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not stdin_is_terminal():
        raise Refusal("the password is typed at a terminal; to pipe it in, add --password-stdin", 2)
    while True:
        password = click.prompt(f"Password (at least {users.PASSWORD_MIN} characters)", hide_input=True,
                                confirmation_prompt="Repeat the password")
        try:
            users.check_new_password(password, email)
        except users.AccountError as exc:
            click.echo(f"Error: {exc}.", err=True)  # then ask again, as a mismatch does
            continue
        return password


@cli.group("users")
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
        raise Refusal(f"'{email}' is not an email address")
    password = read_password(password_stdin, email)
    with app_database() as database:
        users.create_user(database.session, email, password, role)
    click.echo(f"added {email} ({role})")


@users_group.command("list")
def list_command() -> None:
    """List every account: email, role and whether it can sign in."""
    with app_database() as database:
        accounts = users.list_users(database.session)
        for user in accounts:
            state = "active" if user.active else "disabled"
            click.echo(f"{user.email:<40} {user.role:<8} {state}")
    if not accounts:
        click.echo("no accounts yet: add the first lead with `kit users add EMAIL --role lead`")


@users_group.command("disable")
@click.argument("email")
def disable_command(email: str) -> None:
    """Stop EMAIL signing in and end their current sign-ins (sessions they built are kept)."""
    with app_database() as database:
        users.disable_user(database.session, email)
    click.echo(f"disabled {users.normalise_email(email)}")


@cli.group("db")
def db_group() -> None:
    """Manage the database schema."""


@db_group.command("upgrade")
def upgrade_command() -> None:
    """Bring the database schema up to date (for deployments that set KIT_AUTO_MIGRATE=false)."""
    with app_database(migrate=True):
        pass
    click.echo("the database schema is up to date")
