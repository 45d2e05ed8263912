"""Content rules that judge the writing: banned phrases (more rules join RULES)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from kit.content.library import Library
from kit.content.models import Text
from kit.content.problems import Problem

Rule = Callable[[Library], Iterator[Problem]]


def texts(value: object, path: tuple = ()) -> Iterator[tuple[tuple, Text]]:
    """Yield (path, Text) for every translatable string inside VALUE."""
    if isinstance(value, Text):
        yield path, value
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from texts(item, (*path, i))
    elif hasattr(value, "model_fields"):
        for name in type(value).model_fields:
            yield from texts(getattr(value, name), (*path, name))


def banned_phrases(library: Library) -> Iterator[Problem]:
    """No module, question or link text uses a phrase the library's lint.yaml bans."""
    rules = [(re.compile(rf"\b{re.escape(b.phrase)}\b", re.IGNORECASE), b) for b in library.lint.banned_phrases]
    if not rules:
        return
    for kind in ("modules", "questions", "links", "plans"):
        for item_id, item in getattr(library, kind).items():
            origin = library.origins[(kind, item_id)]
            for path, text in texts(item):
                for pattern, rule in rules:
                    if pattern.search(text.en):
                        field = ".".join(f"[{p}]" if isinstance(p, int) else p for p in path).replace(".[", "[")
                        yield Problem(origin.file, origin.line(*path), field,
                                      f"uses '{rule.phrase}': {rule.reason}")


RULES: tuple[Rule, ...] = (banned_phrases,)


def run(library: Library) -> list[Problem]:
    """Apply every content rule to LIBRARY."""
    return [problem for rule in RULES for problem in rule(library)]
