"""Options and helpers shared by the kit commands."""

from __future__ import annotations

import os
from pathlib import Path

import click

from kit.content.library import Library
from kit.content.loader import LibraryError, load_checked
from kit.paths import data_dir


def lessons_dir(value: str | None) -> Path:
    """Return the library folder: VALUE, else KIT_LESSONS_DIR, else the shipped library."""
    return Path(value or os.environ.get("KIT_LESSONS_DIR") or data_dir("lessons"))


def load_or_exit(root: Path) -> Library:
    """Load the library at ROOT, or print every problem and exit 1."""
    try:
        return load_checked(root)
    except LibraryError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        raise SystemExit(1) from None


lessons_option = click.option(
    "--lessons", "lessons", metavar="DIR", default=None,
    help="Content library folder (default: KIT_LESSONS_DIR or the shipped library).",
)
