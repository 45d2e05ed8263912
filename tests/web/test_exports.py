"""Preview and downloads: PDFs with safe names; nothing about the session changes."""

import pypdfium2 as pdfium
import pytest

from kit.pdf import KINDS
from kit.web.exports import DOCUMENTS, download_name


@pytest.mark.parametrize("kind", list(DOCUMENTS))
def test_every_document_downloads_as_a_pdf(client, officer, make_session, kind):
    record = make_session(officer, nation="wales", lang="bilingual")
    response = client.get(f"/sessions/{record.id}/download/{kind}.pdf")
    assert response.status_code == 200
    assert response.data.startswith(b"%PDF-")
    assert response.mimetype == "application/pdf"
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment; filename=") and disposition.endswith('.pdf')
    assert disposition.isascii() and "\r" not in disposition and "\n" not in disposition


def test_every_document_the_pages_offer_is_a_kind_kit_pdf_renders():
    assert set(DOCUMENTS) <= set(KINDS)


def test_an_unknown_document_is_not_found(client, officer, make_session):
    record = make_session(officer)
    assert client.get(f"/sessions/{record.id}/download/secrets.pdf").status_code == 404


def test_preview_shows_plan_handout_and_links(client, officer, make_session):
    record = make_session(officer)
    page = client.get(f"/sessions/{record.id}/preview").get_data(as_text=True)
    assert "Handout" in page and "Lesson plan" in page and "Where to get help" in page
    for kind in DOCUMENTS:
        assert f"/download/{kind}.pdf" in page


@pytest.mark.parametrize("audience, letter, teacher", [("lower-secondary", "Letter to parents and carers", True),
                                                     ("parents-carers", "Invitation for parents and carers", False),
                                                     ("professionals", "Staff briefing", False)])
def test_the_preview_offers_what_the_audience_uses_named_for_its_reader(client, officer, make_session,
                                                                        audience, letter, teacher):
    page = client.get(f"/sessions/{make_session(officer, audience).id}/preview").get_data(as_text=True)
    assert letter in page and f'alt="{letter}, page 1 of' in page and 'alt="Handout, page 1 of' in page
    assert ("/download/teacher-sheet.pdf" in page) == teacher  # a parents' evening has no class teacher
    download = client.get(f"/sessions/{make_session(officer, audience).id}/download/parent-letter.pdf")
    stem = "parent-letter" if teacher else letter.lower().replace(" ", "-")
    assert download.headers["Content-Disposition"].startswith(f"attachment; filename={stem}-")


def test_a_large_print_session_offers_no_a5_handout_and_says_why(client, officer, make_session):
    record = make_session(officer, large_print=True)
    page = client.get(f"/sessions/{record.id}/preview").get_data(as_text=True)
    assert "/download/handout.pdf" in page and "/download/handout-a5.pdf" not in page
    assert "Large print comes on A4" in page
    assert client.get(f"/sessions/{record.id}/download/handout-a5.pdf").status_code == 404
    usual = make_session(officer)
    assert client.get(f"/sessions/{usual.id}/download/handout-a5.pdf").status_code == 200


@pytest.mark.parametrize("audience", ["lower-secondary", "parents-carers"])
@pytest.mark.parametrize("nation", ["england", "northern-ireland"])
def test_the_preview_lists_one_crisis_route_the_nations_own(client, officer, make_session, audience, nation):
    page = client.get(f"/sessions/{make_session(officer, audience, nation=nation).id}/preview").get_data(as_text=True)
    messages = page[page.index("Key messages"):page.index("Where to get help")]
    crisis = [line for line in messages.split("<li>") if "hurting" in line]
    assert len(crisis) == 1  # Northern Ireland's route names Lifeline instead of the others' route, not beside it
    assert ("Lifeline" in crisis[0]) == (nation == "northern-ireland")


@pytest.mark.parametrize("name, kind, expected", [
    ("handout-lower-secondary-core.pdf", "handout", "handout-lower-secondary-core.pdf"),
    ("../../etc/passwd", "handout", "etc_passwd.pdf"),
    ("evil\r\nSet-Cookie: x=1.pdf", "quiz", "evil_Set-Cookie_x1.pdf"),
    ("CON.pdf", "poster", "poster-CON.pdf"),
    ("nul", "pack", "pack-nul.pdf"),
    ("", "cards", "cards.pdf"),
    ("Taflen-ŵŷ-ysgol.pdf", "handout", "Taflen-wy-ysgol.pdf"),
    ("....", "quiz", "quiz.pdf"),
])
def test_download_names_are_safe(name, kind, expected):
    safe = download_name(name, kind)
    assert safe == expected
    assert safe.isascii() and "/" not in safe and "\\" not in safe and safe.endswith(".pdf")


