"""Documents print the version current when they were downloaded: name, logo, address, links, edition."""

import base64

import pypdfium2 as pdfium

from kit import create_app
from kit.local import versions
from kit.local.logo import safe_logo, safe_png
from tests.local.links import link_yaml
from tests.local.test_logo import INKSCAPE, png
from tests.pdf.conftest import pdf_pages, pdf_text


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
        assert client.post("/local/", data={"organisation": "", "address": "", "links": link_yaml(),
                                                   "mode": "yaml"}).status_code == 302
        assert "www.example.police.uk/schools" in elsewhere.get("/library/links").get_data(as_text=True)
        assert "www.example.police.uk/schools" in client.get("/library/links").get_data(as_text=True)
        assert other.extensions["kit.local"].current.version_id == app.extensions["kit.local"].current.version_id
    finally:
        other.extensions["kit.db"].dispose()


def test_an_svg_logo_prints_as_its_png_and_shows_in_the_twin_as_the_cleaned_svg(client, db, make_user, make_session,
                                                                                auth):
    lead, officer = make_user("lead"), make_user("officer")
    record = make_session(officer, nation="england")
    made = safe_logo(INKSCAPE)
    versions.save(db, lead, versions.Content("Example Constabulary", "", "", made.png, made.svg))
    auth.login(officer.email)
    handout = client.get(f"/sessions/{record.id}/download/handout.pdf").data
    assert images(handout) == 1
    page = next(p.render(scale=1).to_pil().convert("RGB") for p in pdf_pages(handout))
    red = [(x, y) for x in range(page.width // 2, page.width) for y in range(0, 140)
           if page.getpixel((x, y))[0] > 180 and page.getpixel((x, y))[1] < 60]
    assert red, "the logo's red band is not in the banner"
    twin = client.get(f"/sessions/{record.id}/download/handout.html").get_data(as_text=True)
    uri = f'src="data:image/svg+xml;base64,{base64.b64encode(made.svg).decode()}"'
    assert uri in twin and 'alt="Example Constabulary"' in twin
    assert "<script" not in twin and "sodipodi" not in base64.b64decode(twin.split("base64,")[1].split('"')[0]).decode()
