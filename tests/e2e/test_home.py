"""The home page in a browser: welcome a newcomer, switch the popular tab and load more of what's
new, each in place (htmx), without a page reload."""

from django.core.cache import cache
from playwright.sync_api import expect

from guildhall.home.services import home_rollup_refresh
from guildhall.notifications.models import Notification
from tests.factories import add_member, make_community, make_item, make_member
from tests.home.conftest import act


def test_home_welcome_popular_tabs_and_load_more(page, signed_in_page, screenshot, db):
    manager = make_member("carla", name="Carla Manager", title="Planning lead")
    community = make_community(manager, name="Supply Chain Practice", purpose="Plan well.")
    mia = make_member("mia", name="Mia Member", title="Analyst", bio="Planner.")
    add_member(community, mia)
    nina = make_member("nina", name="Nina Newcomer", title="Buyer")
    add_member(community, nina)
    items = [make_item(manager, community=community, title=f"Lesson {n:02d}") for n in range(25)]
    act(mia, "favourite", items[3])  # this week's favourite
    act(nina, "view", items[7], days_ago=20)  # only in the 30-day tab
    home_rollup_refresh()
    cache.clear()

    signed_in_page(mia)
    page.goto("/")
    popular = page.locator("#whats-popular")
    expect(popular.locator("li")).to_have_count(1)
    expect(popular).to_contain_text("Lesson 03")
    screenshot(page, "home-01-sections")

    # Who's new: one click welcomes Nina; the button turns into a mark, the page stays.
    page.evaluate("window.notReloaded = true")
    page.get_by_role("button", name="Welcome Nina Newcomer").click()
    expect(page.locator("#welcome-nina")).to_contain_text("Welcomed")
    assert Notification.objects.filter(recipient=nina, verb="welcome").count() == 1

    # What's popular: the 30-day tab swaps the list in place.
    popular.get_by_role("link", name="30 days").click()
    expect(page.locator("#whats-popular").get_by_role("link", name="30 days")).to_have_attribute(
        "aria-current", "page"
    )
    expect(page.locator("#whats-popular li")).to_have_count(2)

    # What's new: twenty cards, then "Load more" appends the last five.
    cards = page.locator("#feed .item-card")
    expect(cards).to_have_count(20)
    page.get_by_role("link", name="Load more").click()
    expect(cards).to_have_count(25)
    expect(page.get_by_role("link", name="Load more")).to_have_count(0)
    assert page.evaluate("window.notReloaded") is True
    screenshot(page, "home-02-welcomed-30-days-loaded-more")
