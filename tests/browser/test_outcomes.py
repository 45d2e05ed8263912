"""Record a delivery with the keyboard alone, then check the outcome pages with axe-core."""

import datetime as dt
import re

import pytest

from kit.accounts import users
from kit.outcomes.delivery import Delivery
from kit.sessions import builder
from kit.store import deliveries
from kit.store import sessions as store
from tests.browser.conftest import EMAIL
from tests.browser.steps import active, by_id, by_text, collecting_page, sign_in_by_keyboard, tab_to


@pytest.fixture
def page(browser, live_app):
    """Return a page under the app's real Content-Security-Policy."""
    page = collecting_page(browser, locale="en-GB")
    yield page
    page.context.close()


@pytest.fixture
def axe_page(browser, live_app):
    """Return a page that lets axe-core's injected script run (CSP bypassed for the check only)."""
    page = collecting_page(browser, locale="en-GB", bypass_csp=True)
    yield page
    page.context.close()


@pytest.fixture
def session_id(live_app):
    """Store a lower-secondary session owned by the browser officer; return its id."""
    app, _ = live_app
    database = app.extensions["kit.db"]
    owner = users.find_user(database.session, EMAIL)
    spec = builder.start(app.extensions["kit.library"], "lower-secondary", True)
    record = store.create(database.session, owner, spec)
    database.session.remove()
    return record.id


def _sign_in(page, base):
    page.goto(base + "/login")
    sign_in_by_keyboard(page)


def test_record_a_delivery_with_the_keyboard_alone(page, live_app, session_id):
    _, base = live_app
    _sign_in(page, base)
    page.goto(f"{base}/sessions/{session_id}")
    tab_to(page, by_text("Record a delivery"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/deliveries/new$"))
    day = dt.date.today() - dt.timedelta(days=3)
    tab_to(page, by_id("delivered_on"))
    page.keyboard.type(f"{day:%d/%m/%Y}")
    tab_to(page, by_id("present"))
    page.keyboard.type("20")
    for field, value in (("count-baseline-q-dont-pay-A", "8"), ("count-baseline-q-dont-pay-B", "10"),
                         ("count-baseline-q-dont-pay-C", "2"), ("count-endpoint-q-dont-pay-A", "1"),
                         ("count-endpoint-q-dont-pay-B", "19"), ("count-endpoint-q-dont-pay-C", "0")):
        tab_to(page, by_id(field))
        page.keyboard.type(value)
    tab_to(page, by_id("reflection"))
    page.keyboard.type("The scenario worked well; give reporting more time.")
    tab_to(page, by_text("Save the delivery"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/deliveries/\d+\?saved=1$"))
    body = page.inner_text("main")
    assert "The delivery was saved." in body and f"{day.day} {day:%B %Y}" in body
    assert "+45 points" in body and "50%" in body and "95%" in body
    assert active(page)["tag"] in ("body", "main", "a", "div")
    assert not page.errors, page.errors


def test_the_outcome_pages_pass_axe(axe_page, live_app, session_id, axe):
    page = axe_page
    app, base = live_app
    database = app.extensions["kit.db"]
    owner = users.find_user(database.session, EMAIL)
    facts = deliveries.SessionFacts(None, "Year 9", "lower-secondary", "wales", "Ysgol", ("how-it-works",))
    counts = {"baseline": {"q-fault": {"false": 9}}, "endpoint": {"q-fault": {"false": 25}}}
    deliveries.save(database.session, owner, facts, Delivery(dt.date.today(), 28, counts, ""),
                    {"q-fault": app.extensions["kit.library"].questions["q-fault"]})
    database.session.remove()
    _sign_in(page, base)
    page.goto(f"{base}/sessions/{session_id}/deliveries/new")
    axe(page, "record a delivery")
    page.click("text=Save the delivery")
    assert "There is a problem" in page.inner_text("main")
    axe(page, "record a delivery with errors")
    page.errors.clear()  # the refused form answered 422 on purpose
    page.goto(base + "/outcomes/")
    assert page.locator("svg.chart").count() >= 1
    axe(page, "outcomes dashboard")
    page.goto(base + "/outcomes/?from=bad&audience=nobody")
    assert "is not a date" in page.inner_text("main")
    axe(page, "outcomes dashboard with a filter problem")
    assert not page.errors, page.errors
