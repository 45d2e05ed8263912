"""Load the YAML library into typed models, collecting every problem before giving up."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from pydantic import ValidationError

from kit.content import models
from kit.content.check import check, cross_check
from kit.content.library import LOCAL_KINDS, Library, Origin
from kit.content.problems import Problem, from_validation, in_order
from kit.content.yamlfile import MAX_BYTES, Document, YamlError, parse

# Single files at the top of the library, and folders of many files.
TOP_FILES = ("audiences", "nations", "links", "lint")
FOLDERS = ("modules", "questions", "plans")
REQUIRED_FILES = ("audiences", "nations", "links")
MAX_FILES = 50_000
NOT_REGULAR = "not a regular file (a folder, FIFO or device), not read: only YAML files are"


class LibraryError(Exception):
    """The library has problems; `problems` lists every one, and so does the message (servers print only that)."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join([f"{len(problems)} problem(s) in the content library:", *map(str, problems)]))
        self.problems = problems

    @property
    def errors(self) -> list[Problem]:
        """Return the problems that stop the library being used (not the warnings)."""
        return [p for p in self.problems if p.severity == "error"]


def display_name(path: Path, root: Path) -> str:
    """Return PATH as authors see it: relative to the library's parent (`lessons/modules/x.yaml`)."""
    try:
        return path.relative_to(root.parent).as_posix()
    except ValueError:
        return path.as_posix()


def library_files(root: Path) -> list[tuple[str, Path]]:
    """Return (kind, path) for every file the library reads, in a stable order."""
    files = [(kind, root / f"{kind}.yaml") for kind in TOP_FILES]
    for folder in FOLDERS:
        found = sorted((root / folder).glob("*.yaml")) + sorted((root / folder).glob("*.yml"))
        files += [(folder, p) for p in found]
    return files


class UnsafeFile(Exception):
    """A library file that must not be read (a device, a FIFO, a link out of the library, too big)."""


