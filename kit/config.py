"""Configuration as data: defaults, then KIT_* environment variables, then test overrides."""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path

from kit.paths import data_dir

# Secret keys that must never reach production (found in tutorials and our own defaults).
WEAK_SECRETS = {"", "dev", "change-me", "changeme", "secret", "development"}


def defaults(instance_path: str) -> dict:
    """Return the built-in settings for an app whose instance folder is INSTANCE_PATH."""
    return {
        # "development" on a laptop; "production" refuses weak secrets and debug mode.
        "ENV": "development",
        # Signs the sign-in cookie and CSRF tokens; generated per instance folder when unset.
        "SECRET_KEY": None,
        # SQLAlchemy URL; SQLite in the instance folder unless KIT_DATABASE_URL says otherwise.
        "DATABASE_URL": "sqlite:///" + os.path.join(instance_path, "kit.sqlite"),
        # The content library: the shipped lessons/ unless KIT_LESSONS_DIR points elsewhere.
        "LESSONS_DIR": str(data_dir("lessons")),
        # A force's own links, modules, questions and plans beside the national library (KIT_LOCAL_LESSONS).
        "LOCAL_LESSONS": "",
        # Printed as the author of every PDF and in footers.
        "ORGANISATION": "Safer Sessions Kit",
        # Largest request body accepted (forms are small; a bigger body is hostile or a mistake).
        "MAX_CONTENT_LENGTH": 256 * 1024,
        # Cookies: HttpOnly and SameSite=Lax always; Secure in production (set below).
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": False,
        "REMEMBER_COOKIE_HTTPONLY": True,
        # CSRF tokens last a working day so a long-open builder tab can still save.
        "WTF_CSRF_TIME_LIMIT": 8 * 3600,
        # Run the database migrations when the app starts (one process at a time); turn off
        # where a deployment runs `kit db upgrade` itself before starting the workers.
        "AUTO_MIGRATE": True,
        # How many reverse proxies in front of the app set X-Forwarded-For (0: none, trust nothing).
        "TRUSTED_PROXIES": 0,
        # Rendered PDFs kept in memory per worker, so downloading again is instant (0 turns it off).
        "PDF_CACHE_BYTES": 32 * 1024 * 1024,
        # A sign-in lasts this many seconds (a working day), then the officer signs in again.
        "PERMANENT_SESSION_LIFETIME": 12 * 3600,
        # Counted from sign-in, not extended by each click (and no cookie re-signed per request).
        "SESSION_REFRESH_EACH_REQUEST": False,
    }


def instance_path() -> str:
    """Return the instance folder: KIT_INSTANCE_PATH, else Flask's default place for the kit package."""
    value = os.environ.get("KIT_INSTANCE_PATH")
    if value:
        return str(Path(value).expanduser().resolve())
    from flask.sansio.scaffold import find_package  # noqa: PLC0415 - the same rule the app would use

    prefix, package_path = find_package("kit")
    if prefix is None:  # a source checkout: ./instance beside the kit package
        return os.path.join(package_path, "instance")
    return os.path.join(prefix, "var", "kit-instance")


def from_environment(environ: dict[str, str] | None = None) -> dict:
    """Return the KIT_* variables as settings, each value read as JSON where it parses (as Flask does)."""
    environ = os.environ if environ is None else environ
    found = {}
    for name in sorted(n for n in environ if n.startswith("KIT_")):
        try:
            found[name.removeprefix("KIT_")] = json.loads(environ[name])
        except ValueError:
            found[name.removeprefix("KIT_")] = environ[name]
    return found


def settings(instance: str, overrides: dict | None = None) -> dict:
    """Return the settings for INSTANCE: defaults, then KIT_* variables, then OVERRIDES."""
    return {**defaults(instance), **from_environment(), **(overrides or {})}


def ensure_instance(instance: str) -> None:
    """Create the instance folder if it is missing, readable by its owner only (it holds the database)."""
    os.makedirs(instance, mode=0o700, exist_ok=True)


def ensure_secret(config: dict, instance_path: str) -> None:
    """Give a development instance a random secret key kept in its instance folder."""
    if config.get("SECRET_KEY") or config.get("ENV") == "production":
        return
    key_file = Path(instance_path) / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_hex(32), encoding="ascii")
        key_file.chmod(0o600)
    config["SECRET_KEY"] = key_file.read_text(encoding="ascii").strip()


def production_problems(config: dict) -> list[str]:
    """Return the reasons a production app must not start (empty when it may)."""
    if config.get("ENV") != "production":
        return []
    reasons = []
    key = config.get("SECRET_KEY") or ""
    if key.strip().lower() in WEAK_SECRETS or len(key) < 32:
        reasons.append("KIT_SECRET_KEY is missing, a default or shorter than 32 characters; "
                       "set it to a long random value (python -c 'import secrets; print(secrets.token_hex(32))')")
    if config.get("DEBUG"):
        reasons.append("debug mode is on; unset KIT_DEBUG (debug shows code and data to anyone)")
    return reasons


class ConfigError(RuntimeError):
    """The configuration is unsafe or unusable; the message says why."""
