"""Parts of the builder page that depend only on the library and the session's choices.

The builder is shown after every change, and many sessions make the same choices (every session
that starts from an audience's ready-made plan). So the long lists (modules to add, questions to
tick) are rendered once per (audience, choices) and reused. Each depends only on what its key
names (an officer's reason for a module is part of the key); the CSRF token, version and URLs
stay in the page around them.
"""

from __future__ import annotations

from flask import current_app, render_template
from markupsafe import Markup

from kit.sessions.model import SessionSpec

MAX_ENTRIES = 2048  # a few hundred bytes to a few KB each; cleared whole when full


def _cached(key: tuple, template: str, **context) -> Markup:
    """Return TEMPLATE rendered with CONTEXT, from the app's cache under KEY when it is there."""
    cache = current_app.extensions.setdefault("kit.fragments", {})
    html = cache.get(key)
    if html is None:
        if len(cache) >= MAX_ENTRIES:
            cache.clear()
        html = cache[key] = Markup(render_template(template, **context))  # noqa: S704 - autoescaped output
    return html


def module_rows(spec: SessionSpec) -> Markup:
    """Return the list items for SPEC's modules in order, with their move and remove buttons."""
    lib = current_app.extensions["kit.library"]
    modules = [lib.modules[m] for m in spec.modules if m in lib.modules]
    reasons = tuple((m.id, spec.reasons.get(m.id, "")) for m in modules if spec.audience not in m.audiences)
    return _cached(("rows", spec.audience, tuple(m.id for m in modules), reasons), "sessions/_module_rows.html",
                   modules=modules, audience=spec.audience, reasons=dict(reasons))


def modules_to_add(spec: SessionSpec) -> Markup:
    """Return the list items offering the audience's modules that SPEC does not have yet."""
    lib = current_app.extensions["kit.library"]
    return _cached(("modules", spec.audience, frozenset(spec.modules)), "sessions/_modules_to_add.html",
                   lib=lib, audience=spec.audience, chosen=spec.modules)


def question_choices(spec: SessionSpec) -> Markup:
    """Return the checkboxes for the audience's questions (and any chosen for other ages), ticked as in SPEC."""
    lib = current_app.extensions["kit.library"]
    return _cached(("questions", spec.audience, tuple(spec.questions)), "sessions/_question_choices.html",
                   lib=lib, audience=spec.audience, chosen=spec.questions)
