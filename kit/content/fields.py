"""What every content model is built from: strict ids and strings, the strict base model, and the
record of who approved an item's Welsh."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from kit.content.text import welsh_reviews

Id = Annotated[
    str,
    StringConstraints(strict=True, pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80),
]
Str = Annotated[str, StringConstraints(strict=True, strip_whitespace=True, min_length=1)]
ShortStr = Annotated[str, StringConstraints(strict=True, strip_whitespace=True, min_length=1, max_length=200)]
Minutes = Annotated[int, Field(strict=True, ge=1, le=600)]


class Model(BaseModel):
    """Base for every content model: unknown keys are errors, values are strict."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Review(Model):
    """Who reviewed something (a name or a role) and on what date.

    `date`, not `on`: YAML 1.1 reads an unquoted `on:` key as true.
    """

    by: ShortStr
    date: dt.date


class CarriesWelsh(Model):
    """An item whose texts may carry Welsh, with who approved that Welsh and when.

    Each text keeps its own `cy_review: draft | approved`; `cy_reviewed` on the item records the
    Welsh speaker who approved it. Approved Welsh without a recorded reviewer is refused, so the
    library never says "approved" without saying who approved it.
    """

    cy_reviewed: Review | None = None

    @model_validator(mode="after")
    def _welsh_reviewer(self) -> CarriesWelsh:
        welsh = welsh_reviews(self)
        if self.cy_reviewed is not None and not welsh:
            raise PydanticCustomError("welsh_review", "cy_reviewed is set but nothing here has Welsh (cy) text",
                                      {"key": "cy_reviewed"})
        if self.cy_reviewed is None and "approved" in welsh:
            raise PydanticCustomError(
                "welsh_review", "Welsh marked approved needs cy_reviewed: {by: <Welsh speaker>, date: YYYY-MM-DD} "
                "on the item, saying who approved it and when", {"key": "cy_reviewed"})
        return self
