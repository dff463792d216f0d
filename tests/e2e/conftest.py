"""Browser tests: Playwright drives Debian's Chromium (/usr/bin/chromium) against a live server.

No browser is ever downloaded (never `playwright install`): without /usr/bin/chromium these
tests skip on a laptop, saying why, and fail on CI (CI=true), where `.ci/run` installs it.

Fixtures:
- `browser`: one headless Chromium for the session.
- `page`: a fresh context (cookies, storage) and page per test, 1280x900.
- `live_server` (pytest-django): the app served from a thread, on the test database.
- `signed_in_page(user)`: signs `user` in through the real /accounts/login/ form; returns the page.
- `screenshot(page, name)`: saves test-artifacts/screenshots/<name>.png and returns its path.
Every test in this folder is marked `browser` (select with -m browser / -m "not browser").
"""

import os
import re
from pathlib import Path

import pytest

from tests.conftest import ON_CI
from tests.e2e.helpers import TIMEOUT_MS
from tests.factories import PASSWORD

# Playwright's sync API runs an event loop in this thread; Django's ORM would otherwise refuse
# the synchronous database calls the tests make to set up data.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# One address for the server and the browser (no "localhost" IPv6-then-IPv4 detour).
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1")

CHROMIUM = Path(os.environ.get("GUILDHALL_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 900}
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).resolve().parent
    for item in items:
        if here in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.browser)


def _unavailable(reason: str):
    if ON_CI:
        pytest.fail(f"{reason} (CI=true: browser tests must run on CI)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def _playwright():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed (pip install -e '.[test]')")
    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def browser(_playwright):
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing: apt-get install chromium to run browser tests")
    browser = _playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.stash[_CALL_FAILED] = report.failed
    return report


_CALL_FAILED = pytest.StashKey[bool]()


@pytest.fixture
def page(request, browser, live_server):
    context = browser.new_context(viewport=VIEWPORT, base_url=live_server.url)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    yield page
    if request.node.stash.get(_CALL_FAILED, False):
        # What the browser showed when the test failed: the first thing to look at on CI.
        save_screenshot(page, f"FAILED-{request.node.nodeid.rpartition('::')[2]}")
    context.close()


def save_screenshot(page, name: str) -> Path:
    """Save a full-page PNG under test-artifacts/screenshots/ and return its path."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{re.sub(r'[^A-Za-z0-9_.-]+', '-', name).strip('-')}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


@pytest.fixture
def screenshot():
    return save_screenshot


def sign_in(page, user, password: str = PASSWORD):
    """Sign in through the real form, as a person would; wait until we have left it.

    Fails (rather than timing out silently) if the form is shown again, e.g. wrong password.
    """
    page.goto("/accounts/login/")
    page.fill("input[name=login]", user.email)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.press("input[name=password]", "Enter")
    if "/accounts/login/" in page.url:
        errors = page.locator(".errorlist, [role=alert], .form-errors").all_inner_texts()
        pytest.fail(f"signing in as {user.email} failed: {errors or 'the form came back'}")
    return page


@pytest.fixture
def signed_in_page(page):
    """`signed_in_page(user)` → the test's page, signed in as `user`."""
    return lambda user, password=PASSWORD: sign_in(page, user, password)
