"""The officer's web app: one blueprint per area."""

from flask import Flask


def register(app: Flask) -> None:
    """Register every blueprint, error handler and request hook on APP."""
    from kit.web import home

    app.register_blueprint(home.bp)
