"""Fixtures shared by every test: the real library, an app on a temporary instance, its clients."""

import os
import shutil
from pathlib import Path

import pytest

from kit import create_app
from kit.content.loader import load_checked
from kit.db import Base
from kit.paths import data_dir

LESSONS = data_dir("lessons")
POSTGRES_URL = os.environ.get("KIT_TEST_POSTGRES_URL")
# Every database test runs on SQLite; on PostgreSQL too when the CI gives us one.
DATABASES = ["sqlite"] + (["postgres"] if POSTGRES_URL else [])
# Every table the models declare (dependants first), so a new table is emptied without another edit here.
OUR_TABLES = (*[table.name for table in reversed(Base.metadata.sorted_tables)], "alembic_version")


# The harness's own variables; every other KIT_* in the shell that runs the tests is the developer's.
HARNESS = {"KIT_TEST_POSTGRES_URL", "KIT_AXE_JS", "KIT_REFRESH_DOCS"}


@pytest.fixture(scope="session", autouse=True)
def no_developer_settings(tmp_path_factory):
    """Run every test away from the developer's settings and instance folder: a `kit check` or `kit export`
    test must not read the force content someone saved in ./instance, nor a KIT_DATABASE_URL in their shell."""
    saved = {name: os.environ.pop(name) for name in list(os.environ) if name.startswith("KIT_") and name not in HARNESS}
    os.environ["KIT_INSTANCE_PATH"] = str(tmp_path_factory.mktemp("instance"))
    yield
    os.environ.pop("KIT_INSTANCE_PATH", None)
    os.environ.update(saved)


@pytest.fixture(scope="session")
def library():
    """Return the shipped library, loaded and checked once per test run."""
    return load_checked(LESSONS)


@pytest.fixture(params=DATABASES)
def database_url(request, tmp_path: Path) -> str:
    """Return a fresh, empty database URL: SQLite in TMP_PATH, or the emptied PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.sqlite'}"
    from sqlalchemy import create_engine, text  # noqa: PLC0415

    engine = create_engine(POSTGRES_URL)
    with engine.begin() as conn:
        for table in OUR_TABLES:
            conn.execute(text(f'DROP TABLE IF EXISTS "{table}" CASCADE'))
    engine.dispose()
    return POSTGRES_URL


@pytest.fixture
def app_config() -> dict:
    """Return extra settings for the app fixture (override in a conftest or a module)."""
    return {}


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory) -> Path:
    """Return a SQLite file the app migrated to head on an empty database, once per run.

    Each SQLite app starts from a copy: running every migration again costs about 65 ms a test.
    """
    folder = tmp_path_factory.mktemp("migrated")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KIT_INSTANCE_PATH", str(folder / "instance"))
        app = create_app({"TESTING": True, "SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
                          "DATABASE_URL": f"sqlite:///{folder / 'head.sqlite'}"})
    app.extensions["kit.db"].dispose()
    return folder / "head.sqlite"


@pytest.fixture
def app(tmp_path: Path, monkeypatch, database_url, app_config, migrated_sqlite):
    """Return an app on a fresh instance folder and an empty database (SQLite: a copy of one just
    migrated), with test settings."""
    monkeypatch.setenv("KIT_INSTANCE_PATH", str(tmp_path / "instance"))
    fresh = Path(database_url.removeprefix("sqlite:///"))
    if database_url.startswith("sqlite:///") and not fresh.exists():
        shutil.copy(migrated_sqlite, fresh)
    app = create_app({
        "TESTING": True,
        "SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
        "DATABASE_URL": database_url,
        **app_config,
    })
    yield app
    database = app.extensions.get("kit.db")
    if database is not None:
        database.dispose()


@pytest.fixture
def client(app):
    """Return a test client for APP."""
    return app.test_client()


@pytest.fixture
def runner(app):
    """Return a CLI runner for APP."""
    return app.test_cli_runner()
