"""Issue 12 in Chromium: first run, a true preview, names, errors where the eye is, grouped other ages,
"Add to…" from the library, a lead managing the team, and reflow at 320 px. axe-core on every new page."""

import re

import pytest

from tests.browser.conftest import make_app, serving
from tests.browser.steps import create_session, sign_in

LEAD_PASSWORD = "plum kettle orbit lantern"
OFFICER_PASSWORD = "violet harbour cinder quill"


def _new_session(page, base, audience="lower-secondary", **fields):
    page.goto(base + "/sessions/new")
    return create_session(page, audience, **fields)


@pytest.fixture
def empty_app(tmp_path):
    """Serve an app with no accounts and the first-run page on, as `kit serve` starts it; yield (app, base, code)."""
    from kit.web.setup import enable

    app = make_app(tmp_path)
    code = enable(app)
    with serving(app) as base:
        yield app, base, code


def test_first_run_with_no_accounts_then_the_lead_manages_an_officer(browser, empty_app, axe):
    _app, base, code = empty_app
    lead = browser.new_context(bypass_csp=True)
    page = lead.new_page()
    page.goto(base + "/")
    page.click("text=Set up the first lead account")
    axe(page, "first-run setup")
    page.fill("#code", "0000-0000-0001")
    page.fill("#email", "lead@example.police.uk")
    page.fill("#password", LEAD_PASSWORD)
    page.fill("#confirm", LEAD_PASSWORD)
    page.click("button:has-text('Create the lead account')")
    assert "code is not right" in page.inner_text(".error-summary")
    assert page.locator("#code[aria-invalid=true]").count() == 1
    axe(page, "first-run setup with an error")
    page.fill("#code", code)
    page.fill("#password", LEAD_PASSWORD)
    page.fill("#confirm", LEAD_PASSWORD)
    page.click("button:has-text('Create the lead account')")
    page.wait_for_url(re.compile(r"/sessions/$"))
    assert page.inner_text("h1") == "All sessions"
    assert page.inner_text("nav.site-nav a[aria-current=page]") == "All sessions"
    assert page.goto(base + "/setup").status == 404  # once only

    page.goto(base + "/")
    page.click("nav.site-nav >> text=Team")
    axe(page, "team")
    page.click("text=Add with a password")
    axe(page, "add an officer")
    page.fill("#email", "pc.new@example.police.uk")
    page.fill("#password", OFFICER_PASSWORD)
    page.fill("#confirm", OFFICER_PASSWORD)
    page.click("button:has-text('Add the account')")
    page.wait_for_url(re.compile(r"/team/"))
    row = page.locator("tr", has_text="pc.new@example.police.uk")
    assert "Never" in row.inner_text() and "Active" in row.inner_text()

    officer = browser.new_context()
    theirs = officer.new_page()
    sign_in(theirs, base, "pc.new@example.police.uk", OFFICER_PASSWORD)
    assert theirs.goto(base + "/team/").status == 404
    assert "Team" not in theirs.inner_text("nav.site-nav")
    page.reload()
    assert "UTC" in page.locator("tr", has_text="pc.new@example.police.uk").inner_text()  # last sign-in
    page.locator("tr", has_text="pc.new@example.police.uk").locator("button:has-text('Disable')").click()
    assert "signed out everywhere" in page.inner_text(".notice")
    assert "Disabled" in page.locator("tr", has_text="pc.new@example.police.uk").inner_text()
    theirs.goto(base + "/sessions/")
    assert "/login" in theirs.url  # signed out at once

    page.locator("tr", has_text="pc.new@example.police.uk").locator("a:has-text('Reset password')").click()
    axe(page, "reset a password")
    officer.close()
    lead.close()


def test_preview_shows_page_images_in_both_languages(page, live_app, axe):
    _app, base = live_app
    sign_in(page, base)
    builder = _new_session(page, base, nation="wales", lang="bilingual", title="Bilingual preview")
    page.goto(builder + "/preview")
    assert page.title().startswith("Preview: Bilingual preview")
    for name in ("Handout", "Poster", "Letter to parents and carers"):
        image = page.locator(f"img[alt^='{name}, page 1 of']")
        image.scroll_into_view_if_needed()
        page.wait_for_function("img => img.complete && img.naturalWidth > 800", arg=image.element_handle())
    assert page.locator("section[lang=cy] h2", has_text="Handout: Welsh").count() == 1
    assert page.locator("section[lang=en-GB] h2", has_text="Handout: English").count() == 1
    assert page.locator("section[lang=cy] [lang=en-GB]").count() > 0  # English inside Welsh is marked
    axe(page, "preview, bilingual")


def test_two_sessions_from_one_plan_download_under_their_own_names(page, live_app):
    _app, base = live_app
    sign_in(page, base)
    names = []
    for school, day in (("St Mary's", "2026-12-08"), ("Hillside Academy", "2026-12-09")):
        builder = _new_session(page, base, audience="upper-primary", title="Year 6", school=school, date=day)
        page.goto(builder + "/preview")
        with page.expect_download() as info:
            page.click("text=Handout (A4)")
        names.append(info.value.suggested_filename)
    assert names == ["handout-year-6-st-marys-2026-12-08.pdf", "handout-year-6-hillside-academy-2026-12-09.pdf"]


