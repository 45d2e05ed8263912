"""Force-local fixtures: the web fixtures (users, sign-in, CSRF off) plus a signed-in lead."""

from tests.web import conftest as web

app_config, auth, db, library = web.app_config, web.auth, web.db, web.library
lead, make_session, make_user, officer = web.lead, web.make_session, web.make_user, web.officer
