"""Leads edit the force's own content in the browser: saved as versions, refused whole, restored exactly."""

import base64
import io
import zlib

import pytest
from sqlalchemy import func, select

from kit.db import LocalVersion
from kit.local.logo import safe_logo, safe_png
from tests.local.links import link_yaml
from tests.local.test_logo import INKSCAPE, SVG_SCRIPT, png

# Every route of the area: officers get 404 on each (tests/web/test_access.py lists them too).
LOCAL_ROUTES = [("GET", "/local/"), ("POST", "/local/"), ("GET", "/local/history"),
                ("POST", "/local/versions/{id}/restore"), ("GET", "/local/versions/{id}/logo.png")]


def form(organisation="Example Constabulary", address="HQ, 1 High Street, Exampleton EX1 1AA", links=None,
         logo=None, **extra) -> dict:
    data = {"organisation": organisation, "address": address, "links": link_yaml() if links is None else links,
            "mode": "yaml"}  # the advanced way: links as YAML (test_link_form.py edits them field by field)
    if logo is not None:
        data["logo"] = (io.BytesIO(logo), "logo.png")
    return data | extra


def rows(db) -> int:
    db.expire_all()
    return db.scalar(select(func.count()).select_from(LocalVersion))


def newest(db) -> LocalVersion:
    db.expire_all()
    return db.scalar(select(LocalVersion).order_by(LocalVersion.id.desc()).limit(1))


@pytest.mark.parametrize("method, url", LOCAL_ROUTES)
def test_officers_cannot_reach_any_editing_route(client, make_user, db, officer, method, url):
    from kit.local import versions

    saved = versions.save(db, make_user("lead"), versions.Content("Lead's", "", "", safe_png(png())))
    response = client.open(url.format(id=saved.id), method=method, data=form())
    assert response.status_code == 404
    assert rows(db) == 1


@pytest.mark.parametrize("method, url", LOCAL_ROUTES)
def test_anonymous_users_are_sent_to_sign_in(client, method, url):
    response = client.open(url.format(id=1), method=method, data=form())
    assert response.status_code == 302 and "/login" in response.location


def test_a_lead_saves_a_version_with_who_and_when(client, db, lead):
    response = client.post("/local/", data=form(logo=png((900, 300))), content_type="multipart/form-data")
    assert response.status_code == 302
    row = newest(db)
    assert (row.organisation, row.author_email, row.author_id) == ("Example Constabulary", lead.email, lead.id)
    assert row.created_at is not None and row.links_yaml == link_yaml()
    assert row.logo_png == safe_png(png((900, 300)))  # stored re-encoded, never as uploaded
    page = client.get("/local/").get_data(as_text=True)
    assert f"Version {row.id}, saved by {lead.email}" in page and "Saved as version" in page
    assert client.get(f"/local/versions/{row.id}/logo.png").data == row.logo_png


