"""A fast first reading of a YAML file, used only where it cannot differ from the strict reader.

yaml_rs (a Rust YAML 1.2 parser with wheels for Linux, macOS and Windows) builds Python values
several times faster than walking libyaml's events. Its answer is used only when it must equal
what kit.content.yamlfile would build; otherwise `fast_value` returns None and the caller reads
the file strictly, which also gives every message and line. Conservative on purpose:

Before parsing, a text scan sends to the strict reader any file with
- a `!`, `&`, `*` or `?` at a token start (tags, anchors, aliases, complex keys), `<<` anywhere
  (merge keys), a line starting with `%`, `---` or `...` (directives, more than one document);
- a `|` or `>` at a token start: block scalars are rare here, and yaml_rs reads `[|]`, which
  libyaml refuses;
- a `:` right before `,[]{}`, at a token start and before a non-space, or first on a line (YAML
  1.2 reads `[a:, b]` as holding a mapping, `[:a]` as text and `{a\n: b}` as a key and value;
  libyaml refuses all three);
- a tab, a backslash (escapes), a lone carriage return, a control character, U+2028/9, U+FEFF,
  U+FFFE/F or a surrogate (libyaml refuses these inside text; yaml_rs accepts some);
- an unquoted number with a leading zero: 017, 0o17, 0x1F, 0b1 (YAML 1.1 octal, 1.2 ints), or
  an underscore next to a digit (1_000; yaml_rs reads `_0` as the number 0);
- a line that starts with more than MAX_PREFIX spaces or `- ? :` indicators. Block collections
  nest at strictly growing columns (twice per column at most), so this caps block nesting; flow
  nesting is capped by yaml_rs itself ("recursion limit exceeded", tested). Deep nesting would
  otherwise overflow a small thread stack inside yaml_rs.

After parsing (parse_datetime off, duplicate keys an error), the value is walked: a float, or
any type but str, int, bool and None sends the file to the strict reader, and so does any text
that YAML 1.1 would read as something other than text when unquoted (`no`, `12:30`, `2024-01-01`,
`~`, `1_000`...) unless the file cannot hold it unquoted: not after a token start and before the
end of a scalar, and without a space (a multi-line plain scalar folds its line breaks into spaces).
What remains: plain decimal integers, true/false, null/~ and text, read alike by YAML 1.1 and 1.2.
Every key must be text without spaces or line breaks: the strict reader keeps keys as written, so
a key yaml_rs typed (`1:`, `true:`) sends the file to it; yaml_rs also accepts a key that goes on
over lines inside `{...}`, which libyaml refuses, and such a key holds a space once read (no field
name does). Nesting deeper than MAX_DEPTH also sends the file to the strict reader.
"""

from __future__ import annotations

import re

import yaml_rs

from kit.content.yamlfile import MAX_DEPTH, implicit_patterns

MAX_PREFIX = 40  # block nesting at most 2 * (MAX_PREFIX + 1) levels
# Names this reader in the parse cache: change the first part whenever the rules here change.
READER = f"fastyaml-1/yaml_rs-{yaml_rs.__version__}"

_AFTER_SEPARATOR = r"(?<![^\s\[\]{},:?-])"  # start of text, or after whitespace or an indicator
_SCALAR_END = r"(?=[ ]*(?:[\r\n,\[\]{}:#]|\Z))"  # end of text, line or flow item, or a key
_PROPERTY_MARKS = "!&*?|>"
_SEPARATORS = frozenset(" \t\n\r\x85\u2028\u2029[]{},:?-")  # whitespace and indicators before a token
_PRINTABLE_ASCII = bytes(range(0x20, 0x7F)) + b"\n\r"
# What is left once printable ASCII is taken out, as UTF-8: libyaml refuses these; yaml_rs reads some.
# Controls (tab too), DEL, C1 controls, U+2028/9 (line breaks to YAML), surrogates, U+FEFF, U+FFFE/F.
_UNPRINTABLE = re.compile(rb"[\x00-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xa8\xa9]|\xed[\xa0-\xbf]"
                          rb"|\xef\xbb\xbf|\xef\xbf[\xbe\xbf]")
_LINE_START = re.compile(r"\n(?:%|---|\.\.\.|[ ?:-]{" + str(MAX_PREFIX + 1) + "}|[ ]*:)")
# A whole unquoted number with a leading zero (017, 0o17, 0x1F, 0b1, -017): YAML 1.1 and 1.2 differ.
_LEADING_ZERO = re.compile(r"0(?:(?<![^\s\[\]{},:?-]0)|(?<=[\s\[\]{},:?-][-+]0))"
                           r"(?:[0-9_]+|[oO][0-7_]+|[xX][0-9a-fA-F_]+|[bB][01_]+)" + _SCALAR_END)
