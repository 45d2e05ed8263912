"""Review dates: what in the library is due for a person to look at, who looked last, and recording a check."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

from kit.content.library import Library
from kit.content.text import texts
from kit.files import write_atomically

# Advice pages move and services are renamed: a link not compared with its source for six months is due.
STALE_AFTER = dt.timedelta(days=183)
_CHECKED = re.compile(r"^(\s*checked:\s*)(\d{4}-\d{2}-\d{2})(\s*(#.*)?)$")
_CHECKED_BY = re.compile(r"^(\s*checked_by:\s*)(.*)$")
# Recorded when `kit links check --mark-checked` is run without --by: the tool, not a person, looked.
BY_THE_TOOL = "kit links check (the address answered; its content was not read)"


@dataclass(frozen=True)
class Due:
    """One thing a content lead should review, and why."""

    kind: str  # link-stale | link-verify | welsh-draft
    item: str  # e.g. "link ceop-report" or "module what-to-do"
    reason: str
    by: str | None = None  # who last checked the link, or reviewed the Welsh (None: nobody recorded)
    date: str | None = None  # when (YYYY-MM-DD)


def stale_links(library: Library, today: dt.date, ids: list[str]) -> list[str]:
    """Return the ids among IDS of links not checked against their source for six months."""
    return [i for i in ids if i in library.links and today - library.links[i].checked > STALE_AFTER]


def checked_words(link) -> str:
    """Return when LINK was last checked and by whom, as a reader says it."""
    return f"last checked {link.checked} by {link.checked_by or 'nobody recorded'}"


def due(library: Library, today: dt.date) -> list[Due]:
    """Return what is due for review: stale links, `verify` links and Welsh drafts, in library order."""
    items = []
    for link in library.links.values():
        who = {"by": link.checked_by, "date": link.checked.isoformat()}
        if today - link.checked > STALE_AFTER:
            days = (today - link.checked).days
            items.append(Due("link-stale", f"link {link.id}", f"{checked_words(link)} ({days} days ago)", **who))
        if link.status == "verify":
            items.append(Due("link-verify", f"link {link.id}",
                             f"no official page has confirmed it yet ({checked_words(link)})", **who))
    return items + welsh_due(library)


WELSH_KINDS = (("link", "links"), ("module", "modules"), ("question", "questions"), ("plan", "plans"),
               ("audience", "audiences"), ("nation", "nations"))


def welsh_due(library: Library) -> list[Due]:
    """Return the items whose Welsh waits for a Welsh speaker, saying who reviewed them last, if anyone."""
    items = []
    for kind, name in WELSH_KINDS:
        for item_id, item in getattr(library, name).items():
            drafts = sum(1 for _, text in texts(item) if text.is_draft)
            if not drafts:
                continue
            review = item.cy_reviewed
            last = (f"last reviewed by {review.by} on {review.date}" if review
                    else "no Welsh speaker has reviewed it")
            items.append(Due("welsh-draft", f"{kind} {item_id}", f"{drafts} Welsh text(s) waiting for a Welsh "
                             f"speaker's approval; {last}", review.by if review else None,
                             review.date.isoformat() if review else None))
    return items


def last_checks(library: Library) -> str:
    """Return one line per person or role who last checked links or reviewed Welsh: how many and the latest date."""
    seen: dict[str, list[dt.date]] = {}
    for link in library.links.values():
        seen.setdefault(f"links checked by {link.checked_by or 'nobody recorded'}", []).append(link.checked)
    for _, name in WELSH_KINDS:
        for item in getattr(library, name).values():
            if item.cy_reviewed:
                seen.setdefault(f"Welsh reviewed by {item.cy_reviewed.by}", []).append(item.cy_reviewed.date)
    rows = [f"  {len(dates)} {what} (latest {max(dates)})" for what, dates in seen.items()]
    if not any(key.startswith("Welsh") for key in seen):
        rows.append("  Welsh: no Welsh speaker has reviewed any text yet")
    return "Who looked last:\n" + "\n".join(rows)


def mark_checked(library: Library, ids: list[str], today: dt.date, by: str | None = None) -> list[Path]:
    """Record TODAY (and who checked: BY, else the tool) for the links IDS in their links.yaml, atomically.

    Only the `checked:` and `checked_by:` lines of each link change (a missing `checked_by:` is
    added under `checked:`), so comments and layout survive. Return the files written.
    """
    groups = {library.root: [i for i in ids if ("links", i) not in library.local],
              library.local_root: [i for i in ids if ("links", i) in library.local]}
    who = by or BY_THE_TOOL
    return [_mark(folder / "links.yaml", library, chosen, today, who) for folder, chosen in groups.items() if chosen]


def _mark(path: Path, library: Library, ids: list[str], today: dt.date, who: str) -> Path:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    added: list[tuple[int, str]] = []  # (after line, text): inserted last, bottom up, so numbers hold
    for link_id in ids:
        origin = library.origins[("links", link_id)]
        line = origin.line("checked")
        match = _CHECKED.match(lines[line - 1].rstrip("\r\n")) if line else None
        if not match:
            raise ValueError(f"{path}:{line}: checked: cannot find the date of link '{link_id}' to update")
        ending = lines[line - 1][len(lines[line - 1].rstrip("\r\n")):]
        lines[line - 1] = f"{match.group(1)}{today.isoformat()}{match.group(3)}{ending}"
        # JSON's quoted string is a YAML double-quoted scalar: any name is written safely.
        by_line = origin.line("checked_by") if library.links[link_id].checked_by else None
        old = _CHECKED_BY.match(lines[by_line - 1].rstrip("\r\n")) if by_line else None
        if by_line and not old:
            raise ValueError(f"{path}:{by_line}: checked_by: cannot find who checked link '{link_id}' to update")
        if old:
            lines[by_line - 1] = f"{old.group(1)}{json.dumps(who, ensure_ascii=False)}{ending}"
        else:
            indent = match.group(1)[: len(match.group(1)) - len(match.group(1).lstrip())]
            added.append((line, f"{indent}checked_by: {json.dumps(who, ensure_ascii=False)}{ending}"))
    for after, text in sorted(added, reverse=True):
        lines.insert(after, text)
    write_atomically(path, "".join(lines).encode("utf-8"), mode=path.stat().st_mode & 0o777)
    return path
