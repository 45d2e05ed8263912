"""Presenting in real Chromium: keyboard only, reveal, blank, the notes window, counts, axe-core,
and the offline single file from file:// with every network request aborted."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import statistics
from dataclasses import replace
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from kit.outcomes import countsfile
from kit.outcomes.delivery import check
from kit.present.page import offline_html
from kit.sessions.model import assemble, from_plan
from tests.browser.steps import new_session

PLAN = "lower-secondary-core"
# The slide and the controls below it fit the window: nothing to scroll to at the back of the room.
FITS = "document.documentElement.scrollHeight <= window.innerHeight + 1"
# How far the slide on screen shrank its type to fit (1 = not at all).
SHRUNK = """() => { const s = document.querySelector('section.slide:not([hidden])');
  if (!s.style.fontSize) return 1;
  const shown = parseFloat(s.style.fontSize); s.style.fontSize = '';
  const base = parseFloat(getComputedStyle(s).fontSize); s.style.fontSize = shown + 'px';
  return shown / base; }"""
READABLE = 0.7  # a slide may shrink a little to fit, never to a size the back row cannot read


def _visible_slide(page) -> int:
    """Return the 1-based number of the slide on screen (exactly one must be)."""
    shown = page.locator("section.slide:not([hidden])")
    assert shown.count() == 1
    return int(shown.get_attribute("id").removeprefix("slide-"))


def _visible_note(notes) -> int:
    shown = notes.locator("section.note:not([hidden])")
    assert shown.count() == 1
    return int(shown.get_attribute("id").removeprefix("note-"))


def _deck(page) -> dict:
    return json.loads(page.locator("#deck-data").text_content())


def _first(deck: dict, phase: str) -> int:
    """Return the 1-based slide number of the first question of PHASE."""
    return next(i for i, s in enumerate(deck["slides"], 1) if s["phase"] == phase)


def _go(page, number: int) -> None:
    page.keyboard.press("Home")
    for _ in range(number - 1):
        page.keyboard.press("ArrowRight")
    assert _visible_slide(page) == number


@pytest.fixture(params=[False], ids=["real-csp"])
def context(browser, request):
    """Return a browser context; the app's real CSP stays on unless a test asks to inject axe-core."""
    context = browser.new_context(viewport={"width": 1280, "height": 720}, accept_downloads=True,
                                  bypass_csp=request.param)
    context.errors = []
    context.on("page", lambda p: p.on("pageerror", lambda exc: context.errors.append(str(exc))))
    yield context
    context.close()


def _open_presenter(context, base: str, bilingual: bool = False):
    """Sign in, create a lower-secondary session (in Wales, in Welsh and English if BILINGUAL) and
    open its presenter."""
    page = _new_session(context, base, bilingual)
    page.click("a:has-text('Present')")
    page.wait_for_url(re.compile(r"/present/1$"))
    return page


def _new_session(context, base: str, bilingual: bool = False):
    """Sign in and create a lower-secondary session; return the page showing its builder."""
    page = context.new_page()
    page.on("pageerror", lambda exc: context.errors.append(str(exc)))
    new_session(page, base, "lower-secondary", **({"nation": "wales", "lang": "bilingual"} if bilingual else {}))
    return page


@pytest.fixture
def presenter(context, live_app):
    """Sign in, create a lower-secondary session and open its presenter; return (page, base URL)."""
    _app, base = live_app
    return _open_presenter(context, base), base


def _type_count(notes, phase: str, question: str, key: str, value: str) -> None:
    notes.fill(f"#count-{phase}-{question}-{key}", value)


