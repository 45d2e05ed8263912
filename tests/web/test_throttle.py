"""Sign-in throttling: per account 10 in 5 minutes, counted and checked in one step under
concurrency; per address separate and much higher, so one officer cannot lock out a station."""

import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest
from waitress.server import create_server

from kit import create_app
from kit.accounts import throttle, users
from tests.web.conftest import PASSWORD, AuthActions

WRONG = "wrong password 123"


def test_one_officer_locked_out_does_not_lock_out_the_station(app, client, make_user, auth):
    """Several officers share one address (a police station); one of them gets it wrong ten times."""
    careless, *colleagues = (make_user() for _ in range(4))
    for _ in range(throttle.MAX_PER_ACCOUNT):
        assert auth.login(careless.email, WRONG).status_code == 200
    assert auth.login(careless.email, PASSWORD).status_code == 429
    assert auth.login(careless.email, WRONG).status_code == 429
    for colleague in colleagues:
        other = AuthActions(app.test_client())  # another browser at the same address
        assert other.login(colleague.email, WRONG).status_code == 200
        assert other.login(colleague.email).status_code == 302


def test_the_address_limit_is_separate_and_counts_every_account(client, auth, monkeypatch):
    monkeypatch.setattr(throttle, "MAX_PER_ADDRESS", 15)
    for n in range(15):
        assert auth.login(f"guess{n}@example.police.uk", WRONG).status_code == 200
    assert auth.login("another@example.police.uk", WRONG).status_code == 429


def test_refused_attempts_do_not_count_against_the_address(client, make_user, auth, monkeypatch):
    monkeypatch.setattr(throttle, "MAX_PER_ADDRESS", 15)
    locked, colleague = make_user(), make_user()
    for _ in range(10):
        auth.login(locked.email, WRONG)
    for _ in range(20):  # keeps trying while locked out
        assert auth.login(locked.email, WRONG).status_code == 429
    assert auth.login(colleague.email).status_code == 302


@pytest.fixture
def server(database_url, tmp_path, monkeypatch):
    """Serve a fresh app with waitress on 127.0.0.1 (40 threads), behind one trusted proxy."""
    monkeypatch.setenv("KIT_INSTANCE_PATH", str(tmp_path / "instance"))
    app = create_app({"SECRET_KEY": "s" * 40, "DATABASE_URL": database_url, "WTF_CSRF_ENABLED": False,
                      "TRUSTED_PROXIES": 1})
    wsgi = create_server(app, host="127.0.0.1", port=0, threads=40, ident="kit-test")
    thread = threading.Thread(target=wsgi.run, daemon=True)
    thread.start()
    yield app, f"http://127.0.0.1:{wsgi.effective_port}"
    wsgi.close()
    thread.join(10)
    app.extensions["kit.db"].dispose()


def _post(base: str, email: str, password: str, address: str) -> int:
    body = urllib.parse.urlencode({"email": email, "password": password}).encode()
    request = urllib.request.Request(f"{base}/login", data=body,  # noqa: S310 - our loopback server
                                     headers={"X-Forwarded-For": address})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - our loopback server
            return response.status
    except urllib.error.HTTPError as exc:
        exc.close()
        return exc.code


def test_forty_simultaneous_wrong_passwords_check_at_most_ten(server, monkeypatch):
    app, base = server
    database = app.extensions["kit.db"]
    email = users.create_user(database.session, "target@example.police.uk", PASSWORD).email
    database.remove()
    checks, lock = [], threading.Lock()
    real = users.check_password_hash

    def counted(hashed, password):
        with lock:
            checks.append(password)
        return real(hashed, password)

    monkeypatch.setattr(users, "check_password_hash", counted)
    start, statuses = threading.Barrier(40), []

    def one(n: int) -> None:
        start.wait()
        statuses.append(_post(base, email, WRONG, f"198.51.100.{n + 1}"))

    threads = [threading.Thread(target=one, args=(n,)) for n in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert len(statuses) == 40 and set(statuses) <= {200, 429}
    assert 1 <= len(checks) <= throttle.MAX_PER_ACCOUNT
    assert statuses.count(200) == len(checks)
    assert _post(base, email, PASSWORD, "198.51.100.200") == 429
