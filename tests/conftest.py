"""Fixtures shared by every test: the real library, an app on a temporary instance, its clients."""

from pathlib import Path

import pytest

from kit import create_app
from kit.content.loader import load_checked
from kit.paths import data_dir

LESSONS = data_dir("lessons")


@pytest.fixture(scope="session")
def library():
    """Return the shipped library, loaded and checked once per test run."""
    return load_checked(LESSONS)


@pytest.fixture
def app(tmp_path: Path, monkeypatch):
    """Return an app on a fresh instance folder with test settings."""
    monkeypatch.setenv("KIT_INSTANCE_PATH", str(tmp_path / "instance"))
    app = create_app({
        "TESTING": True,
        "SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'test.sqlite'}",
    })
    yield app


@pytest.fixture
def client(app):
    """Return a test client for APP."""
    return app.test_client()


@pytest.fixture
def runner(app):
    """Return a CLI runner for APP."""
    return app.test_cli_runner()
