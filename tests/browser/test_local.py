"""A lead makes the force's own content in a real browser: name, address, logo and a link; a mistake
is shown at its field; the history restores; every page passes axe."""

import re

import pytest

from tests.browser.conftest import PASSWORD
from tests.browser.steps import sign_in
from tests.local.links import link_yaml
from tests.local.test_logo import png

SHOTS = "/tmp/local-shots"  # noqa: S108 - screenshots for a person to look at
LEAD = "browser.lead@example.police.uk"


@pytest.fixture
def lead_page(page, live_app):
    """Return the fresh page of conftest, signed in as a lead."""
    from kit.accounts import users

    app, base = live_app
    database = app.extensions["kit.db"]
    users.create_user(database.session, LEAD, PASSWORD, "lead")
    database.session.remove()
    sign_in(page, base, LEAD)
    return page


def test_a_lead_edits_the_force_content(lead_page, axe, tmp_path):
    page = lead_page
    page.click("text=Force content")
    page.wait_for_url(re.compile(r"/local/$"))
    axe(page, "force content, empty")
    logo = tmp_path / "logo.png"
    logo.write_bytes(png((600, 200)))
    page.fill("#organisation", "Example Constabulary")
    page.fill("#address", "Police HQ, 1 High Street, Exampleton EX1 1AA")
    page.set_input_files("#logo", str(logo))
    page.fill("#links", link_yaml(url="http://www.example.police.uk/schools"))
    page.click("button:has-text('Save a new version')")
    summary = page.locator(".error-summary")
    assert "Line 7: links[0].url:" in summary.inner_text()
    page.screenshot(path=f"{SHOTS}/refused.png", full_page=True)
    axe(page, "force content, refused")
    summary.locator("a").first.click()
    assert page.evaluate("document.activeElement.id") == "links"

    page.fill("#links", link_yaml())
    page.set_input_files("#logo", str(logo))
    page.click("button:has-text('Save a new version')")
    assert "Documents printed from now on use it" in page.locator("main").inner_text()
    assert page.locator("img.local-logo").evaluate("i => i.naturalWidth") > 0
    page.screenshot(path=f"{SHOTS}/saved.png", full_page=True)
    axe(page, "force content, saved")

    page.fill("#organisation", "Renamed Police")
    page.click("button:has-text('Save a new version')")
    page.click("text=History")
    page.wait_for_url(re.compile(r"/local/history$"))
    axe(page, "force content history")
    page.click("button:has-text('Restore')")
    assert re.search(r"Version \d+ is restored as version \d+", page.locator("main").inner_text())
    assert page.input_value("#organisation") == "Example Constabulary"
    page.screenshot(path=f"{SHOTS}/restored.png", full_page=True)
