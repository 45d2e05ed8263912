"""Web fixtures: CSRF off unless a test asks for it, factories for users and sessions, `auth`."""

import functools
import itertools

import pytest

from kit.accounts import users
from kit.sessions import builder
from kit.store import sessions as store

PASSWORD = "correct horse battery"
_numbers = itertools.count(1)


@pytest.fixture
def app_config() -> dict:
    """Turn CSRF off for most web tests (tests/web/test_security.py turns it back on)."""
    return {"WTF_CSRF_ENABLED": False}


@pytest.fixture
def db(app):
    """Return the app's scoped database session (no app context held: requests get their own)."""
    session = app.extensions["kit.db"].session
    yield session
    session.remove()


# scrypt at the app's work factor costs about 85 ms of CPU to hash, and again at every sign-in. The
# factory's users get a real scrypt hash at a light work factor (N=1024, about 2 ms), made once per
# password a run: every sign-in still runs check_password_hash on it and refuses a wrong password.
# Accounts made by the app itself (kit users add, invites, the team page) keep the real work factor.
LIGHT_SCRYPT = "scrypt:1024:8:1"
_hash_once = functools.cache(functools.partial(users.generate_password_hash, method=LIGHT_SCRYPT))


@pytest.fixture
def make_user(db, monkeypatch):
    """Return a factory: make_user(role="officer", email=None, password=PASSWORD) -> User."""

    def make(role: str = "officer", email: str | None = None, password: str = PASSWORD):
        email = email or f"{role}{next(_numbers)}@example.police.uk"
        with monkeypatch.context() as patch:
            patch.setattr(users, "generate_password_hash", _hash_once)
            return users.create_user(db, email, password, role)

    return make


@pytest.fixture
def library(app):
    """Return the library the app loaded (KIT_LESSONS_DIR may point at another)."""
    return app.extensions["kit.library"]


@pytest.fixture
def make_session(db, library):
    """Return a factory: make_session(owner, audience="lower-secondary", **details) -> record."""

    def make(owner, audience: str = "lower-secondary", **details):
        spec = builder.start(library, audience, True, **details)
        return store.create(db, owner, spec)

    return make


class AuthActions:
    """Sign in and out through the real forms."""

    def __init__(self, client):
        self._client = client

    def login(self, email: str, password: str = PASSWORD, **extra):
        """Post the sign-in form."""
        return self._client.post("/login", data={"email": email, "password": password, **extra})

    def logout(self):
        """Post the sign-out form."""
        return self._client.post("/logout")


@pytest.fixture
def auth(client):
    """Return sign-in helpers bound to the test client."""
    return AuthActions(client)


@pytest.fixture
def officer(make_user, auth):
    """Return an officer who is signed in on the test client."""
    user = make_user("officer")
    assert auth.login(user.email).status_code == 302
    return user


@pytest.fixture
def lead(make_user, auth):
    """Return a lead who is signed in on the test client."""
    user = make_user("lead")
    assert auth.login(user.email).status_code == 302
    return user
