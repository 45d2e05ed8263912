"""Typed models of the content library: one class per YAML file kind, declared once.

Pydantic validates each file; `kit schema` publishes the same models as JSON Schema so a
content author's editor can autocomplete and validate as they type.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints, model_validator

from kit.content.fields import CarriesWelsh, Id, Minutes, Model, ShortStr, Str
from kit.content.text import TEXT_MAX, Text
from kit.content.urls import url_problem
from kit.content.vocab import AudienceId, LinkStatus, MessageId, NationId

__all__ = ["TEXT_MAX", "Text"]


# --- audiences.yaml, nations.yaml -------------------------------------------------------------


class PrintWords(Model):
    """What the printed documents say to this audience in their own voice (a parent is not a pupil)."""

    poster: Text  # the poster's headline
    card: Text  # the head of a pocket card's front
    last: Text  # the closing words of a handout and poster


class TeacherSheet(Model):
    """The class teacher's part, before and after the visit (lessons taught teacher-officer-teacher)."""

    lead_in: list[Text] = Field(min_length=1)  # a short activity before the visit
    follow_up: list[Text] = Field(min_length=1)  # what the class does after it


class Audience(CarriesWelsh):
    """One of the seven audiences: ages, reading-age target and what its handout must say."""

    id: AudienceId
    name: Text
    ages: ShortStr
    pupil: bool
    reading_grade: Annotated[float, Field(strict=False, ge=1, le=16)]
    body_pt: Annotated[int, Field(ge=10, le=24)] = 12
    welsh_register: ShortStr = "ti"
    year_names: dict[NationId, ShortStr] = {}
    required_messages: list[MessageId]
    description: Text | None = None
    print_words: PrintWords | None = None  # documents fall back to the session title without it
    teacher: TeacherSheet | None = None  # pupil audiences: the "before and after the visit" sheet


class AudienceFile(Model):
    """The file lessons/audiences.yaml."""

    audiences: list[Audience]


class Nation(CarriesWelsh):
    """A UK nation: how it names school years, its curriculum and whether print is bilingual."""

    id: NationId
    name: Text
    curriculum: ShortStr
    bilingual: bool = False
    police_url: ShortStr | None = None
    # The school's safeguarding lead as this nation names it (full title, and short form
    # such as DSL), and the nation's own guidance on images of under-18s in education settings.
    safeguarding_lead: Text | None = None
    safeguarding_lead_short: Text | None = None
    safeguarding_guidance: Text | None = None


class NationFile(Model):
    """The file lessons/nations.yaml."""

    nations: list[Nation]


# --- links.yaml -------------------------------------------------------------------------------


def _printable(url: str) -> str:
    """Return URL, or raise ValueError saying why it must not be printed nor made a QR code."""
    if reason := url_problem(url):
        raise ValueError(reason)
    return url


class Link(CarriesWelsh):
    """An advice page or helpline in the registry: the only source of printed URLs and numbers."""

    id: Id
    organisation: ShortStr
    title: Text
    label: Text  # printed beside the QR code: where it goes ("Report to CEOP")
    description: Text
    # Checked with the link's other fields, so an author sees every problem of a link in one round.
    url: Annotated[str, StringConstraints(strict=True), AfterValidator(_printable)] | None = None
    phone: ShortStr | None = None
    text_number: ShortStr | None = None
    hours: ShortStr | None = None
    audiences: list[AudienceId] = Field(min_length=1)
    nations: list[NationId] = Field(min_length=1)
    checked: dt.date
    checked_by: ShortStr | None = None  # who compared it with its source on `checked` (a name or role)
    source: Str
    status: LinkStatus
    # The page's <title> when it was last checked, so `kit links check` can say when a page changed.
    page_title: ShortStr | None = None
    # Optional, additive: the required messages this service is a route for (e.g. report,
    # remove-images), so the lint can check a `verify` link is never a handout's only route.
    covers: list[MessageId] = []

    @model_validator(mode="after")
    def _reachable(self) -> Link:
        if not (self.url or self.phone or self.text_number):
            raise ValueError("a link needs a url, a phone or a text_number")
        return self


class LinkFile(Model):
    """The file lessons/links.yaml."""

    links: list[Link]


# --- modules/*.yaml ---------------------------------------------------------------------------


