"""Read Moodle GIFT into drafts: single, multiple and true-false questions; the rest is reported."""

from __future__ import annotations

import bisect
import re

from kit.quiz.drafts import Draft, Found

UNESCAPE = re.compile(r"\\(.)", re.DOTALL)
WEIGHT = re.compile(r"^%(-?\d+(?:\.\d+)?)%")
TRUE_FALSE = re.compile(r"^(T|TRUE|F|FALSE)\s*(#.*)?$", re.DOTALL)
FORMAT_TAG = re.compile(r"^\[(plain|html|moodle|markdown)\]")


def unescape(text: str) -> str:
    """Return GIFT TEXT with backslash escapes resolved (\\n is a line break) and its format tag dropped."""
    text = FORMAT_TAG.sub("", text.strip(), count=1)
    return UNESCAPE.sub(lambda m: "\n" if m.group(1) == "n" else m.group(1), text).strip()


def find(text: str, targets: str, start: int = 0) -> int:
    """Return the index of the first unescaped character of TARGETS in TEXT from START, or -1."""
    i = start
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] in targets:
            return i
        i += 1
    return -1


def split_unescaped(text: str, separator: str) -> list[str]:
    """Return TEXT split at each unescaped SEPARATOR."""
    parts, start, i = [], 0, 0
    while i < len(text):
        if text[i] == "\\":
            i += 2
        elif text.startswith(separator, i):
            parts.append(text[start:i])
            i = start = i + len(separator)
        else:
            i += 1
    return [*parts, text[start:]]


class Block:
    """One question's lines joined, able to say which file line an offset falls on."""

    def __init__(self, numbered: list[tuple[int, str]]):
        self.text = "\n".join(line for _, line in numbered)
        self.numbers = [n for n, _ in numbered]
        self.starts = [0]
        for _, line in numbered[:-1]:
            self.starts.append(self.starts[-1] + len(line) + 1)

    def line(self, offset: int) -> int:
        """Return the file line of character OFFSET."""
        return self.numbers[bisect.bisect_right(self.starts, offset) - 1]


def blocks(source: str) -> list[Block]:
    """Return the questions of SOURCE: runs of lines between blank lines, without comments."""
    found, current = [], []
    for number, line in enumerate(source.splitlines(), 1):
        stripped = line.strip()
        if not stripped:
            if current:
                found.append(Block(current))
            current = []
        elif not stripped.startswith(("//", "$CATEGORY:")):
            current.append((number, line))
    if current:
        found.append(Block(current))
    return found



def _stem(head: str) -> str:
    head = head.strip()
    if head.startswith("::"):
        end = head.find("::", 2)
        head = head[end + 2:] if end != -1 else head
    return unescape(head)


def _marks(body: str) -> list[int]:
    marks, i = [], find(body, "=~")
    while i != -1:
        marks.append(i)
        i = find(body, "=~", i + 1)
    return marks


def _answer(block: Block, body: str, start: int, end: int, offset: int) -> tuple[str, float, list[Found]]:
    """Return one answer's text, weight (100 for '=') and what was dropped from it, read as Moodle does."""
    line, raw = block.line(offset + start), body[start + 1:end].strip()
    # Moodle reads a %weight% only after '~'; after '=' the answer is right and "%50%" is text.
    weight = WEIGHT.match(raw) if body[start] == "~" else None
    raw = raw[weight.end():] if weight else raw
    text, *feedback = split_unescaped(raw, "#")
    if "->" in text:
        raise Unsupported(Found(line, "a matching question (answers with ->) cannot be represented"))
    dropped = [Found(line, "feedback on one answer has no place in the library and was left out")] \
        if feedback and unescape("#".join(feedback)) else []
    value = 100.0 if body[start] == "=" else float(weight.group(1)) if weight else 0.0
    return unescape(text), value, dropped


class Unsupported(Exception):
    """A GIFT question the library cannot represent; carries the Found to report."""


def _choices(block: Block, draft: Draft, body: str, offset: int) -> list[Found]:
    marks = _marks(body)
    first = block.line(offset)
    found = [Found(first, "text before the first answer was left out")] if marks and body[:marks[0]].strip() else []
    answers = []
    for start, end in zip(marks, [*marks[1:], len(body)], strict=True):
        text, weight, dropped = _answer(block, body, start, end, offset)
        answers.append((text, weight, block.line(offset + start)))
        found += dropped
    equals = sum(1 for m in marks if body[m] == "=")
    # As Moodle decides: no '~' is a short-answer question; an '=' makes it single-answer.
    if equals == len(marks):
        raise Unsupported(Found(first, "a short-answer question (only = answers) cannot be represented"))
    if equals > 1:
        raise Unsupported(Found(first, "more than one '=' answer: mark several right answers with %weights% "
                                       "and '~' instead"))
    if equals == 1:
        found += [Found(line, f"partial credit ({weight:g}%) has no place in a single-answer question; "
                              "the answer is kept as wrong") for _, weight, line in answers if 0 < weight < 100]
    draft.type = "single" if equals else "multiple"
    draft.options = [(text, weight >= 100 if equals else weight > 0) for text, weight, _ in answers]
    return found


def read_block(block: Block) -> tuple[Draft | None, list[Found]]:
    """Return the question in BLOCK as a draft (or None) and everything that could not be represented."""
    text, first = block.text, block.line(0)
    opened = find(text, "{")
    if opened == -1:
        return None, [Found(first, "no answers in { }: only questions with answers can be imported")]
    closed = find(text, "}", opened + 1)
    if closed == -1:
        return None, [Found(block.line(opened), "the answers opened with '{' on this line are never closed with '}'")]
    if text[closed + 1:].strip():
        return None, [Found(block.line(closed), "text after the answers (a missing-word question) "
                                                "cannot be represented")]
    stem = _stem(text[:opened])
    if not stem:
        return None, [Found(first, "the question has no text before '{'")]
    body, *general = split_unescaped(text[opened + 1:closed], "####")
    draft = Draft(first, "single", stem, explanation=unescape("####".join(general)) or None)
    try:
        return draft, _formatting(text[:opened], first) + _fill(block, draft, body, opened + 1)
    except Unsupported as exc:
        return None, list(exc.args)


def _formatting(head: str, line: int) -> list[Found]:
    # The library holds plain text: say so when the author wrote HTML or Markdown, kept as typed.
    tag = FORMAT_TAG.match(head.strip().split("::")[-1].strip())
    if tag and tag.group(1) != "plain":
        return [Found(line, f"[{tag.group(1)}] formatting is kept as typed, tags and all: check the text",
                      lost=False)]
    return []


def _fill(block: Block, draft: Draft, body: str, offset: int) -> list[Found]:
    stripped = body.strip()
    if not stripped:
        raise Unsupported(Found(block.line(offset), "an essay question (empty { }) cannot be represented"))
    if stripped.startswith("#"):
        raise Unsupported(Found(block.line(offset), "a numerical question ({#...}) cannot be represented"))
    true_false = TRUE_FALSE.match(stripped)
    if true_false:
        draft.type, draft.answer = "true-false", true_false.group(1).startswith("T")
        dropped = true_false.group(2) and unescape(true_false.group(2).replace("#", " "))
        return [Found(block.line(offset), "true-false feedback for each answer was left out")] if dropped else []
    return _choices(block, draft, body, offset)


def read(source: str) -> tuple[list[Draft], list[Found]]:
    """Return the questions in GIFT SOURCE and, with line numbers, everything not represented."""
    drafts, found = [], []
    for block in blocks(source):
        draft, problems = read_block(block)
        found += problems
        if draft is not None:
            drafts.append(draft)
    return drafts, found
