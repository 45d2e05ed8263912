"""Read one YAML file safely, keeping the line of every value so errors can name it.

Built on PyYAML's event stream (libyaml's C parser when present) rather than its loaders, so we
decide what a value may be: no tags beyond YAML's plain types, no aliases (no alias bombs), no
duplicate keys, a cap on nesting and size. Nothing in a file can run code.
"""

from __future__ import annotations

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode

MAX_BYTES = 1_048_576
MAX_DEPTH = 32

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CORE = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {_CORE + t for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")}
_constructor = SafeConstructor()
_resolver = yaml.resolver.Resolver()
_STR = _CORE + "str"
_NO_KEY = object()
_ScalarEvent, _MappingStart, _SequenceStart = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
_MappingEnd, _SequenceEnd = yaml.MappingEndEvent, yaml.SequenceEndEvent
# YAML 1.1's implicit types by first character, as PyYAML's resolver decides them.
_IMPLICIT = {
    first: tuple(pairs) + tuple(_resolver.yaml_implicit_resolvers.get(None, ()))
    for first, pairs in _resolver.yaml_implicit_resolvers.items() if first is not None
}
_SCALARS = {
    _CORE + "int": _constructor.construct_yaml_int,
    _CORE + "float": _constructor.construct_yaml_float,
    _CORE + "bool": _constructor.construct_yaml_bool,
    _CORE + "null": _constructor.construct_yaml_null,
    _CORE + "timestamp": _constructor.construct_yaml_timestamp,
}

Path_ = tuple[str | int, ...]


class YamlError(Exception):
    """A file that is not acceptable YAML; `line` is 1-based or None for the whole file."""

    def __init__(self, line: int | None, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


class Document:
    """A parsed file: its value; the line of each path and the source of non-text scalars on demand.

    Lines are only needed to report a problem, so they are found by a second, slower pass over
    the same text the first time they are asked for.
    """

    def __init__(self, value: object, text: str):
        self.value = value
        self._text = text
        self._lines: dict[Path_, int] | None = None
        self._raw: dict[Path_, str] = {}

    def _track(self) -> dict[Path_, int]:
        if self._lines is None:
            builder = _Builder()
            for event in yaml.parse(self._text, Loader=_Loader):
                builder.feed(event)
            self._lines, self._raw = builder.lines, builder.raw
        return self._lines

    @property
    def lines(self) -> dict[Path_, int]:
        """Return the line of every path in the document."""
        return self._track()

    @property
    def raw(self) -> dict[Path_, str]:
        """Return the source text of every scalar that YAML read as something other than text."""
        self._track()
        return self._raw

    def line_of(self, path: Path_) -> int | None:
        """Return the line of PATH, or of its nearest ancestor that has one."""
        lines = self._track()
        path = tuple(path)
        while path:
            if path in lines:
                return lines[path]
            path = path[:-1]
        return lines.get((), None)


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


def implicit_patterns() -> dict[str, tuple]:
    """Return YAML 1.1's implicit (tag, pattern) pairs by first character, as this reader uses them."""
    return _IMPLICIT


def parse(data: bytes) -> Document:
    """Parse one YAML document from DATA into plain dicts, lists and scalars."""
    return parse_text(decode(data))


def parse_text(text: str) -> Document:
    """Parse one YAML document from TEXT, already decoded and checked by `decode`."""
    try:
        value, documents = _values(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context
        if "maximum nesting depth" in (problem or ""):  # PyYAML 6.0.4 stops deep nesting before we count it
            raise YamlError(line, f"nested deeper than {MAX_DEPTH} levels") from None
        raise YamlError(line, f"malformed YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise YamlError(None, f"malformed YAML: {exc}") from None
    if documents > 1:
        raise YamlError(None, "the file holds more than one YAML document (---); use one")
    if value is None:
        raise YamlError(1, "the file is empty")
    return Document(value, text)


def _scalar_value(event: yaml.ScalarEvent) -> tuple[object, bool]:
    """Return the value of a scalar event and whether YAML read it as something other than text."""
    value = event.value
    if event.implicit[0]:
        tag = _STR
        for candidate, pattern in _IMPLICIT.get(value[:1] if value else "", ()):
            if pattern.match(value):
                tag = candidate
                break
    else:
        tag = event.tag if event.tag and event.tag != "!" else _STR
        if tag not in _ALLOWED_TAGS:
            raise YamlError(event.start_mark.line + 1, f"the tag {tag} is not allowed; use plain YAML values")
    if tag == _STR:
        return value, False
    build = _SCALARS.get(tag)
    if build is None:
        raise YamlError(event.start_mark.line + 1, "merge keys (<<) are not allowed")
    try:
        return build(ScalarNode(tag, value)), True
    except (ValueError, TypeError):
        raise YamlError(event.start_mark.line + 1, f"cannot read {value!r} as {tag.rsplit(':', 1)[-1]}") from None


def _values(text: str) -> tuple[object, int]:
    """Build the value of TEXT from parser events; return it and the number of documents.

    The hot path of loading a large library: kept flat on purpose.
    """
    stack: list = []  # open containers
    keys: list = []  # for each open container: the pending mapping key, or _NO_KEY
    result, documents, depth = None, 0, 0
    for event in yaml.parse(text, Loader=_Loader):
        cls = event.__class__
        if cls is _ScalarEvent:
            if stack and keys[-1] is _NO_KEY and stack[-1].__class__ is dict:
                key = event.value
                if key in stack[-1]:
                    raise YamlError(event.start_mark.line + 1, f"duplicate key '{key}' in the same mapping")
                keys[-1] = key
                continue
            value = _scalar_value(event)[0]
        elif cls is _MappingStart or cls is _SequenceStart:
            if event.tag and not event.implicit and event.tag not in _ALLOWED_TAGS and event.tag != "!":
                raise YamlError(event.start_mark.line + 1,
                                f"the tag {event.tag} is not allowed; use plain YAML values")
            depth += 1
            if depth > MAX_DEPTH:
                raise YamlError(event.start_mark.line + 1, f"nested deeper than {MAX_DEPTH} levels")
            value = {} if cls is _MappingStart else []
        elif cls is _MappingEnd or cls is _SequenceEnd:
            stack.pop()
            keys.pop()
            depth -= 1
            continue
        elif cls is yaml.AliasEvent:
            line = event.start_mark.line + 1
            raise YamlError(line, f"aliases (*{event.anchor}) are not allowed; write the value out")
        elif cls is yaml.DocumentStartEvent:
            documents += 1
            continue
        else:
            continue
        if not stack:
            result = value
        elif stack[-1].__class__ is dict:
            if keys[-1] is _NO_KEY:
                raise YamlError(event.start_mark.line + 1, "a mapping key must be plain text")
            stack[-1][keys[-1]] = value
            keys[-1] = _NO_KEY
        else:
            stack[-1].append(value)
        if cls is not _ScalarEvent:
            stack.append(value)
            keys.append(_NO_KEY)
    return result, documents


class _Builder:
    """Turn parser events into values, enforcing the rules above."""

    def __init__(self) -> None:
        self.stack: list[list] = []  # frames: [container, path, pending key, its line]
        self.result: object = None
        self.lines: dict[Path_, int] = {}
        self.raw: dict[Path_, str] = {}
        self.documents = 0

    def feed(self, event: yaml.Event) -> None:
        kind = type(event)
        if kind is yaml.ScalarEvent:
            self._scalar(event)
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            self._check_tag(event, event.implicit)
            if len(self.stack) >= MAX_DEPTH:
                raise YamlError(event.start_mark.line + 1, f"nested deeper than {MAX_DEPTH} levels")
            container = {} if kind is yaml.MappingStartEvent else []
            path = self._place(container, event)
            self.stack.append([container, path, None, None])
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            self.stack.pop()
        elif kind is yaml.AliasEvent:
            line = event.start_mark.line + 1
            raise YamlError(line, f"aliases (*{event.anchor}) are not allowed; write the value out")
        elif kind is yaml.DocumentStartEvent:
            self.documents += 1

    def _check_tag(self, event, implicit) -> None:
        if event.tag and not implicit and event.tag not in _ALLOWED_TAGS and event.tag != "!":
            raise YamlError(event.start_mark.line + 1, f"the tag {event.tag} is not allowed; use plain YAML values")

    def _scalar(self, event: yaml.ScalarEvent) -> None:
        self._check_tag(event, event.implicit[0] or event.implicit[1])
        line = event.start_mark.line + 1
        if self.stack and isinstance(self.stack[-1][0], dict) and self.stack[-1][2] is None:
            frame = self.stack[-1]
            key = event.value
            if key in frame[0]:
                raise YamlError(line, f"duplicate key '{key}' in the same mapping")
            frame[2] = key
            frame[3] = line
            return
        tag = event.tag if (event.tag and not event.implicit[0]) else None
        if tag is None:
            tag = _resolver.resolve(ScalarNode, event.value, event.implicit) if event.implicit[0] else _CORE + "str"
        if tag == _CORE + "merge":
            raise YamlError(line, "merge keys (<<) are not allowed")
        build = _SCALARS.get(tag)
        try:
            value = build(ScalarNode(tag, event.value)) if build else event.value
        except (ValueError, TypeError):
            raise YamlError(line, f"cannot read {event.value!r} as {tag.rsplit(':', 1)[-1]}") from None
        path = self._place(value, event)
        if build:
            self.raw[path] = event.value

    def _place(self, value: object, event: yaml.Event) -> Path_:
        line = event.start_mark.line + 1
        if not self.stack:
            self.result = value
            self.lines[()] = line
            return ()
        frame = self.stack[-1]
        container, parent = frame[0], frame[1]
        if isinstance(container, list):
            path = (*parent, len(container))
            container.append(value)
        else:
            if frame[2] is None:
                raise YamlError(line, "a mapping key must be plain text")
            path = (*parent, frame[2])
            container[frame[2]] = value
            line = frame[3]  # a field is found where its key is written
            frame[2] = None
        self.lines[path] = line
        return path
