"""The officer's web app: one blueprint per area."""

from flask import Flask
from flask_wtf.csrf import CSRFProtect
from werkzeug.middleware.proxy_fix import ProxyFix

from kit.web.database import init_database

csrf = CSRFProtect()


def register(app: Flask) -> None:
    """Register the database, every blueprint, error handler and request hook on APP."""
    from kit.web import (
        account,
        auth,
        builder,
        errors,
        exports,
        filters,
        home,
        inputs,
        invite,
        library,
        local,
        outcomes,
        present,
        quizzes,
        render_cache,
        security,
        sessions,
        setup,
        team,
        transfer,
    )

    init_database(app)
    render_cache.init_app(app)
    csrf.init_app(app)
    auth.login_manager.init_app(app)
    if app.config.get("TRUSTED_PROXIES"):
        n = int(app.config["TRUSTED_PROXIES"])
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n, x_host=n)
    security.init_app(app)
    errors.init_app(app)
    inputs.init_app(app)  # before the blueprints: it bounds their <int:...> values
    filters.init_app(app)
    for module in (home, auth, account, sessions, builder, exports, library, quizzes, transfer, team, setup,
                   invite, present, outcomes, local):
        app.register_blueprint(module.bp)
    local.init_app(app)  # the force's own content, followed from each request on
