"""A lead makes the force's own content in a real browser: name, address, logo and a link; a mistake
is shown at its field; the history restores; every page passes axe."""

import contextlib
import re

import pytest

from tests.browser.conftest import PASSWORD
from tests.browser.steps import sign_in
from tests.local.links import link_yaml
from tests.local.test_logo import INKSCAPE, png

SHOTS = "/tmp/local-shots"  # noqa: S108 - screenshots for a person to look at
LEAD = "browser.lead@example.police.uk"


@pytest.fixture
def lead_page(page, live_app):
    """Return the fresh page of conftest, signed in as a lead."""
    from kit.accounts import users

    app, base = live_app
    database = app.extensions["kit.db"]
    with contextlib.suppress(users.AccountError):  # the live app serves every test of the run
        users.create_user(database.session, LEAD, PASSWORD, "lead")
    database.session.remove()
    sign_in(page, base, LEAD)
    return page


def fill_link(page, n: int, url: str) -> None:
    """Fill in link N of the form as a lead types it."""
    for name, value in {"id": "force-schools-officer", "organisation": "Example Constabulary",
                        "title": "Example Constabulary", "label": "Ask our schools officer",
                        "description": "Our schools officers can help you stay safe online.", "url": url,
                        "source": "https://www.example.police.uk/schools (seen 20 November 2026)"}.items():
        page.fill(f"#link-{n}-{name}", value)
    page.check(f"#link-{n}-audiences-lower-secondary")
    page.check(f"#link-{n}-nations-england")


def test_a_lead_edits_the_force_content(lead_page, axe, tmp_path):
    page = lead_page
    page.click("text=Force content")
    page.wait_for_url(re.compile(r"/local/$"))
    axe(page, "force content, empty")
    svg = tmp_path / "logo.svg"
    svg.write_bytes(INKSCAPE)
    page.fill("#organisation", "Example Constabulary")
    page.fill("#address", "Police HQ, 1 High Street, Exampleton EX1 1AA")
    page.set_input_files("#logo", str(svg))
    page.click("button:has-text('Add a link')")
    assert "is kept with this form" in page.locator("main").inner_text()  # adding a link keeps the chosen logo
    fill_link(page, 0, "http://www.example.police.uk/schools")
    page.click("button:has-text('Save a new version')")
    summary = page.locator(".error-summary")
    assert "Link 1, url:" in summary.inner_text()
    assert "https" in page.locator("#link-0-url-error").inner_text()
    page.screenshot(path=f"{SHOTS}/refused.png", full_page=True)
    axe(page, "force content, refused")
    summary.locator("a").first.click()
    assert page.evaluate("document.activeElement.id") == "link-0-url"

    page.fill("#link-0-url", "https://www.example.police.uk/schools")  # the logo is not chosen again
    page.click("button:has-text('Save a new version')")
    assert "Documents printed from now on use it" in page.locator("main").inner_text()
    assert page.locator("img.local-logo").evaluate("i => i.naturalWidth") > 0
    assert "drawn from your SVG" in page.locator("img.local-logo").get_attribute("alt")
    page.screenshot(path=f"{SHOTS}/saved.png", full_page=True)
    axe(page, "force content, saved")

    logo = tmp_path / "logo.png"
    logo.write_bytes(png((600, 200)))
    page.set_input_files("#logo", str(logo))
    page.fill("#organisation", "Renamed Police")
    page.click("button:has-text('Save a new version')")
    assert "drawn from your SVG" not in page.locator("img.local-logo").get_attribute("alt")
    page.click("text=History")
    page.wait_for_url(re.compile(r"/local/history$"))
    axe(page, "force content history")
    page.click("button:has-text('Restore')")
    assert re.search(r"Version \d+ is restored as version \d+", page.locator("main").inner_text())
    assert page.input_value("#organisation") == "Example Constabulary"
    assert "drawn from your SVG" in page.locator("img.local-logo").get_attribute("alt")
    page.screenshot(path=f"{SHOTS}/restored.png", full_page=True)


def test_links_can_still_be_typed_as_yaml(lead_page):
    page = lead_page
    page.goto(page.url.split("/sessions/")[0] + "/local/")
    page.click("text=Edit them as YAML instead (advanced)")
    page.fill("#links", link_yaml(url="http://www.example.police.uk/schools"))
    page.click("button:has-text('Save a new version')")
    assert "Line 7: links[0].url:" in page.locator(".error-summary").inner_text()
    page.fill("#links", link_yaml())
    page.click("button:has-text('Save a new version')")  # saved, then shown in the form
    assert page.locator(".error-summary").count() == 0
    assert page.input_value("#link-0-url") == "https://www.example.police.uk/schools"
