"""The security baseline: CSRF, body size, redirects, headers, sign-out, throttling, errors."""

import logging
import re

import pytest
from sqlalchemy import select

from kit.db import SessionRecord
from kit.web.security import is_safe_next
from tests.web.conftest import PASSWORD, AuthActions

HOSTILE_NEXT = [
    "//evil.example", "https://evil.example", "http://evil.example/path", "/\\evil.example",
    "\\\\evil.example", "http:///evil.example", "javascript:alert(1)", "/%2F%2Fevil.example",
    "/%5Cevil.example", "/ok\r\nLocation: https://evil.example", "/ok%0d%0aSet-Cookie:x=1",
    "evil.example", "", "  //evil.example", "ftp://evil.example", "data:text/html,hi",
]


@pytest.mark.parametrize("target", HOSTILE_NEXT)
def test_hostile_next_values_are_refused(target):
    assert not is_safe_next(target)


@pytest.mark.parametrize("target", ["/sessions/", "/sessions/3?all=1#modules", "/library/links"])
def test_our_own_paths_are_allowed(target):
    assert is_safe_next(target)


@pytest.mark.parametrize("target", HOSTILE_NEXT)
def test_sign_in_never_redirects_off_site(client, make_user, auth, target):
    user = make_user()
    response = auth.login(user.email, next=target)
    assert response.status_code == 302
    assert response.location == "/sessions/"


def test_sign_in_follows_a_safe_next(client, make_user, auth):
    user = make_user()
    assert auth.login(user.email, next="/library/links").location == "/library/links"


@pytest.mark.parametrize("url", ["/", "/login", "/healthz", "/sessions/", "/no-such-page"])
def test_security_headers_on_every_response(client, url):
    headers = client.get(url).headers
    csp = headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] in ("same-origin", "no-referrer")


def test_session_cookie_is_httponly_and_lax(client, make_user, auth):
    response = auth.login(make_user().email)
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_a_cookie_copied_before_sign_out_no_longer_works(app, client, make_user, auth):
    user = make_user()
    auth.login(user.email)
    stolen = client.get_cookie("session").value
    assert client.get("/sessions/").status_code == 200
    auth.logout()
    replay = app.test_client()
    replay.set_cookie("session", stolen)
    response = replay.get("/sessions/")
    assert response.status_code == 302 and "/login" in response.location


def test_a_disabled_account_is_signed_out(app, client, make_user, auth, db):
    from kit.accounts import users

    user = make_user()
    auth.login(user.email)
    users.disable_user(db, user.email)
    assert client.get("/sessions/").status_code == 302
    assert auth.login(user.email).status_code == 200


def test_wrong_password_and_unknown_account_get_the_same_answer(client, make_user, auth):
    user = make_user()
    wrong = auth.login(user.email, "not the right password")
    unknown = auth.login("nobody@example.police.uk", "not the right password")
    assert wrong.status_code == unknown.status_code == 200
    assert b"The email address or password is not right" in wrong.data
    def page(response, email):
        text = response.get_data(as_text=True).replace(email, "X")
        return re.sub(r'name="csrf_token" value="[^"]*"', "", text)

    assert page(wrong, user.email) == page(unknown, "nobody@example.police.uk")


@pytest.mark.parametrize("known", [True, False])
def test_the_eleventh_failure_in_five_minutes_is_refused(client, make_user, auth, caplog, known):
    email = make_user().email if known else "nobody@example.police.uk"
    for _ in range(10):
        assert auth.login(email, "wrong password 123").status_code == 200
    with caplog.at_level(logging.WARNING, logger="kit.web.auth"):
        response = auth.login(email, PASSWORD)
    assert response.status_code == 429
    assert b"Too many sign-in attempts" in response.data
    assert "throttled" in caplog.text


def test_throttling_is_counted_in_the_database(app, client, make_user, auth):
    """A second client (standing in for another worker) sees the same count."""
    user = make_user()
    for _ in range(10):
        auth.login(user.email, "wrong password 123")
    other = app.test_client()
    response = other.post("/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 429


def test_a_huge_body_gets_the_413_page(client, officer):
    response = client.post("/sessions/new", data={"title": "x" * (10 * 1024 * 1024)})
    assert response.status_code == 413
    assert b"too much" in response.data


def test_a_forced_error_shows_an_incident_id_and_no_trace(app, client, caplog):
    @app.get("/boom")
    def boom():
        raise RuntimeError("secret detail")

    with caplog.at_level(logging.ERROR):
        response = client.get("/boom")
    assert response.status_code == 500
    page = response.get_data(as_text=True)
    assert "Incident number" in page and "secret detail" not in page and "Traceback" not in page
    incident = page.split('class="incident">')[1].split("<")[0]
    assert incident in caplog.text and "secret detail" in caplog.text


class TestCsrf:
    """With CSRF on, a POST without the token changes nothing."""

    @pytest.fixture
    def app_config(self):
        return {"WTF_CSRF_ENABLED": True}

    def test_sign_in_without_a_token_is_refused(self, client, make_user):
        user = make_user()
        response = client.post("/login", data={"email": user.email, "password": PASSWORD})
        assert response.status_code == 400
        assert b"The form was missing its security code" in response.data

    def test_session_changes_without_a_token_are_refused(self, app, client, make_user, make_session, db):
        user = make_user()
        record = make_session(user)
        page = client.get("/login").get_data(as_text=True)
        token = page.split('name="csrf_token" value="')[1].split('"')[0]
        response = client.post("/login", data={"email": user.email, "password": PASSWORD,
                                               "csrf_token": token})
        assert response.status_code == 302
        for data in ({}, {"csrf_token": "forged"}):
            response = client.post(f"/sessions/{record.id}/delete", data=data)
            assert response.status_code == 400
        db.expire_all()
        assert db.scalar(select(SessionRecord).where(SessionRecord.id == record.id)) is not None

    def test_sign_out_needs_a_token(self, client):
        assert client.post("/logout").status_code == 400


def test_production_adds_hsts(tmp_path, monkeypatch):
    from kit import create_app

    monkeypatch.setenv("KIT_INSTANCE_PATH", str(tmp_path / "prod"))
    app = create_app({"ENV": "production", "SECRET_KEY": "p" * 64,
                      "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite'}"})
    response = app.test_client().get("/login")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")
    assert app.config["SESSION_COOKIE_SECURE"] is True
    app.extensions["kit.db"].dispose()


def test_sign_in_lasts_a_working_day_and_sign_out_ends_it_everywhere(app, client, make_user, auth):
    user = make_user()
    cookie = auth.login(user.email).headers["Set-Cookie"]
    assert "Expires=" in cookie
    other_device = app.test_client()
    AuthActions(other_device).login(user.email)
    assert other_device.get("/sessions/").status_code == 200
    auth.logout()
    assert other_device.get("/sessions/").status_code == 302
