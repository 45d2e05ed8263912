"""Content rules that judge the writing, not just the structure.

Each rule is a function library -> Iterator[Problem], located by file, line and field through
`library.origins`. Rules:

- banned phrases (lessons/lint.yaml, each with its reason);
- reading grade of what a reader sees (method in kit.content.readability);
- each plan's handout carries its audience's required messages, matched by message id;
- links a plan uses suit its audience, and a `verify` link is never the only route (per nation);
- Welsh for every field a reader sees: an error for pupil plans, a warning for the others;
- every module names its sources; modules in pupil plans cite the curriculum of each nation;
- every module has facilitator notes on each activity, misconceptions and safeguarding notes;
- pupil plans open with ground rules; key message ids are unique within a plan (the handout
  keys messages by id); each plan has a 5–8 question baseline/end-point quiz.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kit.content import readability, rules, rules_plan
from kit.content.library import Library
from kit.content.models import Link, Plan, Text
from kit.content.problems import Problem, Rule, problem
from kit.content.text import texts
from kit.content.vocab import GROUND_RULES_MODULE, PUPIL_AUDIENCES

QUIZ_MIN, QUIZ_MAX = 5, 8


def banned_phrases(library: Library) -> Iterator[Problem]:
    """No module, question or link text uses a phrase the library's lint.yaml bans."""
    rules = [(re.compile(rf"\b{re.escape(b.phrase)}\b", re.IGNORECASE), b) for b in library.lint.banned_phrases]
    if not rules:
        return
    # One search of a combined pattern over an item's whole text finds the few items to look at.
    anywhere = re.compile("|".join(pattern.pattern for pattern, _ in rules), re.IGNORECASE)
    for kind in ("modules", "questions", "links", "plans"):
        for item_id, item in getattr(library, kind).items():
            found = list(texts(item))
            if not anywhere.search("\n".join(text.en for _, text in found)):
                continue
            for path, text in found:
                for pattern, rule in rules:
                    if pattern.search(text.en):
                        yield problem(library, kind, item_id, f"uses '{rule.phrase}': {rule.reason}", *path)


# --- what a reader sees -----------------------------------------------------------------------


def reader_items(library: Library) -> Iterator[tuple[str, str, tuple, list[str], str]]:
    """Yield (kind, id, path, audiences, passage) for each item graded for reading age."""
    for m in library.modules.values():
        if m.key_messages:
            yield "modules", m.id, ("key_messages",), m.audiences, \
                readability.joined(k.text.en for k in m.key_messages)
        if m.keywords:
            yield "modules", m.id, ("keywords",), m.audiences, \
                readability.joined(k.definition.en for k in m.keywords)
    for q in library.questions.values():
        passage = readability.joined([q.stem.en, *(o.text.en for o in q.options), q.explanation.en])
        yield "questions", q.id, ("stem",), q.audiences, passage
    for k in library.links.values():
        yield "links", k.id, ("label",), k.audiences, readability.joined([k.label.en, k.description.en])


def reading_grade(library: Library) -> Iterator[Problem]:
    """Reader-facing text is within the reading grade of every audience that reads it."""
    for kind, item_id, path, audiences, passage in reader_items(library):
        limits = [(library.audiences[a].reading_grade, a) for a in audiences if a in library.audiences]
        score = readability.grade(passage)
        if not limits or score is None:
            continue
        limit, audience = min(limits)
        if score > limit:
            yield problem(library, kind, item_id, f"reads at Flesch–Kincaid grade {score:g}, above "
                          f"{limit:g} for {audience}: use shorter sentences and plainer words", *path)


def plan_links(library: Library, plan: Plan) -> list[tuple[str, Link, tuple]]:
    """Return (kind:id, link, path) for each known link the plan's modules and questions use."""
    found = []
    for kind, ids in (("modules", plan.modules), ("questions", plan.questions)):
        for item_id in ids:
            item = getattr(library, kind).get(item_id)
            for i, link_id in enumerate(item.links if item else []):
                if link_id in library.links:
                    found.append((f"{kind}:{item_id}", library.links[link_id], ("links", i)))
    return found


def message_coverage(library: Library) -> Iterator[Problem]:
    """Each plan's handout carries every message its audience requires, matched by id."""
    for plan in library.plans.values():
        audience = library.audiences.get(plan.audience)
        if audience is None:
            continue
        covered = {k.covers for m in plan.modules if m in library.modules
                   for k in library.modules[m].key_messages if k.covers}
        for missing in (r for r in audience.required_messages if r not in covered):
            yield problem(library, "plans", plan.id, f"no key message covers '{missing}', which every "
                          f"{plan.audience} handout must carry", "modules")


