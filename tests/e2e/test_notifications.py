"""The bell counts up without a reload when a colleague comments in their own browser; pages are
built from cached fragments, yet the bell is never behind; the dropdown, the notification
centre, mark all read, and the settings page."""

from playwright.sync_api import expect

from tests.e2e.conftest import VIEWPORT, sign_in
from tests.factories import add_member, make_comment, make_community, make_item, make_member


def test_bell_counts_up_live_then_centre_marks_all_read(
    page, browser, live_server, signed_in_page, screenshot, settings, db
):
    settings.GUILDHALL_NOTIFICATION_POLL_SECONDS = 1  # the page polls; don't wait 20 s here
    bea = make_member("bea", name="Bea Author", title="Planner")
    ali = make_member("ali", name="Ali Reader", title="Buyer")
    community = make_community(bea, name="Planning Guild")
    add_member(community, ali)
    item = make_item(bea, community=community, kind="discussion", title="Safety stock rules?")

    # Bea reads her discussion; the bell shows nothing unread.
    signed_in_page(bea)
    page.goto(item.get_absolute_url())
    bell = page.locator("#bell")
    expect(bell).to_have_attribute("aria-label", "Notifications")
    expect(page.locator(".bell-count")).to_have_count(0)
    page.evaluate("window.__sameDocument = true")  # gone if the page reloads

    # Ali comments from his own browser.
    ali_context = browser.new_context(viewport=VIEWPORT, base_url=live_server.url)
    try:
        ali_page = sign_in(ali_context.new_page(), ali)
        ali_page.goto(item.get_absolute_url())
        ali_page.get_by_label("Add a comment").fill("We use service-level based safety stock.")
        ali_page.get_by_role("button", name="Comment", exact=True).click()
        expect(ali_page.get_by_text("We use service-level based safety stock.")).to_be_visible()
    finally:
        ali_context.close()

    # Bea's bell counts up on the page she has open.
    expect(page.locator(".bell-count")).to_have_text("1", timeout=10_000)
    expect(bell).to_have_attribute("aria-label", "Notifications: 1 unread")
    assert page.evaluate("window.__sameDocument") is True

    cy = make_member("cy", name="Cy Colleague")
    add_member(community, cy)
    make_comment(cy, item, "Same here.")  # grouped with Ali's
    make_comment(make_member("di", name="Di Analyst"), _other_item(bea), "Nice.")
    expect(page.locator(".bell-count")).to_have_text("2", timeout=10_000)
    assert page.evaluate("window.__sameDocument") is True

    # The home page, rendered now, has the count of 2.
    assert 'aria-label="Notifications: 2 unread"' in page.goto("/").text()
    bell.click()  # the dropdown loads the latest
    expect(
        page.get_by_role("link", name="Cy Colleague and 1 other commented on “Safety stock rules?”")
    ).to_be_visible()
    screenshot(page, "notifications-01-bell-dropdown")

    page.get_by_role("link", name="See all notifications").click()
    expect(page.get_by_role("heading", name="Notifications")).to_be_visible()
    expect(page.locator(".notification-unread")).to_have_count(2)
    expect(page.get_by_text("2 new")).to_be_visible()
    screenshot(page, "notifications-02-centre")

    page.get_by_role("button", name="Mark all read").click()
    expect(page.locator(".notification-unread")).to_have_count(0)
    expect(page.locator(".bell-count")).to_have_count(0)
    page.get_by_role("link", name="Unread").click()
    expect(page.get_by_role("heading", name="No unread notifications")).to_be_visible()
    screenshot(page, "notifications-03-all-read")
    # Back on the home page: as served (before any poll), its bell is not the cached copy's 2.
    home = page.goto("/").text()
    assert 'aria-label="Notifications"' in home and "bell-count" not in home

    page.goto("/settings/notifications/")
    expect(page.get_by_role("heading", name="Notification settings")).to_be_visible()
    page.get_by_label("Comments on my items: Email at once").check()
    page.get_by_label("Daily").check()
    page.get_by_role("button", name="Save settings").click()
    expect(page.get_by_text("Your notification settings are saved.")).to_be_visible()
    expect(page.get_by_label("Comments on my items: Email at once")).to_be_checked()
    screenshot(page, "notifications-04-settings")


def _other_item(author):
    return make_item(author, title="Reorder points")
