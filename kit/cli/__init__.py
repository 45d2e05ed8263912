"""The `kit` command line: each module below registers its commands on `cli` where it defines them."""

# Importing a module registers its commands; add a new family of commands here.
from kit.cli import backup, export, library, links, quiz, report, serve, users  # noqa: F401
from kit.cli.group import cli, main

__all__ = ["cli", "main"]