_LONE_CR = re.compile(r"\r(?!\n)")
# YAML 1.2 reads `[a:, b]` as holding a mapping and `[:a]` as text; libyaml refuses both.
_ODD_COLON = re.compile(r":(?:[,\[\]{}]|(?<![^\s\[\]{},:?-].)(?=\S))")
_DIGIT_UNDERSCORE = re.compile(r"_(?:[0-9]|(?<=[0-9]_))")  # yaml_rs reads `_0` as 0
_DUPLICATE_ERROR = yaml_rs.DuplicateKeyPolicy.Error
# Text YAML 1.1 reads as a bool, null, number, date, merge key or value when unquoted, by first character.
_IMPLICIT = implicit_patterns()
_WORDS = frozenset(("~", "=", "<<", "!", "&", "*", "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON",
                    "off", "Off", "OFF", "true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL"))
_NUMERIC_START = frozenset("-+.0123456789")


def text_is_simple(text: str) -> bool:
    """Say whether TEXT passes the scan before parsing (see the module's docstring)."""
    if "\t" in text or "\\" in text or "<<" in text or ("\r" in text and _LONE_CR.search(text)):
        return False
    if _LINE_START.match("\n" + text[: MAX_PREFIX + 2]) or _LINE_START.search(text):  # the first line too
        return False
    rest = text.encode("utf-8", "surrogatepass").translate(None, _PRINTABLE_ASCII)
    if rest and _UNPRINTABLE.search(rest):
        return False
    return not (_has_property(text) or _LEADING_ZERO.search(text) or _ODD_COLON.search(text)
                or _DIGIT_UNDERSCORE.search(text))


def _has_property(text: str) -> bool:
    """Say whether any of `! & * ? | >` starts a token: first in TEXT or after a separator."""
    for mark in _PROPERTY_MARKS:  # str.find is much faster than a regex here; the marks are rare
        at = text.find(mark)
        while at != -1:
            if at == 0 or text[at - 1] in _SEPARATORS:
                return True
            at = text.find(mark, at + 1)
    return False


def _suspects(value: dict) -> list[str] | None:
    """Return the texts in VALUE that YAML 1.1 reads as something else when unquoted, or None if
    VALUE nests too deep or holds a key that is not text, a float, or a type but str, int, bool, None.

    The hot path of the fast reader: one level at a time, keys checked by C string methods.
    """
    found: list[str] = []
    level: list = [value]
    for _depth in range(MAX_DEPTH):
        deeper: list = []
        for node in level:
            if node.__class__ is dict:
                try:
                    keys = "\x00".join(node)  # TypeError if a key is not text; text holds no NUL
                except TypeError:
                    return None
                if " " in keys or "\n" in keys:
                    return None  # see the module's docstring
                node = node.values()
            for item in node:
                cls = item.__class__
                if cls is str:
                    if item in _WORDS or (item[:1] in _NUMERIC_START and _reads_as_other(item)):
                        found.append(item)
                elif cls is dict or cls is list:
                    deeper.append(item)
                elif cls is not int and cls is not bool and item is not None:
                    return None  # floats (1e3, -.5, .inf read differently), dates, times
        if not deeper:
            return found
        level = deeper
    return None  # nested deeper than MAX_DEPTH


def _reads_as_other(item: str) -> bool:
    """Say whether YAML 1.1 reads ITEM, which starts like a number, as a number, time or date when unquoted."""
    return any(pattern.match(item) for _tag, pattern in _IMPLICIT.get(item[:1], ()))


def _written_unquoted(texts: list[str], text: str) -> bool:
    """Say whether any of TEXTS may be written unquoted in TEXT (quoted, both readers agree)."""
    # Single-line plain scalars are written as read; a multi-line one folds a line break into a space.
    return any(" " in item or re.search(_AFTER_SEPARATOR + re.escape(item) + _SCALAR_END, text) for item in texts)


def known_value(text: str) -> dict | None:
    """Return the mapping of TEXT, which `fast_value` accepted before (the parse cache says so).

    Skips the scan and the walk, but keeps the nesting cap: even a tampered cache cannot make
    yaml_rs overflow its stack. A cache is plain data anyone able to write it could change anyway.
    """
    if _LINE_START.match("\n" + text[: MAX_PREFIX + 2]) or _LINE_START.search(text):
        return None
    return _loads(text)


def _loads(text: str) -> dict | None:
    try:
        value = yaml_rs.loads(text, parse_datetime=False, duplicate_key_policy=_DUPLICATE_ERROR)
    except Exception:  # noqa: BLE001 - whatever yaml_rs refuses, the strict reader explains
        return None
    return value if value.__class__ is dict else None


def fast_value(text: str) -> dict | None:
    """Return the top-level mapping of TEXT as the strict reader builds it, or None if unsure."""
    if not text_is_simple(text):
        return None
    value = _loads(text)
    if value is None:
        return None
    suspects = _suspects(value)
    if suspects is None or (suspects and _written_unquoted(suspects, text)):
        return None
    return value
