"""The 400 and 413 pages give back what was typed, with labels; over-long fields say by how much."""

import io
from urllib.parse import urlencode

import pytest

from kit.sessions.model import NOTE_MAX, TITLE_MAX
from kit.web.typed import Kept, fields, server_body_limit


def _body(**values) -> bytes:
    return urlencode(values).encode()


def _post(client, url, body: bytes, mimetype="application/x-www-form-urlencoded"):
    return client.post(url, data=body, content_type=mimetype)


def test_every_form_field_has_its_label_and_limit(app):
    known = fields()
    assert known["school_notes"] == ("Notes for the school", NOTE_MAX, False)
    assert known["title"][1] == TITLE_MAX
    assert known["new_password"][2] and known["password"][2]  # secrets: never shown again


def test_kept_text_splits_at_its_limit_and_loses_nothing():
    item = Kept("Notes", "abcdefgh", 5)
    assert (item.over, item.fits, item.rest) == (3, "abcde", "fgh")
    assert item.fits + item.rest == item.text
    assert Kept("Notes", "abc", 5).over == 0 and Kept("Q", "abc").over == 0


def test_an_over_long_body_gets_our_413_with_each_field_back(app, client, officer, make_session):
    record = make_session(officer)
    limit = app.config["MAX_CONTENT_LENGTH"]
    notes = "Ms Jones, DSL, room 4. " + "ŵ" * (limit // 6 + 10)  # 6 bytes per ŵ once urlencoded
    response = _post(client, f"/sessions/{record.id}/notes", _body(version=1, school_notes=notes))
    page = response.get_data(as_text=True)
    assert response.status_code == 413
    assert response.headers["Content-Security-Policy"] and response.headers["X-Content-Type-Options"]
    over = len(notes) - NOTE_MAX
    assert f"Notes for the school is {over:,} characters too long (the limit is {NOTE_MAX:,})" in page
    assert notes[:NOTE_MAX] in page and notes[NOTE_MAX:] in page
    assert "too large to show here" not in page


def test_a_body_past_the_margin_is_not_read(app, client, officer, make_session):
    record = make_session(officer)
    notes = "Ask for Mrs Patel " + "x" * server_body_limit(app.config)
    response = _post(client, f"/sessions/{record.id}/notes", _body(version=1, school_notes=notes))
    page = response.get_data(as_text=True)
    assert response.status_code == 413 and "too large to show here" in page
    assert "Ask for Mrs Patel" not in page


def test_passwords_and_tokens_are_never_shown_again(app, client):
    secret = "correct horse battery staple " * 10_000  # over the limit, within the margin
    response = _post(client, "/login", _body(email="pc@example.org", password=secret, csrf_token="tok" * 10))
    page = response.get_data(as_text=True)
    assert response.status_code == 413
    assert "pc@example.org" in page and "correct horse" not in page and "toktok" not in page


def test_an_oversize_upload_keeps_its_text_fields(app, client, officer):
    boundary = "kitboundary"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nMy session\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"s.yaml\"\r\n"
            f"Content-Type: application/yaml\r\n\r\n" + "a" * (app.config["MAX_CONTENT_LENGTH"] + 10)
            + f"\r\n--{boundary}--\r\n").encode()
    response = _post(client, "/sessions/import", body, f"multipart/form-data; boundary={boundary}")
    assert response.status_code == 413
    assert "My session" in response.get_data(as_text=True)


class TestBadRequest:
    """With CSRF on, a refused form still shows what was typed, under its label."""

    @pytest.fixture
    def app_config(self):
        return {"WTF_CSRF_ENABLED": True}

    def test_the_400_page_gives_back_what_was_typed_with_labels(self, client):
        response = client.post("/login", data={"email": "pc.jones@example.org", "password": "hunter2 hunter2"})
        page = response.get_data(as_text=True)
        assert response.status_code == 400
        assert "<dt>Email address</dt>" in page and "pc.jones@example.org" in page
        assert "hunter2" not in page



class _NeverSent(io.BytesIO):
    """A request body that never arrives: reading it would hang a gunicorn worker."""

    def read(self, *args):
        raise AssertionError("the app waited for a body it should have refused unread")

    readline = read


def test_a_huge_declared_body_is_refused_unread(client):
    response = client.post("/login", input_stream=_NeverSent(b"email=a"),
                           environ_overrides={"CONTENT_LENGTH": "900000000"},
                           content_type="application/x-www-form-urlencoded")
    assert response.status_code == 413 and "too large to show here" in response.get_data(as_text=True)
