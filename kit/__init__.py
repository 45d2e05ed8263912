"""Safer Sessions Kit: build sessions on online grooming and sextortion, print handouts."""

from __future__ import annotations

from pathlib import Path

from flask import Flask

from kit.config import ConfigError, ensure_instance, ensure_secret, instance_path, production_problems, settings
from kit.content.library import Library
from kit.content.loader import load_checked
from kit.paths import data_dir


def create_app(test_config: dict | None = None, library: Library | None = None) -> Flask:
    """Create and configure the app: defaults, KIT_* variables, then TEST_CONFIG.

    LIBRARY, when given, is served instead of loading LESSONS_DIR: the tests load the shipped library
    once and pass it to each of their apps (it is never changed in place; a reload replaces it).
    """
    app = Flask(
        __name__,
        instance_path=instance_path(),
        instance_relative_config=True,
        template_folder=str(data_dir("templates")),
        static_folder=str(data_dir("static")),
    )
    app.config.from_mapping(settings(app.instance_path, test_config))
    if app.config["ENV"] == "production":
        app.config["SESSION_COOKIE_SECURE"] = True
        app.config["REMEMBER_COOKIE_SECURE"] = True
    reasons = production_problems(app.config)
    if reasons:
        raise ConfigError("refusing to start in production: " + "; ".join(reasons))
    ensure_instance(app.instance_path)
    ensure_secret(app.config, app.instance_path)
    app.extensions["kit.library"] = (library if library is not None else
                                     load_checked(app.config["LESSONS_DIR"], local=_local(app.config)))
    from kit.web import register  # noqa: PLC0415 - keeps Flask's web areas out of `kit check` start-up

    register(app)  # each web area lives in kit.web and never leaks into the domain code
    return app


def _local(config) -> Path | None:
    """Return the force's own library folder (KIT_LOCAL_LESSONS), or None."""
    value = str(config.get("LOCAL_LESSONS") or "").strip()
    return Path(value) if value else None
