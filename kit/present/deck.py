"""The slides and facilitator notes of a teaching session, as plain data.

Built from the fitted Session (only the activities the lesson length keeps), so the presenter,
the notes window and the offline file show exactly what the lesson plan prints. A bilingual
session is built twice, in Welsh and in English, slide for slide: the pages show the Welsh with
the English beneath it, as the printed documents do.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kit.content.models import Link, Module, Question
from kit.content.vocab import GROUND_RULES_MODULE
from kit.pdf.labels import GROUND_RULES, label, numbers, safeguarding_notes
from kit.present.svg import qr_svg
from kit.sessions.model import Session

LETTERS = "ABCDEFGH"
QR_PER_SLIDE = 3  # about a third of the screen each: scannable from the back of a classroom
# Key messages per slide: more, in both languages, would have to shrink below what the back row reads.
MESSAGES_PER_SLIDE = 3


@dataclass(frozen=True)
class Option:
    """A quiz option as the class sees it: its key in the counts file, letter and text."""

    key: str  # "A".."D", or "true"/"false"
    letter: str
    text: str
    correct: bool


@dataclass(frozen=True)
class QuizItem:
    """A question on a slide, with what the counts file and the change view need."""

    id: str
    number: int
    type: str
    stem: str
    options: tuple[Option, ...]
    explanation: str
    phase: str  # baseline | endpoint


@dataclass(frozen=True)
class Signpost:
    """A helpline or advice page on the signposting slide, with its QR code as SVG."""

    label: str
    organisation: str
    url: str | None
    qr: str | None
    numbers: tuple[str, ...]


@dataclass(frozen=True)
class Notes:
    """What the facilitator sees in the notes window for one slide."""

    say: tuple[str, ...] = ()
    expected: tuple[str, ...] = ()
    misconceptions: tuple[tuple[str, str], ...] = ()
    safeguarding: tuple[str, ...] = ()


@dataclass(frozen=True)
class Slide:
    """One slide: a kind (for its layout), a heading, lines, and the timer segment it belongs to."""

    kind: str  # title | rules | question | activity | messages | signposting
    heading: str
    lines: tuple[str, ...] = ()
    kicker: str = ""  # the small line above the heading ("Activity 2 of 5 · 8 minutes")
    question: QuizItem | None = None
    signposts: tuple[Signpost, ...] = ()
    notes: Notes = field(default_factory=Notes)
    segment: str = ""  # slides sharing a segment share its minutes on the timer
    minutes: int = 0


@dataclass(frozen=True)
class Deck:
    """Every slide of a session in order, with what the timer and the counts file need.

    SECOND holds the same slides in English when the session is bilingual (else nothing).
    """

    title: str
    lang: str
    audience: str
    plan: str | None
    length: int
    group_size: int | None
    slides: tuple[Slide, ...]
    second: tuple[Slide, ...] = ()

    def questions(self, phase: str) -> tuple[QuizItem, ...]:
        """Return the quiz items of PHASE in slide order."""
        return tuple(s.question for s in self.slides if s.question and s.question.phase == phase)


def _options(question: Question, session: Session) -> tuple[Option, ...]:
    """Return QUESTION's options keyed as the counts file names them."""
    lang = session.langs[0]
    if question.type == "true-false":
        return tuple(Option(key, "", label(key, lang), question.answer is (key == "true"))
                     for key in ("true", "false"))
    return tuple(Option(LETTERS[i], LETTERS[i], session.text(o.text), o.correct)
                 for i, o in enumerate(question.options))


def _quiz(session: Session, phase: str) -> list[Slide]:
    """Return one slide per question for PHASE, sharing that phase's minutes on the timer."""
    minutes = session.fit.quiz_phase if session.fit else 0
    lang = session.langs[0]
    heading = label(f"{phase}-quiz", lang)
    total = len(session.questions)
    slides = []
    for n, q in enumerate(session.questions, 1):
        item = QuizItem(q.id, n, q.type, session.text(q.stem), _options(q, session),
                        session.text(q.explanation), phase)
        say = ("Ask the question and read each option aloud. Pupils answer with hands up or A–D cards; "
               "count each option and type the counts below.",)
        if phase == "baseline":
            say += ("Do not reveal the answer yet: the class sees it at the end.",)
        expected = tuple(f"{o.letter}: {o.text}" if o.letter else o.text for o in item.options if o.correct)
        kicker = f"{heading} · {label('slide-of', lang, n=n, total=total)}"
        slides.append(Slide("question", item.stem, kicker=kicker, question=item,
                            notes=Notes(say=say, expected=expected + (item.explanation,)),
                            segment=f"quiz-{phase}", minutes=minutes))
    return slides


