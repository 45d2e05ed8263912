"""Translatable text: English required, Welsh optional with its review status."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic_core import PydanticCustomError, core_schema

# Capped so no single string can break a page layout.
TEXT_MAX = 4000
REVIEW = ("draft", "approved")
_FIELD_SET = frozenset(("en", "cy", "cy_review"))


def _fail(kind: str, message: str, key: str | None = None, value: object = None) -> PydanticCustomError:
    return PydanticCustomError(kind, message, {"key": key, "value": value} if key else None)


def _string(value: object, key: str) -> str:
    """Return VALUE as clean text, or raise an error naming KEY."""
    if not isinstance(value, str):
        # YAML 1.1 turns unquoted no/yes, 1.10 and 12:30 into bools and numbers; say so, don't guess.
        raise _fail("string_type", "expected text", key, value)
    value = value.strip()
    if not value:
        raise _fail("text_empty", "the text is empty", key)
    if len(value) > TEXT_MAX:
        raise _fail("text_long", f"the text is {len(value):,} characters; the limit is {TEXT_MAX:,}", key)
    return value


@dataclass(frozen=True, slots=True)
class Text:
    """Translatable text; in YAML a plain string is shorthand for English only."""

    en: str
    cy: str | None = None
    cy_review: str | None = None

    def get(self, lang: str) -> str:
        """Return the text in LANG, falling back to English."""
        return self.cy if lang == "cy" and self.cy else self.en

    @property
    def is_draft(self) -> bool:
        """Say whether the Welsh text still waits for a Welsh speaker's review."""
        return self.cy is not None and self.cy_review != "approved"

    @classmethod
    def parse(cls, value: object) -> Text:
        """Return VALUE (text, or a mapping of en/cy/cy_review) as Text, or raise a pydantic error."""
        if isinstance(value, str):
            return cls(_string(value, "en"))
        if isinstance(value, Text):
            return value
        if isinstance(value, (bool, int, float, dt.date)):
            raise _fail("string_type", "expected text")
        if isinstance(value, dict):
            return cls._from_mapping(value)
        raise _fail("text_type", "expected text, or a mapping with en (and cy, cy_review)")

    @classmethod
    def _from_mapping(cls, value: dict) -> Text:
        if not _FIELD_SET.issuperset(value):
            key = min(value.keys() - _FIELD_SET, key=str)
            if " " in str(key).strip():
                raise _fail("text_split", "text was split at a comma or colon: put the whole text in quotes")
            raise _fail("text_field", f"unknown field '{key}' (text takes en, cy and cy_review)", str(key))
        if "en" not in value:
            raise _fail("missing", "required field is missing", "en")
        en = _string(value["en"], "en")
        cy = value.get("cy")
        if cy is not None:
            cy = _string(cy, "cy")
        review = value.get("cy_review")
        if review is not None and review not in REVIEW:
            raise _fail("text_review", f"{review!r} is not one of: 'draft' or 'approved'", "cy_review")
        if cy is not None and review is None:
            raise _fail("text_review", "cy_review is required with cy: say draft or approved", "cy")
        if cy is None and review is not None:
            raise _fail("text_review", "cy_review is set but there is no cy text", "cy_review")
        return cls(en, cy, review)

    def dump(self) -> str | dict:
        """Return the plain data this Text was read from."""
        if self.cy is None:
            return self.en
        return {"en": self.en, "cy": self.cy, "cy_review": self.cy_review}

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.parse, serialization=core_schema.plain_serializer_function_ser_schema(lambda t: t.dump()))

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: GetJsonSchemaHandler) -> dict:
        text = {"type": "string", "minLength": 1, "maxLength": TEXT_MAX}
        return {
            "title": "Text",
            "description": "English text, or a mapping of en (required), cy (Welsh) and cy_review.",
            "anyOf": [text, {
                "type": "object", "additionalProperties": False, "required": ["en"],
                "properties": {"en": text, "cy": text, "cy_review": {"enum": list(REVIEW)}},
            }],
        }


# --- every Text inside a model (the lint, the library search and the session's drafts walk them) ---------


def texts(value: object, path: tuple = ()) -> Iterator[tuple[tuple, Text]]:
    """Yield (path, Text) for every translatable string inside VALUE."""
    if isinstance(value, Text):
        yield path, value
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from texts(item, (*path, i))
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from texts(getattr(value, name), (*path, name))


def welsh_reviews(value: BaseModel | list) -> list[str | None]:
    """Return the cy_review of every Welsh text inside VALUE, a model or a list.

    The models check this for every item as they load, so it skips the paths texts() builds.
    """
    found = []
    for item in value.__dict__.values() if isinstance(value, BaseModel) else value:
        if item.__class__ is Text:
            if item.cy is not None:
                found.append(item.cy_review)
        elif item.__class__ is list or isinstance(item, BaseModel):
            found += welsh_reviews(item)
    return found
