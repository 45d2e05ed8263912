"""Steps the browser tests share: sign in (by mouse or keyboard), create a session, move focus with Tab."""

import re

from tests.browser.conftest import EMAIL, PASSWORD

TAB_LIMIT = 150


def sign_in(page, base: str, email: str = EMAIL, password: str = PASSWORD) -> None:
    """Sign in at BASE's sign-in page with the mouse and wait for the sessions page."""
    page.goto(base + "/login")
    page.fill("#email", email)
    page.fill("#password", password)
    page.click("button:has-text('Sign in')")
    page.wait_for_url(re.compile(r"/sessions/"))


def create_session(page, audience: str, nation: str | None = None, lang: str | None = None, **fields: str) -> str:
    """Fill in the open new-session form (AUDIENCE, NATION, LANG, then text FIELDS by id), create the
    session and wait for its builder; return the builder's URL."""
    page.select_option("#audience", audience)
    if nation:
        page.select_option("#nation", nation)
    if lang:
        page.check(f"input[name=lang][value={lang}]")
    for name, value in fields.items():
        page.fill(f"#{name}", value)
    page.click("button:has-text('Create the session')")
    page.wait_for_url(re.compile(r"/sessions/\d+$"))
    return page.url


def new_session(page, base: str, audience: str, **form: str) -> str:
    """Sign in at BASE, open New session and create one for AUDIENCE (FORM as for create_session); return
    the builder's URL."""
    sign_in(page, base)
    page.click("text=New session")
    return create_session(page, audience, **form)


def collecting_page(browser, **options):
    """Return a fresh page (a 1280 x 1000 context with OPTIONS) whose console errors and uncaught
    exceptions collect in page.errors."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, **options)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.errors = []
    page.on("console", lambda msg: msg.type == "error" and page.errors.append(msg.text))
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    return page


def active(page) -> dict:
    """Return the focused element's tag, id, text, type and name."""
    return page.evaluate(r"""() => {
        const e = document.activeElement;
        const text = (e.textContent || e.value || '').replace(/\s+/g, ' ').trim();
        return {tag: e.tagName.toLowerCase(), id: e.id, text: text, type: e.type || '', name: e.name || ''};
    }""")


def tab_to(page, matches, limit: int = TAB_LIMIT) -> dict:
    """Press Tab until the focused element satisfies MATCHES(active); fail after LIMIT presses."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = active(page)
        if matches(focused):
            _assert_focus_visible(page)
            return focused
    raise AssertionError("never reached the element with Tab")


def by_id(element_id):
    """Return a matcher for tab_to: the element with ELEMENT_ID."""
    return lambda a: a["id"] == element_id


def by_text(text):
    """Return a matcher for tab_to: the element whose text starts with TEXT."""
    return lambda a: a["text"].startswith(text)


def sign_in_by_keyboard(page) -> None:
    """On the open sign-in page, Tab to the email, type both fields, press Enter; wait for the sessions page."""
    tab_to(page, by_id("email"))
    page.keyboard.type(EMAIL)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/sessions/$"))


def _assert_focus_visible(page) -> None:
    """The focused element draws an outline, a box-shadow or a changed background."""
    style = page.evaluate("""() => {
        const s = getComputedStyle(document.activeElement);
        return {outline: s.outlineStyle, width: s.outlineWidth, shadow: s.boxShadow, bg: s.backgroundColor};
    }""")
    visible = (style["outline"] != "none" and style["width"] != "0px") or style["shadow"] != "none"
    assert visible, f"no visible focus on {active(page)}: {style}"
