"""Read Moodle Aiken into drafts, reporting every line that breaks Aiken's rules."""

from __future__ import annotations

import re

from kit.quiz.drafts import Draft, Found

OPTION = re.compile(r"^([A-Z])[.)][ \t]+(.*)$")
ANSWER = re.compile(r"^ANSWER:\s*(.*)$")
TRUE_FALSE_WORDS = ({"true", "false"}, {"gwir", "anwir"}, {"gwir", "gau"})


class _Reader:
    """The question being read, and the drafts and problems so far."""

    def __init__(self) -> None:
        self.drafts: list[Draft] = []
        self.found: list[Found] = []
        self.stem: str | None = None
        self.line = 0
        self.options: list[tuple[str, str]] = []

    def unfinished(self) -> None:
        if self.stem is not None:
            self.found.append(Found(self.line, "this question never gets its 'ANSWER: X' line, so it was left out"))
        self.stem, self.options = None, []

    def text(self, number: int, line: str) -> None:
        if self.stem is not None and self.options:
            self.unfinished()
        if self.stem is None:
            self.stem, self.line = line, number
        else:
            self.stem += " " + line  # Aiken wants one line; a wrapped question is joined back

    def option(self, number: int, label: str, text: str) -> None:
        if self.stem is None:
            self.found.append(Found(number, f"option {label} comes before any question"))
        elif label in dict(self.options):
            self.found.append(Found(number, f"a second option {label} in the same question"))
        else:
            self.options.append((label, text.strip()))

    def answer(self, number: int, value: str) -> None:
        labels = dict(self.options)
        if self.stem is None:
            self.found.append(Found(number, "'ANSWER:' comes before any question"))
        elif len(self.options) < 2:
            self.found.append(Found(number, "a question needs at least two options (A. ..., B. ...)"))
        elif value not in labels:
            known = ", ".join(labels)
            self.found.append(Found(number, f"'ANSWER: {value}' names no option of this question (options: {known})"))
        else:
            self.drafts.append(self._draft(value))
        self.stem, self.options = None, []

    def _draft(self, right: str) -> Draft:
        words = {text.casefold() for _, text in self.options}
        if len(self.options) == 2 and words in TRUE_FALSE_WORDS:
            answer = dict(self.options)[right].casefold() in ("true", "gwir")
            return Draft(self.line, "true-false", self.stem, answer=answer)
        return Draft(self.line, "single", self.stem, [(text, label == right) for label, text in self.options])


def read(source: str) -> tuple[list[Draft], list[Found]]:
    """Return the questions in Aiken SOURCE and, with line numbers, everything not represented."""
    reader = _Reader()
    for number, raw in enumerate(source.splitlines(), 1):
        line = raw.strip()
        option, answer = OPTION.match(line), ANSWER.match(line)
        if not line:
            continue
        if option:
            reader.option(number, option.group(1), option.group(2))
        elif answer:
            reader.answer(number, answer.group(1).strip())
        else:
            reader.text(number, line)
    reader.unfinished()
    return reader.drafts, reader.found
