"""Rules for URLs the kit prints or encodes in a QR code."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

# Longer URLs make dense QR codes that phones struggle to read from paper.
MAX_URL = 200
TRACKING = ("utm_", "fbclid", "gclid", "dclid", "msclkid", "mc_eid", "_ga", "yclid", "igshid")


def url_problem(url: str) -> str | None:
    """Return why URL must not be printed, or None when it is fine."""
    if not url:
        return "the URL is empty"
    if len(url) > MAX_URL:
        return f"the URL is {len(url)} characters; keep it under {MAX_URL} so its QR code scans"
    if url != url.strip() or any(c.isspace() or ord(c) < 32 for c in url):
        return "the URL contains white space or control characters"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return "the URL cannot be read"
    if parts.scheme != "https":
        return f"the URL must start with https:// (it uses '{parts.scheme or 'no scheme'}')"
    if not parts.hostname or "." not in parts.hostname or url[len("https://"):].startswith("/"):
        return "the URL has no host name"
    if parts.username or parts.password or "@" in parts.netloc:
        return "the URL carries a user name or password"
    if port not in (None, 443):
        return "the URL names an unusual port"
    for key, _ in parse_qsl(parts.query, keep_blank_values=True):
        if key.lower().startswith(TRACKING):
            return f"the URL carries the tracking parameter '{key}'; remove it"
    return None