def test_present_start_to_end_by_keyboard_with_notes_following(presenter, context):
    page, _base = presenter
    deck = _deck(page)
    total = len(deck["slides"])
    with context.expect_page() as opened:
        page.keyboard.press("n")
    notes = opened.value
    notes.wait_for_load_state()
    # Time each slide change from the key press to the second frame after it (painted).
    # The handler's own time (capture on document to bubble on window), and key to the second frame.
    page.evaluate("""() => { window.changes = []; window.handler = []; let t0 = 0;
        document.addEventListener('keydown', () => { t0 = performance.now(); const start = t0;
            requestAnimationFrame(() => requestAnimationFrame(() => window.changes.push(performance.now() - start)));
        }, true);
        window.addEventListener('keydown', () => window.handler.push(performance.now() - t0)); }""")
    for number in range(2, total + 1):
        page.keyboard.press("PageDown" if number % 2 else "ArrowRight")
        assert _visible_slide(page) == number
        notes.wait_for_function(f"!document.querySelector('#note-{number}').hidden")
    assert page.url.endswith(f"/present/{total}")
    page.keyboard.press("ArrowRight")
    assert _visible_slide(page) == total
    page.keyboard.press("Home")
    assert _visible_slide(page) == 1
    page.keyboard.press("End")
    assert _visible_slide(page) == total
    page.keyboard.press("PageUp")
    assert _visible_slide(page) == total - 1
    notes.wait_for_function(f"!document.querySelector('#note-{total - 1}').hidden")
    assert _visible_note(notes) == total - 1
    changes, handler = page.evaluate("[window.changes, window.handler]")
    print(f"\nslide change: handler median {statistics.median(handler):.2f} ms (max {max(handler):.2f}); "
          f"key to second painted frame median {statistics.median(changes):.1f} ms "
          f"(max {max(changes):.1f}) over {len(changes)} changes")
    assert context.errors == []


def test_reveal_and_blank(presenter):
    page, _ = presenter
    deck = _deck(page)
    endpoint = _first(deck, "endpoint")
    _go(page, endpoint)
    slide = page.locator(f"#slide-{endpoint}")
    assert not slide.locator(".answer").is_visible()
    page.keyboard.press("r")
    assert slide.locator(".answer").is_visible()
    assert slide.locator(".explanation").is_visible()
    page.keyboard.press("r")
    assert not slide.locator(".answer").is_visible()
    baseline = _first(deck, "baseline")
    _go(page, baseline)
    assert page.locator(f"#slide-{baseline} details.reveal").count() == 0  # no spoilers before
    page.keyboard.press("b")
    assert page.locator("#blank").is_visible()
    page.keyboard.press("b")
    assert not page.locator("#blank").is_visible()
    assert _visible_slide(page) == baseline


