"""Options shared by the kit commands."""

from __future__ import annotations

import os
from pathlib import Path

import click

from kit.content.library import Library
from kit.content.loader import load_checked
from kit.paths import data_dir


def lessons_dir(value: str | None) -> Path:
    """Return the library folder: VALUE, else KIT_LESSONS_DIR, else the shipped library."""
    return Path(value or os.environ.get("KIT_LESSONS_DIR") or data_dir("lessons"))


def local_dir() -> Path | None:
    """Return the force's local library folder from KIT_LOCAL_LESSONS, or None."""
    value = os.environ.get("KIT_LOCAL_LESSONS", "").strip()
    return Path(value) if value else None


def saved_content():
    """Return the force's content saved in the browser (kit.local), from the app's database; a Refusal
    when the database is configured but cannot be read."""
    from kit.cli.group import Refusal  # noqa: PLC0415
    from kit.config import instance_path, settings  # noqa: PLC0415
    from kit.db.engine import DatabaseUnavailable  # noqa: PLC0415
    from kit.local.stored import saved  # noqa: PLC0415 - SQLAlchemy only for the commands that print

    try:
        return saved(settings(instance_path())["DATABASE_URL"])
    except DatabaseUnavailable as exc:
        raise Refusal(str(exc)) from None


def open_library(lessons: str | None, lint: bool = False) -> Library:
    """Load the library (--lessons, KIT_LESSONS_DIR or the shipped one) with the force's local folder."""
    return load_checked(lessons_dir(lessons), lint=lint, local=local_dir())


lessons_option = click.option(
    "--lessons", "lessons", metavar="DIR", default=None,
    help="Content library folder (default: KIT_LESSONS_DIR or the shipped library).",
)
