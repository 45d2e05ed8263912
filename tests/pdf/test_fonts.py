"""The embedded font has a glyph for every character the library and the fixed labels print."""

from __future__ import annotations

import pytest

from kit.content.questiontypes import TYPES
from kit.content.text import texts
from kit.pdf import fonts, labels, render


def library_characters(library) -> set[str]:
    """Return every character of every English and Welsh text in LIBRARY."""
    items = [*library.audiences.values(), *library.nations.values(), *library.links.values(),
             *library.modules.values(), *library.questions.values(), *library.plans.values()]
    chars = set()
    for item in items:
        for _, text in texts(item):
            chars.update(text.en + (text.cy or ""))
    for link in library.links.values():
        chars.update((link.phone or "") + (link.text_number or "") + (link.hours or "") + (link.url or ""))
    return chars


def label_characters() -> set[str]:
    """Return every character of the fixed words the documents print."""
    chars = set()
    instructions = [t.instruction for t in TYPES.values()]
    for words in (*labels.LABELS.values(), *labels.SAFEGUARDING, *labels.GROUND_RULES, *labels.TALK, *instructions):
        chars.update("".join(words.values()))
    return chars | set("•☐→“”…·′–")


@pytest.mark.parametrize("face", list(fonts.FACES))
def test_every_library_character_has_a_glyph(library, face):
    assert fonts.missing_glyphs("".join(library_characters(library)), face) == set()


@pytest.mark.parametrize("face", list(fonts.FACES))
def test_every_label_character_has_a_glyph(face):
    assert fonts.missing_glyphs("".join(label_characters()), face) == set()


def test_welsh_and_typographic_characters_are_covered():
    assert fonts.missing_glyphs("ŵŷŴŶâêîôûÂÊÎÔÛáéíóúẁẃẅỳýÿ‘’“”£–—…") == set()


def test_the_check_finds_a_missing_glyph():
    assert fonts.missing_glyphs("a\u2ea0b") == {"\u2ea0"}


def test_only_the_embedded_subset_font_is_used(make_teaching_session):
    data = render("pack", make_teaching_session(nation="wales", lang="bilingual"))
    assert b"/FontFile2" in data
    assert b"+SourceSansPro" in data
