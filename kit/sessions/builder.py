"""Builder operations on a SessionSpec: add, remove, reorder, minutes and the age guard.

Every operation returns a new spec (specs are frozen) or raises BuilderError with a plain reason.
"""

from __future__ import annotations

from dataclasses import replace

from kit.content.library import Library
from kit.sessions.model import REASON_MAX, SessionSpec, from_plan

KINDS = ("modules", "questions")  # the two lists an officer builds


class BuilderError(ValueError):
    """A change the builder refuses, with the reason to show the officer."""


class ReasonNeeded(BuilderError):
    """An item written for other ages was added without a usable reason."""


def _items(library: Library, kind: str) -> dict:
    if kind not in KINDS:
        raise BuilderError(f"unknown kind '{kind}'")
    return library.modules if kind == "modules" else library.questions


def in_band(library: Library, kind: str, item_id: str, audience: str) -> bool:
    """Say whether the module or question ITEM_ID is written for AUDIENCE."""
    item = _items(library, kind).get(item_id)
    return item is not None and audience in item.audiences


def other_ages(library: Library, kind: str, spec: SessionSpec) -> list[tuple]:
    """Return (audience, items) for KIND's items written only for other ages, nearest band first."""
    order = list(library.audiences)
    here = order.index(spec.audience) if spec.audience in order else 0

    def distance(audience_id: str) -> tuple[int, int]:
        index = order.index(audience_id) if audience_id in order else len(order)
        return abs(index - here), index  # equally near: the younger band first

    groups: dict[str, list] = {}
    for item in _items(library, kind).values():
        if spec.audience not in item.audiences and item.id not in getattr(spec, kind) and item.audiences:
            groups.setdefault(min(item.audiences, key=distance), []).append(item)
    return [(library.audiences[a], groups[a]) for a in sorted(groups, key=distance) if a in library.audiences]


def start(library: Library, audience: str, use_plan: bool = True, **details) -> SessionSpec:
    """Return a new spec for AUDIENCE, from its first ready-made plan when USE_PLAN."""
    plans = library.plans_for(audience)
    own = {k: details.pop(k) for k in ("title", "lesson_minutes") if k in details}
    own = {k: v for k, v in own.items() if v}  # empty: keep the plan's title and length
    if use_plan and plans:
        return replace(from_plan(library, plans[0].id, **details), **own)
    return SessionSpec(audience=audience, **details, **own)


def add(spec: SessionSpec, library: Library, kind: str, item_id: str, reason: str = "") -> SessionSpec:
    """Append ITEM_ID to KIND; an item outside the audience needs a REASON."""
    items = _items(library, kind)
    if item_id not in items:
        raise BuilderError("that item is not in the library")
    current = getattr(spec, kind)
    if item_id in current:
        raise BuilderError("that item is already in the session")
    reasons = dict(spec.reasons)
    if not in_band(library, kind, item_id, spec.audience):
        reason = " ".join(reason.split())
        if not reason:
            raise ReasonNeeded("say briefly why this suits your group: it is written for other ages")
        if len(reason) > REASON_MAX:
            raise ReasonNeeded(f"keep the reason under {REASON_MAX} characters")
        reasons[item_id] = reason
    return replace(spec, **{kind: (*current, item_id)}, reasons=reasons)


def remove(spec: SessionSpec, kind: str, item_id: str) -> SessionSpec:
    """Take ITEM_ID out of KIND (and forget its reason)."""
    current = getattr(spec, kind) if kind in KINDS else ()
    if item_id not in current:
        raise BuilderError("that item is not in the session")
    reasons = {k: v for k, v in spec.reasons.items() if k != item_id}
    return replace(spec, **{kind: tuple(i for i in current if i != item_id)}, reasons=reasons)


def move(spec: SessionSpec, item_id: str, offset: int) -> SessionSpec:
    """Move module ITEM_ID OFFSET places (-1 up, +1 down), staying within the list."""
    modules = list(spec.modules)
    if item_id not in modules:
        raise BuilderError("that module is not in the session")
    old = modules.index(item_id)
    new = max(0, min(len(modules) - 1, old + offset))
    modules.insert(new, modules.pop(old))
    return replace(spec, modules=tuple(modules))


def reorder(spec: SessionSpec, order: list[str]) -> SessionSpec:
    """Put the modules in ORDER, which must name exactly the session's modules."""
    if sorted(order) != sorted(spec.modules):
        raise BuilderError("the new order must list the same modules")
    return replace(spec, modules=tuple(order))


def set_questions(spec: SessionSpec, library: Library, chosen: list[str]) -> SessionSpec:
    """Keep the CHOSEN questions, in library order; out-of-band ones need an existing reason."""
    wanted = set(chosen)
    for qid in wanted:
        if qid not in library.questions:
            raise BuilderError("that question is not in the library")
        if not in_band(library, "questions", qid, spec.audience) and qid not in spec.reasons:
            raise BuilderError("a question for other ages needs a reason: add it from the list below")
    ordered = [q for q in spec.questions if q in wanted]
    ordered += [q for q in library.questions if q in wanted and q not in ordered]
    reasons = {k: v for k, v in spec.reasons.items() if k in wanted or k in spec.modules}
    return replace(spec, questions=tuple(ordered), reasons=reasons)


def minutes(spec: SessionSpec, library: Library) -> int:
    """Return the total minutes of the spec's modules that the library still holds."""
    return sum(library.modules[m].minutes for m in spec.modules if m in library.modules)


def detail_problems(library: Library, audience: str, nation: str, lang: str) -> dict[str, str]:
    """Return field -> message for details that do not fit together."""
    problems = {}
    if audience not in library.audiences:
        problems["audience"] = "Choose who the session is for"
    if nation not in library.nations:
        problems["nation"] = "Choose the nation"
    elif lang != "en" and not library.nations[nation].bilingual:
        problems["lang"] = "Welsh and bilingual handouts are for sessions in Wales"
    return problems


def unexplained(spec: SessionSpec, library: Library) -> list[str]:
    """Return the ids in SPEC that are unknown, or outside its audience without a reason."""
    wrong = []
    for kind in KINDS:
        for item_id in getattr(spec, kind):
            known = item_id in _items(library, kind)
            if not known or not (in_band(library, kind, item_id, spec.audience) or spec.reasons.get(item_id)):
                wrong.append(item_id)
    return wrong
