"""Fit a teaching session to the time slot: keep the plan's order, drop optional activities.

Pure domain: a Session and a length in minutes in, a Fit (what is kept, what is dropped, and
whether even the core fits) out. No Flask, no database.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from kit.content.models import Activity, Module
from kit.content.vocab import GROUND_RULES_MODULE

# Ground rules open every pupil session and are never dropped, whatever the library marks.
ALWAYS_KEPT_MODULES = frozenset({GROUND_RULES_MODULE})
QUIZ_PHASE_MAX = 5  # the plans allow 5 minutes at the start and 5 at the end for the quiz
QUIZ_PHASE_MIN = 2  # even a short lesson leaves time to count hands on a few questions
QUICK_LENGTHS = (20, 40, 60)  # the usual school slots: one click each in the builder


@dataclass(frozen=True)
class Slot:
    """One activity of the session and whether it is taught in the chosen length."""

    module: Module
    activity: Activity
    kept: bool

    @property
    def droppable(self) -> bool:
        """Say whether this activity may be left out when time is short."""
        return self.activity.optional and self.module.id not in ALWAYS_KEPT_MODULES


@dataclass(frozen=True)
class Fit:
    """The activities kept for a length, with the quiz time at the start and end."""

    length: int
    quiz_phase: int  # minutes for the baseline quiz, and again for the end-point quiz
    slots: tuple[Slot, ...]

    @property
    def kept(self) -> tuple[Slot, ...]:
        """Return the slots taught, in running order."""
        return tuple(s for s in self.slots if s.kept)

    @property
    def dropped(self) -> tuple[Slot, ...]:
        """Return the optional slots left out."""
        return tuple(s for s in self.slots if not s.kept)

    @property
    def activity_minutes(self) -> int:
        """Return the minutes of the kept activities."""
        return sum(s.activity.minutes for s in self.kept)

    @property
    def total(self) -> int:
        """Return the minutes of the kept activities plus both quiz phases."""
        return self.activity_minutes + 2 * self.quiz_phase

    @property
    def fits(self) -> bool:
        """Say whether the kept activities and the quiz fit in the length."""
        return self.total <= self.length

    @property
    def core_minutes(self) -> int:
        """Return the minutes nothing can be dropped from, quiz included."""
        return sum(s.activity.minutes for s in self.slots if not s.droppable) + 2 * self.quiz_phase

    def summary(self) -> str:
        """Return one plain sentence on what fits, or how far even the core is over."""
        if not self.fits:
            return (f"Even the core of this session takes {self.core_minutes} minutes, "
                    f"{self.core_minutes - self.length} more than your {self.length}-minute lesson. "
                    "Remove a module or ask for a longer slot.")
        if self.dropped:
            return (f"For a {self.length}-minute lesson, {len(self.dropped)} optional "
                    f"{'activity is' if len(self.dropped) == 1 else 'activities are'} left out "
                    f"({self.total} minutes with the quiz).")
        return f"Everything fits in {self.length} minutes ({self.total} minutes with the quiz)."


def quiz_phase_minutes(length: int, questions: int) -> int:
    """Return the minutes for each quiz phase: a twelfth of the lesson, between 2 and 5."""
    if not questions:
        return 0
    return max(QUIZ_PHASE_MIN, min(QUIZ_PHASE_MAX, length // 12))


def fit(modules: tuple[Module, ...], length: int, questions: int = 0) -> Fit:
    """Keep MODULES' activities in order, dropping optional ones from the end until LENGTH fits."""
    quiz = quiz_phase_minutes(length, questions)
    slots = [Slot(m, a, True) for m in modules for a in m.activities]
    over = sum(s.activity.minutes for s in slots) + 2 * quiz - length
    # Drop from the end: early activities set up the story the later, optional ones build on.
    for i in reversed(range(len(slots))):
        if over <= 0:
            break
        if slots[i].droppable:
            slots[i] = replace(slots[i], kept=False)
            over -= slots[i].activity.minutes
    return Fit(length=length, quiz_phase=quiz, slots=tuple(slots))


def trimmed(fitted: Fit) -> tuple[Module, ...]:
    """Return the modules with only their kept activities; a module with none is left out."""
    out, seen = [], set()
    for slot in fitted.slots:
        module = slot.module
        if id(module) in seen:
            continue
        seen.add(id(module))
        kept = [s.activity for s in fitted.kept if s.module is module]
        if kept == list(module.activities):
            out.append(module)
        elif kept:
            out.append(module.model_copy(update={"activities": kept,
                                                 "minutes": sum(a.minutes for a in kept)}))
    return tuple(out)
