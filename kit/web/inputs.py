"""Malformed input is refused up front with a 4xx that names it, the same on SQLite and PostgreSQL.

Both databases refuse some values Python accepts: an integer past 2**31-1 (PostgreSQL's INTEGER;
SQLite's limit is 2**63-1) and a NUL character in text (PostgreSQL). Checking here means the
answer does not depend on which database is behind the app.
"""

from __future__ import annotations

from flask import Flask, abort, request
from werkzeug.routing import IntegerConverter

# The largest id or version either database stores in an INTEGER column.
INT_MAX = 2**31 - 1


class BoundedInt(IntegerConverter):
    """`<int:...>` in every route: 0 to INT_MAX, so a longer number is simply not found (404)."""

    def __init__(self, url_map, fixed_digits=0, min=0, max=INT_MAX, signed=False):  # noqa: A002 - Werkzeug's names
        super().__init__(url_map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


def whole_number(text: str | None, maximum: int = INT_MAX) -> int | None:
    """Return TEXT as a whole number from 0 to MAXIMUM, or None (ASCII digits only: not '²' or '١')."""
    if not text or len(text) > 10 or not (text.isascii() and text.isdigit()):
        return None
    value = int(text)
    return value if value <= maximum else None


def unstorable(value: str) -> str | None:
    """Return why VALUE cannot be stored as text (a NUL or a lone surrogate), or None."""
    if "\x00" in value:
        return "contains a NUL character"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "contains a character that is not valid Unicode"
    return None


def _check_request() -> None:
    """Refuse a request whose address, query or form carries text no database can store."""
    sources = (("the address", (request.view_args or {}).items()),
               ("the address", request.args.items(multi=True)))
    if request.method == "POST" and request.mimetype in ("application/x-www-form-urlencoded", "multipart/form-data"):
        sources += (("the form", request.form.items(multi=True)),)
    for where, pairs in sources:
        for name, value in pairs:
            problem = unstorable(value) if isinstance(value, str) else None
            if problem:
                abort(400, f"The field “{_label(name)}” in {where} {problem}. Remove it and try again.")


def _label(name: str) -> str:
    return "".join(c for c in name if c.isprintable())[:40] or "?"


def init_app(app: Flask) -> None:
    """Bound every `<int:...>` route value and check each request's text on APP."""
    app.url_map.converters["int"] = BoundedInt
    app.before_request(_check_request)
