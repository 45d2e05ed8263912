"""Answer cards: one numbered A–D card per pupil, big high-contrast letters, no names."""

from __future__ import annotations

import pytest

from kit.pdf import RenderOptions, render
from kit.pdf.answer_cards import COLOURS
from kit.pdf.options import MAX_COPIES
from tests.pdf.conftest import pdf_pages, pdf_text


def luminance(colour) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in colour.rgb())
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


@pytest.mark.parametrize(("group_size", "copies", "pages"), [
    (None, 1, 30), (24, 1, 24), (24, 5, 5), (None, MAX_COPIES + 50, MAX_COPIES),
])
def test_one_card_per_pupil(make_teaching_session, group_size, copies, pages):
    session = make_teaching_session("lower-secondary-core", group_size=group_size)
    data = render("answer-cards", session, RenderOptions(copies=copies))
    assert len(list(pdf_pages(data))) == pages
    text = pdf_text(data)
    assert f"Card {pages} of {pages}" in text
    for letter in "ABCD":
        assert letter in text.split()


def test_cards_are_numbered_never_named(make_teaching_session):
    session = make_teaching_session("upper-primary-core", group_size=3, school="Ysgol Example")
    text = pdf_text(render("answer-cards", session))
    assert "Ysgol Example" not in text
    assert "No names" in text


def test_bilingual_cards_print_welsh_first(make_teaching_session):
    session = make_teaching_session("lower-secondary-core", nation="wales", lang="bilingual", group_size=2)
    assert "Cerdyn 1 o 2 / Card 1 of 2" in pdf_text(render("answer-cards", session))


@pytest.mark.parametrize(("ground", "ink"), COLOURS)
def test_every_letter_has_high_contrast(ground, ink):
    light, dark = sorted((luminance(ground), luminance(ink)), reverse=True)
    assert (light + 0.05) / (dark + 0.05) >= 7
