"""An officer downloads the quiz for Kahoot and Moodle from the builder, in a real browser."""

import re
from pathlib import Path

import pytest

from kit.quiz.formats import FORMATS
from kit.quiz.model import Quiz
from tests.browser.conftest import EMAIL, PASSWORD
from tests.quiz import readers


@pytest.fixture
def page(browser, live_app):
    """Return a fresh page that accepts downloads (CSP bypassed for the injected axe script only)."""
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 1000},
                                  accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def test_download_the_quiz_from_the_builder(page, live_app, axe, tmp_path):
    _, base = live_app
    page.goto(base + "/login")
    page.fill("#email", EMAIL)
    page.fill("#password", PASSWORD)
    page.click("button:has-text('Sign in')")
    page.click("text=New session")
    page.select_option("#audience", "upper-secondary")
    page.select_option("#nation", "wales")
    page.check("#lang-2")  # Welsh and English together
    page.click("button:has-text('Create the session')")
    page.wait_for_url(re.compile(r"/sessions/\d+$"))

    page.click("text=Download the quiz as…")
    page.wait_for_url(re.compile(r"/sessions/\d+/quiz$"))
    axe(page, "quiz downloads")
    assert page.locator("h2", has_text="In Welsh").is_visible()
    note = page.locator(".warning-box", has_text="Aiken holds questions with exactly one right answer")
    assert note.first.is_visible()
    page.screenshot(path=str(tmp_path / "quiz-page.png"), full_page=True)

    with page.expect_download() as info:
        page.click("a:has-text('Kahoot spreadsheet') >> nth=1")  # the English one
    download = info.value
    assert download.suggested_filename == "quiz-upper-secondary-core-wales.kahoot.xlsx"
    rows, _ = readers.read_kahoot(Path(download.path()).read_bytes())
    library = live_app[0].extensions["kit.library"]
    chosen = tuple(library.questions[q] for q in library.plans["upper-secondary-core"].questions)
    left = FORMATS["kahoot"].write(Quiz("x", chosen)).left_out  # named on the page, not in the sheet
    assert len(rows) == len(chosen) - len(left)
    assert all(len(r["stem"]) <= 120 and all(len(a) <= 75 for a in r["answers"]) for r in rows)
