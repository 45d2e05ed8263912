"""Review dates: what in the library is due for a person to look at, and recording a check."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from kit.content.library import Library
from kit.content.text import texts
from kit.files import write_atomically

# Advice pages move and services are renamed: a link not compared with its source for six months is due.
STALE_AFTER = dt.timedelta(days=183)
_CHECKED = re.compile(r"^(\s*checked:\s*)(\d{4}-\d{2}-\d{2})(\s*(#.*)?)$")


@dataclass(frozen=True)
class Due:
    """One thing a content lead should review, and why."""

    kind: str  # link-stale | link-verify | welsh-draft
    item: str  # e.g. "link ceop-report" or "module what-to-do"
    reason: str


def stale_links(library: Library, today: dt.date, ids=None) -> list[str]:
    """Return the ids of links (of IDS, or all) not checked against their source for six months."""
    wanted = library.links if ids is None else {i: library.links[i] for i in ids if i in library.links}
    return [link.id for link in wanted.values() if today - link.checked > STALE_AFTER]


def due(library: Library, today: dt.date) -> list[Due]:
    """Return what is due for review: stale links, `verify` links and Welsh drafts, in library order."""
    items = []
    for link in library.links.values():
        if today - link.checked > STALE_AFTER:
            days = (today - link.checked).days
            items.append(Due("link-stale", f"link {link.id}", f"last checked {link.checked} ({days} days ago)"))
        if link.status == "verify":
            items.append(Due("link-verify", f"link {link.id}", "no official page has confirmed it yet"))
    for kind, collection in (("link", library.links), ("module", library.modules),
                             ("question", library.questions), ("plan", library.plans),
                             ("audience", library.audiences)):
        for item_id, item in collection.items():
            drafts = sum(1 for _, text in texts(item) if text.is_draft)
            if drafts:
                items.append(Due("welsh-draft", f"{kind} {item_id}",
                                 f"{drafts} Welsh text(s) waiting for a Welsh speaker's approval"))
    return items


def mark_checked(library: Library, ids: list[str], today: dt.date) -> list[Path]:
    """Record TODAY as the `checked` date of the links IDS in their links.yaml, atomically; return the files.

    Only the `checked:` line of each link changes, so comments and layout survive.
    """
    groups = {library.root: [i for i in ids if ("links", i) not in library.local],
              library.local_root: [i for i in ids if ("links", i) in library.local]}
    return [_mark(folder / "links.yaml", library, chosen, today) for folder, chosen in groups.items() if chosen]


def _mark(path: Path, library: Library, ids: list[str], today: dt.date) -> Path:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    for link_id in ids:
        line = library.origins[("links", link_id)].line("checked")
        match = _CHECKED.match(lines[line - 1].rstrip("\r\n")) if line else None
        if not match:
            raise ValueError(f"{path}:{line}: checked: cannot find the date of link '{link_id}' to update")
        ending = lines[line - 1][len(lines[line - 1].rstrip("\r\n")):]
        lines[line - 1] = f"{match.group(1)}{today.isoformat()}{match.group(3)}{ending}"
    write_atomically(path, "".join(lines).encode("utf-8"), mode=path.stat().st_mode & 0o777)
    return path
