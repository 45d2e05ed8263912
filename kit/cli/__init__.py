"""The `kit` command: one group, one module per family of commands."""

from __future__ import annotations

import importlib
import sys

import click

# Each module defines `commands`, a list of click commands added to the group.
COMMAND_MODULES = ("kit.cli.library", "kit.cli.serve", "kit.cli.export", "kit.cli.users", "kit.cli.links",
                   "kit.cli.quiz")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def cli() -> None:
    """Safer Sessions Kit: check the library, export print packs, run the app, manage users."""


def _attach() -> None:
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        for command in module.commands:
            cli.add_command(command)


def main() -> None:
    """Run the kit command line."""
    _attach()
    try:
        cli.main(prog_name="kit", standalone_mode=True)
    except KeyboardInterrupt:
        sys.exit(130)
