"""Content rules for the shape of lessons and quizzes (issue 9), each a function library -> problems.

- timings add up: a module's activities to its minutes; modules and quiz slots to the plan;
- every story an activity tells is written, in a module of each plan that uses it, and every
  "X's story" a plan's modules name is one of its stories;
- every wrong quiz answer names the misconception it tests, and that misconception exists once;
- curriculum references fit the school years of the plan's audience;
- ground rules are never optional;
- a plan's safeguarding section (its modules' `safeguarding` notes, printed together in the
  lesson plan) says each point once: no sentence repeats another, word for word or nearly;
- no two key messages on one handout open with the same point ("Tell an adult you trust" and
  "Talk to an adult you trust" would print as two steps saying one thing).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kit.content.library import Library
from kit.content.problems import Problem, Rule, problem
from kit.content.rules import module_texts, plan_modules
from kit.content.vocab import GROUND_RULES_MODULE


def timings(library: Library) -> Iterator[Problem]:
    """Activities add up to their module's minutes; modules and quiz slots to the plan's duration."""
    for m in library.modules.values():
        total = sum(a.minutes for a in m.activities)
        if total != m.minutes:
            yield problem(library, "modules", m.id, f"the activities add up to {total} minutes, not the "
                          f"module's {m.minutes}", "minutes")
    for plan in library.plans.values():
        modules = sum(m.minutes for m in plan_modules(library, plan))
        total = modules + plan.baseline_minutes + plan.endpoint_minutes
        if total != plan.duration:
            yield problem(library, "plans", plan.id, f"modules ({modules} min), baseline quiz "
                          f"({plan.baseline_minutes}) and end-point quiz ({plan.endpoint_minutes}) add up to "
                          f"{total} minutes, not the plan's {plan.duration}", "duration")


NAMED_STORY = re.compile(r"\b([A-Z][a-z]+)'s story\b")


def stories(library: Library) -> Iterator[Problem]:
    """Every story an activity tells, or a plan's modules name ('Sam's story'), is written in full."""
    for plan in library.plans.values():
        modules = plan_modules(library, plan)
        written = {s.id: s for m in modules for s in m.stories}
        titles = {s.title.en for s in written.values()}
        for m in modules:
            for i, activity in enumerate(m.activities):
                if activity.story and activity.story not in written:
                    yield problem(library, "modules", m.id, f"tells story '{activity.story}', which no module of "
                                  f"plan '{plan.id}' writes", "activities", i, "story")
            for kind, item_id, path, text in module_texts(m):
                for name in NAMED_STORY.findall(text.en):
                    if f"{name}'s story" not in titles:
                        yield problem(library, kind, item_id, f"names {name}'s story, which no module of plan "
                                      f"'{plan.id}' writes in its stories", *path)


def misconceptions(library: Library) -> Iterator[Problem]:
    """Each wrong answer names the misconception it tests; the id exists, once, in a module."""
    known: dict[str, str] = {}
    for m in library.modules.values():
        for i, c in enumerate(m.misconceptions):
            if c.id and known.setdefault(c.id, m.id) != m.id:
                yield problem(library, "modules", m.id, f"misconception id '{c.id}' is also used in module "
                              f"'{known[c.id]}'", "misconceptions", i, "id")
    for q in library.questions.values():
        wrong = [(("options", i), o.misconception) for i, o in enumerate(q.options) if not o.correct]
        if not q.options:  # true/false: the wrong answer is the one not given
            wrong = [((), q.misconception)]
        for path, ref in wrong:
            if ref is None:
                yield problem(library, "questions", q.id, "the wrong answer does not name the misconception it "
                              "tests (misconception: <id from a module's misconceptions>)", *path)
            elif ref not in known:
                yield problem(library, "questions", q.id, f"unknown misconception id '{ref}'", *path,
                              "misconception")


# References that belong to primary years, and to secondary years (CfE second level is P5–P7).
PRIMARY_REFS = re.compile(r"\bprimary\b|\bKS ?[12]\b|\bPDMU\b|\b[A-Z]{3} [0-2]-\d", re.I)
SECONDARY_REFS = re.compile(r"\bsecondary\b|\bKS ?[345]\b|\bLLW\b|\b[A-Z]{3} [34]-\d", re.I)


def curriculum_years(library: Library) -> Iterator[Problem]:
    """Curriculum references fit the plan's years: no primary codes in a secondary plan, or the reverse."""
    for plan in library.plans.values():
        wrong = SECONDARY_REFS if plan.audience == "upper-primary" else PRIMARY_REFS
        for m in plan_modules(library, plan):
            for nation in plan.nations:
                for i, ref in enumerate(m.curriculum.get(nation, [])):
                    if wrong.search(ref):
                        yield problem(library, "modules", m.id, f"'{ref}' does not fit plan '{plan.id}' "
                                      f"({plan.audience})", "curriculum", nation, i)


