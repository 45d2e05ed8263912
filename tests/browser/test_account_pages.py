"""Harden's pages in a real browser: change your password, save a session as a file and import it."""

import re

import pytest

from tests.browser.conftest import PASSWORD
from tests.browser.steps import create_session, sign_in

SHOTS = "/tmp/harden-shots"  # noqa: S108 - screenshots for a person to look at


@pytest.fixture
def page(page, live_app):
    """Return the fresh page of conftest, signed in."""
    sign_in(page, live_app[1])
    return page


def test_change_password_page_explains_a_refusal(page, axe):
    page.click("text=Change password")
    page.wait_for_url(re.compile(r"/account/password$"))
    axe(page, "change password")
    page.fill("#current_password", PASSWORD)
    page.fill("#new_password", "password1234")
    page.fill("#confirm_password", "password1234")
    page.click("button:has-text('Change password')")
    summary = page.locator(".error-summary")
    assert "too easy to guess" in summary.inner_text()
    page.screenshot(path=f"{SHOTS}/password-refused.png", full_page=True)
    axe(page, "change password, refused")
    summary.locator("a").first.click()
    assert page.evaluate("document.activeElement.id") == "new_password"


def test_save_a_session_as_a_file_and_import_it(page, axe, tmp_path):
    page.click("text=New session")
    create_session(page, "lower-secondary", nation="england", title="Year 8 move test")
    with page.expect_download() as download:
        page.click("text=Save as a file")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name.endswith(".session.yaml")
    page.click("text=Your sessions")
    page.click("text=Import a session")
    page.click("button:has-text('Import')")
    assert "Choose a session file" in page.locator(".error-summary").inner_text()
    axe(page, "import a session, refused")
    page.set_input_files("#file", str(saved))
    page.click("button:has-text('Import')")
    page.wait_for_url(re.compile(r"/sessions/\d+$"))
    assert "Imported “Year 8 move test” as a new session" in page.content()
    page.screenshot(path=f"{SHOTS}/imported.png", full_page=False)
