"""Locate the data folders that ship with the kit (source checkout or installed wheel)."""

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """Return the folder NAME (lessons, templates, static, migrations) for this installation."""
    shipped = _PACKAGE / "_data" / name
    if shipped.is_dir():
        return shipped
    return _PACKAGE.parent / name
