"""Force-local fixtures: the web fixtures (users, sign-in, CSRF off) plus a signed-in lead."""

import pytest

from tests.web import conftest as web

app_config, auth, db, library = web.app_config, web.auth, web.db, web.library
make_session, make_user, officer = web.make_session, web.make_user, web.officer


@pytest.fixture
def lead(make_user, auth):
    """Return a lead who is signed in on the test client."""
    user = make_user("lead")
    assert auth.login(user.email).status_code == 302
    return user
