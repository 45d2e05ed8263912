"""Read one YAML file safely, and find the line of any value in it so errors can name it.

Built on PyYAML's event stream (libyaml's C parser when present) rather than its loaders, so we
decide what a value may be: no tags beyond YAML's plain types, no aliases (no alias bombs), no
duplicate keys, a cap on nesting and size. Nothing in a file can run code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode

MAX_BYTES = 1_048_576
MAX_DEPTH = 32

# libyaml's C parser when PyYAML was built with it (its wheels are), else PyYAML's own: same events.
_Parser = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
_CORE = "tag:yaml.org,2002:"
_STR = _CORE + "str"
_ALLOWED_TAGS = {_CORE + t for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")}
_constructor = SafeConstructor()
_resolver = yaml.resolver.Resolver()
_NO_KEY = object()
_NOTHING: dict = {}
_ScalarEvent, _MappingStart, _SequenceStart = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
_MappingEnd, _SequenceEnd, _StreamEnd = yaml.MappingEndEvent, yaml.SequenceEndEvent, yaml.StreamEndEvent
# YAML 1.1's implicit types by first character ("" for the rest), as PyYAML's resolver decides them.
_IMPLICIT = {
    first: tuple(pairs) + tuple(_resolver.yaml_implicit_resolvers.get(None, ()))
    for first, pairs in _resolver.yaml_implicit_resolvers.items() if first is not None
} | {"": tuple(_resolver.yaml_implicit_resolvers.get(None, ()))}
_SCALARS = {
    _CORE + "int": _constructor.construct_yaml_int,
    _CORE + "float": _constructor.construct_yaml_float,
    _CORE + "bool": _constructor.construct_yaml_bool,
    _CORE + "null": _constructor.construct_yaml_null,
    _CORE + "timestamp": _constructor.construct_yaml_timestamp,
}

Path_ = tuple[str | int, ...]
# Where each value is written: the root's line, and for each container (by path) the line of each
# key or index in it. Keyed by container, not by value: a tuple per value cost more than the parse.
Lines = tuple[int, dict[Path_, dict]]


class YamlError(Exception):
    """A file that is not acceptable YAML; `line` is 1-based or None for the whole file."""

    def __init__(self, line: int | None, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


class Source:
    """A parsed file's text, and where each value in it is written.

    The lines are worked out from the text the first time a problem asks for one, not while
    loading: a library with nothing wrong asks for none, and its texts weigh less than their lines.
    """

    def __init__(self, text: str):
        self.text = text

    @cached_property
    def _located(self) -> tuple[Lines, dict[Path_, str]]:
        return _locate(self.text)

    @property
    def raw(self) -> dict[Path_, str]:
        """Return what was written for each value YAML read as something other than text, by path."""
        return self._located[1]

    def line_of(self, path: Path_) -> int:
        """Return the line of PATH, or of its nearest ancestor that has one."""
        root, inner = self._located[0]
        path = tuple(path)
        for end in range(len(path), 0, -1):
            line = inner.get(path[: end - 1], _NOTHING).get(path[end - 1])
            if line is not None:
                return line
        return root


@dataclass(frozen=True)
class Document:
    """A parsed file: its value and its source (which knows the line of every path)."""

    value: object
    source: Source


def decode(data: bytes) -> str:
    """Return DATA as text, or raise YamlError naming the bad byte."""
    if len(data) > MAX_BYTES:
        raise YamlError(None, f"file is {len(data):,} bytes; the limit is {MAX_BYTES:,}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise YamlError(line, f"not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file as UTF-8") from None
    if "\x00" in text:
        raise YamlError(text[: text.index("\x00")].count("\n") + 1, "the file contains a NUL byte")
    return text


def parse(data: bytes) -> Document:
    """Parse one YAML document from DATA into plain dicts, lists and scalars; its source knows their lines."""
    text = decode(data)
    try:
        value, documents = _build(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        if "maximum nesting depth" in str(exc.problem):  # libyaml's own cap, met before ours
            raise YamlError(line, f"nested deeper than {MAX_DEPTH} levels") from None
        raise YamlError(line, f"malformed YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise YamlError(None, f"malformed YAML: {exc}") from None
    if documents > 1:
        raise YamlError(None, "the file holds more than one YAML document (---); use one")
    if value is None:
        raise YamlError(1, "the file is empty")
    return Document(value, Source(text))


def _check_tag(event: yaml.NodeEvent, implicit: bool) -> None:
    if event.tag and not implicit and event.tag not in _ALLOWED_TAGS and event.tag != "!":
        raise YamlError(event.start_mark.line + 1, f"the tag {event.tag} is not allowed; use plain YAML values")


def _tag(event: yaml.ScalarEvent) -> str:
    """Return the type YAML gives a scalar event: its tag, or the implicit type its plain text reads as."""
    if not event.implicit[0]:
        _check_tag(event, event.implicit[1])
        return event.tag if event.tag and event.tag != "!" else _STR
    for candidate, pattern in _IMPLICIT.get(event.value[:1], _IMPLICIT[""]):
        if pattern.match(event.value):
            return candidate
    return _STR


def _scalar(event: yaml.ScalarEvent) -> object:
    """Return the value of a scalar event that may be something other than text."""
    tag = _tag(event)
    if tag == _STR:
        return event.value
    build = _SCALARS.get(tag)
    if build is None:
        raise YamlError(event.start_mark.line + 1, "merge keys (<<) are not allowed")
    try:
        return build(ScalarNode(tag, event.value))
    except (ValueError, TypeError):
        raise YamlError(event.start_mark.line + 1, f"cannot read {event.value!r} as {tag.rsplit(':', 1)[-1]}") from None


def _build(text: str) -> tuple[object, int]:
    """Build the value of TEXT from parser events, refusing what is not allowed; return it and how many documents.

    One loop over the events, the innermost open container in local variables and the common case
    (a plain scalar in a mapping) first: loading a large library spends its time here.
    """
    parser = _Parser(text)
    get_event = parser.get_event
    stack: list[tuple] = []  # the outer open containers, and whether each is a mapping
    container: dict | list | None = None  # the innermost open container
    in_map = False  # whether it is a mapping
    key: object = _NO_KEY  # its pending key, when it is a mapping
    result, documents = None, 0
    try:
        while True:
            event = get_event()
            cls = event.__class__
            if cls is _ScalarEvent:
                if in_map and key is _NO_KEY:
                    if event.tag is not None:
                        _check_tag(event, event.implicit[0] or event.implicit[1])
                    key = event.value  # kept as written: `no:` is "no"
                    if key in container:
                        raise YamlError(event.start_mark.line + 1, f"duplicate key '{key}' in the same mapping")
                    continue
                value = event.value
                if event.tag is not None or (event.implicit[0] and value[:1] in _IMPLICIT):
                    value = _scalar(event)  # most plain text cannot be anything else: only it is resolved
                if in_map:
                    container[key] = value
                    key = _NO_KEY
                elif stack:
                    container.append(value)
                else:
                    result = value
            elif cls is _MappingStart or cls is _SequenceStart:
                if event.tag is not None:
                    _check_tag(event, event.implicit)
                if len(stack) >= MAX_DEPTH:
                    raise YamlError(event.start_mark.line + 1, f"nested deeper than {MAX_DEPTH} levels")
                value = {} if cls is _MappingStart else []
                if in_map:
                    if key is _NO_KEY:
                        raise YamlError(event.start_mark.line + 1, "a mapping key must be plain text")
                    container[key] = value
                elif stack:
                    container.append(value)
                else:
                    result = value
                stack.append((container, in_map))
                container, in_map, key = value, cls is _MappingStart, _NO_KEY
            elif cls is _MappingEnd or cls is _SequenceEnd:
                container, in_map = stack.pop()
                key = _NO_KEY
            elif cls is yaml.AliasEvent:
                line = event.start_mark.line + 1
                raise YamlError(line, f"aliases (*{event.anchor}) are not allowed; write the value out")
            elif cls is _StreamEnd:
                return result, documents
            else:
                documents += cls is yaml.DocumentStartEvent
    finally:
        parser.dispose()


def _locate(text: str) -> tuple[Lines, dict[Path_, str]]:
    """Return the line of every key and item in TEXT (already parsed), and what was written for typed values."""
    parser = _Parser(text)
    stack: list[tuple] = []  # the outer open containers' lines, paths and kinds
    here: dict = {}  # the line of each key or index in the innermost open container
    path: Path_ = ()
    in_map, key, key_line, root, lines, raw = False, _NO_KEY, 0, 0, {}, {}
    try:
        while (event := parser.get_event()).__class__ is not _StreamEnd:
            cls = event.__class__
            if cls not in (_ScalarEvent, _MappingStart, _SequenceStart, _MappingEnd, _SequenceEnd):
                continue
            if cls is _MappingEnd or cls is _SequenceEnd:
                here, path, in_map = stack.pop()
            elif in_map and key is _NO_KEY:
                key, key_line = event.value, event.start_mark.line + 1
                continue
            else:
                step = key if in_map else len(here)
                if stack:  # a field is found where its key is written
                    here[step] = key_line if in_map else event.start_mark.line + 1
                else:
                    root = event.start_mark.line + 1
                inner = (*path, step) if stack else ()
                if cls is _ScalarEvent:
                    if _tag(event) != _STR:
                        raw[inner] = event.value
                else:
                    stack.append((here, path, in_map))
                    here, path, in_map = {}, inner, cls is _MappingStart
                    lines[path] = here
            key = _NO_KEY
    finally:
        parser.dispose()
    return (root, lines), raw
