"""Engagement in a real browser: favourite → My favourites; rate → the average; @mention
autocomplete with the keyboard."""

from playwright.sync_api import expect

from guildhall.content.models import ContentItem
from guildhall.interactions.services import rating_set
from tests.factories import add_member, make_community, make_item, make_member


def _world():
    manager = make_member("carla", name="Carla Manager", title="Warehouse lead")
    community = make_community(manager, name="Warehouse Operations", purpose="Ship better.")
    reader = make_member("nina", name="Nina Newcomer", title="Shift supervisor")
    add_member(community, reader)
    item = make_item(
        manager,
        community=community,
        kind="discussion",
        title="Five checks before the night shift",
        body="1. **Dock doors** closed\n2. Scanner batteries charged",
    )
    return manager, community, reader, item


def test_favourite_then_see_it_on_my_favourites(page, signed_in_page, screenshot, db):
    _, _, reader, item = _world()
    signed_in_page(reader)
    page.goto(item.get_absolute_url())
    button = page.get_by_role("button", name="☆ Favourite")
    button.click()
    expect(page.get_by_role("button", name="★ Favourite")).to_have_attribute("aria-pressed", "true")
    assert ContentItem.objects.get(pk=item.pk).favourite_count == 1

    page.locator("summary[aria-label='Your account']").click()
    page.get_by_role("menuitem", name="My favourites").click()
    expect(page.get_by_role("heading", name="My favourites")).to_be_visible()
    card = page.locator(".item-card", has_text="Five checks before the night shift")
    expect(card).to_be_visible()
    expect(card).to_contain_text("♥ 1")
    screenshot(page, "engagement-01-my-favourites")


def test_rate_an_item_and_see_the_average(page, signed_in_page, screenshot, db):
    _, community, reader, item = _world()
    other = make_member("omar", name="Omar Other")
    add_member(community, other)
    rating_set(actor=other, item=item, stars=3)
    signed_in_page(reader)
    page.goto(item.get_absolute_url())
    expect(page.locator("#rating-summary")).to_contain_text("3.0 average from 1 rating")
    page.locator("label[for=star-5]").click()  # the fifth star, as a person clicks it
    page.get_by_role("button", name="Rate", exact=True).click()
    expect(page.locator("#rating-summary")).to_contain_text("4.0 average from 2 ratings")
    expect(page.locator(".stars legend")).to_have_text("Your rating: 5 of 5")
    expect(page.get_by_role("radio", name="5 stars")).to_be_checked()
    page.evaluate("window.scrollTo(0, 0)")  # the sticky top bar stays at the top of the shot
    screenshot(page, "engagement-02-rated")
    item.refresh_from_db()
    assert (item.rating_sum, item.rating_count) == (8, 2)


def test_mention_autocomplete_with_the_keyboard(page, signed_in_page, screenshot, db):
    _, _, reader, item = _world()
    make_member("carlos", name="Carlos Keys")
    signed_in_page(reader)
    page.goto(item.get_absolute_url())
    box = page.get_by_label("Add a comment")
    box.click()
    box.press_sequentially("Thanks @car", delay=30)
    options = page.locator(".mention-box").get_by_role("option")  # not the flag form's reasons
    expect(options).to_have_count(2)
    expect(page.locator(".mention-box [aria-live]")).to_contain_text("2 members found")
    screenshot(page, "engagement-03-mention-suggestions")
    box.press("ArrowDown")
    expect(options.nth(1)).to_have_attribute("aria-selected", "true")
    box.press("Enter")
    expect(box).to_have_value("Thanks @carlos ")
    expect(page.get_by_role("listbox")).to_be_hidden()
    box.press_sequentially("and @carla", delay=30)
    expect(options).to_have_count(1)
    box.press("Escape")
    expect(page.get_by_role("listbox")).to_be_hidden()
    page.get_by_role("button", name="Comment", exact=True).click()
    expect(page.locator(".comment .prose a[href='/u/carlos/']")).to_have_text("@carlos")
