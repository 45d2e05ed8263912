"""Template filters: dates and names as people read them."""

from __future__ import annotations

import datetime as dt

from flask import Flask, url_for

from kit.web.forms import SETTING_NAMES


def long_date(day: dt.date | None) -> str:
    """Return DAY as '27 March 2027'."""
    return f"{day.day} {day:%B %Y}" if day else ""


def when(moment: dt.datetime | None) -> str:
    """Return MOMENT (UTC) as '27 March 2027 at 14:05 UTC'."""
    if moment is None:
        return ""
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC)
    return f"{long_date(moment.date())} at {moment:%H:%M} UTC"


def setting_name(setting: str) -> str:
    """Return the display name of a delivery setting."""
    return SETTING_NAMES.get(setting, setting)


def audience_label(audience_id: str, library) -> str:
    """Return the name of AUDIENCE_ID in LIBRARY."""
    audience = library.audiences.get(audience_id)
    return audience.name.en if audience else audience_id


# The layout's links, built once: every page carries them and url_for is costly per call.
LAYOUT_ENDPOINTS = {
    "css": ("static", {"filename": "css/kit.css"}),
    "js": ("static", {"filename": "js/kit.js"}),
    "icon": ("static", {"filename": "img/favicon.svg"}),
    "home": ("home.index", {}),
    "sessions": ("sessions.dashboard", {}),
    "library": ("library.modules", {}),
    "outcomes": ("outcomes.dashboard", {}),
    "logout": ("auth.logout", {}),
    "password": ("account.password", {}),
}


def init_app(app: Flask) -> None:
    """Register the filters and the layout's links on APP."""
    for func in (long_date, when, setting_name, audience_label):
        app.add_template_filter(func)
    built: dict[str, str] = {}

    @app.context_processor
    def _layout_links():
        if not built:
            built.update({k: url_for(e, **v) for k, (e, v) in LAYOUT_ENDPOINTS.items()})
        return {"layout": built}
