"""Learning gain of one delivery: percent correct before and after, and the misconceptions that fell.

Percent correct is of the people present. A multiple-answer question is counted per option ticked,
so its percent correct is the mean, over its options, of the share who treated that option rightly
(ticked a right one, left a wrong one unticked).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kit.content.models import Question
from kit.outcomes.delivery import Counts
from kit.outcomes.keys import CORRECT, counting, misconception_of, option_keys

NO_MISCONCEPTION = "no misconception recorded"


@dataclass(frozen=True)
class QuestionGain:
    """One question: percent correct before and after, and the change in percentage points."""

    question_id: str
    baseline_pct: float
    endpoint_pct: float

    @property
    def change(self) -> float:
        """Return the change in percentage points."""
        return self.endpoint_pct - self.baseline_pct


@dataclass(frozen=True)
class MisconceptionFall:
    """A misconception and how far the share choosing it fell, in percentage points."""

    misconception: str
    before_pct: float
    after_pct: float

    @property
    def fall(self) -> float:
        """Return how many points fewer chose it afterwards."""
        return self.before_pct - self.after_pct


def percent_correct(question: Question, counts: Mapping[str, int], present: int) -> float:
    """Return the percent of PRESENT who answered QUESTION rightly, from its class COUNTS."""
    if CORRECT in counts:
        return 100.0 * counts[CORRECT] / present
    how = counting(question)
    right = how.right(question)
    if not how.several:
        return 100.0 * sum(counts.get(k, 0) for k in right) / present
    keys = option_keys(question)
    shares = [(counts.get(k, 0) if k in right else present - counts.get(k, 0)) / present for k in keys]
    return 100.0 * sum(shares) / len(shares)


def question_gains(questions: Mapping[str, Question], counts: Counts, present: int) -> list[QuestionGain]:
    """Return the gain for each question counted both before and after, in session order."""
    return [
        QuestionGain(qid, percent_correct(q, counts["baseline"][qid], present),
                     percent_correct(q, counts["endpoint"][qid], present))
        for qid, q in questions.items()
        if qid in counts["baseline"] and qid in counts["endpoint"]
    ]


def mean_gain(gains: list[QuestionGain]) -> float | None:
    """Return the mean change over GAINS, or None when no question was counted."""
    return sum(g.change for g in gains) / len(gains) if gains else None


def misconception_falls(questions: Mapping[str, Question], counts: Counts, present: int) -> list[MisconceptionFall]:
    """Return each misconception's share before and after, the biggest fall first.

    Wrong options with no misconception tag are pooled under NO_MISCONCEPTION, so they still show.
    """
    before: dict[str, float] = {}
    after: dict[str, float] = {}
    for qid, question in questions.items():
        right = counting(question).right(question)
        for key in option_keys(question):
            if key in right or key not in counts["baseline"].get(qid, {}):
                continue
            tag = misconception_of(question, key) or NO_MISCONCEPTION
            before[tag] = before.get(tag, 0.0) + 100.0 * counts["baseline"][qid][key] / present
            after[tag] = after.get(tag, 0.0) + 100.0 * counts["endpoint"].get(qid, {}).get(key, 0) / present
    falls = [MisconceptionFall(tag, before[tag], after[tag]) for tag in before]
    return sorted(falls, key=lambda f: (f.misconception == NO_MISCONCEPTION, -f.fall, f.misconception))
