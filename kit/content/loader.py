"""Load the YAML library into typed models, collecting every problem before giving up."""

from __future__ import annotations

import gc
import os
from pathlib import Path

from pydantic import ValidationError

from kit.content import models
from kit.content.check import check, cross_check
from kit.content.fastyaml import READER, fast_value, known_value
from kit.content.library import Library, Origin
from kit.content.parsecache import ParseCache, digest
from kit.content.problems import Problem, from_validation
from kit.content.yamlfile import Document, YamlError, decode, parse_text

# Single files at the top of the library, and folders of many files.
TOP_FILES = ("audiences", "nations", "links", "lint")
FOLDERS = ("modules", "questions", "plans")
REQUIRED_FILES = ("audiences", "nations", "links")
MAX_FILES = 50_000


class LibraryError(Exception):
    """The library has problems; `problems` lists every one."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s) in the content library")
        self.problems = problems

    @property
    def errors(self) -> list[Problem]:
        """Return the problems that stop the library being used (not the warnings)."""
        return [p for p in self.problems if p.severity == "error"]


def display_name(path: Path, root: Path, parent: str | None = None) -> str:
    """Return PATH as authors see it: relative to the library's parent (`lessons/modules/x.yaml`).

    PARENT: `root.parent.as_posix()`, when the caller names many files of one library.
    """
    full = path.as_posix()
    parent = (root.parent.as_posix() if parent is None else parent).rstrip("/") + "/"
    return full[len(parent):] if full.startswith(parent) else full


def _path_order(path: Path) -> str:
    # The order of sorted(paths) within one folder, without PurePath.__lt__ (a Python call per
    # comparison): names compare as the platform compares paths (case-folded on Windows).
    return os.path.normcase(path.name)


def library_files(root: Path) -> list[tuple[str, Path]]:
    """Return (kind, path) for every file the library reads, in a stable order."""
    files = [(kind, root / f"{kind}.yaml") for kind in TOP_FILES]
    for folder in FOLDERS:
        found = (sorted((root / folder).glob("*.yaml"), key=_path_order)
                 + sorted((root / folder).glob("*.yml"), key=_path_order))
        files += [(folder, p) for p in found]
    return files


def _validate(kind: str, doc: Document, name: str) -> tuple[object | None, list[Problem]]:
    if not isinstance(doc.value, dict):
        return None, [Problem(name, doc.line_of(()), "", "expected a mapping of fields at the top of the file")]
    try:
        return models.FILE_KINDS[kind].model_validate(doc.value), []
    except ValidationError as exc:
        return None, from_validation(name, doc, exc)


def _read(kind: str, data: bytes, name: str, known: bool) -> tuple[object | None, Document, list[Problem], bool]:
    """Parse and validate DATA; return model, document, problems and whether the fast reader read it.

    KNOWN: the parse cache says the fast reader read these very bytes exactly before.
    """
    text = decode(data)
    value = known_value(text) if known else fast_value(text)
    if value is not None:
        doc = Document(value, text)
        try:
            return models.FILE_KINDS[kind].model_validate(value), doc, [], True
        except ValidationError:
            pass  # re-read strictly, so every problem is found and worded as the strict reader does
    doc = parse_text(text)
    model, problems = _validate(kind, doc, name)
    return model, doc, problems, False


def read_file(kind: str, path: Path, name: str,
              cache: ParseCache | None = None) -> tuple[object | None, Document | None, list[Problem]]:
    """Parse and validate one file (shown to authors as NAME); return its model, document and problems.

    A file is read by the fast reader (kit.content.fastyaml) where that cannot differ from the
    strict one, else strictly; a file with any problem is always read strictly.
    """
    try:
        data = path.read_bytes()
        key = digest(data) if cache is not None else None
        value = cache.get(key) if cache is not None else None
        if value is not None:
            doc = Document(value, data.decode("utf-8-sig"))
            model, problems = _validate(kind, doc, name)
            return model, doc, problems
        model, doc, problems, fast = _read(kind, data, name, cache is not None and cache.is_fast(key))
    except YamlError as exc:
        return None, None, [Problem(name, exc.line, "", exc.message)]
    except OSError as exc:
        return None, None, [Problem(name, None, "", f"cannot read the file: {exc.strerror}")]
    if cache is not None:
        if fast:
            cache.put_fast(key)
        else:
            cache.put(key, doc.value)
    return model, doc, problems


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
    if kind in ("modules", "plans"):
        _add(library, kind, model, Origin(name, doc), problems)
    elif kind == "questions":
        for i, q in enumerate(model.questions):
            _add(library, kind, q, Origin(name, doc, ("questions", i)), problems)
    elif kind == "lint":
        library.lint = model
    else:
        for i, item in enumerate(getattr(model, kind)):
            _add(library, kind, item, Origin(name, doc, (kind, i)), problems)


def load(root: Path, use_cache: bool = True) -> tuple[Library, list[Problem]]:
    """Read every file under ROOT; return what loaded and every problem found."""
    # Loading builds many small objects and no cycles: the cyclic collector would only rescan
    # the growing heap again and again (measured: up to half the time on a large library).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _load(Path(root), use_cache)
    finally:
        if enabled:
            gc.enable()


def _load(root: Path, use_cache: bool) -> tuple[Library, list[Problem]]:
    library, problems = Library(root=root), []
    if not root.is_dir():
        return library, [Problem(root.as_posix(), None, "", "no such library folder")]
    files = library_files(root)
    if len(files) > MAX_FILES:
        return library, [Problem(root.as_posix(), None, "", f"more than {MAX_FILES:,} files")]
    cache = ParseCache(root, enabled=use_cache, reader=READER)
    parent = root.parent.as_posix()
    for kind, path in files:
        name = display_name(path, root, parent)
        if not path.exists():
            if kind in REQUIRED_FILES:
                problems.append(Problem(name, None, "", "required file is missing"))
            continue
        model, doc, found = read_file(kind, path, name, cache)
        problems += found
        if model is not None:
            _collect(library, kind, model, doc, name, problems)
    cache.save()
    return library, problems


def load_checked(root: Path, lint: bool = False) -> Library:
    """Load and cross-check the library at ROOT, and lint it when LINT; raise LibraryError listing every problem."""
    library, problems = load(root)
    problems += check(library) if lint else cross_check(library)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise LibraryError(sorted(problems, key=_order))
    return library


def _order(problem: Problem) -> tuple:
    return (problem.file, problem.line or 0, problem.field, problem.message)
