"""SessionSpec to JSON and back, strictly: stored or posted JSON never smuggles in odd values."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict

from kit.content.vocab import AUDIENCES, NATIONS, PRINT_LANGS, SETTINGS
from kit.sessions.model import NOTE_MAX, REASON_MAX, SCHOOL_MAX, TITLE_MAX, SessionSpec

ID_MAX = 80
ITEMS_MAX = 100


class SpecError(ValueError):
    """The JSON does not describe a valid SessionSpec."""


def to_json(spec: SessionSpec) -> str:
    """Return SPEC as compact JSON."""
    data = asdict(spec)
    data["date"] = spec.date.isoformat() if spec.date else None
    data["modules"] = list(spec.modules)
    data["questions"] = list(spec.questions)
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def _text(data: dict, key: str, limit: int) -> str:
    value = data.get(key, "")
    if not isinstance(value, str) or len(value) > limit:
        raise SpecError(f"{key} must be text of at most {limit} characters")
    return value


def _choice(data: dict, key: str, choices: tuple[str, ...], default: str) -> str:
    value = data.get(key, default)
    if value not in choices:
        raise SpecError(f"{key} must be one of {', '.join(choices)}")
    return value


def _ids(data: dict, key: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or len(value) > ITEMS_MAX or not all(
        isinstance(i, str) and 0 < len(i) <= ID_MAX for i in value
    ):
        raise SpecError(f"{key} must be a list of ids")
    return tuple(dict.fromkeys(value))


def _int(data: dict, key: str, low: int, high: int, default: int | None) -> int | None:
    value = data.get(key, default)
    if value is None and default is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise SpecError(f"{key} must be a whole number from {low} to {high}")
    return value


def _date(data: dict) -> dt.date | None:
    value = data.get("date")
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise SpecError("date must be YYYY-MM-DD") from None


def _reasons(data: dict) -> dict[str, str]:
    value = data.get("reasons", {})
    if not isinstance(value, dict) or len(value) > ITEMS_MAX or not all(
        isinstance(k, str) and len(k) <= ID_MAX and isinstance(v, str) and len(v) <= REASON_MAX
        for k, v in value.items()
    ):
        raise SpecError("reasons must map ids to short text")
    return dict(value)


def _storable(value) -> bool:
    """Say whether every text in VALUE is valid Unicode without NUL (JSON's \\ud800 or \\u0000 is neither)."""
    if isinstance(value, dict):
        return all(_storable(k) and _storable(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_storable(v) for v in value)
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return False
        return "\x00" not in value
    return True


def from_json(raw: str) -> SessionSpec:
    """Return the SessionSpec in RAW; raise SpecError for anything malformed."""
    try:
        data = json.loads(raw)
    except (TypeError, ValueError, RecursionError):
        raise SpecError("not JSON") from None
    if not isinstance(data, dict):
        raise SpecError("not a JSON object")
    if not _storable(data):
        raise SpecError("text must be valid Unicode without NUL characters")
    plan_id = data.get("plan_id")
    if plan_id is not None and (not isinstance(plan_id, str) or len(plan_id) > ID_MAX):
        raise SpecError("plan_id must be an id")
    return SessionSpec(
        audience=_choice(data, "audience", AUDIENCES, ""),
        nation=_choice(data, "nation", NATIONS, "england"),
        lang=_choice(data, "lang", PRINT_LANGS, "en"),
        title=_text(data, "title", TITLE_MAX),
        plan_id=plan_id,
        date=_date(data),
        school=_text(data, "school", SCHOOL_MAX),
        group_size=_int(data, "group_size", 1, 500, None),
        setting=_choice(data, "setting", SETTINGS, "classroom"),
        lesson_minutes=_int(data, "lesson_minutes", 5, 600, 60),
        modules=_ids(data, "modules"),
        questions=_ids(data, "questions"),
        reasons=_reasons(data),
        school_notes=_text(data, "school_notes", NOTE_MAX),
        large_print=bool(data.get("large_print", False)),
    )
