"""The app factory and its configuration."""

import pytest

from kit import create_app
from kit.config import ConfigError
from kit.content.loader import LibraryError

STRONG = "0123456789abcdef" * 4


@pytest.fixture
def instance(tmp_path, monkeypatch):
    """Point the app at a temporary instance folder and clear KIT_* variables."""
    for name in ("KIT_SECRET_KEY", "KIT_ENV", "KIT_DEBUG", "KIT_DATABASE_URL", "KIT_LESSONS_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("KIT_INSTANCE_PATH", str(tmp_path / "inst"))
    return tmp_path / "inst"


def test_test_config_overrides_defaults(instance):
    app = create_app({"TESTING": True, "ORGANISATION": "Test Police"})
    assert app.testing
    assert app.config["ORGANISATION"] == "Test Police"


def test_defaults_use_sqlite_in_the_instance_folder(instance):
    app = create_app()
    assert app.instance_path == str(instance.resolve())
    assert app.config["DATABASE_URL"] == f"sqlite:///{instance.resolve()}/kit.sqlite"
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True


def test_development_secret_is_generated_once_and_kept(instance):
    first = create_app().config["SECRET_KEY"]
    second = create_app().config["SECRET_KEY"]
    assert first == second
    assert len(first) == 64
    assert (instance / "secret_key").stat().st_mode & 0o077 == 0


def test_environment_variables_are_read(instance, monkeypatch, tmp_path):
    monkeypatch.setenv("KIT_DATABASE_URL", f"sqlite:///{tmp_path}/other.sqlite")
    monkeypatch.setenv("KIT_ORGANISATION", "Gwent Police")
    app = create_app()
    assert app.config["DATABASE_URL"].endswith("/other.sqlite")
    assert app.config["ORGANISATION"] == "Gwent Police"


@pytest.mark.parametrize("env, reason", [
    ({}, "KIT_SECRET_KEY is missing"),
    ({"KIT_SECRET_KEY": "dev"}, "KIT_SECRET_KEY is missing, a default"),
    ({"KIT_SECRET_KEY": "short"}, "shorter than 32 characters"),
    ({"KIT_SECRET_KEY": STRONG, "KIT_DEBUG": "true"}, "debug mode is on"),
])
def test_production_refuses_unsafe_settings(instance, monkeypatch, env, reason):
    monkeypatch.setenv("KIT_ENV", "production")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError, match="refusing to start in production") as caught:
        create_app()
    assert reason in str(caught.value)


def test_production_with_a_strong_key_starts_with_secure_cookies(instance, monkeypatch):
    monkeypatch.setenv("KIT_ENV", "production")
    monkeypatch.setenv("KIT_SECRET_KEY", STRONG)
    app = create_app()
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert not (instance / "secret_key").exists()


def test_a_broken_library_stops_the_app(instance, monkeypatch, tmp_path):
    from kit.content.loader import LibraryError

    (tmp_path / "lessons").mkdir()
    monkeypatch.setenv("KIT_LESSONS_DIR", str(tmp_path / "lessons"))
    with pytest.raises(LibraryError) as caught:
        create_app()
    assert any("audiences.yaml" in p.file for p in caught.value.problems)


def test_the_app_checks_structure_at_start_and_leaves_the_lint_to_kit_check(instance, tmp_path, monkeypatch):
    from click.testing import CliRunner

    from kit.cli import cli
    from tests.content.helpers import copy_library

    root = copy_library(tmp_path)
    lint_file = root / "lint.yaml"  # a banned phrase the shipped text uses
    text = lint_file.read_text(encoding="utf-8")
    lint_file.write_text(text.replace("banned_phrases:\n", "banned_phrases:\n  - phrase: online\n"
                                      "    reason: a test rule\n", 1), encoding="utf-8")
    monkeypatch.setenv("KIT_LESSONS_DIR", str(root))
    app = create_app({"TESTING": True})
    assert app.extensions["kit.library"].modules
    checked = CliRunner().invoke(cli, ["check"])
    assert checked.exit_code == 1 and "uses 'online': a test rule" in checked.output
    (root / "modules" / "ground-rules.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    with pytest.raises(LibraryError, match="lessons/modules/ground-rules.yaml:2: malformed YAML"):
        create_app({"TESTING": True})
