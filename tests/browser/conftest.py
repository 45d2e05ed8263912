"""Real-browser fixtures: the app on a live loopback server, Chromium through Playwright, axe-core."""

import contextlib
import os
import threading
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[2]
AXE_JS = Path(os.environ.get("KIT_AXE_JS") or ROOT / ".ci/cache/node_modules/axe-core/axe.min.js")
IN_CI = os.environ.get("CI", "").lower() == "true"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]
EMAIL = "browser.officer@example.police.uk"
PASSWORD = "correct horse battery"


def pytest_collection_modifyitems(config, items):
    """Mark every test here `browser`; skip them only off CI when Chromium is absent."""
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.browser)
            if not Path(CHROMIUM).exists() and not IN_CI:
                item.add_marker(pytest.mark.skip(reason=f"{CHROMIUM} is not installed (CI is not set)"))


@pytest.fixture(scope="session")
def browser():
    """Launch Debian's Chromium headless; on CI a missing Chromium is a failure."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing but CI=true: the browser tests must run")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


def make_app(instance: Path):
    """Create the app with its instance folder and SQLite database in INSTANCE, as `kit serve` would."""
    from kit import create_app

    old = os.environ.get("KIT_INSTANCE_PATH")
    os.environ["KIT_INSTANCE_PATH"] = str(instance)
    try:
        return create_app({"SECRET_KEY": "browser-test-secret-key-0123456789abcdef",
                           "DATABASE_URL": f"sqlite:///{instance / 'kit.sqlite'}"})
    finally:
        os.environ.pop("KIT_INSTANCE_PATH") if old is None else os.environ.update(KIT_INSTANCE_PATH=old)


@contextlib.contextmanager
def serving(app):
    """Serve APP on a free port of 127.0.0.1 while the block runs; yield its base URL."""
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    # shutdown() waits for the loop's next poll: the default half second cost every test that much.
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(5)
        app.extensions["kit.db"].dispose()


@pytest.fixture(scope="module")
def live_app(tmp_path_factory):
    """Serve a fresh app (SQLite on a temporary instance) on 127.0.0.1; return (app, base URL)."""
    from kit.accounts import users

    app = make_app(tmp_path_factory.mktemp("browser-instance"))
    database = app.extensions["kit.db"]
    users.create_user(database.session, EMAIL, PASSWORD, "officer")
    database.session.remove()
    with serving(app) as base:
        yield app, base


@pytest.fixture
def page(browser, live_app):
    """Return a fresh page that accepts downloads and may inject axe-core (CSP bypassed for that script only)."""
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def no_js_page(browser):
    """Return a fresh page with JavaScript off, as on a locked-down school laptop."""
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


@pytest.fixture
def axe():
    """Return check(page, name): run axe-core on PAGE and fail on serious or critical violations."""
    if not AXE_JS.exists():
        if IN_CI:
            pytest.fail(f"axe-core is missing at {AXE_JS}")
        pytest.skip(f"axe-core is not installed at {AXE_JS} (npm install --prefix .ci/cache axe-core@4)")

    def check(page, name: str) -> None:
        page.add_script_tag(path=str(AXE_JS))
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        bad = [v for v in result["violations"] if v["impact"] in ("serious", "critical")]
        details = "; ".join(f"{v['id']} ({v['impact']}): {v['help']} at "
                            f"{[n['target'] for n in v['nodes']][:3]}" for v in bad)
        assert not bad, f"accessibility problems on {name}: {details}"

    return check
