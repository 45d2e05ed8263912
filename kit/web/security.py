"""Security headers on every response, and the check that keeps `next` redirects on our site."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

from flask import Flask

# No inline script or style anywhere: everything comes from /static on this origin.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


def init_app(app: Flask) -> None:
    """Add the security headers to every response APP sends; name cookies __Host- in production."""
    if app.config.get("ENV") == "production":
        # __Host-: the browser keeps the cookie only if it is Secure, for Path=/ and no Domain,
        # so neither a sibling subdomain nor plain HTTP can plant or overwrite it.
        app.config["SESSION_COOKIE_NAME"] = "__Host-session"
        app.config["REMEMBER_COOKIE_NAME"] = "__Host-remember_token"

    @app.after_request
    def _headers(response):
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        if response.mimetype == "text/html":
            response.headers.setdefault("Cache-Control", "no-store")
        elif response.mimetype == "application/pdf":
            # Documents can carry a school's contact names: never kept by a browser or proxy cache.
            response.headers["Cache-Control"] = "no-store"
        if app.config.get("ENV") == "production":
            # Production runs behind HTTPS only; tell browsers never to try plain HTTP.
            response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        return response


def is_safe_next(target: str | None) -> bool:
    """Say whether TARGET is a path on this site (never another host, scheme or odd bytes)."""
    if not target or len(target) > 2000:
        return False
    decoded = unquote(target)
    if any(ord(c) < 32 or ord(c) == 127 for c in decoded) or "\\" in decoded:
        return False
    if not target.startswith("/") or decoded.startswith("//"):
        return False
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc


def safe_next(target: str | None, default: str = "/") -> str:
    """Return TARGET when it is safe, else DEFAULT."""
    return target if is_safe_next(target) else default
