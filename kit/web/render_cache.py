"""The one cache in the web app: rendered PDFs, so a preview or a re-download costs nothing.

Explicit by design: the app makes it at start (`init_app`), the views say when it must forget
(`forget(session_id)` on every save and delete, `clear()` whenever the library is reloaded),
and nothing else is cached anywhere. Each worker process has its own; a save in one worker
cannot reach another's, so keys also carry the session's version and creation time, which
makes a stale PDF impossible to hit there too (a deleted session's id may be reused by SQLite).
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from flask import Flask, current_app

EXTENSION = "kit.render_cache"


class RenderCache:
    """Rendered PDFs by key (session id first), bounded in bytes; least recently used goes first."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self._items: OrderedDict[tuple, bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: tuple) -> bytes | None:
        """Return the PDF stored under KEY, if any."""
        with self._lock:
            data = self._items.get(key)
            if data is not None:
                self._items.move_to_end(key)
            return data

    def put(self, key: tuple, data: bytes) -> None:
        """Keep DATA under KEY (whose first item is the session id), dropping the oldest to fit."""
        if len(data) > self.max_bytes:
            return
        with self._lock:
            self._size += len(data) - len(self._items.pop(key, b""))
            self._items[key] = data
            while self._size > self.max_bytes:
                _, dropped = self._items.popitem(last=False)
                self._size -= len(dropped)

    def forget(self, session_id: int) -> int:
        """Drop every PDF of session SESSION_ID (it was saved or deleted); return how many."""
        with self._lock:
            stale = [key for key in self._items if key[0] == session_id]
            for key in stale:
                self._size -= len(self._items.pop(key))
            return len(stale)

    def clear(self) -> None:
        """Drop every PDF (the library changed, so any document may read differently)."""
        with self._lock:
            self._items.clear()
            self._size = 0

    def __len__(self) -> int:
        return len(self._items)


def init_app(app: Flask) -> None:
    """Give APP its render cache, sized by PDF_CACHE_BYTES."""
    app.extensions[EXTENSION] = RenderCache(app.config["PDF_CACHE_BYTES"])


def render_cache() -> RenderCache:
    """Return the current app's render cache."""
    return current_app.extensions[EXTENSION]


def forget(session_id: int) -> None:
    """Drop the current app's PDFs of session SESSION_ID."""
    render_cache().forget(session_id)


def reload_library(app: Flask, library) -> None:
    """Make LIBRARY the app's content library and drop every PDF drawn from the old one."""
    app.extensions["kit.library"] = library
    app.extensions[EXTENSION].clear()
