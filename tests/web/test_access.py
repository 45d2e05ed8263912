"""Who may open what: anonymous users sign in first; officers see only their own sessions."""

import pytest

from tests.web.conftest import AuthActions

# (method, URL with {id}) for every route that shows or changes a session.
SESSION_URLS = [
    ("GET", "/sessions/{id}"),
    ("GET", "/sessions/{id}/details"),
    ("POST", "/sessions/{id}/details"),
    ("POST", "/sessions/{id}/duplicate"),
    ("GET", "/sessions/{id}/delete"),
    ("POST", "/sessions/{id}/delete"),
    ("POST", "/sessions/{id}/modules/add"),
    ("POST", "/sessions/{id}/modules/order"),
    ("POST", "/sessions/{id}/modules/change"),
    ("POST", "/sessions/{id}/questions"),
    ("POST", "/sessions/{id}/notes"),
    ("POST", "/sessions/{id}/length"),
    ("POST", "/sessions/{id}/keep-mine"),
    ("GET", "/sessions/{id}/preview"),
    ("GET", "/sessions/{id}/download/handout.pdf"),
    ("GET", "/sessions/{id}/download/handout.html"),
    ("GET", "/sessions/{id}/preview/handout/1.png"),
    ("GET", "/sessions/{id}/session.yaml"),
    ("GET", "/sessions/{id}/quiz"),
    ("GET", "/sessions/{id}/quiz/gift"),
    ("GET", "/sessions/{id}/present/1"),
    ("GET", "/sessions/{id}/present/notes"),
    ("GET", "/sessions/{id}/present/offline.html"),
]
SIGNED_IN_URLS = ["/sessions/", "/sessions/new", "/sessions/import", "/library/", "/library/questions",
                  "/library/links", "/library/modules/ground-rules",
                  "/outcomes/", "/outcomes/return.pdf", "/outcomes/return-csv.zip", "/account/password",
                  "/account/signature"]


def _call(client, method, url):
    return client.open(url, method=method, data={"version": "1"})


@pytest.mark.parametrize("method, url", SESSION_URLS)
def test_anonymous_users_are_sent_to_sign_in(client, make_user, make_session, method, url):
    record = make_session(make_user())
    response = _call(client, method, url.format(id=record.id))
    assert response.status_code == 302
    assert response.location.startswith("/login?next=")


@pytest.mark.parametrize("url", SIGNED_IN_URLS)
def test_pages_need_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert "/login" in response.location


@pytest.mark.parametrize("method, url", SESSION_URLS)
def test_another_officers_session_is_not_found(client, make_user, make_session, officer, method, url):
    record = make_session(make_user())
    response = _call(client, method, url.format(id=record.id))
    assert response.status_code == 404
    assert b"Page not found" in response.data


@pytest.mark.parametrize("method, url", [u for u in SESSION_URLS if u[0] == "GET"])
def test_a_lead_sees_every_session(client, make_user, make_session, method, url):
    record = make_session(make_user())
    lead = make_user("lead")
    AuthActions(client).login(lead.email)
    response = _call(client, method, url.format(id=record.id))
    assert response.status_code == 200


@pytest.mark.parametrize("url", SIGNED_IN_URLS)
def test_signed_in_pages_open(client, officer, url):
    assert client.get(url).status_code == 200


def test_the_dashboard_lists_only_my_sessions(client, make_user, make_session, officer):
    mine = make_session(officer, title="Mine for Year 8")
    make_session(make_user(), title="Someone else's")
    page = client.get("/sessions/").get_data(as_text=True)
    assert "Mine for Year 8" in page and "Someone else" not in page
    assert mine.id


def test_the_dashboard_pages_newest_first(client, make_session, officer):
    for n in range(12):
        make_session(officer, title=f"Session number {n:02d}")
    first = client.get("/sessions/").get_data(as_text=True)
    second = client.get("/sessions/?page=2").get_data(as_text=True)
    assert "Session number 11" in first and "Session number 00" not in first
    assert "Session number 00" in second and "Page 2 of 2" in second
    assert client.get("/sessions/?page=abc").status_code == 400


def test_front_page_and_health(client):
    assert client.get("/").status_code == 200
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json == {"status": "ok"}


def test_a_lead_sees_whose_session_each_is(client, make_user, make_session, auth):
    officer = make_user()
    make_session(officer, title="Officer plan")
    lead = make_user("lead")
    auth.login(lead.email)
    page = client.get("/sessions/").get_data(as_text=True)
    assert "All sessions" in page and "Officer plan" in page and officer.email in page


