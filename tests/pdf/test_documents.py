"""The kinds, their names and metadata, determinism, and the documents' words and shapes."""

from __future__ import annotations

import re
from collections import Counter

import pypdfium2 as pdfium
import pytest

from kit import pdf
from kit.pdf import KINDS, RenderOptions, render, render_document
from kit.pdf.cards import CARD, COLUMNS, ROWS, corner
from kit.pdf.flowables import QRCode
from kit.pdf.story import Context
from tests.pdf.conftest import LANGS, pdf_pages, pdf_text, plan_ids, squash

EDITIONS = [(nation, lang) for nation, langs in LANGS.items() for lang in langs]


def test_the_registry_holds_every_kind():
    assert list(KINDS) == ["lesson-plan", "handout", "handout-a5", "quiz", "answer-key", "cards",
                           "poster", "parent-letter", "pack", "answer-cards", "teacher-sheet"]
    assert all(k.id == key and k.title for key, k in KINDS.items())


def test_unknown_kind_is_a_plain_value_error(make_teaching_session):
    with pytest.raises(ValueError, match="unknown document kind 'nope'; known kinds: lesson-plan"):
        render("nope", make_teaching_session())


def test_kit_pdf_never_imports_flask():
    import ast
    from pathlib import Path

    for path in Path(pdf.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in getattr(node, "names", [])] + [getattr(node, "module", "")]
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                assert not any((n or "").split(".")[0] in ("flask", "werkzeug") for n in names), path
                assert not any((n or "").startswith("kit.web") for n in names), path


@pytest.mark.parametrize("kind", KINDS)
def test_filenames_are_safe(make_teaching_session, kind):
    # A pupil session: every kind serves it, under its own id (a letter for other readers is named for them).
    name = KINDS[kind].filename(make_teaching_session("lower-secondary-core", nation="wales", lang="bilingual"))
    assert re.fullmatch(r"[a-z0-9-]+\.pdf", name) and name.startswith(kind)
    assert KINDS["handout"].filename(make_teaching_session("lower-secondary-core", "wales")) == \
        "handout-lower-secondary-core-wales.pdf"


def test_large_print_comes_on_a4_only(make_teaching_session):
    # At 18 pt an A5 side holds about three steps: a large-print A5 ran to 5-8 part-empty pages.
    session = make_teaching_session("lower-secondary-core", large_print=True)
    assert [k for k in KINDS if not KINDS[k].serves(session)] == ["handout-a5"]
    with pytest.raises(ValueError, match="no large-print edition; large print comes on A4"):
        render("handout-a5", make_teaching_session("lower-secondary-core"), RenderOptions(large_print=True))
    assert render("handout", session).startswith(b"%PDF")


@pytest.mark.parametrize("nation, lang", EDITIONS)
@pytest.mark.parametrize("plan_id", plan_ids())
def test_every_edition_builds(make_teaching_session, library, plan_id, nation, lang):
    if nation not in library.plans[plan_id].nations:
        pytest.skip("plan not offered in this nation")
    session = make_teaching_session(plan_id, nation, lang)
    for kind in ("pack", "handout-a5"):
        document = pdfium.PdfDocument(render(kind, session))
        assert len(document) >= 1
        document.close()


@pytest.mark.parametrize("kind", KINDS)
def test_builds_are_byte_identical(make_teaching_session, kind):
    session = make_teaching_session(nation="wales", lang="bilingual")
    assert render(kind, session) == render(kind, session)


@pytest.mark.parametrize("lang, code", [("en", b"en-GB"), ("cy", b"cy"), ("bilingual", b"cy")])
def test_metadata_names_title_subject_author_and_language(make_teaching_session, lang, code):
    data = render("handout", make_teaching_session(nation="wales", lang=lang), RenderOptions("Heddlu Gwent"))
    meta = pdfium.PdfDocument(data).get_metadata_dict()
    assert meta["Author"] == "Heddlu Gwent"
    assert meta["Title"] and meta["Subject"]
    assert b"/Lang (" + code + b")" in data


