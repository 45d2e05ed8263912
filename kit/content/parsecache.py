"""A cache of parsed YAML values, keyed by each file's content hash.

Parsing is most of the cost of loading a large library; validation and every check still run
on each load, so a stale entry is impossible: changed bytes mean a new key. Values are stored
as JSON (plain data only: safe to read back), in KIT_CACHE_DIR or the user's cache folder. A
cache that cannot be read or written is simply not used.

For a file the fast reader (kit.content.fastyaml) read exactly, only its key is stored, as
"fast": reading it again with yaml_rs costs about what reading its value back as JSON would,
and the cold load is spared writing the whole library out as JSON. The reader's version is part
of the cache's version, so a new reader or yaml_rs never trusts an old verdict.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

VERSION = "kit-parse-cache-2"
_PLAIN = (str, int, float, bool, type(None))


def cache_dir() -> Path:
    """Return the folder for cache files: KIT_CACHE_DIR, else XDG_CACHE_HOME or ~/.cache."""
    explicit = os.environ.get("KIT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "safer-sessions-kit"


def digest(data: bytes) -> str:
    """Return the cache key of a file's bytes."""
    return hashlib.blake2b(data, digest_size=16, person=b"kit-yaml").hexdigest()


def is_plain(value: object) -> bool:
    """Say whether VALUE survives a JSON round trip unchanged (no dates, no odd floats)."""
    if isinstance(value, dict):
        return all(isinstance(k, str) and is_plain(v) for k, v in value.items())
    if isinstance(value, list):
        return all(is_plain(v) for v in value)
    if isinstance(value, float):
        return value == value and value not in (float("inf"), float("-inf"))
    return isinstance(value, _PLAIN)


class ParseCache:
    """Parsed values of one library folder, loaded once and saved if anything changed."""

    def __init__(self, root: Path, enabled: bool = True, reader: str = ""):
        name = hashlib.blake2b(str(Path(root).resolve()).encode(), digest_size=8).hexdigest()
        self.path = cache_dir() / f"library-{name}.json"
        self.version = f"{VERSION}/{reader}"
        self.enabled = enabled and os.environ.get("KIT_CACHE_DIR") != "off"
        self.old: dict[str, object] = {}
        self.old_fast: set[str] = set()
        if self.enabled:
            self._read()
        self.new: dict[str, object] = {}
        self.new_fast: set[str] = set()

    def _read(self) -> None:
        try:
            stored = json.loads(self.path.read_bytes())
        except (OSError, ValueError):
            return
        if not (isinstance(stored, dict) and stored.get("version") == self.version):
            return
        entries, fast = stored.get("entries"), stored.get("fast")
        if isinstance(entries, dict) and isinstance(fast, list) and all(isinstance(k, str) for k in fast):
            self.old, self.old_fast = entries, set(fast)

    def get(self, key: str) -> object | None:
        """Return the cached value for KEY, or None."""
        value = self.old.get(key)
        if value is not None:
            self.new[key] = value
        return value

    def is_fast(self, key: str) -> bool:
        """Say whether the fast reader read the bytes of KEY exactly before."""
        if key in self.old_fast:
            self.new_fast.add(key)
            return True
        return False

    def put(self, key: str, value: object) -> None:
        """Remember VALUE for KEY if it is plain data."""
        self.new_fast.discard(key)
        if is_plain(value):  # a file with dates (links.yaml) is parsed each time
            self.new[key] = value

    def put_fast(self, key: str) -> None:
        """Remember that the fast reader reads the bytes of KEY exactly."""
        self.new.pop(key, None)
        self.new_fast.add(key)

    def save(self) -> None:
        """Write the entries used by this load, atomically, if they differ from what was read."""
        if not self.enabled or (self.new.keys() == self.old.keys() and self.new_fast == self.old_fast):
            return
        try:
            # json.dumps, not json.dump: only the one-shot call uses the C encoder (several times faster).
            # Parsed values are trees (the readers refuse aliases), so the cycle check is skipped.
            text = json.dumps({"version": self.version, "entries": self.new, "fast": sorted(self.new_fast)},
                              ensure_ascii=False, separators=(",", ":"), check_circular=False)
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
            os.replace(tmp, self.path)
        except OSError:
            return
