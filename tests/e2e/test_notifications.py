"""The bell counts up without a reload; the dropdown and the notification centre; mark all read."""

from playwright.sync_api import expect

from tests.factories import add_member, make_comment, make_community, make_item, make_member


def test_bell_counts_up_live_then_centre_marks_all_read(
    page, signed_in_page, screenshot, settings, db
):
    settings.GUILDHALL_NOTIFICATION_POLL_SECONDS = 1  # the page polls; don't wait 20 s here
    bea = make_member("bea", name="Bea Author", title="Planner")
    ali = make_member("ali", name="Ali Reader", title="Buyer")
    community = make_community(bea, name="Planning Guild")
    add_member(community, ali)
    item = make_item(bea, community=community, kind="discussion", title="Safety stock rules?")

    signed_in_page(bea)
    bell = page.locator("#bell")
    expect(bell).to_have_attribute("aria-label", "Notifications")
    expect(page.locator(".bell-count")).to_have_count(0)
    page.evaluate("window.__sameDocument = true")  # gone if the page reloads

    make_comment(ali, item, "We use service-level based safety stock.")
    expect(page.locator(".bell-count")).to_have_text("1", timeout=10_000)
    expect(bell).to_have_attribute("aria-label", "Notifications: 1 unread")
    cy = make_member("cy", name="Cy Colleague")
    add_member(community, cy)
    make_comment(cy, item, "Same here.")
    make_comment(make_member("di", name="Di Analyst"), _other_item(bea), "Nice.")
    expect(page.locator(".bell-count")).to_have_text("2", timeout=10_000)
    assert page.evaluate("window.__sameDocument") is True

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