def test_class_set_repeats_the_handout_page_by_page(make_teaching_session):
    session = make_teaching_session()
    one = render_document("handout", session)
    many = render_document("handout", session, RenderOptions(copies=30))
    assert len(many.qr_urls) == 30 * len(one.qr_urls)
    assert len(many.pdf) <= 1.3 * len(one.pdf)


@pytest.mark.parametrize("copies, sheets", [(0, 1), (-5, 1), (3, 3), (10_000, 200)])
def test_copies_are_clamped(make_teaching_session, copies, sheets):
    rendered = render_document("poster", make_teaching_session(), RenderOptions(copies=copies))
    assert len(rendered.qr_urls) == sheets


def test_a5_handout_prints_two_copies_per_sheet(make_teaching_session):
    session = make_teaching_session()
    a4 = render_document("handout", session)
    a5 = render_document("handout-a5", session)
    # Each sheet holds two copies of one page; the A5 short form prints some of the A4's codes.
    assert all(n == 2 for sheet in a5.qr_urls for n in Counter(sheet).values())
    drawn = {url for sheet in a5.qr_urls for url in sheet}
    assert drawn and drawn <= {url for sheet in a4.qr_urls for url in sheet}
    page = pdfium.PdfDocument(a5.pdf)[0]
    assert page.get_size()[0] > page.get_size()[1]  # A4 landscape


