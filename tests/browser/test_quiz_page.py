"""An officer downloads the quiz for Kahoot and Moodle from the builder, in a real browser."""

import re
from pathlib import Path

from kit.quiz.formats import FORMATS
from kit.quiz.model import Quiz
from tests.browser.steps import new_session
from tests.quiz import readers


def test_download_the_quiz_from_the_builder(page, live_app, axe, tmp_path):
    _, base = live_app
    new_session(page, base, "upper-secondary", nation="wales", lang="bilingual")

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
