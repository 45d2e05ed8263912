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


# Settings that make an app read another library than the shipped one: such an app loads its own.
OTHER_LIBRARY = ("LESSONS_DIR", "LOCAL_LESSONS")

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
def shipped_library():
    """Return the shipped library, loaded and checked once per test run (nothing changes it in place)."""
    return load_checked(LESSONS)


@pytest.fixture(scope="session")
def library(shipped_library):
    """Return the shipped library (tests/web overrides it with the app's own)."""
    return shipped_library


class PostgresTables:
    """The test PostgreSQL's tables: migrated to head once per run, then emptied before each test.

    Dropping every table and running all the migrations again cost about a quarter of a second a test;
    one TRUNCATE ... RESTART IDENTITY leaves the same empty schema (ids counting from 1 again).
    """

    def __init__(self, url: str):
        from sqlalchemy import create_engine  # noqa: PLC0415

        self.url = url
        self.engine = create_engine(url)
        self.at_head = False

    def _run(self, statement: str) -> None:
        from sqlalchemy import text  # noqa: PLC0415

        with self.engine.begin() as conn:
            conn.execute(text(statement))

    def drop(self) -> None:
        """Drop every table of ours: an empty database, as a first deployment sees it."""
        self._run("DROP TABLE IF EXISTS " + ", ".join(f'"{t}"' for t in OUR_TABLES) + " CASCADE")
        self.at_head = False

    def empty(self) -> None:
        """Leave the schema at head with no rows: migrate once (again after a drop), else truncate."""
        if self.at_head:
            data = [t for t in OUR_TABLES if t != "alembic_version"]
            self._run("TRUNCATE " + ", ".join(f'"{t}"' for t in data) + " RESTART IDENTITY CASCADE")
            return
        from kit.db.migrate import upgrade  # noqa: PLC0415

        self.drop()
        upgrade(self.engine, self.url)
        self.at_head = True


@pytest.fixture(scope="session")
def postgres_tables():
    """Return the PostgreSQL tables' keeper for the run (None without KIT_TEST_POSTGRES_URL)."""
    if not POSTGRES_URL:
        yield None
        return
    tables = PostgresTables(POSTGRES_URL)
    yield tables
    tables.engine.dispose()


@pytest.fixture(params=DATABASES)
def database_url(request, tmp_path: Path, postgres_tables, migrated_sqlite) -> str:
    """Return the URL of a database migrated to head with no rows in it: SQLite a copy of one
    migrated file in TMP_PATH, PostgreSQL emptied by one TRUNCATE."""
    if request.param == "sqlite":
        fresh = tmp_path / "test.sqlite"
        shutil.copy(migrated_sqlite, fresh)
        return f"sqlite:///{fresh}"
    postgres_tables.empty()
    return POSTGRES_URL


@pytest.fixture(params=DATABASES)
def empty_database_url(request, tmp_path: Path, postgres_tables) -> str:
    """Return the URL of a database with no tables at all (for the tests of the migrations themselves)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'empty.sqlite'}"
    postgres_tables.drop()
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
def app(tmp_path: Path, monkeypatch, database_url, app_config, shipped_library):
    """Return an app on a fresh instance folder and an empty database at head, with test settings.

    It serves the library loaded once per run (loading it again cost about 60 ms a test), unless
    APP_CONFIG or the environment names another library.
    """
    monkeypatch.setenv("KIT_INSTANCE_PATH", str(tmp_path / "instance"))
    other = any(name in app_config or f"KIT_{name}" in os.environ for name in OTHER_LIBRARY)
    app = create_app({
        "TESTING": True,
        "SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
        "DATABASE_URL": database_url,
        **app_config,
    }, library=None if other else shipped_library)
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
