"""Password rules (offline), changing your own password, and a lead's reset that signs the officer out."""

import pytest

from kit.accounts import credentials, users
from kit.accounts.passwords import check_password
from tests.web.conftest import PASSWORD, AuthActions

EMAIL = "sam.taylor@example.police.uk"


@pytest.mark.parametrize("password", ["password1234", "123456789012", "aaaaaaaaaaaa", " " * 12,
                                      "qwertyuiop12", "Password123!", "sam.taylor2026", "policepolice12"])
def test_common_and_trivial_passwords_are_refused(password):
    problem = check_password(password, EMAIL)
    assert problem and ("too easy to guess" in problem or "spaces" in problem)


@pytest.mark.parametrize("password, words", [("short", "at least 12"), ("x" * 201, "at most 200")])
def test_length_is_checked_first(password, words):
    assert words in check_password(password, EMAIL)


@pytest.mark.parametrize("password", [PASSWORD, "violet kettle marathon", "Ysgol-Bryn-7-dragons"])
def test_strong_passwords_are_accepted(password):
    assert check_password(password, EMAIL) is None


def test_creating_an_account_applies_the_rules(db):
    with pytest.raises(users.AccountError, match="too easy to guess"):
        users.create_user(db, EMAIL, "password1234")
    assert users.find_user(db, EMAIL) is None


def test_kit_users_add_refuses_a_common_password(runner, db):
    from kit.cli.group import cli

    result = runner.invoke(cli, ["users", "add", EMAIL, "--password-stdin"], input="password1234\n")
    assert result.exit_code != 0 and "too easy to guess" in result.output
    assert users.find_user(db, EMAIL) is None


def _post_change(client, current, new, repeat=None):
    return client.post("/account/password", data={"current_password": current, "new_password": new,
                                                   "confirm_password": new if repeat is None else repeat})


def test_a_signed_in_user_changes_their_password_and_other_devices_are_signed_out(app, client, officer):
    other_device = app.test_client()
    AuthActions(other_device).login(officer.email)
    assert "Change your password" in client.get("/account/password").get_data(as_text=True)
    response = _post_change(client, PASSWORD, "violet kettle marathon")
    assert response.status_code == 302
    assert client.get("/sessions/").status_code == 200  # this device stays signed in
    assert other_device.get("/sessions/").status_code == 302  # the other was signed out
    fresh = AuthActions(app.test_client())
    assert fresh.login(officer.email, PASSWORD).status_code == 200
    assert fresh.login(officer.email, "violet kettle marathon").status_code == 302


@pytest.mark.parametrize("current, new, repeat, message", [
    ("not my password at all", "violet kettle marathon", None, "Your current password is not right"),
    (PASSWORD, "password1234", None, "too easy to guess"),
    (PASSWORD, "violet kettle marathon", "violet kettle marathoN", "The two new passwords do not match"),
    (PASSWORD, PASSWORD, None, "must be different"),
])
def test_a_refused_change_says_why_and_keeps_the_old_password(app, client, officer, current, new, repeat, message):
    response = _post_change(client, current, new, repeat)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and message in page and "There is a problem" in page
    assert new not in page and current not in page  # passwords are never echoed
    assert AuthActions(app.test_client()).login(officer.email).status_code == 302


def test_the_password_page_needs_sign_in(client):
    assert client.get("/account/password").status_code == 302


def test_a_lead_reset_signs_the_officer_out_everywhere(app, client, officer, db):
    assert client.get("/sessions/").status_code == 200
    credentials.reset_password(db, officer.email, "violet kettle marathon")
    assert client.get("/sessions/").status_code == 302
    assert AuthActions(app.test_client()).login(officer.email, "violet kettle marathon").status_code == 302


def test_a_reset_follows_the_same_rules(db, officer):
    with pytest.raises(users.AccountError, match="too easy to guess"):
        credentials.reset_password(db, officer.email, "123456789012")
    with pytest.raises(users.AccountError, match="no account"):
        credentials.reset_password(db, "nobody@example.police.uk", "violet kettle marathon")
