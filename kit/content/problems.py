"""Problems found in the library, each naming file, line and field in plain words."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from pydantic import ValidationError

from kit.content.library import Library
from kit.content.yamlfile import Document, Path_


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the library, printed as `file:line: field: message`."""

    file: str
    line: int | None
    field: str
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        middle = f" {self.field}:" if self.field else ""
        tag = "" if self.severity == "error" else f" ({self.severity})"
        return f"{where}:{middle} {self.message}{tag}"


# A cross-file check or a lint rule: reads the library, yields what is wrong with it.
Rule = Callable[[Library], Iterator[Problem]]


def problem(library: Library, kind: str, item_id: str, message: str, *path: str | int,
            severity: str = "error") -> Problem:
    """Return a problem located at PATH inside the item KIND:ITEM_ID."""
    origin = library.origins[(kind, item_id)]
    return Problem(origin.file, origin.line(*path), field_path((*origin.path, *path)), message, severity)


def in_order(problems: list[Problem]) -> list[Problem]:
    """Return PROBLEMS by file, line and field (a whole-file problem first), each place's in the order found."""
    return sorted(problems, key=lambda p: (p.file, p.line or 0, p.field))


def field_path(path: Path_) -> str:
    """Return PATH written the way an author reads it: `activities[2].minutes`."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _data_path(value: object, loc: tuple) -> Path_:
    """Follow pydantic's LOC through VALUE, dropping the parts that name union branches."""
    path: list[str | int] = []
    for part in loc:
        in_list = isinstance(value, list) and isinstance(part, int) and 0 <= part < len(value)
        if in_list or (isinstance(value, dict) and part in value):
            value = value[part]
            path.append(part)
        elif isinstance(value, dict) and isinstance(part, str) and "[" not in part and part[:1].islower():
            path.append(part)  # a missing or unknown field
            break
    return tuple(path)


def _plain_message(error: dict, raw: str | None) -> str:
    """Turn one pydantic error into a sentence a content author understands."""
    kind, value = error["type"], error.get("input")
    if (error.get("ctx") or {}).get("key"):
        value = error["ctx"].get("value")
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        key = str(error["loc"][-1]) if error["loc"] else ""
        if " " in key.strip():
            return "text was split at a comma or colon: put the whole text in quotes"
        return "unknown field (check its spelling against the schema)"
    if kind == "string_type":
        if isinstance(value, bool):
            shown = raw or str(value).lower()
            return (f"expected text, got {shown!r}, which YAML reads as {str(value).lower()}: "
                    "put the text in quotes")
        if isinstance(value, (int, float)) or raw:
            return f"expected text, got {raw or value!r}, which YAML reads as a number or time: put it in quotes"
        return "expected text"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return "expected an integer"
    if kind == "bool_type":
        return "expected true or false"
    if kind in ("list_type", "tuple_type"):
        return "expected a list"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return "expected a mapping of fields"
    if kind == "literal_error":
        return f"{value!r} is not one of: {error['ctx']['expected']}"
    if kind == "string_pattern_mismatch":
        return f"{value!r} is not a valid id: use lower-case letters, digits and single hyphens"
    if kind in ("date_type", "date_parsing", "date_from_datetime_parsing"):
        return "expected a date written YYYY-MM-DD"
    if kind == "value_error":
        return str(error["msg"]).removeprefix("Value error, ")
    return str(error["msg"])


def from_validation(file: str, doc: Document, exc: ValidationError) -> list[Problem]:
    """Return one Problem per pydantic error, located in DOC."""
    problems = []
    for error in exc.errors(include_url=False):
        path = _data_path(doc.value, error["loc"])
        key = (error.get("ctx") or {}).get("key")
        if key and isinstance(doc.value, dict):
            path = (*path, key)  # Text names the sub-field (en, cy, cy_review) in its error
        if error["type"] == "extra_forbidden" and " " in str(path[-1] if path else ""):
            path = path[:-1]  # the "key" is a fragment of text, not a field name
        raw = doc.source.raw.get(path)
        problems.append(Problem(file, doc.source.line_of(path), field_path(path), _plain_message(error, raw)))
    return problems
