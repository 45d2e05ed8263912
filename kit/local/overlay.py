"""Check a lead's edit like the YAML library, and build the library the app prints from.

Which wins: the national library loads first, then the force's YAML folder (KIT_LOCAL_LESSONS), then
the links saved in the browser, last. Nothing overrides: an id already taken (nationally or in the
YAML folder) is refused, naming both places, so a browser link adds and never silently replaces.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kit.content.check import check, cross_check
from kit.content.library import Library
from kit.content.loader import add_local, load
from kit.content.problems import Problem, in_order
from kit.content.yamlfile import YamlError, parse
from kit.local.versions import Content
from kit.pdf.brand import ADDRESS_LINE_MAX

BROWSER_FILE = "links (saved in the browser)"  # how problems name the browser's links, like a file name
ORGANISATION_MAX = 80
ADDRESS_MAX = ADDRESS_LINE_MAX  # one line of the letterhead, as kit.pdf.brand prints it
EMPTY_LINKS = "links: []\n"


@dataclass(frozen=True)
class FieldError:
    """One problem with a lead's edit: the form field, and the message in plain words."""

    field: str  # organisation, address, logo or links
    message: str
    problem: Problem | None = None  # the loader's own problem, for a links error (kit.local.linkrows places it)


def _one_line(value: str, name: str, limit: int, field: str) -> list[FieldError]:
    if any(not c.isprintable() for c in value):
        return [FieldError(field, f"The {name} must be one line of plain text.")]
    if len(value) > limit:
        return [FieldError(field, f"The {name} is {len(value)} characters; the most is {limit}.")]
    return []


def _links_message(problem: Problem) -> str:
    """Return a loader problem as the form shows it: the line and field in the box, then the message."""
    where = f"Line {problem.line}" if problem.line else "The links"
    return f"{where}: {problem.field + ': ' if problem.field else ''}{problem.message}"


def library_with(root: Path, local: Path | None, content: Content, lint: bool = False) -> tuple[Library, list[Problem]]:
    """Load the library at ROOT, the force's YAML folder LOCAL, then CONTENT's links; return it and
    the problems of CONTENT's links (with the content lint too when LINT: how a lead's edit is checked)."""
    library, problems = load(root, local)
    base_ids = set(library.links)
    problems = add_local(library, "links", (content.links_yaml or EMPTY_LINKS).encode("utf-8"), BROWSER_FILE)
    added = {i: k for i, k in library.links.items() if i not in base_ids}
    if lint and added:
        # The lint judges only the browser's links: the rest was checked when the app started.
        alone = Library(root=library.root, audiences=library.audiences, nations=library.nations, links=added,
                        lint=library.lint, origins=library.origins)
        problems += [p for p in check(alone) if p.file == BROWSER_FILE]
    else:
        problems += [p for p in cross_check(library) if p.file == BROWSER_FILE]
    return library, problems


def check_edit(root: Path, local: Path | None, content: Content) -> list[FieldError]:
    """Return every problem with a lead's edit CONTENT, each naming its field; none means it may be saved."""
    errors = _one_line(content.organisation, "organisation's name", ORGANISATION_MAX, "organisation")
    errors += _one_line(content.address, "address line", ADDRESS_MAX, "address")
    _, problems = library_with(root, local, content, lint=True)
    errors += [FieldError("links", _links_message(p), p) for p in in_order(problems) if p.severity == "error"]
    return errors


def link_count(links_yaml: str) -> int | None:
    """Return how many links LINKS_YAML lists, as the loader reads it (None when it cannot be read)."""
    try:
        value = parse((links_yaml or EMPTY_LINKS).encode("utf-8")).value
    except YamlError:
        return None
    links = value.get("links") if isinstance(value, dict) else None
    return len(links) if isinstance(links, list) else None