def read_bytes(path: Path, inside: str) -> bytes:
    """Return the bytes of PATH, a regular file of at most MAX_BYTES in the real folder INSIDE, or raise UnsafeFile.

    Nothing else is opened: a FIFO would hang, a device never ends, and a link out of the library
    could read any file the app can. The size is checked before reading, and reading stops there.
    """
    real = Path(os.path.realpath(path))
    if not real.is_relative_to(inside):
        raise UnsafeFile("a link to a place outside the library, not read: copy the file in instead")
    if not stat.S_ISREG(os.stat(real).st_mode):
        raise UnsafeFile(NOT_REGULAR)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    with os.fdopen(os.open(real, flags), "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):  # it changed since it was looked at
            raise UnsafeFile(NOT_REGULAR)
        if info.st_size > MAX_BYTES:
            raise UnsafeFile(f"file is {info.st_size:,} bytes; the limit is {MAX_BYTES:,}")
        # Bounded by the size just checked (one byte more shows a file that grew meanwhile): a buffer
        # of the cap for every file cost a library of a thousand files more than reading them.
        return handle.read(info.st_size + 1)


def read_file(kind: str, path: Path, name: str, inside: str) -> tuple[object | None, Document | None, list[Problem]]:
    """Parse and validate one file (shown to authors as NAME) of the library at INSIDE; return its model,
    document and problems."""
    try:
        data = read_bytes(path, inside)
    except UnsafeFile as exc:
        return None, None, [Problem(name, None, "", str(exc))]
    except OSError as exc:
        return None, None, [Problem(name, None, "", f"cannot read the file: {exc.strerror}")]
    return read_data(kind, data, name)


def read_data(kind: str, data: bytes, name: str) -> tuple[object | None, Document | None, list[Problem]]:
    """Parse and validate the bytes of one library file (shown to authors as NAME)."""
    try:  # parse() refuses more than MAX_BYTES first
        doc = parse(data)
    except YamlError as exc:
        return None, None, [Problem(name, exc.line, "", exc.message)]
    if not isinstance(doc.value, dict):
        top = doc.source.line_of(())
        return None, doc, [Problem(name, top, "", "expected a mapping of fields at the top of the file")]
    try:
        return models.FILE_KINDS[kind].model_validate(doc.value), doc, []
    except ValidationError as exc:
        return None, doc, from_validation(name, doc, exc)


def _add(library: Library, kind: str, item, origin: Origin, problems: list[Problem]) -> None:
    table = getattr(library, kind)
    if item.id in table:
        first = library.origins[(kind, item.id)]
        problems.append(Problem(origin.file, origin.line("id"), "id",
                                f"duplicate {kind[:-1]} id '{item.id}' (first at {first.file}:{first.line('id')})"))
        return
    table[item.id] = item
    library.origins[(kind, item.id)] = origin


def _collect(library: Library, kind: str, model, doc: Document, name: str, problems: list[Problem]) -> None:
    if kind in ("modules", "plans"):  # one item a file
        _add(library, kind, model, Origin(name, doc.source), problems)
    elif kind == "lint":
        library.lint = model
    else:  # a list of items under the kind's own name (audiences, nations, links, questions)
        for i, item in enumerate(getattr(model, kind)):
            _add(library, kind, item, Origin(name, doc.source, (kind, i)), problems)


def load(root: Path, local: Path | None = None) -> tuple[Library, list[Problem]]:
    """Read every file under ROOT, then the force's LOCAL folder if any; return what loaded and every problem."""
    root = Path(root)
    library, problems = Library(root=root), []
    if not root.is_dir():
        return library, [Problem(root.as_posix(), None, "", "no such library folder")]
    problems += _read_folder(library, root, REQUIRED_FILES)
    if local is not None:
        library.local_root = Path(local)
        problems += _read_local(library, Path(local))
    return library, problems


def _read_folder(library: Library, root: Path, required: tuple[str, ...], kinds=None) -> list[Problem]:
    files = [(kind, path) for kind, path in library_files(root) if kinds is None or kind in kinds]
    if len(files) > MAX_FILES:
        return [Problem(root.as_posix(), None, "", f"more than {MAX_FILES:,} files")]
    problems: list[Problem] = []
    inside = os.path.realpath(root)
    for kind, path in files:
        name = display_name(path, root)
        if not os.path.lexists(path):
            if kind in required:
                problems.append(Problem(name, None, "", "required file is missing"))
            continue
        model, doc, found = read_file(kind, path, name, inside)
        problems += found
        if model is not None:
            _collect(library, kind, model, doc, name, problems)
    return problems


def _read_local(library: Library, local: Path) -> list[Problem]:
    """Add the local folder's links, modules, questions and plans; every file in it is optional."""
    if not local.is_dir():
        return [Problem(local.as_posix(), None, "", "no such local library folder (KIT_LOCAL_LESSONS)")]
    problems = [Problem(display_name(local / f"{kind}.yaml", local), None, "",
                        f"a local folder cannot change {kind}.yaml; it may hold {', '.join(LOCAL_KINDS)}")
                for kind in TOP_FILES if kind not in LOCAL_KINDS and (local / f"{kind}.yaml").exists()]
    before = set(library.origins)
    problems += _read_folder(library, local, (), LOCAL_KINDS)
    library.local = set(library.origins) - before
    return problems


def add_local(library: Library, kind: str, data: bytes, name: str) -> list[Problem]:
    """Add one more local file's items (bytes shown to authors as NAME) after the folders; return its problems.

    The browser's force-local links come this way, last: the same models, ids and messages as a file.
    """
    model, doc, problems = read_data(kind, data, name)
    if model is not None:
        before = set(library.origins)
        _collect(library, kind, model, doc, name, problems)
        library.local |= set(library.origins) - before
    return problems


def load_checked(root: Path, lint: bool = False, local: Path | None = None) -> Library:
    """Load and cross-check the library at ROOT (plus a force's LOCAL folder), and lint it when LINT;
    raise LibraryError listing every problem."""
    library, problems = load(root, local)
    problems += check(library) if lint else cross_check(library)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise LibraryError(in_order(problems))
    return library
