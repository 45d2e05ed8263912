"""The app's database: opened once at start, one database session per request, ended at teardown."""

from flask import Flask, current_app, g

from kit.config import ConfigError
from kit.db.engine import DatabaseUnavailable, open_database


def init_database(app: Flask) -> None:
    """Open the database, migrate it when asked, and end each request's database session."""
    try:
        database = open_database(app.config["DATABASE_URL"], app.config.get("AUTO_MIGRATE", True))
    except DatabaseUnavailable as exc:
        raise ConfigError(str(exc)) from None
    app.extensions["kit.db"] = database

    @app.teardown_appcontext
    def _end_database_session(_exc=None):
        database.remove()
        g.pop("kit_user", None)


def db_session(app: Flask | None = None):
    """Return the current scoped database session."""
    return (app or current_app).extensions["kit.db"].session
