"""The one owner of the app's content library: it reloads when a lead saves a new version.

Every request asks the database for the newest version's id (one indexed query). When it differs
from the one this process holds, the library is built again from the national folder, the force's
YAML folder and that version, and the caller swaps it in (and drops its rendered PDFs). Each worker
process does this for itself, so several gunicorn workers all follow a save at their next request.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session as DbSession

from kit.content.library import Library
from kit.content.problems import Problem
from kit.local import versions
from kit.local.overlay import library_with
from kit.local.versions import Content

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Current:
    """The version a process prints from: its id (None: nothing saved yet), content and when it was saved."""

    version_id: int | None = None
    content: Content = Content()
    saved_at: dt.datetime | None = None
    problems: tuple[Problem, ...] = ()  # what no longer fits (e.g. the national library took one of its ids)

    def printed(self, organisation: str) -> dict:
        """Return what documents print of this version (name, address, logo, edition) as RenderOptions
        fields, the name falling back to ORGANISATION when none was saved."""
        content = self.content
        return {"organisation": content.organisation or organisation, "address": content.address,
                "logo": content.logo_png or b"", "logo_svg": content.logo_svg or b"", "edition": self.edition()}

    def edition(self) -> str:
        """Return the words a document carries to say which version it printed."""
        if self.version_id is None:
            return ""
        return f"Local content version {self.version_id}, saved {self.saved_at:%d %B %Y %H:%M} UTC"


class LibraryHolder:
    """Holds the library and the local version it was built with; `refresh` reloads on a change."""

    def __init__(self, root: Path, local: Path | None):
        self.root, self.local = Path(root), local
        self.current = Current()
        self._lock = threading.Lock()

    def refresh(self, db: DbSession) -> Library | None:
        """Return a new library when the newest saved version changed since the last call, else None."""
        newest = versions.current_id(db)
        if newest == self.current.version_id:
            return None
        with self._lock:  # one thread rebuilds; the others find it done
            if newest == self.current.version_id:
                return None
            row = versions.get(db, newest) if newest is not None else None
            content = versions.content_of(row)
            library, problems = library_with(self.root, self.local, content)
            errors = tuple(p for p in problems if p.severity == "error")
            for problem in errors:  # printed without the links that no longer fit; the edit page shows why
                log.warning("local content version %s: %s", newest, problem)
            self.current = Current(newest, content, row.created_at if row else None, errors)
            return library
