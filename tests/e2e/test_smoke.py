"""The browser harness end to end: the sign-in page, signing in, a screenshot."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import make_member

pytestmark = pytest.mark.browser


def test_login_page_renders_with_its_assets(page, screenshot):
    broken = []
    page.on("response", lambda r: broken.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.goto("/accounts/login/")
    page.wait_for_load_state("load")
    assert broken == [], "the sign-in page's stylesheet, script or icon did not load"
    expect(page).to_have_title(re.compile(r"\S"))
    expect(page.locator("input[name=login]")).to_be_visible()
    expect(page.locator("input[name=password]")).to_be_visible()
    screenshot(page, "login")


def test_member_signs_in_through_the_form(signed_in_page, screenshot):
    member = make_member("sigrid", name="Sigrid Signin", title="Planner")
    page = signed_in_page(member)
    assert "/accounts/login/" not in page.url
    account_menu = page.get_by_label("Your account")
    if account_menu.count():
        account_menu.first.click()
    signed_in = (
        page.get_by_text("Sigrid Signin")
        .or_(page.get_by_role("button", name="Sign out"))
        .or_(page.get_by_role("link", name="Sign out"))
    )
    expect(signed_in.first).to_be_visible()
    screenshot(page, "signed-in-home")