def test_counts_in_the_notes_window_and_the_change_view(presenter, context, library):
    page, _ = presenter
    deck = _deck(page)
    with context.expect_page() as opened:
        page.keyboard.press("n")
    notes = opened.value
    notes.wait_for_load_state()
    question = deck["slides"][_first(deck, "baseline") - 1]["question"]
    right = deck["questions"][question]["correct"][0]
    wrong = next(k for k in deck["questions"][question]["keys"] if k != right)
    notes.fill("#present-count", "30")
    _go(page, _first(deck, "baseline"))
    _type_count(notes, "baseline", question, right, "12")
    _type_count(notes, "baseline", question, wrong, "abc")
    error = notes.locator(f"#count-baseline-{question}-{wrong}-error")
    assert "must be a whole number" in error.inner_text()
    _type_count(notes, "baseline", question, wrong, "-3")
    assert "cannot be below 0" in error.inner_text()
    _type_count(notes, "baseline", question, wrong, "31")
    assert "more than the 30 pupils present" in error.inner_text()
    _type_count(notes, "baseline", question, wrong, "25")
    assert "answers in all, more than the 30 pupils" in notes.locator(
        f"#count-baseline-{question}-total-error").inner_text()
    # Refused, not lost: the typed value stays, and comes back after a reload.
    notes.reload()
    assert notes.input_value(f"#count-baseline-{question}-{wrong}") == "25"
    assert notes.input_value(f"#count-baseline-{question}-{right}") == "12"
    _type_count(notes, "baseline", question, wrong, "18")
    assert error.inner_text() == ""
    _go(page, _first(deck, "endpoint"))
    notes.click("#download-counts")  # only the baseline so far: refused, and nothing lost
    assert "only one of the two quizzes" in notes.locator("#download-error").inner_text()
    _type_count(notes, "endpoint", question, "correct", "27")
    _type_count(notes, "endpoint", question, right, "27")
    assert "not both" in notes.locator(f"#count-endpoint-{question}-total-error").inner_text()
    _type_count(notes, "endpoint", question, "correct", "")
    row = notes.locator(f'[data-result="{question}"]')
    assert row.locator('[data-cell="baseline"]').inner_text() == "40% right"
    assert row.locator('[data-cell="endpoint"]').inner_text() == "90% right"
    assert row.locator('[data-cell="change"]').inner_text() == "+50 points"
    with notes.expect_download() as download:
        notes.click("#download-counts")
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert data["format"] == "safer-sessions-kit/counts" and data["version"] == 1
    assert data["present"] == 30 and data["plan"] == PLAN and data["audience"] == "lower-secondary"
    assert data["baseline"][question] == {right: 12, wrong: 18}
    assert data["endpoint"][question] == {right: 27}
    # What the notes window saves, the outcomes upload accepts.
    uploaded = countsfile.read(Path(download.value.path()).read_bytes())
    delivery, problems = check(uploaded.raw(dt.date.today()), {q.id: q for q in library.questions.values()
                                                               if q.id in deck["questions"]}, dt.date.today())
    assert problems == [] and delivery.counts["endpoint"][question] == {right: 27}
    # The next class starts from nothing once the officer confirms.
    notes.once("dialog", lambda dialog: dialog.accept())
    notes.click("#clear-counts")
    assert notes.input_value(f"#count-endpoint-{question}-{right}") == ""
    assert row.locator('[data-cell="change"]').inner_text() == "–"
    notes.reload()
    assert notes.input_value(f"#count-baseline-{question}-{wrong}") == ""
    assert context.errors == []


@pytest.mark.parametrize("context", [True], ids=["axe-injected"], indirect=True)
def test_axe_finds_nothing_serious_on_presenter_and_notes(presenter, context, axe):
    page, _ = presenter
    deck = _deck(page)
    axe(page, "presenter title slide")
    _go(page, _first(deck, "endpoint"))
    page.keyboard.press("r")
    axe(page, "presenter with an answer revealed")
    _go(page, len(deck["slides"]))
    axe(page, "presenter signposting slide")
    with context.expect_page() as opened:
        page.keyboard.press("n")
    notes = opened.value
    notes.wait_for_load_state()
    _go(page, _first(deck, "endpoint"))
    notes.wait_for_function(f"!document.querySelector('#note-{_first(deck, 'endpoint')}').hidden")
    notes.fill("#present-count", "30")
    notes.fill(f"#count-endpoint-{deck['slides'][_first(deck, 'endpoint') - 1]['question']}-correct", "-1")
    axe(notes, "notes window with a refused count")


def test_the_presenter_works_without_javascript(no_js_page, live_app):
    _app, base = live_app
    page = no_js_page
    new_session(page, base, "lower-secondary")
    page.click("a:has-text('Present')")
    page.click("a:has-text('Next')")
    page.wait_for_url(re.compile(r"/present/2$"))
    assert _visible_slide(page) == 2
    page.click("a:has-text('Previous')")
    page.wait_for_url(re.compile(r"/present/1$"))


@pytest.fixture(scope="module")
def offline_file(library, tmp_path_factory):
    session = assemble(library, replace(from_plan(library, PLAN), lesson_minutes=60))
    path = tmp_path_factory.mktemp("usb-stick") / "present.html"
    path.write_bytes(offline_html(session))
    return path, session


