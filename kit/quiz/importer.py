"""Turn a GIFT or Aiken file into library YAML (drafts), checked by the library's own checker."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from kit.content.check import check
from kit.content.loader import load
from kit.content.problems import in_order
from kit.quiz import aiken_reader, gift_reader
from kit.quiz.drafts import Draft, Found, to_record, unique_ids

READERS: dict[str, Callable[[str], tuple[list[Draft], list[Found]]]] = {
    "gift": gift_reader.read,
    "aiken": aiken_reader.read,
}
# File endings that say the format; anything else is recognised by its lines.
SUFFIXES = {".gift": "gift", ".aiken": "aiken"}


@dataclass(frozen=True)
class Imported:
    """The YAML written for the library, and every note for the person importing."""

    yaml: str
    count: int
    found: tuple[Found, ...]
    problems: tuple[str, ...]  # what the library's checker says about the YAML


def guess_format(path: Path, source: str) -> str:
    """Return the format of PATH: from its ending, else Aiken when it has ANSWER: lines, else GIFT."""
    if path.suffix.lower() in SUFFIXES:
        return SUFFIXES[path.suffix.lower()]
    lines = source.splitlines()
    return "aiken" if any(line.startswith("ANSWER:") for line in lines) else "gift"


def to_yaml(drafts: list[Draft], ids: list[str], audience: str, source_name: str) -> str:
    """Return DRAFTS as a questions file, each marked as a draft with the line it came from."""
    parts = [f"# Imported from {source_name} by `kit quiz import`: DRAFTS. Check every question,\n"
             "# write Welsh text and explanations, then move this file into lessons/questions/.\n"
             "questions:\n"]
    for draft, question_id in zip(drafts, ids, strict=True):
        record = yaml.safe_dump([to_record(draft, question_id, audience)], allow_unicode=True,
                                sort_keys=False, width=100)
        parts.append(f"  # draft from {source_name} line {draft.line}\n")
        parts.append("".join(f"  {line}\n" for line in record.splitlines()))
    return "".join(parts)


def _missing_explanations(drafts: list[Draft]) -> list[Found]:
    return [Found(d.line, "no explanation in the file; a placeholder was written for you to replace",
                  lost=False)
            for d in drafts if not d.explanation]


def checked(yaml_text: str, lessons: Path, name: str) -> list[str]:
    """Return what the library's checker says about YAML_TEXT added to the library at LESSONS as NAME."""
    with tempfile.TemporaryDirectory(prefix="kit-import-") as temp:
        root = Path(temp) / "lessons"
        shutil.copytree(lessons, root)
        target = root / "questions" / "imported-by-kit-quiz.yaml"
        target.parent.mkdir(exist_ok=True)
        target.write_text(yaml_text, encoding="utf-8")
        library, problems = load(root)
        problems += check(library)
        ours = [p for p in problems if p.file.endswith(target.name)]
        return [str(p).replace(p.file, name, 1) for p in in_order(ours)]


def import_quiz(source: str, fmt: str, audience: str, lessons: Path, taken: set[str],
                source_name: str, out_name: str) -> Imported:
    """Read SOURCE (format FMT) into library YAML for AUDIENCE, with ids unique among TAKEN."""
    drafts, found = READERS[fmt](source)
    ids = unique_ids(drafts, taken)
    text = to_yaml(drafts, ids, audience, source_name)
    found = sorted(found + _missing_explanations(drafts), key=lambda f: f.line)
    problems = checked(text, lessons, out_name) if drafts else []
    return Imported(text, len(drafts), tuple(found), tuple(problems))
