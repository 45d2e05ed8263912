"""What the officer typed, kept for the error pages (400, 413, 503) so nothing is lost.

A body over the app's limit (MAX_CONTENT_LENGTH) is still read when it declares no more than a
bounded margin above it (`SERVER_BODY_MARGIN`): `kit serve` lets waitress accept exactly that much,
so the app (not the server) answers 413 with its own page, and each text field comes back with how
far it was over. Anything larger is refused without being read: by waitress before it is spooled,
and by the app under gunicorn (which streams) before a byte of it is waited for.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from urllib.parse import parse_qsl

from flask import Request
from flask_wtf import FlaskForm
from werkzeug.formparser import parse_form_data
from wtforms import PasswordField
from wtforms.fields.core import UnboundField
from wtforms.validators import Length

SERVER_BODY_MARGIN = 256 * 1024  # what the server accepts above the app's limit, for the 413 page to read
NEVER_SHOWN = {"csrf_token", "version", "spec", "next"}  # tokens and machine fields, not typing
# Fields typed in hand-written HTML rather than a WTForms form: name -> (label, limit).
HTML_FIELDS = {"reason": ("Why this suits your group", 300), "reflection": ("Reflection", 1000)}


@dataclass(frozen=True)
class Kept:
    """One field as typed: the part within its limit, and any part beyond it."""

    label: str
    text: str
    limit: int | None = None

    @property
    def over(self) -> int:
        """Return how many characters the text is over its limit (0 when it fits)."""
        return max(0, len(self.text) - self.limit) if self.limit else 0

    @property
    def fits(self) -> str:
        """Return the text cut to its limit, ready to paste back."""
        return self.text[: self.limit] if self.over else self.text

    @property
    def rest(self) -> str:
        """Return the text beyond the limit (so nothing typed is lost)."""
        return self.text[self.limit:] if self.over else ""


def server_body_limit(config) -> int:
    """Return the largest body the server should accept: the app's limit plus the margin."""
    return int(config["MAX_CONTENT_LENGTH"]) + SERVER_BODY_MARGIN


def _forms(cls=FlaskForm):
    """Yield every form class the app defines (subclasses of FlaskForm, all levels)."""
    for sub in cls.__subclasses__():
        yield sub
        yield from _forms(sub)


def fields() -> dict[str, tuple[str, int | None, bool]]:
    """Return name -> (label, maximum length, secret) for every field of every form."""
    found: dict[str, tuple[str, int | None, bool]] = {name: (*spec, False) for name, spec in HTML_FIELDS.items()}
    for form in _forms():
        for name in dir(form):
            unbound = getattr(form, name, None)
            if not isinstance(unbound, UnboundField):
                continue
            label = unbound.args[0] if unbound.args else unbound.kwargs.get("label") or name
            limits = [v.max for v in unbound.kwargs.get("validators") or () if isinstance(v, Length) and v.max > 0]
            found.setdefault(name, (label, min(limits) if limits else None,
                                    issubclass(unbound.field_class, PasswordField)))
    return found


def keep(pairs) -> list[Kept]:
    """Return the non-empty, non-secret fields of PAIRS (name, value) with their labels and limits."""
    known = fields()
    kept = []
    for name, value in pairs:
        label, limit, secret = known.get(name, (name, None, "password" in name))
        if value and not secret and name not in NEVER_SHOWN:
            kept.append(Kept(label, value, limit))
    return kept


def typed_form(request: Request) -> list[Kept]:
    """Return what was typed into a form the app has already parsed (400, 503)."""
    if request.method != "POST":
        return []
    return keep(request.form.items(multi=True))


def _bounded_body(request: Request, limit: int) -> bytes | None:
    """Read the request body straight from the server if it declares at most LIMIT bytes, else None.

    A body declared larger (or with no length) is never read: under gunicorn, which streams, a
    client could otherwise hold a worker by declaring 900 MB and sending nothing.
    """
    length = request.content_length
    if length is None or length > limit:
        return None
    return request.environ["wsgi.input"].read(length)


def typed_oversize(request: Request, limit: int) -> tuple[list[Kept], bool]:
    """Return what was typed into a body over the app's limit, and whether LIMIT cut it short."""
    if request.method != "POST":
        return [], False
    data = _bounded_body(request, limit)
    if data is None:
        return [], True
    cut = len(data) < (request.content_length or 0)  # the client stopped short
    if request.mimetype == "application/x-www-form-urlencoded":
        pairs = parse_qsl(data.decode("latin-1"), keep_blank_values=True, encoding="utf-8", errors="replace")
    elif request.mimetype == "multipart/form-data":
        environ = {**request.environ, "wsgi.input": io.BytesIO(data), "CONTENT_LENGTH": str(len(data))}
        try:
            _, form, files = parse_form_data(environ, silent=True, max_content_length=None)
        except ValueError:  # a multipart body the limit cut through: keep nothing rather than guess
            return [], True
        for upload in files.values():
            upload.close()  # a file is not typing: its bytes are not shown
        pairs = form.items(multi=True)
    else:
        return [], cut
    return keep(pairs), cut
