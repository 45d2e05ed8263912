"""The officer's web app: one blueprint per area."""

from flask import Flask, g
from flask_wtf.csrf import CSRFProtect
from werkzeug.middleware.proxy_fix import ProxyFix

from kit.config import ConfigError
from kit.db import DatabaseUnavailable, open_database

csrf = CSRFProtect()


def register(app: Flask) -> None:
    """Register the database, every blueprint, error handler and request hook on APP."""
    from kit.web import auth, builder, errors, exports, filters, home, library, quizzes, security, sessions

    _database(app)
    csrf.init_app(app)
    auth.login_manager.init_app(app)
    if app.config.get("TRUSTED_PROXIES"):
        n = int(app.config["TRUSTED_PROXIES"])
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n, x_host=n)
    security.init_app(app)
    errors.init_app(app)
    filters.init_app(app)
    for module in (home, auth, sessions, builder, exports, library, quizzes):
        app.register_blueprint(module.bp)


def _database(app: Flask) -> None:
    """Open the database, migrate it when asked, and end each request's session."""
    try:
        database = open_database(app.config["DATABASE_URL"], app.config.get("AUTO_MIGRATE", True))
    except DatabaseUnavailable as exc:
        raise ConfigError(str(exc)) from None
    app.extensions["kit.db"] = database

    @app.teardown_appcontext
    def _remove_session(_exc=None):
        database.remove()
        g.pop("kit_user", None)


def db_session(app: Flask | None = None):
    """Return the current scoped database session."""
    from flask import current_app  # noqa: PLC0415

    return (app or current_app).extensions["kit.db"].session
