"""Questions read from another tool's file, before they become library YAML."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

ID_WORDS = 6
ID_MAX = 60
# What an imported question says until an author writes its explanation (the library requires one).
NO_EXPLANATION = "Explanation still to write: the imported question had none."


@dataclass(frozen=True)
class Found:
    """Something in the file that could not be represented, and the line it came from."""

    line: int
    message: str
    lost: bool = True  # False for a to-do (a placeholder written), not something left out

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass
class Draft:
    """A question as read: its type, text, answers and the line it started on."""

    line: int
    type: str
    stem: str
    options: list[tuple[str, bool]] = field(default_factory=list)
    answer: bool | None = None
    explanation: str | None = None


def slug(text: str) -> str:
    """Return an id made from the first words of TEXT ("how-quickly-can-online-blackmail-for")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())[:ID_WORDS]
    return "-".join(words)[:ID_MAX].strip("-")


def unique_ids(drafts: list[Draft], taken: set[str]) -> list[str]:
    """Return an id for each draft, made from its text and unique among TAKEN and each other."""
    ids, used = [], set(taken)
    for number, draft in enumerate(drafts, 1):
        base = slug(draft.stem) or f"imported-question-{number}"
        candidate, n = base, 2
        while candidate in used:
            candidate, n = f"{base}-{n}", n + 1
        used.add(candidate)
        ids.append(candidate)
    return ids


def to_record(draft: Draft, question_id: str, audience: str) -> dict:
    """Return DRAFT as the plain data of one library question."""
    record: dict = {"id": question_id, "audiences": [audience], "type": draft.type, "stem": draft.stem}
    if draft.type == "true-false":
        record["answer"] = draft.answer
    else:
        record["options"] = [{"text": text, "correct": True} if right else {"text": text}
                             for text, right in draft.options]
    record["explanation"] = draft.explanation or NO_EXPLANATION
    return record
