"""A lead invites an officer: a one-time, expiring set-password link, stored only as a hash."""

import datetime as dt
import hashlib
import re

import pytest
from sqlalchemy import select

from kit.accounts import invites, users
from kit.db import Invite, utcnow
from tests.web.conftest import AuthActions

NEW_PASSWORD = "plum kettle orbit lantern"


def _invite(client, email="new.pc@example.police.uk", role="officer") -> str:
    """Invite EMAIL through the team page and return the link's path."""
    response = client.post("/team/invite", data={"email": email, "role": role})
    assert response.status_code == 200 and response.headers["Referrer-Policy"] == "no-referrer"
    link = re.search(r'id="invite-link"[^>]*>([^<]+)</textarea>', response.get_data(as_text=True)).group(1)
    assert link.startswith("http://localhost/invite/")
    return link.removeprefix("http://localhost")


def _set(client, path, password=NEW_PASSWORD, confirm=None):
    return client.post(path, data={"new_password": password, "confirm_password": confirm or password})


def test_an_invited_officer_sets_a_password_and_signs_in(app, client, lead, db):
    path = _invite(client)
    listing = client.get("/team/").get_data(as_text=True)
    assert "Invited" in listing and "link works until" in listing
    officer = app.test_client()
    assert AuthActions(officer).login("new.pc@example.police.uk", NEW_PASSWORD).status_code == 200  # not yet
    page = officer.get(path)
    assert page.status_code == 200 and page.headers["Referrer-Policy"] == "no-referrer"
    assert "new.pc@example.police.uk" in page.get_data(as_text=True)
    response = _set(officer, path)
    assert response.status_code == 302 and response.location.endswith("/login")
    assert AuthActions(officer).login("new.pc@example.police.uk", NEW_PASSWORD).status_code == 302
    assert "Invited" not in client.get("/team/").get_data(as_text=True)


def test_only_a_hash_of_the_token_is_stored(client, lead, db):
    token = _invite(client).rsplit("/", 1)[1]
    stored = db.scalars(select(Invite.token_hash)).all()
    assert stored == [hashlib.sha256(token.encode()).hexdigest()] and token not in stored


def test_a_link_works_once(app, client, lead):
    path = _invite(client)
    officer = app.test_client()
    assert _set(officer, path).status_code == 302
    again = _set(officer, path, "another long passphrase here")
    assert again.status_code == 404 and "This link no longer works" in again.get_data(as_text=True)
    assert AuthActions(officer).login("new.pc@example.police.uk", NEW_PASSWORD).status_code == 302


def test_an_expired_link_is_refused(db, make_user):
    pc = make_user()
    token = invites.renew(db, pc, now=utcnow() - invites.LIFETIME - dt.timedelta(minutes=1))
    assert invites.find(db, token) is None
    with pytest.raises(users.AccountError, match="expired"):
        invites.accept(db, token, NEW_PASSWORD)


def test_an_expired_link_page_says_so(app, client, lead, db):
    path = _invite(client)
    db.execute(Invite.__table__.update().values(expires_at=utcnow() - dt.timedelta(seconds=1)))
    db.commit()
    response = app.test_client().get(path)
    assert response.status_code == 404 and "Ask your lead for a new link" in response.get_data(as_text=True)
    assert "Invite expired" in client.get("/team/").get_data(as_text=True)


@pytest.mark.parametrize("password, confirm, message", [
    ("short", None, "at least 12 characters"),
    ("password1234", None, ""),
    (NEW_PASSWORD, "something else entirely", "do not match"),
])
def test_the_password_rules_apply_and_a_refusal_keeps_the_link(app, client, lead, password, confirm, message):
    path = _invite(client)
    officer = app.test_client()
    response = _set(officer, path, password, confirm)
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and message in page and 'aria-invalid="true"' in page
    assert _set(officer, path).status_code == 302  # the refused try did not use the link up


def test_a_new_link_cancels_the_old_one(app, client, lead, db):
    old = _invite(client)
    user_id = db.scalar(select(Invite.user_id))
    response = client.post(f"/team/{user_id}/invite")
    new = re.search(r'>http://localhost(/invite/[^<]+)</textarea>', response.get_data(as_text=True)).group(1)
    officer = app.test_client()
    assert officer.get(old).status_code == 404 and officer.get(new).status_code == 200


def test_a_disabled_account_cannot_use_its_link(app, client, lead, db):
    path = _invite(client)
    user_id = db.scalar(select(Invite.user_id))
    client.post(f"/team/{user_id}/disable")
    assert app.test_client().get(path).status_code == 404


def test_an_account_that_set_its_password_gets_no_new_link(app, client, lead, db):
    path = _invite(client)
    _set(app.test_client(), path)
    user_id = db.scalar(select(Invite.user_id))
    response = client.post(f"/team/{user_id}/invite", follow_redirects=True)
    assert "has already set a password" in response.get_data(as_text=True)


@pytest.mark.parametrize("email, message", [("not an email", "is not an email address"),
                                             ("LEAD", "already has an account")])
def test_inviting_shows_each_problem_at_its_field(client, lead, email, message):
    response = client.post("/team/invite", data={"email": lead.email if email == "LEAD" else email,
                                                  "role": "officer"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and page.count(message) == 2 and 'aria-invalid="true"' in page


@pytest.mark.parametrize("token, status", [("nope", 404), ("x" * 500, 404), ("%00", 400)])
def test_a_made_up_link_is_refused(client, token, status):
    assert client.get(f"/invite/{token}").status_code == status


def test_officers_cannot_invite(client, officer):
    assert client.get("/team/invite").status_code == 404
    assert client.post("/team/invite", data={"email": "x@example.org", "role": "lead"}).status_code == 404
    assert client.post(f"/team/{officer.id}/invite").status_code == 404
