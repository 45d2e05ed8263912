"""Template filters: dates and names as people read them."""

from __future__ import annotations

import datetime as dt

from flask import Flask

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


def init_app(app: Flask) -> None:
    """Register the filters on APP."""
    for func in (long_date, when, setting_name, audience_label):
        app.add_template_filter(func)