def link_suitability(library: Library) -> Iterator[Problem]:
    """Links a plan uses suit its audience, and `verify` links are never the only route.

    A link for other nations (Meic in a plan for all four) is not an error: the handout for
    each nation prints only the links for that nation, and the route check runs per nation.
    """
    for plan in library.plans.values():
        used = plan_links(library, plan)
        for where, link, path in used:
            kind, _, item_id = where.partition(":")
            if plan.audience not in link.audiences:
                yield problem(library, kind, item_id, f"link '{link.id}' is not for {plan.audience}, "
                              f"but plan '{plan.id}' uses it", *path)
        required = library.audiences[plan.audience].required_messages if plan.audience in library.audiences else []
        for nation in plan.nations:
            offered = [k for _, k, _ in used if nation in k.nations and plan.audience in k.audiences]
            for message in required:
                routes = [k for k in offered if message in k.covers]
                if routes and all(k.status == "verify" for k in routes):
                    names = ", ".join(sorted({k.id for k in routes}))
                    yield problem(library, "plans", plan.id, f"in {nation} the only route for '{message}' is "
                                  f"unverified ({names}): add a link with status ok", "modules")


def pupil_texts(library: Library, plan: Plan) -> Iterator[tuple[str, str, tuple, Text]]:
    """Yield (kind, id, path, text) for every field of PLAN's handout and quiz a reader sees."""
    yield "plans", plan.id, ("title",), plan.title
    for m in rules.plan_modules(library, plan):
        yield "modules", m.id, ("title",), m.title
        for i, k in enumerate(m.key_messages):
            yield "modules", m.id, ("key_messages", i, "text"), k.text
        for i, w in enumerate(m.keywords):
            yield "modules", m.id, ("keywords", i, "term"), w.term
            yield "modules", m.id, ("keywords", i, "definition"), w.definition
    for q in (library.questions[i] for i in plan.questions if i in library.questions):
        yield "questions", q.id, ("stem",), q.stem
        for i, o in enumerate(q.options):
            yield "questions", q.id, ("options", i, "text"), o.text
        yield "questions", q.id, ("explanation",), q.explanation
    for _, link, _ in plan_links(library, plan):
        for name in ("label", "description"):
            yield "links", link.id, (name,), getattr(link, name)


def welsh_coverage(library: Library) -> Iterator[Problem]:
    """Everything a reader sees has Welsh: an error for pupil plans, a warning for the others."""
    seen: set[tuple] = set()
    for plan in sorted(library.plans.values(), key=lambda p: p.audience not in PUPIL_AUDIENCES):
        severity = "error" if plan.audience in PUPIL_AUDIENCES else "warning"
        for kind, item_id, path, text in pupil_texts(library, plan):
            if text.cy is None and (kind, item_id, path) not in seen:
                seen.add((kind, item_id, path))
                yield problem(library, kind, item_id, f"no Welsh (cy) for text a {plan.audience} reader sees "
                              f"(plan '{plan.id}')", *path, severity=severity)


# --- plan shape -------------------------------------------------------------------------------


def plan_shape(library: Library) -> Iterator[Problem]:
    """Pupil plans open with ground rules; key message ids are unique in a plan; 5–8 questions."""
    for plan in library.plans.values():
        if plan.audience in PUPIL_AUDIENCES and plan.modules[:1] != [GROUND_RULES_MODULE]:
            yield problem(library, "plans", plan.id, f"a pupil plan must start with '{GROUND_RULES_MODULE}'", "modules")
        seen: dict[str, str] = {}
        for module_id in (m for m in plan.modules if m in library.modules):
            for i, message in enumerate(library.modules[module_id].key_messages):
                if seen.setdefault(message.id, module_id) != module_id:
                    yield problem(library, "modules", module_id, f"key message id '{message.id}' is also used by "
                                  f"'{seen[message.id]}' in plan '{plan.id}'; the handout would print only one",
                                  "key_messages", i, "id")
        if not QUIZ_MIN <= len(plan.questions) <= QUIZ_MAX:
            yield problem(library, "plans", plan.id, f"the baseline/end-point quiz has {len(plan.questions)} "
                          f"question(s); use {QUIZ_MIN} to {QUIZ_MAX}", "questions")


def module_provenance(library: Library) -> Iterator[Problem]:
    """Every module names its sources; modules in pupil plans cite the curriculum of each nation."""
    nations: dict[str, set[str]] = {}
    for plan in (p for p in library.plans.values() if p.audience in PUPIL_AUDIENCES):
        for m in plan.modules:
            nations.setdefault(m, set()).update(plan.nations)
    for m in library.modules.values():
        if not m.sources:
            yield problem(library, "modules", m.id, "the module names no sources", "sources")
        for nation in sorted(nations.get(m.id, set()) - set(m.curriculum)):
            yield problem(library, "modules", m.id, f"no curriculum reference for {nation}, where a pupil "
                          "plan uses this module", "curriculum")


def module_guidance(library: Library) -> Iterator[Problem]:
    """Every module gives the facilitator notes on each activity, misconceptions and safeguarding."""
    for m in library.modules.values():
        for i, activity in enumerate(m.activities):
            if activity.notes is None:
                yield problem(library, "modules", m.id, "the activity has no facilitator notes", "activities", i)
        for name in ("misconceptions", "safeguarding"):
            if not getattr(m, name):
                yield problem(library, "modules", m.id, f"the module has no {name}", name)


RULES: tuple[Rule, ...] = (banned_phrases, reading_grade, message_coverage, link_suitability,
                           welsh_coverage, plan_shape, module_provenance, module_guidance,
                           *rules.RULES, *rules_plan.RULES)


def run(library: Library) -> list[Problem]:
    """Apply every content rule to LIBRARY."""
    return [found for rule in RULES for found in rule(library)]
