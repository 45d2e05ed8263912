"""Documents print the version current when they were downloaded: name, logo, address, links, edition."""

import pypdfium2 as pdfium

from kit import create_app
from kit.local import versions
from kit.local.logo import safe_png
from tests.local.links import link_yaml
from tests.local.test_logo import png
from tests.pdf.conftest import pdf_text


def keywords(data: bytes) -> str:
    document = pdfium.PdfDocument(data)
    try:
        return document.get_metadata_dict().get("Keywords", "")
    finally:
        document.close()


def images(data: bytes) -> int:
    return data.count(b"/Subtype /Image")


def test_an_officers_documents_follow_the_current_version(app, client, db, make_user, make_session, auth):
    lead, officer = make_user("lead"), make_user("officer")
    record = make_session(officer, nation="england")
    auth.login(officer.email)
    plain = client.get(f"/sessions/{record.id}/download/handout.pdf").data
    assert "Ask our schools officer" not in pdf_text(plain) and keywords(plain) == ""

    first = versions.save(db, lead, versions.Content("Example Constabulary", "HQ, 1 High Street, Exampleton",
                                                     link_yaml(), safe_png(png((600, 200)))))
    handout = client.get(f"/sessions/{record.id}/download/handout.pdf").data
    text = pdf_text(handout)
    assert "Example Constabulary" in text and "Ask our schools officer" in text
    assert images(handout) > images(plain)
    assert keywords(handout).startswith(f"Local content version {first.id}, saved ")
    letter = pdf_text(client.get(f"/sessions/{record.id}/download/parent-letter.pdf").data)
    assert "HQ, 1 High Street, Exampleton" in letter and "Example Constabulary" in letter

    second = versions.save(db, lead, versions.Content("Renamed Police", "", "links: []\n", None))
    again = client.get(f"/sessions/{record.id}/download/handout.pdf").data
    assert "Renamed Police" in pdf_text(again) and "Ask our schools officer" not in pdf_text(again)
    assert keywords(again).startswith(f"Local content version {second.id}, ")
    assert images(again) == images(plain)


def test_every_worker_follows_a_save_at_its_next_request(app, client, make_user, auth):
    """A second app on the same database stands for another gunicorn worker."""
    other = create_app({**{k: app.config[k] for k in ("TESTING", "SECRET_KEY", "DATABASE_URL")},
                        "WTF_CSRF_ENABLED": False})
    try:
        lead = make_user("lead")
        elsewhere = other.test_client()
        elsewhere.post("/login", data={"email": lead.email, "password": "correct horse battery"})
        assert "www.example.police.uk/schools" not in elsewhere.get("/library/links").get_data(as_text=True)
        auth.login(lead.email)
        assert client.post("/local/", data={"organisation": "", "address": "", "links": link_yaml()}).status_code == 302
        assert "www.example.police.uk/schools" in elsewhere.get("/library/links").get_data(as_text=True)
        assert "www.example.police.uk/schools" in client.get("/library/links").get_data(as_text=True)
        assert other.extensions["kit.local"].current.version_id == app.extensions["kit.local"].current.version_id
    finally:
        other.extensions["kit.db"].dispose()