def test_offline_file_runs_from_file_with_no_network(browser, offline_file, axe):
    path, session = offline_file
    context = browser.new_context(viewport={"width": 1280, "height": 720}, accept_downloads=True)
    left = []

    def block(route):
        left.append(route.request.url)
        route.abort()

    context.route(re.compile(r"^(?!file:).*"), block)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("request", lambda request: request.url.startswith("file:") or left.append(request.url))
    page.goto(path.as_uri())
    deck = _deck(page)
    axe(page, "offline presenter")
    decoded = set()
    for number in range(1, len(deck["slides"]) + 1):
        if number > 1:
            page.keyboard.press("ArrowRight")
        assert _visible_slide(page) == number
        assert page.evaluate(FITS), f"slide {number} runs off the screen"
        assert page.evaluate(SHRUNK) >= READABLE, f"slide {number} shrinks its text to fit"
        if deck["slides"][number - 1]["phase"] == "endpoint":
            page.keyboard.press("r")
            assert page.evaluate(FITS), f"slide {number} with its answer runs off the screen"
            page.keyboard.press("r")
        if deck["slides"][number - 1]["kind"] == "signposting":
            image = Image.open(io.BytesIO(page.screenshot()))
            found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
            shown = page.locator(f"#slide-{number} .qr").count()
            assert len(found) == shown
            decoded |= {r.text for r in found}
    assert decoded == {k.url for k in session.links if k.url}
    with context.expect_page() as opened:
        page.keyboard.press("n")
    notes = opened.value
    notes.wait_for_load_state()
    assert notes.url.endswith("#notes")
    page.keyboard.press("Home")
    notes.wait_for_function("!document.querySelector('#note-1').hidden")
    page.keyboard.press("ArrowRight")
    notes.wait_for_function("!document.querySelector('#note-2').hidden")
    axe(notes, "offline notes window")
    baseline = _first(deck, "baseline")
    question = deck["slides"][baseline - 1]["question"]
    _go(page, baseline)
    notes.wait_for_function(f"!document.querySelector('#note-{baseline}').hidden")
    notes.fill("#present-count", "28")
    notes.fill(f"#count-baseline-{question}-correct", "14")
    endpoint = _first(deck, "endpoint")
    _go(page, endpoint)
    notes.wait_for_function(f"!document.querySelector('#note-{endpoint}').hidden")
    notes.fill(f"#count-endpoint-{question}-correct", "20")
    with notes.expect_download() as download:
        notes.click("#download-counts")
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert data["baseline"] == {question: {"correct": 14}} and data["present"] == 28
    assert data["endpoint"] == {question: {"correct": 20}}
    assert left == [] and errors == []
    context.close()


@pytest.mark.parametrize("channel", [True, False], ids=["broadcast-channel", "opener-only"])
def test_offline_notes_follow_again_after_the_presenter_is_reloaded(browser, offline_file, channel):
    """Reloading the presenter must not leave the notes window behind until N is pressed, whether
    the browser gives file:// pages a BroadcastChannel or only window.opener."""
    path, _session = offline_file
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    if not channel:
        context.add_init_script("delete window.BroadcastChannel;")
    page = context.new_page()
    page.goto(path.as_uri() + "#slide-2")
    with context.expect_page() as opened:
        page.keyboard.press("n")
    notes = opened.value
    notes.locator("#note-2:not([hidden])").wait_for(timeout=5000)
    page.reload()
    assert _visible_slide(page) == 2
    for number in (3, 4, 2):
        _go(page, number)
        notes.locator(f"#note-{number}:not([hidden])").wait_for(timeout=5000)
    notes.click("[data-go='1']")  # and the notes window's own buttons still move the slides
    page.locator("#slide-3:not([hidden])").wait_for(timeout=5000)
    assert len(context.pages) == 2
    context.close()


def _shown(page, selector: str) -> bool:
    return page.locator(selector).first.is_visible()


