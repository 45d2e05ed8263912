"""Cross-file checks: references resolve, ids are known, quizzes are answerable.

Content rules that judge the writing itself (reading age, banned phrases, message coverage)
live in kit.content.lint and run from here too, so `kit check` reports everything in one pass.
"""

from __future__ import annotations

from collections.abc import Iterator

from kit.content import lint, questiontypes
from kit.content.library import Library
from kit.content.problems import Problem, Rule, problem
from kit.content.vocab import AUDIENCES, NATIONS


def vocabularies(library: Library) -> Iterator[Problem]:
    """Every audience and nation of the product is described exactly once."""
    top = library.root / "audiences.yaml"
    for missing in (a for a in AUDIENCES if a not in library.audiences):
        if top.exists():
            yield Problem(f"{library.root.name}/audiences.yaml", 1, "audiences", f"audience '{missing}' is missing")
    for missing in (n for n in NATIONS if n not in library.nations):
        if (library.root / "nations.yaml").exists():
            yield Problem(f"{library.root.name}/nations.yaml", 1, "nations", f"nation '{missing}' is missing")


def _refs(library: Library, kind: str, item_id: str, field: str, ids: list[str], table: str) -> Iterator[Problem]:
    known = getattr(library, table)
    for i, ref in enumerate(ids):
        if ref not in known:
            yield problem(library, kind, item_id, f"unknown {table[:-1]} id '{ref}'", field, i)


def modules(library: Library) -> Iterator[Problem]:
    """Module links resolve and key-message ids are unique within the module."""
    for m in library.modules.values():
        yield from _refs(library, "modules", m.id, "links", m.links, "links")
        seen: set[str] = set()
        for i, message in enumerate(m.key_messages):
            if message.id in seen:
                yield problem(library, "modules", m.id, f"duplicate key message id '{message.id}'",
                              "key_messages", i, "id")
            seen.add(message.id)


def questions(library: Library) -> Iterator[Problem]:
    """Questions follow their type's rules and their links resolve."""
    for q in library.questions.values():
        yield from _refs(library, "questions", q.id, "links", q.links, "links")
        for message, *path in questiontypes.validate(q):
            yield problem(library, "questions", q.id, message, *path)


def plans(library: Library) -> Iterator[Problem]:
    """Plans name real modules and questions, suit their audience and fit their duration."""
    for p in library.plans.values():
        yield from _refs(library, "plans", p.id, "modules", p.modules, "modules")
        yield from _refs(library, "plans", p.id, "questions", p.questions, "questions")
        found = [library.modules[m] for m in p.modules if m in library.modules]
        for i, module_id in enumerate(p.modules):
            module = library.modules.get(module_id)
            if module and p.audience not in module.audiences:
                yield problem(library, "plans", p.id,
                              f"module '{module_id}' is not written for {p.audience}", "modules", i)
            if module_id in p.modules[:i]:
                yield problem(library, "plans", p.id, f"module '{module_id}' is listed twice", "modules", i)
        for i, question_id in enumerate(p.questions):
            question = library.questions.get(question_id)
            if question and p.audience not in question.audiences:
                yield problem(library, "plans", p.id,
                              f"question '{question_id}' is not written for {p.audience}", "questions", i)
        total = sum(m.minutes for m in found)
        if total > p.duration:
            yield problem(library, "plans", p.id,
                          f"modules add up to {total} minutes, over the plan's {p.duration}", "duration")


CHECKS: tuple[Rule, ...] = (vocabularies, modules, questions, plans)


def cross_check(library: Library) -> list[Problem]:
    """Run every cross-file check (not the content lint); return the problems found."""
    return [found for rule in CHECKS for found in rule(library)]


def check(library: Library) -> list[Problem]:
    """Run every cross-file check and the content lint; return the problems found."""
    return cross_check(library) + lint.run(library)
