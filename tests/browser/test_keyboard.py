"""The same journey with the keyboard alone: Tab, Shift+Tab, Enter, Space, arrows and typing.

No clicks: the only mouse-free calls are page.goto for the first page and reading the page's state.
The app's real Content-Security-Policy stays on, and no script may break under it.
"""

import re
from pathlib import Path

import pytest

from tests.browser.steps import active, by_id, by_text, collecting_page, sign_in_by_keyboard, tab_to


@pytest.fixture
def page(browser, live_app):
    """Return a fresh page with the real CSP; console errors are collected on page.errors."""
    page = collecting_page(browser, accept_downloads=True)
    yield page
    page.context.close()


def press_and_load(page, key: str) -> None:
    """Press KEY on the focused control and wait for the page it opens."""
    with page.expect_navigation():
        page.keyboard.press(key)


def test_officer_flow_with_the_keyboard_alone(page, live_app):
    app, base = live_app
    library = app.extensions["kit.library"]
    page.goto(base + "/login")
    first = tab_to(page, lambda a: True, limit=1)
    assert first["text"] == "Skip to main content"
    page.keyboard.press("Enter")
    sign_in_by_keyboard(page)

    tab_to(page, by_text("New session"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/sessions/new$"))
    tab_to(page, by_id("title"))
    page.keyboard.type("Keyboard session")
    tab_to(page, by_id("audience"))
    page.keyboard.type("Lower")
    assert page.eval_on_selector("#audience", "e => e.value") == "lower-secondary"
    tab_to(page, by_id("nation"))
    page.keyboard.type("Wales")
    assert page.eval_on_selector("#nation", "e => e.value") == "wales"
    tab_to(page, lambda a: a["name"] == "lang")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.eval_on_selector("#lang-2", "e => e.checked")
    tab_to(page, by_text("Create the session"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/sessions/\d+$"))

    order = page.eval_on_selector_all(".module-item", "items => items.map(i => i.dataset.id)")
    second = library.modules[order[1]].title.en
    tab_to(page, lambda a: a["text"] == f"Move up {second}")
    press_and_load(page, "Enter")
    moved = page.eval_on_selector_all(".module-item", "items => items.map(i => i.dataset.id)")
    assert moved[:2] == [order[1], order[0]]

    other = next(m for m in library.modules.values() if "lower-secondary" not in m.audiences)
    tab_to(page, by_text("Show modules written for other ages"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"all=modules"))
    tab_to(page, lambda a: a["tag"] == "summary" and a["text"].startswith(other.title.en))
    page.keyboard.press("Enter")  # opens that module's reason box, and only that one
    tab_to(page, by_id(f"reason-module-{other.id}"))
    page.keyboard.type("Older pupils in this group")
    page.keyboard.press("Tab")
    assert active(page)["text"].startswith("Add with this reason")
    press_and_load(page, "Space")
    assert other.id in page.eval_on_selector_all(".module-item", "items => items.map(i => i.dataset.id)")

    tab_to(page, by_id("school_notes"))
    page.keyboard.type("DSL: Ms Jones, ext 204")
    page.keyboard.press("Tab")
    press_and_load(page, "Enter")
    assert page.input_value("#school_notes") == "DSL: Ms Jones, ext 204"

    tab_to(page, by_text("Preview and download"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/preview$"))
    tab_to(page, by_text("Handout (A4)"))
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    assert Path(download_info.value.path()).read_bytes().startswith(b"%PDF-")

    assert not page.errors, page.errors


def test_sign_out_by_keyboard(page, live_app):
    _app, base = live_app
    page.goto(base + "/login")
    sign_in_by_keyboard(page)
    tab_to(page, by_text("Sign out"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/login\?signed_out=1$"))
    page.goto(base + "/sessions/")
    assert "/login" in page.url
    assert not page.errors, page.errors
