"""Content rules learned from a safeguarding review (issue 9): each a function library -> problems.

- pupil-facing evidence advice says what to save and "not the image";
- every pupil, parent and adult plan carries a crisis route in each nation, and every pupil
  plan's facilitator notes give it too;
- no text promises confidentiality;
- a service that is not a route for a victim is never offered as a report route, and
  "report it as fraud" always names where;
- terms that belong to one nation (DSL, UKCIS, Lifeline…) only reach that nation;
- timings add up: activities to their module, modules and quiz slots to the plan;
- every story an activity tells, or a plan names, is written in full;
- every wrong quiz answer names the misconception it tests, and that misconception exists;
- curriculum references fit the school years of the plan;
- ground rules are never optional.

Kept apart from kit.content.lint (which registers them) so each rule stays small and separate.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kit.content.library import Library
from kit.content.models import Module, Plan, Question, Text
from kit.content.problems import Problem, Rule, problem
from kit.content.vocab import NATIONS, PUPIL_AUDIENCES

Found = tuple[str, str, tuple, Text]  # kind, id, path, text


# --- where text lives ---------------------------------------------------------------------------


def module_texts(m: Module) -> Iterator[Found]:
    """Yield every advice text of module M a reader or facilitator acts on (not the wrong beliefs)."""
    for i, k in enumerate(m.key_messages):
        yield "modules", m.id, ("key_messages", i, "text"), k.text
    for i, w in enumerate(m.keywords):
        yield "modules", m.id, ("keywords", i, "definition"), w.definition
    for i, c in enumerate(m.misconceptions):
        yield "modules", m.id, ("misconceptions", i, "response"), c.response
    for i, a in enumerate(m.activities):
        for j, step in enumerate(a.steps):
            yield "modules", m.id, ("activities", i, "steps", j), step
        if a.notes:
            yield "modules", m.id, ("activities", i, "notes"), a.notes
    for i, s in enumerate(m.safeguarding):
        yield "modules", m.id, ("safeguarding", i), s


def question_texts(q: Question) -> Iterator[Found]:
    """Yield the stem, the right options and the explanation of Q (wrong options state wrong advice)."""
    yield "questions", q.id, ("stem",), q.stem
    for i, o in enumerate(q.options):
        if o.correct:
            yield "questions", q.id, ("options", i, "text"), o.text
    yield "questions", q.id, ("explanation",), q.explanation


def all_texts(library: Library) -> Iterator[Found]:
    """Yield every advice text in modules, questions and links."""
    for m in library.modules.values():
        yield from module_texts(m)
    for q in library.questions.values():
        yield from question_texts(q)
    for k in library.links.values():
        yield "links", k.id, ("label",), k.label
        yield "links", k.id, ("description",), k.description


def plan_modules(library: Library, plan: Plan) -> list[Module]:
    """Return the modules PLAN names that exist."""
    return [library.modules[m] for m in plan.modules if m in library.modules]


# --- safety ---------------------------------------------------------------------------------------

SAVING = re.compile(r"\btak(e|es|ing) (a )?screenshots?\b|\bscreenshot (the|their|everything|it|of)\b"
                    r"|\bsave (their|the|it|everything)\b|\bkeep (the )?(evidence|chat)\b(?! a secret)", re.I)
NOT_THE_IMAGE = re.compile(r"\b(not|never) (the|any|a) (image|picture)\b|\b(never|don't|do not) (keep|save|view)\b",
                           re.I)


def evidence_not_the_image(library: Library) -> Iterator[Problem]:
    """Pupil-facing advice to save evidence says what to save and 'not the image'."""
    found = [t for m in library.modules.values() if set(m.audiences) & set(PUPIL_AUDIENCES)
             for t in module_texts(m)]
    found += [t for q in library.questions.values() if set(q.audiences) & set(PUPIL_AUDIENCES)
              for t in question_texts(q)]
    for kind, item_id, path, text in found:
        if SAVING.search(text.en) and not NOT_THE_IMAGE.search(text.en):
            yield problem(library, kind, item_id, "advice to save evidence reaches pupils without 'not the "
                          "image': name what to save (username, messages, threats) and say not the image", *path)


# Who a crisis route must name, by audience: the numbers its words must carry (Lifeline in NI).
CRISIS = {
    "upper-primary": ("adult", "0800 1111"),
    "lower-secondary": ("0800 1111", "0800 068 4141", "116 123", "999"),
    "upper-secondary": ("0800 1111", "0800 068 4141", "116 123", "999"),
    "post-16": ("0800 1111", "0800 068 4141", "116 123", "999"),
    "parents-carers": ("0800 1111", "116 123", "999"),
    "adults": ("116 123", "999"),
}
LIFELINE = "0808 808 8000"


def crisis_route(library: Library) -> Iterator[Problem]:
    """Pupil, parent and adult plans carry a crisis route in each nation; pupil notes give it too."""
    for plan in library.plans.values():
        needed = CRISIS.get(plan.audience)
        if needed is None:
            continue
        modules = plan_modules(library, plan)
        for nation in plan.nations:
            words = needed + ((LIFELINE,) if nation == "northern-ireland" and plan.audience != "upper-primary" else ())
            texts = [k.text.en for m in modules for k in m.key_messages
                     if k.covers == "crisis" and (not k.nations or nation in k.nations)]
            if not any(all(w in t for w in words) for t in texts):
                yield problem(library, "plans", plan.id, f"no crisis route on the {nation} handout: a key message "
                              f"covering 'crisis' must name {', '.join(words)}", "modules")
        if plan.audience in PUPIL_AUDIENCES:
            notes = [t.en for m in modules for _, _, path, t in module_texts(m)
                     if path[0] == "safeguarding" or path[-1] == "notes"]
            if not any("0800 1111" in n and "999" in n for n in notes):
                yield problem(library, "plans", plan.id, "the facilitator notes give no crisis route "
                              "(Childline 0800 1111 and 999 in a module's notes or safeguarding)", "modules")


PROMISE = re.compile(r"\bconfidential\b|\bin confidence\b|\b(help|it|this|everything) is (private|secret)\b"
                     r"|\bknow how to stop it spreading\b|\bnobody will (ever )?(know|find out)\b", re.I)


def confidentiality_promises(library: Library) -> Iterator[Problem]:
    """No text promises confidentiality: helpers share what they must to keep someone safe."""
    for kind, item_id, path, text in all_texts(library):
        if found := PROMISE.search(text.en):
            yield problem(library, kind, item_id, f"promises confidentiality ('{found.group(0)}'): say people only "
                          "share what they must to keep you safe", *path)


FRAUD = re.compile(r"\breport (it |this |the scam |the email )?as fraud\b", re.I)


def report_routes(library: Library) -> Iterator[Problem]:
    """A service lint.yaml names as no route for a victim is never one; 'report it as fraud' says where."""
    for rule in library.lint.not_report_routes:
        name = re.compile(rf"\b{re.escape(rule.name)}\b", re.I)
        for link in library.links.values():
            if "report" in link.covers and name.search(f"{link.id} {link.organisation} {link.url or ''}"):
                yield problem(library, "links", link.id, f"'{rule.name}' is not a report route: {rule.reason}",
                              "covers")
            for module in library.modules.values():
                if link.id in module.links and name.search(f"{link.id} {link.organisation}"):
                    yield problem(library, "modules", module.id, f"offers '{rule.name}', which is not a route for "
                                  f"a victim: {rule.reason}", "links", module.links.index(link.id))
    for kind, item_id, path, text in all_texts(library):
        if FRAUD.search(text.en) and "Report Fraud" not in text.en and "Police Scotland" not in text.en:
            yield problem(library, kind, item_id, "says 'report it as fraud' without saying where: Report Fraud "
                          "(England, Wales, NI), Police Scotland on 101", *path)


# --- nation ---------------------------------------------------------------------------------------

# Terms that belong to one nation, and the words that show a text is speaking of that nation.
NATION_TERMS = {
    "DSL": "england", "Designated Safeguarding Lead": "england", "UKCIS": "england",
    "DSP": "wales", "Designated Safeguarding Person": "wales", "Meic": "wales", "Hwb": "wales",
    "Child Protection Coordinator": "scotland",
    "Designated Teacher": "northern-ireland", "Lifeline": "northern-ireland", "PSNI": "northern-ireland",
}
NATION_WORDS = {"england": "England", "wales": "Wales", "scotland": "Scotland", "northern-ireland": "Northern Ireland"}


def reach(library: Library) -> dict[str, set[str]]:
    """Return the nations each module and question reaches through the plans that use it."""
    out: dict[str, set[str]] = {}
    for plan in library.plans.values():
        for item in (*plan.modules, *plan.questions):
            out.setdefault(item, set()).update(plan.nations)
    return out


def nation_terms(library: Library) -> Iterator[Problem]:
    """A term from one nation (DSL, UKCIS, Lifeline…) reaches only that nation, or names it."""
    nations = reach(library)
    for kind, item_id, path, text in all_texts(library):
        if kind == "links":
            where = set(library.links[item_id].nations)
        elif path[0] == "key_messages" and library.modules[item_id].key_messages[path[1]].nations:
            where = set(library.modules[item_id].key_messages[path[1]].nations)
        else:
            where = nations.get(item_id, set(NATIONS))
        for term, home in NATION_TERMS.items():
            if (where - {home} and re.search(rf"\b{re.escape(term)}\b", text.en)
                    and NATION_WORDS[home] not in text.en):
                others = ", ".join(sorted(where - {home}))
                yield problem(library, kind, item_id, f"'{term}' belongs to {home} but this text also reaches "
                              f"{others}: use the general term or name the nation", *path)


RULES: tuple[Rule, ...] = (evidence_not_the_image, crisis_route, confidentiality_promises, report_routes,
                           nation_terms)