def test_markup_typed_by_an_officer_prints_literally(client, officer, make_session, db):
    record = make_session(officer)
    notes = '<b>DSL</b> <font color="[[[x]]]">Ms Jones</font> <img src="/etc/passwd"/>'
    client.post(f"/sessions/{record.id}/notes", data={"version": 1, "school_notes": notes})
    data = client.get(f"/sessions/{record.id}/download/lesson-plan.pdf").data
    pdf = pdfium.PdfDocument(data)
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    pdf.close()
    squashed = "".join(text.split())
    assert '<b>DSL</b>' in squashed and '<imgsrc="/etc/passwd"/>' in squashed


def test_a_saved_change_is_never_served_from_the_cache(client, officer, make_session):
    record = make_session(officer)
    url = f"/sessions/{record.id}/download/lesson-plan.pdf"
    first = client.get(url).data
    assert client.get(url).data == first
    client.post(f"/sessions/{record.id}/notes", data={"version": 1, "school_notes": "Cached? No"})
    pdf = pdfium.PdfDocument(client.get(url).data)
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    pdf.close()
    assert "Cached? No" in text


def test_preview_shows_each_page_as_an_image_the_app_draws(client, officer, make_session):
    from kit.web.exports import PREVIEW_KINDS

    record = make_session(officer, nation="wales", lang="bilingual")
    page = client.get(f"/sessions/{record.id}/preview").get_data(as_text=True)
    for kind in PREVIEW_KINDS:
        assert f"/preview/{kind}/1.png" in page
        image = client.get(f"/sessions/{record.id}/preview/{kind}/1.png")
        assert image.status_code == 200 and image.mimetype == "image/png" and image.data.startswith(b"\x89PNG")
    assert 'lang="cy"' in page and "Handout: Welsh" in page and "Handout: English" in page
    assert client.get(f"/sessions/{record.id}/preview/handout/99.png").status_code == 404
    assert client.get(f"/sessions/{record.id}/preview/pack/1.png").status_code == 404


@pytest.mark.parametrize("title, school, day, lang, expected", [
    ("Year 6", "St Mary's", "2026-12-08", "en", "handout-year-6-st-marys-2026-12-08.pdf"),
    ("Year 6", "St John’s", "2026-12-09", "en", "handout-year-6-st-johns-2026-12-09.pdf"),
    ("Blwyddyn 8: ŵyr", "Ysgol Gŵyr", None, "cy", "handout-blwyddyn-8-wyr-ysgol-gwyr-cy.pdf"),
])
def test_downloads_are_named_after_the_session(client, officer, make_session, title, school, day, lang, expected):
    import datetime as dt

    record = make_session(officer, title=title, school=school, nation="wales", lang=lang,
                          date=dt.date.fromisoformat(day) if day else None)
    disposition = client.get(f"/sessions/{record.id}/download/handout.pdf").headers["Content-Disposition"]
    assert disposition == f"attachment; filename={expected}"


@pytest.mark.parametrize("kind, ext, mimetype, words", [
    ("handout", "html", "text/html", "<h2>Who can help</h2>"),
    ("handout-a5", "html", "text/html", '<section lang="cy">'),
    ("poster", "html", "text/html", '<section lang="en-GB">'),
    ("parent-letter", "html", "text/html", "<!doctype html>"),
    ("parent-letter", "txt", "text/plain", "https://"),
])
def test_accessible_versions_download_from_the_preview(client, officer, make_session, kind, ext, mimetype, words):
    record = make_session(officer, nation="wales", lang="bilingual")
    page = client.get(f"/sessions/{record.id}/preview").get_data(as_text=True)
    url = f"/sessions/{record.id}/download/{kind}.{ext}"
    assert f'href="{url}"' in page
    response = client.get(url)
    assert response.status_code == 200 and response.mimetype == mimetype
    assert words in response.get_data(as_text=True)
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment; filename=") and disposition.endswith(f'.{ext}')


@pytest.mark.parametrize("url", ["quiz.html", "lesson-plan.html", "handout.txt", "secrets.html", "pack.txt"])
def test_documents_without_an_accessible_version_are_not_found(client, officer, make_session, url):
    record = make_session(officer)
    assert client.get(f"/sessions/{record.id}/download/{url}").status_code == 404


def test_letters_are_signed_with_the_officers_name_and_role(client, officer, make_session):
    record = make_session(officer)
    letter = f"/sessions/{record.id}/download/parent-letter.txt"
    assert "your local police schools officer" in client.get(letter).get_data(as_text=True)
    response = client.post("/account/signature", data={"signature": "PC Sam  Jones, Schools Officer"})
    assert response.status_code == 302
    text = client.get(letter).get_data(as_text=True)
    assert "PC Sam Jones, Schools Officer" in text and "your local police schools officer" not in text
    pdf = pdfium.PdfDocument(client.get(f"/sessions/{record.id}/download/parent-letter.pdf").data)
    printed = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    pdf.close()
    assert "PC Sam Jones, Schools Officer" in printed
    assert "PC Sam Jones" in client.get(f"/sessions/{record.id}/preview").get_data(as_text=True)


def test_a_signature_too_long_for_a_letter_is_refused_and_kept(client, officer):
    response = client.post("/account/signature", data={"signature": "PC " + "x" * 130})
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "At most 120 characters fit on a letter" in page
    assert "x" * 130 in page