def _check_bilingual(page, context, axe=None) -> None:
    """Welsh first, English beneath (smaller, marked en-GB); L: Welsh only, English only, both;
    remembered after a reload; the notes window carries both languages."""
    deck = _deck(page)
    title, english = "#slide-1 h1 .first", "#slide-1 h1 .second"
    assert page.locator(title).inner_text() == deck["slides"][0]["heading"]
    assert page.locator(english).get_attribute("lang") == "en-GB"
    assert _shown(page, title) and _shown(page, english)
    size = "s => parseFloat(getComputedStyle(document.querySelector(s)).fontSize)"
    assert page.evaluate(size, english) < page.evaluate(size, title)
    if axe:
        axe(page, "bilingual presenter")
    page.keyboard.press("l")
    assert page.locator("body").get_attribute("data-show") == "cy"
    assert _shown(page, title) and not _shown(page, english)
    page.reload()
    assert page.locator("body").get_attribute("data-show") == "cy"  # remembered
    assert page.locator(".nav-lang").inner_text() == "Language (L): Cymraeg only"
    page.keyboard.press("l")
    assert not _shown(page, title) and _shown(page, english)
    page.keyboard.press("ArrowRight")
    assert not _shown(page, "#slide-2 h1 .first") and _shown(page, "#slide-2 h1 .second")
    page.click(".nav-lang")
    assert _shown(page, "#slide-2 h1 .first") and _shown(page, "#slide-2 h1 .second")
    with context.expect_page() as opened:
        page.keyboard.press("n")
    notes = opened.value
    notes.wait_for_load_state()
    notes.locator("#note-2:not([hidden])").wait_for(timeout=5000)
    assert _shown(notes, "#note-2 h2 .first") and _shown(notes, "#note-2 h2 .second")
    assert notes.locator("#note-2 h2 .second").get_attribute("lang") == "en-GB"
    if axe:
        axe(notes, "bilingual notes window")


@pytest.mark.parametrize("context", [True], ids=["axe-injected"], indirect=True)
def test_a_bilingual_session_presents_welsh_and_english(context, live_app, axe):
    _app, base = live_app
    page = _open_presenter(context, base, bilingual=True)
    _check_bilingual(page, context, axe)
    assert context.errors == []


def test_the_offline_file_of_a_bilingual_session_presents_both_languages(browser, library, tmp_path, axe):
    session = assemble(library, from_plan(library, PLAN, nation="wales", lang="bilingual"))
    path = tmp_path / "present-cy.html"
    path.write_bytes(offline_html(session))
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    context.errors, left = [], []
    context.route(re.compile(r"^(?!file:).*"), lambda route: left.append(route.request.url) or route.abort())
    page = context.new_page()
    page.on("pageerror", lambda exc: context.errors.append(str(exc)))
    page.goto(path.as_uri())
    _check_bilingual(page, context, axe)
    assert context.errors == [] and left == []
    context.close()


def test_one_click_sets_the_lesson_length_and_the_builder_follows(context, live_app, tmp_path):
    _app, base = live_app
    page = _new_session(context, base)
    total = page.locator("#minutes-total")
    assert "of 60 minutes" in total.inner_text()
    assert page.locator("button[name=minutes][value='60']").get_attribute("aria-pressed") == "true"
    page.click("button[name=minutes][value='20']")
    page.wait_for_url(re.compile(r"/sessions/\d+#modules$"))
    kept = int(re.search(r"Total: (\d+) of 20 minutes", total.inner_text()).group(1))
    assert kept <= 20
    assert page.locator("#time-fit summary").inner_text() == "What fits in 20 minutes"
    assert page.locator("#time-fit").get_attribute("open") is not None  # something was left out
    assert page.locator(".fit-dropped").count() > 0
    assert page.locator("button[name=minutes][value='20']").get_attribute("aria-pressed") == "true"
    page.locator("#modules").screenshot(path=str(tmp_path / "builder-20.png"))
    page.click("button[name=minutes][value='40']")
    page.wait_for_load_state()
    assert "of 40 minutes" in total.inner_text()
    assert page.locator("#time-fit summary").inner_text() == "What fits in 40 minutes"
    assert page.locator(".fit-dropped").count() < page.locator(".fit-list li").count()
    page.click("a:has-text('Present')")
    deck = _deck(page)
    assert deck["length"] == 40
    assert context.errors == []
