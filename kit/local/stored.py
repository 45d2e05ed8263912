"""The force's content saved in the browser, read by commands that run without the web app.

`kit export` and `kit check` read the newest saved version from the app's database, so an officer
printing from the command line gets the same name, address, logo and links the web app prints.
No database yet (a fresh SQLite path) means nothing was saved: the file is not created.
"""

from __future__ import annotations

import os

from sqlalchemy import inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from kit.content.library import Library
from kit.content.loader import add_local
from kit.content.problems import Problem
from kit.db.engine import Database, DatabaseUnavailable, shown_url
from kit.local import versions
from kit.local.holder import Current
from kit.local.overlay import BROWSER_FILE, EMPTY_LINKS


def _absent(url: str) -> bool:
    """Return whether URL names a SQLite file that does not exist (so nothing was ever saved in it)."""
    if not url.startswith("sqlite"):
        return False
    path = make_url(url).database
    return not path or path == ":memory:" or not os.path.exists(path)


def saved(url: str) -> Current:
    """Return the newest version saved in the database at URL (an empty Current when there is none);
    raise DatabaseUnavailable, in plain words, when the database cannot be read."""
    if _absent(url):
        return Current()
    database = Database(url)
    try:
        if not inspect(database.engine).has_table("local_versions"):
            return Current()
        row = versions.current(database.session)
        return Current(row.id, versions.content_of(row), row.created_at) if row else Current()
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise DatabaseUnavailable(f"cannot read the force's saved content from the database at "
                                  f"{shown_url(url)}: {reason} (after an update, `kit db upgrade` brings it "
                                  "up to date)") from None
    finally:
        database.dispose()


def add_saved(library: Library, current: Current) -> list[Problem]:
    """Add CURRENT's links to LIBRARY, last, as the web app does; return their problems."""
    if current.version_id is None:
        return []
    return add_local(library, "links", (current.content.links_yaml or EMPTY_LINKS).encode("utf-8"), BROWSER_FILE)
