"""The `kit` command line: each module below registers its commands on `cli` where it defines them."""

from kit.cli import export, library, serve, users  # noqa: F401 - importing a module registers its commands
from kit.cli.group import cli, main

__all__ = ["cli", "main"]