@pytest.mark.parametrize("fields, field, says", [
    ({"links": link_yaml(url="http://www.example.police.uk/")}, "links", "Line 7: links[0].url: "),
    ({"links": link_yaml(id="childline")}, "links", "duplicate link id &#39;childline&#39;"),
    ({"organisation": "x" * 90}, "organisation", "organisation"),
    ({"logo": SVG_SCRIPT}, "logo", "This SVG has a script (&lt;script&gt;)."),
    ({"logo": b"not a picture"}, "logo", "neither a PNG nor an SVG"),
])
def test_a_bad_edit_gets_a_form_error_and_changes_nothing(client, db, lead, fields, field, says):
    assert client.post("/local/", data=form(), content_type="multipart/form-data").status_code == 302
    before = newest(db)
    response = client.post("/local/", data=form(**fields), content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "There is a problem" in page
    assert f'id="{field}-error"' in page and says in page
    assert rows(db) == 1 and newest(db).id == before.id


def test_restore_brings_back_the_earlier_version_exactly_as_a_new_one(client, db, lead):
    client.post("/local/", data=form(logo=png()), content_type="multipart/form-data")
    first = newest(db)
    client.post("/local/", data=form(organisation="Renamed", address="", links="links: []\n", remove_logo="y"),
                content_type="multipart/form-data")
    assert newest(db).logo_png is None
    response = client.post(f"/local/versions/{first.id}/restore")
    assert response.status_code == 302
    again = newest(db)
    assert again.id == first.id + 2 and again.reverted_from == first.id
    for name in ("organisation", "address", "links_yaml", "logo_png"):
        assert getattr(again, name) == getattr(first, name), name
    assert rows(db) == 3  # nothing rewritten: the renamed version is still in the history
    history = client.get("/local/history").get_data(as_text=True)
    assert "Renamed" in history and f"restored version {first.id}" in history
    assert client.post("/local/versions/999/restore").status_code == 404


def test_an_svg_logo_is_kept_cleaned_with_the_png_the_documents_print(client, db, lead):
    response = client.post("/local/", data=form(logo=INKSCAPE), content_type="multipart/form-data")
    assert response.status_code == 302
    row = newest(db)
    assert row.logo_svg.startswith(b"<svg") and b"sodipodi" not in row.logo_svg
    assert (row.logo_png, row.logo_svg) == (safe_logo(INKSCAPE).png, safe_logo(INKSCAPE).svg)
    assert "(drawn from your SVG)" in client.get("/local/").get_data(as_text=True)
    assert "with SVG logo" in client.get("/local/history").get_data(as_text=True)
    # Saving again without choosing a file keeps the SVG and its PNG: nothing changed, no version.
    client.post("/local/", data=form(), content_type="multipart/form-data")
    assert rows(db) == 1


def test_a_logo_chosen_in_a_refused_form_is_kept_for_the_next_save(client, db, lead):
    bad_links = link_yaml(url="http://www.example.police.uk/")
    response = client.post("/local/", data=form(links=bad_links, logo=INKSCAPE), content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "is kept with this form" in page and rows(db) == 0
    kept = page.split('name="pending_logo" type="hidden" value="')[1].split('"')[0]
    # The lead corrects the links and saves without choosing the file again.
    response = client.post("/local/", data=form(pending_logo=kept), content_type="multipart/form-data")
    assert response.status_code == 302
    assert newest(db).logo_svg == safe_logo(INKSCAPE).svg and newest(db).logo_png == safe_logo(INKSCAPE).png


@pytest.mark.parametrize("kept, says", [
    (base64.b64encode(zlib.compress(SVG_SCRIPT)).decode(), "This SVG has a script"),  # checked again, like an upload
    ("not base64 at all!", "The logo kept with the form could not be read: choose the file again."),
    (base64.b64encode(zlib.compress(b"\0" * 5_000_000)).decode(), "the most is 200 KB"),  # a zip bomb stops early
])
def test_a_kept_logo_is_checked_again_like_an_upload(client, db, lead, kept, says):
    response = client.post("/local/", data=form(pending_logo=kept), content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and says in page and rows(db) == 0


def test_the_history_counts_the_links_each_version_lists(client, db, lead):
    two = link_yaml() + link_yaml(id="force-helpline").removeprefix("links:\n")
    client.post("/local/", data=form(links=two), content_type="multipart/form-data")
    client.post("/local/", data=form(links="links: []\n", organisation="None listed"),
                content_type="multipart/form-data")
    cells = [row.split("</td>")[4].removeprefix("\n    <td>") for row in
             client.get("/local/history").get_data(as_text=True).split('<tr id="version-')[1:]]
    assert cells == ["0", "2"]


def test_the_unchanged_form_saves_no_version(client, db, lead):
    client.post("/local/", data=form(), content_type="multipart/form-data")
    page = client.post("/local/", data=form(), content_type="multipart/form-data", follow_redirects=True)
    assert "Nothing changed" in page.get_data(as_text=True) and rows(db) == 1


class TestWithCsrf:
    """The forms carry the CSRF token like every other form."""

    @pytest.fixture
    def app_config(self):
        return {"WTF_CSRF_ENABLED": True}

    def test_saving_and_restoring_without_a_token_are_refused(self, client, make_user, db):
        from kit.local import versions
        from tests.web.conftest import PASSWORD

        user = make_user("lead")
        saved = versions.save(db, user, versions.Content("Kept"))
        page = client.get("/login").get_data(as_text=True)
        token = page.split('name="csrf_token" value="')[1].split('"')[0]
        client.post("/login", data={"email": user.email, "password": PASSWORD, "csrf_token": token})
        assert client.post("/local/", data=form()).status_code == 400
        assert client.post(f"/local/versions/{saved.id}/restore").status_code == 400
        assert rows(db) == 1
