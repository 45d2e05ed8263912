"""`kit users add | list | disable`: plain messages, non-zero exits, never a traceback."""

import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from kit.accounts import users
from kit.cli import cli


@pytest.fixture
def kit(app, monkeypatch, database_url, tmp_path):
    """Return run(args, input) for the kit command on the test app's database."""
    monkeypatch.setenv("KIT_DATABASE_URL", database_url)

    def run(*args, input=None):
        return CliRunner().invoke(cli, list(args), input=input)

    return run


def test_add_with_password_on_stdin_then_sign_in(kit, client):
    result = kit("users", "add", "Officer@Example.Police.UK", "--role", "lead", "--password-stdin",
                 input="a long enough password\n")
    assert result.exit_code == 0, result.output
    assert "added officer@example.police.uk (lead)" in result.output
    response = client.post("/login", data={"email": "officer@example.police.uk",
                                           "password": "a long enough password"})
    assert response.status_code == 302


@pytest.fixture
def at_a_terminal(monkeypatch):
    """Make `kit users add` believe a person is typing (the test runner's stdin is not a terminal)."""
    monkeypatch.setattr("kit.cli.users.stdin_is_terminal", lambda: True)


def test_add_prompts_twice_without_echo(kit, at_a_terminal):
    result = kit("users", "add", "pc@example.police.uk", input="twelve chars ok\ntwelve chars ok\n")
    assert result.exit_code == 0, result.output
    assert "twelve chars ok" not in result.output
    assert "Repeat the password" in result.output


@pytest.mark.parametrize("first_try", [
    "short\nshort\n",                                  # too short: asked again, as a mismatch is
    "a long enough password\nanother long password\n",  # the two do not match
])
def test_add_asks_again_after_a_bad_password(kit, at_a_terminal, first_try):
    result = kit("users", "add", "pc@example.police.uk", input=first_try + "twelve chars ok\n" * 2)
    assert result.exit_code == 0, result.output
    assert result.output.count("Repeat the password") == 2
    assert "added pc@example.police.uk (officer)" in result.output


def test_a_piped_password_without_password_stdin_says_to_use_it(tmp_path, database_url):
    env = {**os.environ, "KIT_DATABASE_URL": database_url, "KIT_INSTANCE_PATH": str(tmp_path / "instance")}
    result = subprocess.run([sys.executable, "-m", "kit", "users", "add", "pc@example.police.uk"],
                            input="a long enough password\n", env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "add --password-stdin" in result.stderr
    assert "Traceback" not in result.stderr and "GetPassWarning" not in result.stderr


def test_users_and_db_commands_neither_build_the_app_nor_read_the_library(kit, monkeypatch, tmp_path):
    monkeypatch.setenv("KIT_LESSONS_DIR", str(tmp_path / "no-library-here"))
    monkeypatch.setattr("kit.create_app", None)  # would fail if called
    assert kit("users", "add", "a@example.police.uk", "--password-stdin", input="a long enough password\n"
               ).exit_code == 0
    assert "a@example.police.uk" in kit("users", "list").output
    assert kit("db", "upgrade").exit_code == 0


def test_list_and_disable(kit, client):
    assert "no accounts yet" in kit("users", "list").output  # an empty list says so and how to start
    kit("users", "add", "a@example.police.uk", "--password-stdin", input="a long enough password\n")
    listed = kit("users", "list")
    assert "a@example.police.uk" in listed.output and "active" in listed.output
    assert kit("users", "disable", "A@example.police.uk").exit_code == 0
    assert "disabled" in kit("users", "list").output
    response = client.post("/login", data={"email": "a@example.police.uk",
                                           "password": "a long enough password"})
    assert response.status_code == 200


@pytest.mark.parametrize("args, stdin, message", [
    (["users", "add", "not-an-email", "--password-stdin"], "a long enough password\n", "not an email address"),
    (["users", "add", "x@example.police.uk", "--password-stdin"], "short\n", "at least 12 characters"),
    (["users", "add", "x@example.police.uk", "--role", "boss"], None, "'boss' is not one of"),
    (["users", "disable", "ghost@example.police.uk"], None, "no account for ghost@example.police.uk"),
    (["users", "add"], None, "Missing argument"),
])
def test_wrong_arguments_get_plain_messages(kit, args, stdin, message):
    result = kit(*args, input=stdin)
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_second_account_with_the_same_email_is_refused(kit):
    first = kit("users", "add", "dup@example.police.uk", "--password-stdin", input="a long enough password\n")
    assert first.exit_code == 0
    second = kit("users", "add", "dup@example.police.uk", "--password-stdin", input="a long enough password\n")
    assert second.exit_code == 1 and "already has an account" in second.output


def test_passwords_are_hashed(app, db, make_user):
    user = make_user(password="a long enough password")
    assert user.password_hash.startswith("scrypt:") and "a long enough" not in user.password_hash
    with pytest.raises(users.AccountError):
        users.create_user(db, "z@example.police.uk", "x" * 201)


def test_db_upgrade_is_safe_to_repeat(kit):
    for _ in range(2):
        result = kit("db", "upgrade")
        assert result.exit_code == 0, result.output
        assert "up to date" in result.output
