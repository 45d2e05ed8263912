"""Render a deck as HTML: the app's presenter and notes pages, and the offline single file.

Jinja2 alone (no Flask): the same templates serve the web view, whose styles and script are
linked from /static under a strict CSP, and the offline file, which carries them inline.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict

import jinja2

from kit.paths import data_dir
from kit.present.deck import Deck, build
from kit.sessions.model import Session

ASSETS = ("css/present.css", "js/present-counts.js", "js/present.js")


def environment() -> jinja2.Environment:
    """Return the Jinja environment over templates/present (autoescaped, strict)."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(data_dir("templates") / "present")),
        autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
    )


def deck_data(deck: Deck, key: str) -> str:
    """Return what the script needs (timer, counts file) as JSON safe inside a script element."""
    data = {
        "key": key, "title": deck.title, "plan": deck.plan, "audience": deck.audience,
        "length": deck.length, "present": deck.group_size,
        "slides": [{"kind": s.kind, "heading": s.heading, "segment": s.segment, "minutes": s.minutes,
                    "question": s.question.id if s.question else None,
                    "phase": s.question.phase if s.question else None} for s in deck.slides],
        "questions": {q.id: {"number": q.number, "type": q.type, "keys": [o.key for o in q.options],
                             "correct": [o.key for o in q.options if o.correct]}
                      for q in deck.questions("baseline") or deck.questions("endpoint")},
    }
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def deck_key(deck: Deck) -> str:
    """Return a short name for DECK that stays the same for the same slides (the counts' storage key)."""
    digest = hashlib.sha256(json.dumps(asdict(deck), sort_keys=True, default=str).encode()).hexdigest()
    return f"deck-{digest[:16]}"


def render(view: str, deck: Deck, *, key: str, hrefs: list[str], current: int = 0,
           assets: dict[str, str], links: dict[str, str] | None = None) -> str:
    """Return the page VIEW ('presenter', 'notes' or 'offline') of DECK as HTML."""
    return environment().get_template(f"{view}.html").render(
        deck=deck, data=deck_data(deck, key), hrefs=hrefs, current=current, assets=assets,
        links=links or {}, view=view,
    )


def _asset(name: str) -> str:
    return (data_dir("static") / name).read_text(encoding="utf-8")


def offline_html(session: Session) -> bytes:
    """Return ONE self-contained HTML file presenting SESSION from file://, with no network."""
    deck = build(session)
    key = deck_key(deck)
    css = _asset(ASSETS[0])
    js = "\n".join(_asset(name) for name in ASSETS[1:])
    # A script could end its own element early; the file is ours, but keep it safe by construction.
    assets = {"css": css.replace("</style", "<\\/style"), "js": js.replace("</script", "<\\/script")}
    hrefs = [f"#slide-{n}" for n in range(1, len(deck.slides) + 1)]
    return render("offline", deck, key=key, hrefs=hrefs, assets=assets).encode("utf-8")


def offline_filename(session: Session) -> str:
    """Return a safe name for the offline file, e.g. 'present-lower-secondary-core-england.html'."""
    base = session.plan.id if session.plan else session.audience.id
    return f"present-{base}-{session.nation.id}.html"