class Keyword(Model):
    """A term pupils meet, with a plain definition."""

    term: Text
    definition: Text


class Misconception(Model):
    """Something people wrongly believe, and how the facilitator answers it.

    An `id` lets a quiz option name the misconception it tests (`misconception: <id>`).
    """

    id: Id | None = None
    misconception: Text
    response: Text


class Story(Model):
    """A fictional story an activity tells, written in full so the facilitator can read it out."""

    id: Id
    title: Text
    parts: list[Text] = Field(min_length=1)


class Activity(Model):
    """A timed step of the session with what to do and the facilitator's notes."""

    title: Text
    minutes: Minutes
    steps: list[Text] = Field(min_length=1)
    notes: Text | None = None
    # Core (false) is always taught; optional activities are the first to go when the slot is
    # short (kit.sessions.fitting). Ground rules, what to do and signposting are never optional.
    optional: bool = False
    story: Id | None = None  # the story (a module's `stories` id) this activity tells


class KeyMessage(Model):
    """A line for the handout; `covers` names the required message it delivers."""

    id: Id
    covers: MessageId | None = None
    text: Text
    nations: list[NationId] = []  # printed only in these nations (empty: every nation)


class Module(CarriesWelsh):
    """One teachable unit of a session."""

    id: Id
    title: Text
    summary: Text
    audiences: list[AudienceId] = Field(min_length=1)
    minutes: Minutes
    outcomes: list[Text] = Field(min_length=1)  # "I can…"
    keywords: list[Keyword] = []
    misconceptions: list[Misconception] = []
    stories: list[Story] = []
    activities: list[Activity] = Field(min_length=1)
    safeguarding: list[Text] = []
    key_messages: list[KeyMessage] = []
    links: list[Id] = []
    curriculum: dict[NationId, list[ShortStr]] = {}
    content_guidance: Text | None = None
    sources: list[Str] = []


# --- questions/*.yaml -------------------------------------------------------------------------


class Option(Model):
    """An answer option; `correct: true` marks a right answer."""

    text: Text
    correct: bool = False
    misconception: Id | None = None  # for a wrong option: the misconception it tests


class Question(CarriesWelsh):
    """A quiz question; its `type` is looked up in the question-type registry."""

    id: Id
    audiences: list[AudienceId] = Field(min_length=1)
    type: Id
    stem: Text
    options: list[Option] = []
    answer: bool | None = None  # true/false questions
    misconception: Id | None = None  # true/false questions: the misconception the wrong answer tests
    explanation: Text
    links: list[Id] = []


class QuestionFile(Model):
    """A file in lessons/questions/: a list of questions."""

    questions: list[Question] = Field(min_length=1)


# --- plans/*.yaml -----------------------------------------------------------------------------


class Plan(CarriesWelsh):
    """A ready-made session for one audience: modules in order and its baseline/end-point quiz."""

    id: Id
    title: Text
    audience: AudienceId
    summary: Text
    duration: Minutes
    nations: list[NationId] = ["england", "scotland", "wales", "northern-ireland"]
    modules: list[Id] = Field(min_length=1)
    questions: list[Id] = []
    # The same quiz before the first module (baseline) and after the last (end point).
    baseline_minutes: Annotated[int, Field(strict=True, ge=0, le=60)] = 0
    endpoint_minutes: Annotated[int, Field(strict=True, ge=0, le=60)] = 0


# --- lint.yaml --------------------------------------------------------------------------------


class BannedPhrase(Model):
    """A phrase that must not appear in content, and why (victim-blaming, fear, stale advice)."""

    phrase: Str
    reason: Str


class NotAReportRoute(Model):
    """A service that must never be offered as a report route for a victim, and why."""

    name: Str
    reason: Str


class LintFile(Model):
    """The file lessons/lint.yaml: the content rules a content lead can read and change."""

    banned_phrases: list[BannedPhrase] = []
    not_report_routes: list[NotAReportRoute] = []


# Each file kind: where it lives and which model reads it (order matters for reporting).
FILE_KINDS: dict[str, type[Model]] = {
    "audiences": AudienceFile,
    "nations": NationFile,
    "links": LinkFile,
    "lint": LintFile,
    "modules": Module,
    "questions": QuestionFile,
    "plans": Plan,
}
