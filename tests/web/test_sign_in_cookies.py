"""Sign-in rotates the CSRF secret; production cookies carry the __Host- prefix."""

import pytest

from kit import create_app
from tests.web.conftest import PASSWORD


def _token(page: str) -> str:
    return page.split('name="csrf_token" value="')[1].split('"')[0]


class TestCsrfRotation:
    @pytest.fixture
    def app_config(self):
        return {"WTF_CSRF_ENABLED": True}

    def test_a_token_from_before_sign_in_no_longer_works_after(self, client, make_user, make_session, db):
        user = make_user()
        record = make_session(user)
        planted = _token(client.get("/login").get_data(as_text=True))
        signed_in = client.post("/login", data={"email": user.email, "password": PASSWORD, "csrf_token": planted})
        assert signed_in.status_code == 302
        stale = client.post(f"/sessions/{record.id}/notes",
                            data={"version": 1, "school_notes": "x", "csrf_token": planted})
        assert stale.status_code == 400
        assert "The form was out of date" in stale.get_data(as_text=True)
        fresh = _token(client.get(f"/sessions/{record.id}").get_data(as_text=True))
        assert fresh != planted
        saved = client.post(f"/sessions/{record.id}/notes",
                            data={"version": 1, "school_notes": "x", "csrf_token": fresh})
        assert saved.status_code == 302


def test_production_cookies_use_the_host_prefix(tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_INSTANCE_PATH", str(tmp_path / "prod"))
    app = create_app({"ENV": "production", "SECRET_KEY": "p" * 64,
                      "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite'}"})
    try:
        cookie = app.test_client().get("/login", base_url="https://localhost").headers["Set-Cookie"]
        assert cookie.startswith("__Host-session=")
        assert "Secure" in cookie and "Path=/" in cookie and "Domain" not in cookie
    finally:
        app.extensions["kit.db"].dispose()