def _activities(session: Session) -> list[Slide]:
    """Return a slide per kept activity, then each module's key messages."""
    slides: list[Slide] = []
    lang = session.langs[0]
    count = sum(len(m.activities) for m in session.modules if m.id != GROUND_RULES_MODULE)
    n = 0
    for module in session.modules:
        if module.id == GROUND_RULES_MODULE:
            continue  # its activity is the ground-rules slide
        for i, activity in enumerate(module.activities):
            n += 1
            first = i == 0
            slides.append(Slide(
                "activity", session.text(activity.title),
                lines=tuple(session.text(s) for s in activity.steps),
                kicker=" · ".join((session.text(module.title), label("slide-of", lang, n=n, total=count),
                                   label("slide-min", lang, n=activity.minutes))),
                notes=_module_notes(session, module, activity.notes, first),
                segment=f"activity-{module.id}-{i}", minutes=activity.minutes))
        slides += _messages(session, module, session.messages_of(module), slides[-1].segment if slides else "")
    return slides


def _messages(session: Session, module: Module, messages: list, segment: str) -> list[Slide]:
    """Return MESSAGES as 'Remember' slides of at most MESSAGES_PER_SLIDE lines each, in order."""
    lang = session.langs[0]
    parts = [messages[i:i + MESSAGES_PER_SLIDE] for i in range(0, len(messages), MESSAGES_PER_SLIDE)]
    kicker = label("remember", lang)
    return [Slide("messages", session.text(module.title), lines=tuple(session.text(k.text) for k in part),
                  kicker=kicker if len(parts) == 1 else f"{kicker} · {label('slide-of', lang, n=n, total=len(parts))}",
                  segment=segment)
            for n, part in enumerate(parts, 1)]


def _module_notes(session: Session, module: Module, notes, first: bool) -> Notes:
    """Return the notes for an activity: its own, plus the module's misconceptions the first time."""
    return Notes(
        say=(session.text(notes),) if notes else (),
        misconceptions=tuple((session.text(m.misconception), session.text(m.response))
                             for m in module.misconceptions) if first else (),
        safeguarding=tuple(session.text(s) for s in module.safeguarding) if first else (),
    )


def _signpost(link: Link, lang: str) -> Signpost:
    return Signpost(link.label.get(lang), link.organisation, link.url,
                    qr_svg(link.url) if link.url else None, tuple(numbers(link, lang)))


def _opening(session: Session) -> list[Slide]:
    """Return the title and ground-rules slides."""
    lang = session.langs[0]
    fixed = tuple(note[lang] for note in safeguarding_notes(session.nation))
    title = Slide("title", _title(session), lines=(session.text(session.audience.name),),
                  notes=Notes(say=("Introduce yourself and the session. Press N for these notes, "
                                   "B to blank the screen, R to reveal an answer.",), safeguarding=fixed))
    rules = next((m for m in session.modules if m.id == GROUND_RULES_MODULE), None)
    activity = rules.activities[0] if rules else None
    ground = Slide(
        "rules", label("ground-rules", lang), lines=tuple(rule[lang] for rule in GROUND_RULES),
        notes=Notes(say=tuple(session.text(s) for s in activity.steps) if activity else (),
                    expected=(session.text(activity.notes),) if activity and activity.notes else ()),
        segment="activity-ground-rules-0" if activity else "", minutes=activity.minutes if activity else 0)
    return [title, ground]


def _title(session: Session) -> str:
    """Return the session's title in its first language: the plan's own, unless the officer renamed it."""
    plan, title = session.plan, session.spec.title
    if plan and title in ("", plan.title.en):
        return session.text(plan.title)
    return session.title


def _slides(session: Session) -> tuple[Slide, ...]:
    """Return the slides of SESSION in its first language."""
    return (*_opening(session), *_quiz(session, "baseline"), *_activities(session),
            *_quiz(session, "endpoint"), *_signposting(session, session.langs[0]))


def build(session: Session) -> Deck:
    """Return the deck for SESSION: title, ground rules, quiz, activities, quiz again, signposting."""
    langs = session.langs
    slides = _slides(session.in_language(langs[0]))
    second = _slides(session.in_language(langs[1])) if len(langs) > 1 else ()
    return Deck(title=_title(session), lang=langs[0], audience=session.audience.id,
                plan=session.plan.id if session.plan else None, length=session.spec.lesson_minutes,
                group_size=session.spec.group_size, slides=slides, second=second)


def _signposting(session: Session, lang: str) -> list[Slide]:
    """Return the signposting slides: QR codes a few to a slide, so each scans from the back, then
    the helplines without a web address on a slide of their own (beside codes they overflowed)."""
    links = [_signpost(k, lang) for k in session.links]
    coded = [k for k in links if k.qr]
    plain = [k for k in links if not k.qr]
    groups = [coded[i:i + QR_PER_SLIDE] for i in range(0, len(coded), QR_PER_SLIDE)]
    groups = [g for g in (*groups, plain) if g] or [[]]
    notes = Notes(say=("Point out each QR code: pupils can scan it now or later from the handout. "
                       "End on help and hope.",),
                  safeguarding=tuple(note[lang] for note in safeguarding_notes(session.nation)[1:]))
    return [Slide("signposting", label("help", lang), lines=(label("not-fault", lang),), signposts=tuple(g),
                  kicker=label("slide-of", lang, n=n, total=len(groups)) if len(groups) > 1 else "", notes=notes)
            for n, g in enumerate(groups, 1)]
