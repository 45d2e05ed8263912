"""Malformed input gets a clear 4xx, the same on SQLite and PostgreSQL (never a 500)."""

import pytest
from sqlalchemy import select

from kit.db import SessionRecord, User
from kit.store import sessions as store

BIG_IDS = [str(2**31), str(2**63), "9" * 25]
NEW = {"audience": "lower-secondary", "nation": "england", "lang": "en", "setting": "classroom",
       "lesson_minutes": "60", "use_plan": "y"}


def _version(db, record_id) -> int:
    db.expire_all()
    return db.scalar(select(SessionRecord.version).where(SessionRecord.id == record_id))


@pytest.mark.parametrize("page", ["²", "١", "99999999999999999999999", "-1", "1.5"])
def test_a_page_number_that_is_not_a_whole_number_is_refused(client, officer, page):
    response = client.get(f"/sessions/?page={page}")
    assert response.status_code == 400
    assert "page number in the address must be a whole number" in response.get_data(as_text=True)


@pytest.mark.parametrize("number", BIG_IDS)
@pytest.mark.parametrize("path", ["/sessions/{}", "/sessions/{}/details", "/sessions/{}/preview",
                                  "/sessions/{}/download/handout.pdf"])
def test_ids_past_the_integer_range_are_not_found(client, officer, number, path):
    response = client.get(path.format(number))
    assert response.status_code == 404
    assert "Page not found" in response.get_data(as_text=True)


@pytest.mark.parametrize("number", BIG_IDS)
def test_posts_to_ids_past_the_integer_range_are_not_found(client, officer, number):
    assert client.post(f"/sessions/{number}/notes", data={"version": 1, "school_notes": "x"}).status_code == 404


@pytest.mark.parametrize("version", ["²", "9" * 25, str(2**31), "0"])
def test_a_malformed_version_on_notes_is_refused_by_name(client, officer, make_session, db, version):
    record = make_session(officer)
    response = client.post(f"/sessions/{record.id}/notes", data={"version": version, "school_notes": "DSL"})
    assert response.status_code == 400
    assert "version" in response.get_data(as_text=True)
    assert _version(db, record.id) == 1


@pytest.mark.parametrize("version", ["²", "9" * 25, str(2**31)])
def test_a_malformed_version_on_details_changes_nothing(client, officer, make_session, db, version):
    record = make_session(officer)
    response = client.post(f"/sessions/{record.id}/details", data={**NEW, "school": "X", "version": version})
    assert 400 <= response.status_code < 500
    assert _version(db, record.id) == 1


@pytest.mark.parametrize("text", ['"\\ud800"', '"a\\u0000b"'])
def test_keep_mine_refuses_json_text_no_database_stores(client, officer, make_session, db, text):
    record = make_session(officer)
    spec = '{"audience": "lower-secondary", "title": ' + text + '}'
    response = client.post(f"/sessions/{record.id}/keep-mine", data={"version": 1, "spec": spec})
    assert response.status_code == 400
    assert _version(db, record.id) == 1


def test_a_nul_in_a_title_is_refused_and_named(client, officer, db):
    response = client.post("/sessions/new", data={**NEW, "title": "Year 6\x00"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "title" in page and "NUL" in page
    assert "Year 6" in page  # what was typed is kept on the page
    assert db.scalar(select(SessionRecord)) is None


def test_a_nul_in_a_sign_in_email_is_refused(client, make_user, db):
    user = make_user()
    response = client.post("/login", data={"email": user.email + "\x00", "password": "anything at all"})
    assert response.status_code == 400
    assert "email" in response.get_data(as_text=True)
    db.expire_all()
    assert db.scalar(select(User).where(User.email == user.email)) is not None


def test_a_nul_in_an_item_id_in_the_address_is_refused(client, officer, make_session, db):
    record = make_session(officer)
    response = client.post(f"/sessions/{record.id}/modules/a%00b/remove", data={"version": 1})
    assert response.status_code in (400, 404)
    assert store.get(db, officer, record.id).version == 1
