"""The lead's team pages and the first-run setup: who may see them, and what each action does."""

import pytest

from kit.accounts import users
from kit.web.setup import CODE_KEY, enable
from tests.web.conftest import PASSWORD, AuthActions

NEW_PASSWORD = "plum kettle orbit lantern"


@pytest.mark.parametrize("method, url", [
    ("GET", "/team/"), ("GET", "/team/new"), ("POST", "/team/new"), ("GET", "/team/invite"),
    ("POST", "/team/invite"), ("POST", "/team/{id}/invite"), ("POST", "/team/{id}/disable"),
    ("POST", "/team/{id}/enable"), ("GET", "/team/{id}/password"), ("POST", "/team/{id}/password"),
])
def test_officers_never_see_the_team_pages(client, officer, method, url):
    response = client.open(url.format(id=officer.id), method=method)
    assert response.status_code == 404
    assert "/team/" not in client.get("/sessions/").get_data(as_text=True)


def test_a_lead_adds_an_officer_who_can_sign_in(client, lead, app):
    page = client.get("/team/").get_data(as_text=True)
    assert lead.email in page and "Never" not in page.split(lead.email)[1].split("</tr>")[0]
    response = client.post("/team/new", data={"email": "New.Officer@example.police.uk", "role": "officer",
                                              "password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert response.status_code == 302
    listing = client.get("/team/").get_data(as_text=True)
    assert "new.officer@example.police.uk" in listing and "Never" in listing
    other = AuthActions(app.test_client())
    assert other.login("new.officer@example.police.uk", NEW_PASSWORD).status_code == 302


@pytest.mark.parametrize("data, message", [
    ({"email": "not an email"}, "is not an email address"),
    ({"password": "short", "confirm": "short"}, "at least 12 characters"),
    ({"confirm": "something else entirely"}, "do not match"),
    ({"role": "admin"}, "Not a valid choice"),
])
def test_adding_an_officer_shows_each_problem_at_its_field(client, lead, data, message):
    form = {"email": "pc@example.police.uk", "role": "officer", "password": NEW_PASSWORD, "confirm": NEW_PASSWORD}
    response = client.post("/team/new", data={**form, **data})
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and page.count(message) == 2  # the summary and the field
    assert ('aria-invalid="true"' in page) == ("role" not in data)  # radios mark their fieldset instead


def test_disabling_signs_the_officer_out_at_once(client, lead, make_user, app, db):
    pc = make_user("officer")
    theirs = app.test_client()
    AuthActions(theirs).login(pc.email)
    assert theirs.get("/sessions/").status_code == 200
    assert client.post(f"/team/{pc.id}/disable").status_code == 302
    assert theirs.get("/sessions/").status_code == 302  # sent to sign in
    assert AuthActions(app.test_client()).login(pc.email).status_code == 200  # refused
    client.post(f"/team/{pc.id}/enable")
    assert AuthActions(app.test_client()).login(pc.email).status_code == 302


def test_a_lead_cannot_disable_themselves(client, lead):
    client.post(f"/team/{lead.id}/disable")
    assert client.get("/sessions/").status_code == 200


def test_reset_password_uses_the_password_rules_and_signs_out(client, lead, make_user, app):
    pc = make_user("officer")
    theirs = app.test_client()
    AuthActions(theirs).login(pc.email)
    weak = client.post(f"/team/{pc.id}/password", data={"password": "password1234", "confirm": "password1234"})
    assert weak.status_code == 200 and "error-summary" in weak.get_data(as_text=True)
    done = client.post(f"/team/{pc.id}/password", data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert done.status_code == 302
    assert theirs.get("/sessions/").status_code == 302
    assert AuthActions(app.test_client()).login(pc.email, PASSWORD).status_code == 200
    assert AuthActions(app.test_client()).login(pc.email, NEW_PASSWORD).status_code == 302


def test_last_sign_in_is_shown(client, lead, make_user, app):
    pc = make_user("officer")
    assert "Never" in client.get("/team/").get_data(as_text=True).split(pc.email)[1].split("</tr>")[0]
    AuthActions(app.test_client()).login(pc.email)
    assert " UTC" in client.get("/team/").get_data(as_text=True).split(pc.email)[1].split("</tr>")[0]


def _setup(client, code, email="first.lead@example.police.uk", password=NEW_PASSWORD, **environ):
    return client.post("/setup", data={"code": code, "email": email, "password": password, "confirm": password},
                       environ_base=environ)


def test_first_run_makes_one_lead_with_the_code_then_closes(app, client, db):
    code = enable(app)
    assert "Set up the first lead" in client.get("/").get_data(as_text=True)
    assert "not right" in _setup(client, "0000-0000-0000" if code != "0000-0000-0000" else "1").get_data(as_text=True)
    response = _setup(client, code.replace("-", " "))
    assert response.status_code == 302 and client.get("/sessions/").status_code == 200  # signed in
    assert users.find_user(db, "first.lead@example.police.uk").role == "lead"
    assert CODE_KEY not in app.config
    assert app.test_client().get("/setup").status_code == 404


@pytest.mark.parametrize("case", ["no code", "remote", "accounts exist"])
def test_first_run_is_closed_unless_local_with_a_code_and_no_accounts(app, client, make_user, case):
    code = enable(app) if case != "no code" else "1234-5678-9012"
    if case == "accounts exist":
        make_user("officer")
    environ = {"REMOTE_ADDR": "192.0.2.7"} if case == "remote" else {}
    assert client.get("/setup", environ_base=environ).status_code == 404
    assert _setup(client, code, **environ).status_code == 404
    assert "Set up the first lead" not in client.get("/login", environ_base=environ).get_data(as_text=True)
