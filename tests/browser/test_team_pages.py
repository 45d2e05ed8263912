"""The lead's team in Chromium: inviting an officer, text at 200% (WCAG 1.4.4), reflow at 320 px
(1.4.10), and one shared address where one officer locks only themselves out."""

import re

import pytest

from tests.browser.conftest import make_app, serving
from tests.browser.steps import sign_in

LEAD = ("lead.zoom@example.police.uk", "plum kettle orbit lantern")
OFFICERS = [(f"pc{n}.station@example.police.uk", f"violet harbour cinder quill {n}") for n in range(3)]


@pytest.fixture(scope="module")
def team_app(tmp_path_factory):
    """Serve an app with a lead, three officers and a few sessions with long names; yield (app, base)."""
    from kit.accounts import users
    from kit.sessions.model import SessionSpec
    from kit.store import sessions as store

    app = make_app(tmp_path_factory.mktemp("team-instance"))
    db = app.extensions["kit.db"].session
    lead = users.create_user(db, *LEAD, "lead")
    for email, password in OFFICERS:
        owner = users.create_user(db, email, password, "officer")
        store.create(db, owner, SessionSpec(audience="lower-secondary", nation="england",
                                            title="Year 8 online safety with a long title",
                                            school="St Mary's Catholic Primary and Nursery School"))
    store.create(db, lead, SessionSpec(audience="upper-secondary", nation="wales", title="Lead's own"))
    app.extensions["kit.db"].remove()
    with serving(app) as base:
        yield app, base


def _context(browser, **options):
    context = browser.new_context(bypass_csp=True, **options)
    context.set_default_timeout(15_000)
    return context


def _double_the_text(page) -> None:
    """Make every rem twice as big, as a browser's text size of 200% does (the layout is in rem)."""
    page.evaluate("""() => {
        const html = document.documentElement;
        const px = parseFloat(getComputedStyle(html).fontSize);
        html.style.setProperty('font-size', (px * 2) + 'px', 'important');
    }""")


def _off_screen(page) -> list[str]:
    """Return the buttons (and button-like links) that are not wholly inside the viewport's width."""
    return page.evaluate("""() => {
        const width = document.documentElement.clientWidth;
        return [...document.querySelectorAll('button, .button, input[type=submit]')]
            .filter(b => b.offsetParent !== null)
            .map(b => [b, b.getBoundingClientRect()])
            .filter(([b, r]) => r.left < 0 || r.right > width + 0.5)
            .map(([b, r]) => `${b.textContent.trim()} (${Math.round(r.left)}-${Math.round(r.right)} of ${width})`);
    }""")


@pytest.mark.parametrize("path", ["/team/", "/sessions/", "/team/invite", "/team/new"])
@pytest.mark.parametrize("width", [1280, 1024])
def test_text_at_200_percent_keeps_every_button_on_screen(browser, team_app, path, width):
    _app, base = team_app
    context = _context(browser, viewport={"width": width, "height": 800})
    page = context.new_page()
    sign_in(page, base, *LEAD)
    page.goto(base + path)
    before = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    _double_the_text(page)
    assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") == pytest.approx(before * 2)
    assert page.locator("button, .button").count() > 0
    assert _off_screen(page) == [], path
    assert page.evaluate("document.documentElement.scrollWidth") <= width, path
    context.close()


@pytest.mark.parametrize("path", ["/team/", "/sessions/", "/library/links"])
def test_tables_reflow_at_320_pixels_in_a_labelled_scroll_region(browser, team_app, path):
    _app, base = team_app
    context = _context(browser, viewport={"width": 320, "height": 640})
    page = context.new_page()
    sign_in(page, base, *LEAD)
    page.goto(base + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
    tables = page.locator("table")
    assert tables.count() > 0
    for index in range(tables.count()):
        region = tables.nth(index).locator("xpath=ancestor::*[contains(@class, 'table-scroll')][1]")
        assert region.get_attribute("tabindex") == "0" and region.get_attribute("role") == "region"
        label = page.locator(f"#{region.get_attribute('aria-labelledby')}")
        assert label.inner_text().strip()
        region.focus()
        before = region.evaluate("r => r.scrollLeft")
        page.keyboard.press("ArrowRight")  # a keyboard user reaches the rest of a wide table
        if region.evaluate("r => r.scrollWidth > r.clientWidth"):  # keyboard scrolling is animated: wait for it
            page.wait_for_function("([r, b]) => r.scrollLeft > b", arg=[region.element_handle(), before],
                                   timeout=3000)
    assert _off_screen(page) == [] or path != "/team/"
    context.close()


def test_one_officer_locks_only_themselves_out_of_a_shared_address(browser, team_app):
    """Everyone here comes from 127.0.0.1, as a station behind one address does."""
    from kit.accounts import throttle

    _app, base = team_app
    (careless, right), *others = OFFICERS
    context = _context(browser)
    page = context.new_page()
    for attempt in range(throttle.MAX_PER_ACCOUNT + 1):
        page.goto(base + "/login")
        page.fill("#email", careless)
        page.fill("#password", f"not my password {attempt}")
        page.click("button:has-text('Sign in')")
    assert "Too many attempts" in page.inner_text("main")
    page.goto(base + "/login")
    page.fill("#email", careless)
    page.fill("#password", right)
    page.click("button:has-text('Sign in')")
    assert "Too many attempts" in page.inner_text("main") and "/login" in page.url
    context.close()
    for email, password in others:
        colleague = _context(browser)
        theirs = colleague.new_page()
        sign_in(theirs, base, email, password)
        assert theirs.inner_text("h1") == "Your sessions"
        colleague.close()


def test_a_lead_invites_an_officer_who_sets_their_own_password(browser, team_app, axe):
    _app, base = team_app
    lead = _context(browser)
    page = lead.new_page()
    sign_in(page, base, *LEAD)
    page.goto(base + "/team/")
    page.click("text=Invite an officer")
    axe(page, "invite an officer")
    page.click("button:has-text('Make the link')")
    assert "Enter the officer's email address" in page.inner_text(".error-summary")
    axe(page, "invite an officer with an error")
    page.fill("#email", "invited.pc@example.police.uk")
    page.click("button:has-text('Make the link')")
    axe(page, "the invite link")
    link = page.input_value("#invite-link")
    assert re.fullmatch(re.escape(base) + r"/invite/[A-Za-z0-9_-]{40,}", link)
    page.click("text=Back to your team")
    assert "Invited" in page.locator("tr", has_text="invited.pc@example.police.uk").inner_text()

    officer = _context(browser)
    theirs = officer.new_page()
    theirs.goto(link)
    assert theirs.title().startswith("Set your password")
    axe(theirs, "set your password")
    theirs.fill("#new_password", "password1234")
    theirs.fill("#confirm_password", "password1234")
    theirs.click("button:has-text('Set my password')")
    assert theirs.locator("#new_password[aria-invalid=true]").count() == 1
    axe(theirs, "set your password with an error")
    theirs.fill("#new_password", "amber willow tractor saucer")
    theirs.fill("#confirm_password", "amber willow tractor saucer")
    theirs.click("button:has-text('Set my password')")
    assert "Your password is set" in theirs.inner_text(".notice")
    sign_in(theirs, base, "invited.pc@example.police.uk", "amber willow tractor saucer")
    assert theirs.goto(link).status == 404  # used once
    page.reload()
    assert "Active" in page.locator("tr", has_text="invited.pc@example.police.uk").inner_text()
    officer.close()
    lead.close()