def ground_rules_core(library: Library) -> Iterator[Problem]:
    """Ground rules are never optional (signposting activities neither)."""
    for m in library.modules.values():
        for i, activity in enumerate(m.activities):
            core = m.id == GROUND_RULES_MODULE or "signposting" in (activity.notes.en.lower() if activity.notes else "")
            if activity.optional and core:
                yield problem(library, "modules", m.id, "ground rules and signposting are never optional",
                              "activities", i, "optional")


WORD = re.compile(r"[a-z0-9]+")
# Words that carry no point of their own, so "Assume someone in the room has been affected" and
# "Assume someone in the room is affected right now" are seen as the same point.
STOPWORDS = frozenset(re.findall(r"\w+", "a an and are at be been by do for has have if in is it its of on or so "
                                  "that the their them they this to was what who with you your any now right"))
SAME_POINT = 0.8  # share of the shorter sentence's words found in the other
MIN_WORDS = 3  # "Words only." is too short to judge


# Words that say the same thing in a step ("talk to" or "tell" an adult "you trust" or "trusted").
SAME_WORD = {"talk": "tell", "speak": "tell", "trusted": "trust"}


def points(note: str) -> list[frozenset[str]]:
    """Return the content words of each sentence of NOTE (a safeguarding note or key message)."""
    sentences = re.split(r"(?<=[.;:!?])\s+", note.lower())
    words = [frozenset(SAME_WORD.get(w, w) for w in WORD.findall(s) if w not in STOPWORDS) for s in sentences]
    return [w for w in words if len(w) >= MIN_WORDS]


def same_point(a: frozenset[str], b: frozenset[str]) -> bool:
    """Say whether sentences A and B make the same point (most of the shorter's words in the other)."""
    return len(a & b) >= SAME_POINT * min(len(a), len(b))


def safeguarding_once(library: Library) -> Iterator[Problem]:
    """A plan's safeguarding section says each point once: no note repeats an earlier one's sentence."""
    reported: set[tuple] = set()
    for plan in library.plans.values():
        earlier: list[tuple[str, int, frozenset[str]]] = []
        for m in plan_modules(library, plan):
            for i, note in enumerate(m.safeguarding):
                mine = points(note.en)
                match = next(((mid, j) for mid, j, words in earlier if (mid, j) != (m.id, i)
                              and any(same_point(words, w) for w in mine)), None)
                if match and (m.id, i, *match) not in reported:
                    reported.add((m.id, i, *match))
                    where = "this module" if match[0] == m.id else f"module '{match[0]}'"
                    yield problem(library, "modules", m.id, f"repeats a safeguarding point of {where} "
                                  f"(safeguarding[{match[1]}]) in plan '{plan.id}': say each point once",
                                  "safeguarding", i)
                earlier += [(m.id, i, words) for words in mine]


def handout_steps_once(library: Library) -> Iterator[Problem]:
    """No two key messages on one plan's handout (in any nation) open with the same point."""
    reported: set[tuple] = set()
    for plan in library.plans.values():
        for nation in plan.nations:
            earlier: list[tuple[str, str, frozenset[str]]] = []
            for m in plan_modules(library, plan):
                for i, message in enumerate(m.key_messages):
                    if message.nations and nation not in message.nations:
                        continue
                    lead = points(message.text.en)[:1]
                    match = next((e for e in earlier if lead and same_point(e[2], lead[0])), None)
                    if match and (m.id, i) not in reported:
                        reported.add((m.id, i))
                        yield problem(library, "modules", m.id, f"opens with the same point as key message "
                                      f"'{match[1]}' of module '{match[0]}', on the handout of plan '{plan.id}': "
                                      "say it once", "key_messages", i, "text")
                    earlier += [(m.id, message.id, words) for words in lead]


RULES: tuple[Rule, ...] = (timings, stories, misconceptions, curriculum_years, ground_rules_core,
                           safeguarding_once, handout_steps_once)
