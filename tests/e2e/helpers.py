"""Helpers for browser tests."""

import time

import pytest

TIMEOUT_MS = 15_000


def wait_until(page, expression: str, timeout_ms: int = TIMEOUT_MS) -> None:
    """Wait until a page expression is true. Playwright's wait_for_function polls with eval,
    which the site's Content-Security-Policy (rightly) refuses; evaluate() is allowed."""
    deadline = time.monotonic() + timeout_ms / 1000
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for: {expression}", pytrace=False)
        page.wait_for_timeout(50)
