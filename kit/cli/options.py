"""Options shared by the kit commands."""

from __future__ import annotations

import os
from pathlib import Path

import click

from kit.paths import data_dir


def lessons_dir(value: str | None) -> Path:
    """Return the library folder: VALUE, else KIT_LESSONS_DIR, else the shipped library."""
    return Path(value or os.environ.get("KIT_LESSONS_DIR") or data_dir("lessons"))


lessons_option = click.option(
    "--lessons", "lessons", metavar="DIR", default=None,
    help="Content library folder (default: KIT_LESSONS_DIR or the shipped library).",
)
