"""Reading grades remembered between runs, keyed by a hash of the text and textstat's version.

Measuring the first grade in a process loads textstat's pronouncing dictionary, about a second,
and every app start (each server worker, each `kit serve`) lints the library. With the grades
remembered, a library whose text has not changed is linted without loading textstat at all.
Plain JSON in the cache folder; a file that cannot be read or written is simply not used.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from importlib import metadata

from kit.content.parsecache import cache_dir

MAX_ENTRIES = 100_000  # about 6 MB; past it the file keeps only what the last run measured

_grades: dict[str, float | None] | None = None
_used: set[str] = set()
_changed = False


def _path():
    return None if os.environ.get("KIT_CACHE_DIR") == "off" else cache_dir() / "reading-grades.json"


def _version() -> str:
    return f"textstat-{metadata.version('textstat')}"


def _load() -> dict[str, float | None]:
    global _grades
    if _grades is None:
        _grades = {}
        path = _path()
        try:
            data = json.loads(path.read_text("utf-8")) if path else {}
        except (OSError, ValueError):
            data = {}
        if isinstance(data, dict) and data.get("version") == _version() and isinstance(data.get("grades"), dict):
            _grades = {k: v for k, v in data["grades"].items() if v is None or isinstance(v, (int, float))}
    return _grades


def key(text: str) -> str:
    """Return the memo key of TEXT."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def recall(text: str) -> tuple[bool, float | None]:
    """Return (True, grade) when TEXT's grade is remembered, else (False, None)."""
    k = key(text)
    grades = _load()
    if k in grades:
        _used.add(k)
        return True, grades[k]
    return False, None


def remember(text: str, grade: float | None) -> None:
    """Remember GRADE for TEXT (written out by save())."""
    global _changed
    k = key(text)
    _load()[k] = grade
    _used.add(k)
    _changed = True


def save() -> None:
    """Write the remembered grades out, atomically, if any were added."""
    global _changed
    path = _path()
    if not _changed or path is None:
        return
    grades = _load()
    if len(grades) > MAX_ENTRIES:
        grades = {k: v for k, v in grades.items() if k in _used}
    tmp_name = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False,
                                         prefix=".grades-", suffix=".tmp") as tmp:
            tmp_name = tmp.name
            json.dump({"version": _version(), "grades": grades}, tmp)
        os.replace(tmp_name, path)
        _changed = False
    except OSError:
        if tmp_name:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
