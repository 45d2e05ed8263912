"""A teaching session as an officer builds it (SessionSpec) and as documents print it (Session).

Pure domain: plain dataclasses in, plain dataclasses out; no Flask, no database. "Session" in the
kit's code means four things, each with its own word: a teaching session (Session, SessionSpec), its
stored record (kit.db.SessionRecord, `record`), a database session (`db`, SQLAlchemy's Session), and
the signed sign-in cookie (Flask's `session`, the SESSION_COOKIE_* settings).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from kit.content.library import Library
from kit.content.models import Audience, KeyMessage, Link, Module, Nation, Plan, Question, Text
from kit.content.review import stale_links
from kit.content.text import texts
from kit.content.vocab import NATIONS, PRINT_LANGS, PUPIL_AUDIENCES
from kit.sessions.fitting import Fit, fit, trimmed

# Officer-entered text is capped so no field can break a page (documented in the form hints).
TITLE_MAX = 120
NOTE_MAX = 2000
SCHOOL_MAX = 120
REASON_MAX = 300


# The one statement of CEOP Education's advice on assemblies: the forms, the builder and the lesson plan show it.
CEOP_ASSEMBLY_ADVICE = (
    "CEOP Education advises delivering this topic to classroom-sized groups, not assemblies, "
    "so that pupils can ask questions and staff can notice anyone who is affected."
)


def needs_assembly_warning(audience: str, setting: str) -> bool:
    """Say whether SETTING goes against CEOP Education's advice for AUDIENCE."""
    return audience in PUPIL_AUDIENCES and setting == "assembly"


@dataclass(frozen=True)
class SessionSpec:
    """What the officer chose: ids and free text only, ready to store or rebuild from."""

    audience: str
    nation: str = "england"
    lang: str = "en"  # en | cy | bilingual
    title: str = ""
    plan_id: str | None = None
    date: dt.date | None = None
    school: str = ""
    group_size: int | None = None
    setting: str = "classroom"
    lesson_minutes: int = 60
    modules: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()
    # Out-of-band modules or questions (outside the audience): id -> the officer's reason.
    reasons: dict[str, str] = field(default_factory=dict)
    school_notes: str = ""  # DSL name and contact, arrangements: never pupil details
    large_print: bool = False


@dataclass(frozen=True)
class Session:
    """A session resolved against the library: the objects every document prints."""

    spec: SessionSpec
    title: str
    audience: Audience
    nation: Nation
    plan: Plan | None
    modules: tuple[Module, ...]
    questions: tuple[Question, ...]
    links: tuple[Link, ...]  # signposting for this audience and nation, in registry order
    advice_checked: dt.date | None
    warnings: tuple[str, ...] = ()
    fit: Fit | None = None  # which activities the lesson length keeps (modules hold only those)

    @property
    def minutes(self) -> int:
        """Return the total minutes of the chosen modules."""
        return sum(m.minutes for m in self.modules)

    @property
    def langs(self) -> tuple[str, ...]:
        """Return the languages to print, Welsh first when bilingual."""
        return ("cy", "en") if self.spec.lang == "bilingual" else (self.spec.lang,)

    def in_language(self, lang: str) -> Session:
        """Return this session as it reads in LANG alone ('cy' or 'en'): one edition of a bilingual pair."""
        return replace(self, spec=replace(self.spec, lang=lang))

    def text(self, value: Text) -> str:
        """Return VALUE in the session's first print language."""
        return value.get(self.langs[0])

    def messages_of(self, module: Module) -> list[KeyMessage]:
        """Return MODULE's key messages that print in this session's nation (Lifeline's crisis route in NI only)."""
        return [k for k in module.key_messages if not k.nations or self.nation.id in k.nations]

    def key_messages(self) -> list[KeyMessage]:
        """Return the key messages that print in this session's nation, in module order, once each."""
        found: dict[str, KeyMessage] = {}
        for module in self.modules:
            for message in self.messages_of(module):
                found.setdefault(message.id, message)
        return list(found.values())

    def lacks_welsh(self) -> bool:
        """Say whether a session printing Welsh has module text with no Welsh yet (it prints in English)."""
        return "cy" in self.langs and any(t.cy is None for m in self.modules for _, t in texts(m))

    def uses_welsh_drafts(self) -> bool:
        """Say whether any Welsh text printed for this session is still a draft."""
        if "cy" not in self.langs:
            return False
        items = (*self.modules, *self.questions, *self.links)
        return any(t.is_draft for item in items for _, t in texts(item))


def from_plan(library: Library, plan_id: str, nation: str = "england", lang: str = "en", **extra) -> SessionSpec:
    """Return a SessionSpec that starts from the ready-made plan PLAN_ID."""
    plan = library.plans[plan_id]
    return SessionSpec(
        audience=plan.audience, nation=nation, lang=lang, title=plan.title.en, plan_id=plan.id,
        lesson_minutes=plan.duration, modules=tuple(plan.modules), questions=tuple(plan.questions), **extra,
    )


def assemble(library: Library, spec: SessionSpec, today: dt.date | None = None) -> Session:
    """Resolve SPEC against LIBRARY; unknown ids are dropped with a warning, never an error.

    Advice past its review date on TODAY (default: the real today) is named in the warnings.
    """
    warnings: list[str] = []
    if spec.audience not in library.audiences:
        raise ValueError(f"unknown audience '{spec.audience}'")
    if spec.nation not in NATIONS:
        raise ValueError(f"unknown nation '{spec.nation}'")
    if spec.lang not in PRINT_LANGS:
        raise ValueError(f"unknown language '{spec.lang}'")
    modules = tuple(library.modules[m] for m in spec.modules if m in library.modules)
    questions = tuple(library.questions[q] for q in spec.questions if q in library.questions)
    missing = [i for i in (*spec.modules, *spec.questions) if i not in library.modules and i not in library.questions]
    if missing:
        warnings.append("no longer in the library, left out: " + ", ".join(missing))
    if needs_assembly_warning(spec.audience, spec.setting):
        warnings.append(CEOP_ASSEMBLY_ADVICE)
    fitted = fit(modules, spec.lesson_minutes, len(questions))
    if not fitted.fits:
        warnings.append(fitted.summary())
    # Signposting is every registry link for the audience in the nation, whichever modules the lesson keeps
    # (the lint checks a plan's own links suit its audience): a short lesson never loses a helpline.
    links = tuple(library.links_for(spec.audience, spec.nation))
    stale = stale_links(library, today or dt.date.today(), [k.id for k in links])
    if stale:
        named = ", ".join(f"{library.links[i].title.en} (checked {library.links[i].checked})" for i in stale)
        warnings.append(f"advice not checked against its source for six months; check before printing: {named}")
    modules = trimmed(fitted)
    checked = max((k.checked for k in links), default=None)
    plan = library.plans.get(spec.plan_id) if spec.plan_id else None
    return Session(
        spec=spec,
        title=(spec.title or (plan.title.en if plan else "Session"))[:TITLE_MAX],
        audience=library.audiences[spec.audience],
        nation=library.nations[spec.nation],
        plan=plan,
        modules=modules,
        questions=questions,
        links=links,
        advice_checked=checked,
        warnings=tuple(warnings),
        fit=fitted,
    )