def test_each_error_is_shown_once_in_the_summary_and_once_at_its_field(page, live_app, axe):
    app, base = live_app
    sign_in(page, base)
    page.goto(base + "/sessions/new")
    page.click("button:has-text('Create the session')")
    assert page.locator(".error-summary a", has_text="Choose who the session is for").count() == 1
    assert page.locator(".error-message", has_text="Choose who the session is for").count() == 1
    page.click(".error-summary a:has-text('Choose who the session is for')")
    assert page.evaluate("document.activeElement.id") == "audience"

    builder = _new_session(page, base)
    page.click("text=Show modules written for other ages")
    library = app.extensions["kit.library"]
    other = next(m for m in library.modules.values() if "lower-secondary" not in m.audiences)
    page.click(f"#other-module-{other.id} summary")
    with page.expect_navigation():
        page.locator(f"form:has(#reason-module-{other.id}) button").click()
    assert page.url.split("#")[0] == builder + "?all=modules"  # the builder's own address, not /modules/add
    # The address names the reason box, so the browser lands there (its error is read with it) and the
    # summary above (role=alert) is announced: the page does not jump to the top of a long list.
    assert page.evaluate("document.activeElement.id") == f"reason-module-{other.id}"
    assert page.locator(".error-summary a", has_text=other.title.en).count() == 1
    assert page.locator("details.reason-details[open]").count() == 1  # only that module is opened
    box = page.locator(f"#reason-module-{other.id}")
    assert box.get_attribute("aria-invalid") == "true"
    assert page.locator(f"#reason-module-{other.id}-error").count() == 1
    assert page.title().startswith("Error: Build session:")
    axe(page, "builder with a reason error")
    page.click(f".error-summary a[href='#reason-module-{other.id}']")
    assert page.evaluate("document.activeElement.id") == f"reason-module-{other.id}"
    page.keyboard.type("Mature group")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("[role=status]", has_text=f"You added “{other.title.en}”").count() == 1
    assert page.evaluate("document.activeElement.id") == f"module-{other.id}"  # focus returns to it


def test_other_ages_are_grouped_nearest_first(page, live_app, axe):
    app, base = live_app
    bands = [a.id for a in app.extensions["kit.library"].audiences.values()]
    names = {f"Written for {a.name.en}": a.id for a in app.extensions["kit.library"].audiences.values()}
    sign_in(page, base)
    builder = _new_session(page, base, audience="lower-secondary")
    for kind, anchor in (("modules", "other-ages"), ("questions", "other-questions")):
        page.goto(f"{builder}?all={kind}#{anchor}")
        headings = page.locator(f"#{anchor} ~ h4").all_inner_texts()
        distances = [abs(bands.index(names[h]) - bands.index("lower-secondary")) for h in headings]
        assert len(headings) >= 2 and distances == sorted(distances) and 0 not in distances, headings
        prefix = "module" if kind == "modules" else "question"
        assert page.locator(f"details[id^=other-{prefix}-]").count() > 0
        assert page.locator(f"details[id^=other-{prefix}-][open]").count() == 0  # each reveals its own box
    axe(page, "builder with questions for other ages")


def test_add_a_module_from_the_library(page, live_app, axe):
    app, base = live_app
    sign_in(page, base)
    builder = _new_session(page, base, audience="upper-secondary", title="From the library", school="Hillside")
    first = page.eval_on_selector_all(".module-item", "items => items.map(i => i.dataset.id)")[-1]
    with page.expect_navigation():
        page.locator(f"#module-{first} button:has-text('Remove')").click()
    page.goto(base + "/library/?q=" + app.extensions["kit.library"].modules[first].title.en.split()[0])
    axe(page, "library with Add to")
    card = page.locator(".card", has=page.locator(f"#add-to-{first}"))
    card.locator("select").select_option(value=builder.rsplit("/", 1)[1])
    with page.expect_navigation():
        card.locator("button:has-text('Add')").click()
    assert page.url.startswith(builder)
    assert page.eval_on_selector_all(".module-item", "items => items.map(i => i.dataset.id)")[-1] == first
    assert "from the library" in page.inner_text("[role=status]")


@pytest.mark.parametrize("path", ["/sessions/", "/library/", "/library/links", "BUILDER", "BUILDER/preview"])
def test_pages_reflow_at_320_pixels(browser, live_app, path):
    _app, base = live_app
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    sign_in(page, base)
    builder = _new_session(page, base, school="A school with quite a long name")
    page.goto(base + path.replace("BUILDER", builder.removeprefix(base)))
    assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
    for region in page.locator(".table-scroll").all():
        assert region.get_attribute("tabindex") == "0" and region.get_attribute("aria-labelledby")
    context.close()
