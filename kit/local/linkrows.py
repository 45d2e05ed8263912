"""The force's links as rows of form fields, and back to the links YAML the loader checks.

A lead edits each link's fields (title, address, audiences, nations ...) instead of YAML; the rows
are written as the same `links:` YAML and checked by the same loader, with the same messages,
each shown beside the field it names. What the form does not show (covers, page_title, a Welsh
reviewer) rides along unchanged in each row's `extra`, so a link typed as YAML loses nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field

import yaml

from kit.content.problems import Problem
from kit.content.yamlfile import YamlError, parse

TEXTS = ("title", "label", "description")  # text that may carry Welsh: a `_cy` field beside each
PLAIN = ("id", "organisation", "url", "phone", "text_number", "hours", "checked", "checked_by", "source", "status")
LISTS = ("audiences", "nations")
SHOWN = frozenset((*TEXTS, *PLAIN, *LISTS))
MAX_ROWS = 200  # a force lists a handful; the cap keeps a crafted form from building a huge file
WHERE = re.compile(r"links\[(\d+)\](?:\.(\w+))?")


@dataclass
class Row:
    """One link as the form shows it: text fields, the audiences and nations ticked, and what rides along."""

    values: dict[str, str] = field(default_factory=dict)
    audiences: list[str] = field(default_factory=list)
    nations: list[str] = field(default_factory=list)
    extra: dict = field(default_factory=dict)


def _text_values(name: str, value: object, extra: dict) -> dict[str, str]:
    """Return the form's fields for the text NAME; keep its Welsh review state in EXTRA."""
    if not isinstance(value, dict):
        return {name: "" if value is None else str(value)}
    if "cy_review" in value:
        extra.setdefault("_cy", {})[name] = {"cy": value.get("cy"), "cy_review": value["cy_review"]}
    return {name: str(value.get("en") or ""), f"{name}_cy": str(value.get("cy") or "")}


def _row(link: dict) -> Row:
    """Return the form row of one link mapping from the YAML."""
    extra = {k: v for k, v in link.items() if k not in SHOWN}
    values: dict[str, str] = {}
    for name in TEXTS:
        values |= _text_values(name, link.get(name), extra)
    values |= {name: "" if link.get(name) is None else str(link[name]) for name in PLAIN}
    lists = [[str(v) for v in link.get(name) or []] if isinstance(link.get(name), list) else [] for name in LISTS]
    return Row(values, *lists, extra=json.loads(json.dumps(extra, default=str)))


def rows_of(links_yaml: str) -> list[Row] | None:
    """Return the links in LINKS_YAML as form rows, or None when it is not a plain list of links (edit it as YAML)."""
    try:
        value = parse((links_yaml or "links: []\n").encode("utf-8")).value
    except YamlError:
        return None
    links = value.get("links") if isinstance(value, dict) and set(value) == {"links"} else None
    if not isinstance(links, list) or not all(isinstance(link, dict) for link in links):
        return None
    return [_row(link) for link in links]


def _text(row: Row, name: str) -> str | dict:
    """Return the text NAME as YAML holds it: plain English, or English and Welsh with its review state."""
    en, cy = row.values.get(name, ""), row.values.get(f"{name}_cy", "")
    if not cy:
        return en
    kept = row.extra.get("_cy", {}).get(name, {}) if isinstance(row.extra.get("_cy"), dict) else {}
    review = kept.get("cy_review") if isinstance(kept, dict) and kept.get("cy") == cy else "draft"
    return {"en": en, "cy": cy, "cy_review": review or "draft"}  # changed Welsh is a draft until reviewed


def _mapping(row: Row) -> dict:
    """Return ROW as the link mapping the YAML holds, fields left empty omitted."""
    link: dict = {"id": row.values.get("id", "")}
    for name in ("organisation", *TEXTS, "url", "phone", "text_number", "hours"):
        value = _text(row, name) if name in TEXTS else row.values.get(name, "")
        if value or name in ("organisation", *TEXTS):
            link[name] = value
    link["audiences"], link["nations"] = list(row.audiences), list(row.nations)
    checked = row.values.get("checked", "")
    try:  # a real date is written as one (unquoted); anything else as text, which the loader names
        link["checked"] = dt.date.fromisoformat(checked) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", checked) else checked
    except ValueError:
        link["checked"] = checked
    for name in ("checked_by", "source", "status"):
        if row.values.get(name) or name != "checked_by":
            link[name] = row.values.get(name, "")
    link |= {k: _dated(v) for k, v in row.extra.items() if k != "_cy" and k not in SHOWN}
    return link


def _dated(value: object) -> object:
    """Return VALUE with the dates JSON carried as text (a Welsh review's `on`) made dates again."""
    if isinstance(value, dict):
        return {k: _dated(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_dated(v) for v in value]
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def yaml_of(rows: list[Row]) -> str:
    """Return ROWS as links YAML, every string quoted where YAML 1.1 would misread it (no, 1.10, 12:30)."""
    if not rows:
        return "links: []\n"
    return yaml.safe_dump({"links": [_mapping(r) for r in rows[:MAX_ROWS]]}, sort_keys=False, allow_unicode=True,
                          width=1000)


def rows_from(get: dict[str, list[str]], count: int) -> list[Row]:
    """Return COUNT rows read from a submitted form's fields GET (name -> values), `link-N-FIELD` each."""
    rows = []
    for n in range(min(count, MAX_ROWS)):
        def one(name: str, n: int = n) -> str:
            return (get.get(f"link-{n}-{name}") or [""])[0]
        values = {name: " ".join(one(name).split()) for name in (*PLAIN, *TEXTS, *(f"{t}_cy" for t in TEXTS))}
        try:
            extra = json.loads(one("extra") or "{}")
        except ValueError:
            extra = {}
        rows.append(Row(values, get.get(f"link-{n}-audiences", []), get.get(f"link-{n}-nations", []),
                        extra if isinstance(extra, dict) else {}))
    return rows


def _row_at(line: int | None, links_yaml: str) -> int | None:
    """Return which link of LINKS_YAML (as yaml_of writes it) holds LINE, or None."""
    if not line:
        return None
    starts = [n for n, text in enumerate(links_yaml.splitlines(), 1) if text.startswith("- ")]
    before = [s for s in starts if s <= line]
    return len(before) - 1 if before else None


def placed(problems: list[Problem], links_yaml: str) -> tuple[dict[tuple[int, str], list[str]], list[str]]:
    """Return the loader's PROBLEMS with LINKS_YAML (as yaml_of wrote it) as messages beside a row's field
    ((row, field) -> messages), and the rest (named by link when the line shows which)."""
    beside: dict[tuple[int, str], list[str]] = {}
    rest = []
    for problem in problems:
        match = WHERE.match(problem.field or "")
        row, name = (int(match.group(1)), match.group(2) or "") if match else (_row_at(problem.line, links_yaml),
                                                                          (problem.field or "").split(".")[0])
        if row is not None and name in SHOWN:
            beside.setdefault((row, name), []).append(problem.message)
        elif row is not None:
            rest.append(f"Link {row + 1}: {problem.message}")
        else:
            rest.append(f"{problem.field + ': ' if problem.field else ''}{problem.message}")
    return beside, rest