# Delivery records and outcomes: their access rules are tested in tests/outcomes/test_access.py.
OUTCOME_URLS = [
    ("GET", "/sessions/{id}/deliveries/new"),
    ("POST", "/sessions/{id}/deliveries/new"),
    ("POST", "/sessions/{id}/deliveries/upload"),
    ("GET", "/deliveries/{id}"),
    ("GET", "/deliveries/{id}/delete"),
    ("POST", "/deliveries/{id}/delete"),
]
# The lead's team pages (404 to officers) and the first-run page, tested in tests/web/test_team.py and
# tests/web/test_invites.py (with the invited officer's set-password page, open to anyone with the link),
# and the library's "Add to…", tested below.
TEAM_URLS = {"/team/", "/team/new", "/team/invite", "/team/{id}/invite",
             "/team/{id}/disable", "/team/{id}/enable", "/team/{id}/password", "/setup",
             "/library/modules/ground-rules/add", "/invite/{id}"}
# The force's own content (leads only, 404 to officers), tested in tests/local/test_pages.py.
LOCAL_URLS = {"/local/", "/local/history", "/local/versions/{id}/restore", "/local/versions/{id}/logo.png"}
TESTED = {"/", "/healthz", "/login", "/logout", "/sessions/"} | {u for _, u in SESSION_URLS + OUTCOME_URLS} | set(
    SIGNED_IN_URLS) | TEAM_URLS | LOCAL_URLS


def test_every_route_is_in_the_access_tables(app):
    """A new route must join the tables above, so its access rule gets tested."""
    import re

    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        pattern = re.sub(r"<(?:[^:>]+:)?([^>]+)>", "[^/]+", rule.rule) + "$"
        assert any(re.match(pattern, url.replace("{id}", "1")) for url in TESTED), rule.rule


@pytest.mark.parametrize("query, found, missing", [
    ("q=blackmail", "How online blackmail works", None),
    ("q=zzzzzz", None, "How online blackmail works"),
    ("audience=upper-primary", "Online friends and tricks", "How online blackmail works"),
    ("q=<script>", None, "<script>"),
])
def test_library_search(client, officer, library, query, found, missing):
    page = client.get(f"/library/?{query}").get_data(as_text=True)
    assert client.get(f"/library/?{query}").status_code == 200
    if found and any(m.title.en == found for m in library.modules.values()):
        assert found in page
    if missing and missing != "<script>":
        assert missing not in page.split("found")[1]
    assert "<script>" not in page.replace('<script src=', '')


def test_library_pages_show_checked_dates_and_status(client, officer, library):
    page = client.get("/library/links").get_data(as_text=True)
    link = next(iter(library.links.values()))
    assert link.title.en in page and f"{link.checked.year}" in page
    assert ("Verify" in page) == any(k.status == "verify" for k in library.links.values())
    assert client.get("/library/modules/no-such-module").status_code == 404


def test_add_to_offers_and_accepts_only_your_own_sessions(client, officer, make_user, make_session, library, db):
    from kit.store import sessions as store

    mine = make_session(officer, title="Mine at Hillside", audience="upper-secondary")
    theirs = make_session(make_user(), title="Someone else's")
    client.post(f"/sessions/{mine.id}/modules/change", data={"version": 1, "remove": store.spec_of(mine).modules[-1]})
    module = library.modules[store.spec_of(mine).modules[-1]]
    page = client.get("/library/").get_data(as_text=True)
    assert "Mine at Hillside" in page and "Someone else" not in page
    assert client.post(f"/library/modules/{module.id}/add", data={"session": theirs.id}).status_code == 404
    response = client.post(f"/library/modules/{module.id}/add", data={"session": mine.id})
    assert response.status_code == 302 and response.location.endswith(f"/sessions/{mine.id}#module-{module.id}")
    db.expire_all()
    assert store.spec_of(store.get(db, officer, mine.id)).modules[-1] == module.id
    other = next(m for m in library.modules.values() if "upper-secondary" not in m.audiences)
    asked = client.post(f"/library/modules/{other.id}/add", data={"session": mine.id})
    assert asked.location.endswith(f"/sessions/{mine.id}?all=modules#reason-module-{other.id}")
    assert "say why it suits your group" in client.get(asked.location.split("#")[0]).get_data(as_text=True)
