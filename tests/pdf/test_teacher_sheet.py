"""The class teacher's "before and after the visit" sheet: one page, its text from the library."""

from __future__ import annotations

import pytest

from kit.pdf import render
from kit.pdf.flowables import short_url
from tests.pdf.conftest import pdf_pages, pdf_text, plan_ids, squash


@pytest.mark.parametrize("plan_id", plan_ids())
@pytest.mark.parametrize(("nation", "lang"), [("england", "en"), ("wales", "bilingual")])
def test_one_page_with_the_lead_in_follow_up_and_signposting(make_teaching_session, plan_id, nation, lang):
    session = make_teaching_session(plan_id, nation, lang)
    data = render("teacher-sheet", session)
    assert len(list(pdf_pages(data))) == 1
    text = squash(pdf_text(data))
    sheet = session.audience.teacher
    if sheet is None:
        assert squash("This audience has no class teacher activities") in text
    else:
        for line in (*sheet.lead_in, *sheet.follow_up):
            assert squash(line.en) in text
    for link in session.links:
        assert squash(link.organisation) in text
        if link.url:
            assert squash(short_url(link.url)) in text
    assert "{" not in text and squash(session.nation.safeguarding_lead_short.en) in text  # names filled in


@pytest.mark.parametrize("plan_id", ["upper-primary-core", "lower-secondary-core"])
@pytest.mark.parametrize("lang", ["cy", "bilingual"])
def test_welsh_and_bilingual_sheets_print_the_librarys_welsh_with_the_draft_notice(
        make_teaching_session, plan_id, lang):
    session = make_teaching_session(plan_id, "wales", lang)
    data = render("teacher-sheet", session)
    assert len(list(pdf_pages(data))) == 1
    text = squash(pdf_text(data))
    lines = (*session.audience.teacher.lead_in, *session.audience.teacher.follow_up)
    assert all(line.cy and squash(line.cy) in text for line in lines)
    assert all((squash(line.en) in text) == (lang == "bilingual") for line in lines)
    assert squash("Mae peth o'r testun Cymraeg yn y sesiwn hon yn ddrafft") in text
    assert squash("Cyn yr ymweliad") in text and squash("Pwy sy'n gallu helpu") in text
    assert (squash("Report to CEOP (under 18)") in text) == (lang == "bilingual")


def test_an_english_sheet_has_no_draft_notice(make_teaching_session):
    text = squash(pdf_text(render("teacher-sheet", make_teaching_session("lower-secondary-core", "wales", "en"))))
    assert squash("draft") not in text


def test_every_pupil_audience_has_teacher_activities(library):
    pupils = [a for a in library.audiences.values() if a.pupil]
    assert pupils and all(a.teacher and a.teacher.lead_in and a.teacher.follow_up for a in pupils)


def test_the_sheet_names_school_and_date_but_no_pupil(make_teaching_session):
    import datetime as dt

    session = make_teaching_session("upper-primary-core", school="Example Primary", date=dt.date(2026, 12, 3))
    text = pdf_text(render("teacher-sheet", session))
    assert "Example Primary" in text and "3 December 2026" in text


def test_the_pack_holds_the_teacher_sheet_and_a_class_set_of_answer_cards(make_teaching_session):
    session = make_teaching_session("lower-secondary-core", group_size=12)
    data = render("pack", session)
    text = squash(pdf_text(data))
    assert squash(session.audience.teacher.lead_in[0].en) in text
    assert squash("Card 12 of 12") in text and squash("Card 13 of") not in text
