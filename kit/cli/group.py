"""The `kit` command group, and the one place where a command's failure becomes a plain message."""

from __future__ import annotations

import sys

import click

from kit.accounts.users import AccountError
from kit.backup import BackupError
from kit.config import ConfigError
from kit.content.loader import LibraryError
from kit.db.engine import DatabaseUnavailable


class Refusal(click.ClickException):
    """A command cannot go on: print MESSAGE (what is wrong and what to do) and exit with EXIT_CODE."""

    def __init__(self, message: str, exit_code: int = 1):
        super().__init__(message)
        self.exit_code = exit_code

    def show(self, file=None) -> None:
        click.echo(self.format_message(), err=True)


class KitGroup(click.Group):
    """A click group that turns the kit's own errors into a Refusal, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ConfigError as exc:
            raise Refusal(str(exc), 2) from None
        except LibraryError as exc:
            for problem in exc.problems:
                click.echo(str(problem), err=True)
            raise Refusal(f"the content library has {len(exc.errors)} error(s); "
                          "fix them (kit check) and try again") from None
        except (DatabaseUnavailable, AccountError, BackupError) as exc:
            raise Refusal(str(exc)) from None


@click.group(cls=KitGroup, context_settings={"help_option_names": ["-h", "--help"]})
def cli() -> None:
    """Safer Sessions Kit: check the library, export print packs, run the app, manage users."""


def main() -> None:
    """Run the kit command line."""
    try:
        cli.main(prog_name="kit")
    except KeyboardInterrupt:
        sys.exit(130)
