"""The builder's "Download the quiz as…": every format downloads, left-out questions are shown."""

import pytest
from markupsafe import escape

from kit.quiz.formats import FORMATS
from kit.quiz.model import Quiz
from tests.quiz import readers

READ = {
    "gift": lambda data: readers.read_gift(data)[0],
    "aiken": readers.read_aiken,
    "moodle-xml": lambda data: readers.read_moodle_xml(data)[0],
    "qti": lambda data: readers.read_qti(data)[0],
    "kahoot": lambda data: readers.read_kahoot(data)[0],
    "csv": readers.read_csv,
}


def test_every_format_has_a_reader():
    assert set(READ) == set(FORMATS)


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_each_format_downloads_the_sessions_questions(client, officer, make_session, library, fmt):
    record = make_session(officer, audience="upper-secondary")
    response = client.get(f"/sessions/{record.id}/quiz/{fmt}")
    assert response.status_code == 200
    disposition = response.headers["Content-Disposition"]
    assert disposition == f"attachment; filename=quiz-upper-secondary-core-england.{FORMATS[fmt].extension}"
    assert response.mimetype == FORMATS[fmt].mimetype.split(";")[0]
    written = READ[fmt](response.data)
    chosen = tuple(library.questions[q] for q in library.plans["upper-secondary-core"].questions)
    # Whatever the format leaves out (Aiken: s-remove's two right answers; Kahoot: long texts) is named,
    # and everything else is in the file.
    left = FORMATS[fmt].write(Quiz("x", chosen)).left_out
    assert len(written) == len(chosen) - len(left)
    assert fmt != "aiken" or [n.question_id for n in left] == ["s-remove"]


def test_the_page_links_every_format_and_names_what_is_left_out(client, officer, make_session):
    record = make_session(officer, audience="upper-secondary")
    page = client.get(f"/sessions/{record.id}/quiz").get_data(as_text=True)
    for fmt in FORMATS:
        assert f"/sessions/{record.id}/quiz/{fmt}?lang=en" in page
    assert "1 question is left out of this file" in page
    assert ("“Which services help under-18s get a nude image taken down or stop it spreading?”</span>: "
            "Aiken holds questions with exactly one right answer; this one has 2.") in page


def test_the_builder_links_to_the_quiz_downloads(client, officer, make_session):
    record = make_session(officer)
    page = client.get(f"/sessions/{record.id}").get_data(as_text=True)
    assert f'href="/sessions/{record.id}/quiz"' in page and "Download the quiz as…" in page


def test_a_bilingual_session_offers_welsh_and_english(client, officer, make_session, library):
    record = make_session(officer, audience="upper-secondary", nation="wales", lang="bilingual")
    page = client.get(f"/sessions/{record.id}/quiz").get_data(as_text=True)
    assert "In Welsh" in page and "In English" in page
    welsh, english = page.split("In English")
    remove = library.questions["s-remove"].stem
    assert f'<span lang="cy">“{escape(remove.cy)}”</span>' in welsh
    assert f'<span lang="en-GB">“{escape(remove.en)}”</span>' in english
    response = client.get(f"/sessions/{record.id}/quiz/csv?lang=cy")
    first = library.questions[library.plans["upper-secondary-core"].questions[0]]
    assert readers.read_csv(response.data)[0]["question"] == first.stem.cy
    assert response.headers["Content-Disposition"].endswith("quiz-upper-secondary-core-wales-cy.csv")


@pytest.mark.parametrize("path", ["quiz/docx", "quiz/gift?lang=cy", "quiz/gift?lang=../x"])
def test_unknown_formats_and_languages_are_not_found(client, officer, make_session, path):
    record = make_session(officer)
    assert client.get(f"/sessions/{record.id}/{path}").status_code == 404


def test_someone_elses_session_quiz_is_not_found(client, officer, make_user, make_session):
    other = make_session(make_user())
    assert client.get(f"/sessions/{other.id}/quiz").status_code == 404
    assert client.get(f"/sessions/{other.id}/quiz/gift").status_code == 404


def test_a_session_without_questions_says_so(client, officer, make_session, library):
    record = make_session(officer)
    client.post(f"/sessions/{record.id}/questions", data={"version": 1})
    page = client.get(f"/sessions/{record.id}/quiz").get_data(as_text=True)
    assert "No questions are chosen yet" in page
    assert "/quiz/gift" not in page


def test_signed_out_visitors_are_sent_to_sign_in(client, make_user, make_session):
    record = make_session(make_user())
    response = client.get(f"/sessions/{record.id}/quiz/gift")
    assert response.status_code == 302 and "/login" in response.headers["Location"]