@pytest.mark.parametrize("copies, sheets", [(1, 2), (8, 2), (9, 4), (30, 8)])
def test_cards_print_eight_to_a_sheet_fronts_then_backs(make_teaching_session, copies, sheets):
    session = make_teaching_session()
    rendered = render_document("cards", session, RenderOptions(copies=copies))
    assert len(rendered.qr_urls) == sheets
    assert rendered.qr_urls[0::2] == [[]] * (sheets // 2)  # fronts: steps only
    per_card = len(rendered.qr_urls[1]) // 8  # two codes where both addresses fit under them, else one
    assert per_card in (1, 2) and all(len(back) == 8 * per_card for back in rendered.qr_urls[1::2])


@pytest.mark.parametrize("plan_id", plan_ids())
@pytest.mark.parametrize("nation, lang", [("england", "en"), ("northern-ireland", "en"), ("wales", "bilingual")])
def test_every_word_on_a_card_is_inside_the_card(rendered, plan_id, nation, lang):
    # A card is a form clipped to its edge: words placed past it vanish in print while a text
    # search still finds them (a long address lost its last line so).
    cards = [(x, y, x + CARD[0], y + CARD[1]) for x, y in (corner(c, r) for c in range(COLUMNS) for r in range(ROWS))]
    for page in pdf_pages(rendered("cards", plan_id, nation, lang).pdf):
        text = page.get_textpage()
        for i in range(text.count_chars()):
            if text.get_text_range(i, 1).isspace():
                continue
            left, bottom, right, top = text.get_charbox(i)
            assert any(x0 - 0.5 <= left and right <= x1 + 0.5 and y0 - 0.5 <= bottom and top <= y1 + 0.5
                       for x0, y0, x1, y1 in cards), (plan_id, nation, text.get_text_range(max(i - 20, 0), 40))


@pytest.mark.parametrize("nation", ["england", "northern-ireland"])
def test_every_card_keeps_the_crisis_route(make_teaching_session, library, nation):
    # A card short of room drops steps from the end, never the crisis route (issue 9).
    from kit.content.rules import CRISIS, LIFELINE

    for plan in (p for p in library.plans.values() if p.audience in CRISIS):
        words = CRISIS[plan.audience] + ((LIFELINE,) if nation == "northern-ireland"
                                          and plan.audience != "upper-primary" else ())
        text = squash(pdf_text(render("cards", make_teaching_session(plan.id, nation))))
        assert all(squash(w) in text for w in words), (plan.id, nation)


def test_body_text_sizes(make_teaching_session, library):
    assert Context.of(make_teaching_session(), RenderOptions()).st.body.fontSize >= 12
    primary = [p for p in library.plans.values() if p.audience == "upper-primary"]
    if primary:
        assert Context.of(make_teaching_session(primary[0].id), RenderOptions()).st.body.fontSize >= 14
    large = Context.of(make_teaching_session(), RenderOptions(large_print=True))
    assert large.st.body.fontSize >= 18
    assert large.st.body.leading >= 1.3 * large.st.body.fontSize


def test_handout_words_in_order(make_teaching_session):
    session = make_teaching_session("lower-secondary-core")
    text = squash(pdf_text(render("handout", session)))
    now = text.index(squash("What to do if it's happening now"))
    help_ = text.index(squash("Who can help"))
    assert now < help_ < text.rindex(squash("It is not your fault. Tell someone."))
    assert text.endswith(squash("It is not your fault. Tell someone.")) or \
        squash("It is not your fault. Tell someone.") in text[-200:]
    for link in session.links:
        assert squash(link.label.en) in text
        if link.phone:
            assert squash(link.phone) in text


def test_verify_links_are_listed_for_the_officer(make_teaching_session, library):
    for plan_id in plan_ids():
        session = make_teaching_session(plan_id, "scotland")
        verify = [k for k in session.links if k.status == "verify"]
        text = squash(pdf_text(render("lesson-plan", session)))
        if verify:
            assert squash("Check before printing") in text
        for link in verify:
            assert squash(link.organisation) in text
        handout = [u for page in render_document("handout", session).qr_urls for u in page]
        if any(k.url in handout for k in verify):
            assert any(k.status == "ok" and k.url in handout for k in session.links)


def test_lesson_plan_has_safeguarding_curriculum_and_drafts_notice(make_teaching_session):
    session = make_teaching_session("lower-secondary-core", "wales", "bilingual")
    text = squash(pdf_text(render("lesson-plan", session)))
    for words in ("Designated Safeguarding Person (DSP)", "Person Diogelu Dynodedig (DSP)", "do not promise secrecy",
                  "Never view, copy or forward an image", session.nation.curriculum):
        assert squash(words) in text  # Wales names the safeguarding lead its own way (nations.yaml)
    assert squash("(DSL)") not in text
    if session.uses_welsh_drafts():
        assert squash("is a draft that a Welsh speaker has not yet approved") in text
    for year in filter(None, [session.audience.year_names.get("wales")]):
        assert squash(year) in text


@pytest.mark.parametrize("nation, lang, said", [("wales", "cy", True), ("wales", "bilingual", True),
                                               ("wales", "en", False), ("england", "en", False)])
def test_a_welsh_lesson_plan_says_which_officer_text_is_still_english(make_teaching_session, nation, lang, said):
    # The facilitator's words (steps, notes) have no Welsh yet: a Welsh plan says so instead of mixing unannounced.
    session = make_teaching_session("lower-secondary-core", nation, lang)
    text = squash(pdf_text(render("lesson-plan", session)))
    english = any(step.cy is None for m in session.modules for a in m.activities for step in a.steps)
    words = "felly mae'n cael ei argraffu yn Saesneg" if lang == "cy" else "so it prints in English"
    assert (squash(words) in text) == (said and english)


def test_bilingual_prints_welsh_first(make_teaching_session):
    session = make_teaching_session("lower-secondary-core", "wales", "bilingual")
    text = squash(pdf_text(render("handout", session)))
    assert text.index(squash("Beth i'w wneud")) < text.index(squash("What to do if it's"))


def test_phone_only_links_get_numbers_not_codes(make_teaching_session):
    session = make_teaching_session()
    drawn = {u for page in render_document("pack", session).qr_urls for u in page}
    text = squash(pdf_text(render("handout", session)))
    for link in session.links:
        if not link.url:
            assert squash(link.phone or link.text_number) in text
    assert drawn <= {k.url for k in session.links if k.url}


def test_quiz_and_answer_key(make_teaching_session):
    session = make_teaching_session("lower-secondary-core")
    quiz = squash(pdf_text(render("quiz", session)))
    key = squash(pdf_text(render("answer-key", session)))
    for question in session.questions:
        assert squash(question.stem.en) in quiz and squash(question.stem.en) in key
        assert squash(question.explanation.en) in key
        assert squash(question.explanation.en) not in quiz


def test_public_api_matches_the_contract():
    assert set(pdf.__all__) >= {"KINDS", "RenderOptions", "render", "DocumentKind"}
    assert isinstance(QRCode("https://stopncii.org/").size, float)
