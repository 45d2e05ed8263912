"""The loaded library: every item by id, and where each came from (for error messages)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kit.content.models import Audience, Link, LintFile, Module, Nation, Plan, Question
from kit.content.yamlfile import Path_, Source

KINDS = ("audiences", "nations", "links", "modules", "questions", "plans")  # the items a library holds, by id
# A force's local folder (KIT_LOCAL_LESSONS) may add these; the vocabularies stay national.
LOCAL_KINDS = ("links", "modules", "questions", "plans")

@dataclass(frozen=True, eq=False)
class Origin:
    """Where an item is written: its file (as shown to authors), the file's source, its own path in it.

    The source is kept, not the parsed file: a large library would otherwise hold every file twice.
    """

    file: str
    source: Source
    path: Path_ = ()

    def line(self, *sub: str | int) -> int | None:
        """Return the line of the item, or of SUB inside it."""
        return self.source.line_of((*self.path, *sub))


@dataclass
class Library:
    """All content, keyed by id, in file order."""

    root: Path
    audiences: dict[str, Audience] = field(default_factory=dict)
    nations: dict[str, Nation] = field(default_factory=dict)
    links: dict[str, Link] = field(default_factory=dict)
    modules: dict[str, Module] = field(default_factory=dict)
    questions: dict[str, Question] = field(default_factory=dict)
    plans: dict[str, Plan] = field(default_factory=dict)
    lint: LintFile = field(default_factory=LintFile)
    origins: dict[tuple[str, str], Origin] = field(default_factory=dict)
    # A force's own folder (KIT_LOCAL_LESSONS) and the (kind, id) of each item it added.
    local_root: Path | None = None
    local: set[tuple[str, str]] = field(default_factory=set)

    def counts(self) -> dict[str, int]:
        """Return how many items of each kind the library holds."""
        return {kind: len(getattr(self, kind)) for kind in KINDS}

    def local_counts(self) -> dict[str, int]:
        """Return how many items of each kind the force's local folder added."""
        kinds = [kind for kind, _ in self.local]
        return {kind: kinds.count(kind) for kind in LOCAL_KINDS if kind in kinds}

    def links_for(self, audience: str, nation: str) -> list[Link]:
        """Return the registry links that suit AUDIENCE in NATION."""
        return [k for k in self.links.values() if audience in k.audiences and nation in k.nations]

    def plans_for(self, audience: str) -> list[Plan]:
        """Return the ready-made plans for AUDIENCE."""
        return [p for p in self.plans.values() if p.audience == audience]
