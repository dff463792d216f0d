"""The foundation's journey, in a real browser: sign in, join, publish, comment, see it on home."""

from playwright.sync_api import expect

from guildhall.content.models import ContentItem
from guildhall.interactions.models import Comment
from tests.factories import add_member, make_comment, make_community, make_item, make_member


def test_join_publish_comment_and_see_it_on_home(page, signed_in_page, screenshot, db):
    manager = make_member("carla", name="Carla Manager", title="Warehouse lead")
    community = make_community(
        manager,
        name="Warehouse Operations",
        purpose="Pick, pack and ship better together.",
        guidelines="Share what you learn. **No customer data.**",
    )
    newcomer = make_member("nina", name="Nina Newcomer", title="Shift supervisor")

    signed_in_page(newcomer)
    expect(page.get_by_role("heading", name="Welcome to Guildhall")).to_be_visible()
    screenshot(page, "journey-01-empty-home")

    page.get_by_role("link", name="Find a community").click()
    page.get_by_role("link", name="Warehouse Operations").click()
    page.get_by_role("link", name="Join community").click()
    page.get_by_role("button", name="Join community").click()
    expect(page.get_by_role("alert")).to_contain_text("accept the community")  # must tick first
    page.get_by_label("I have read the guidelines and will follow them").check()
    screenshot(page, "journey-02-guidelines")
    page.get_by_role("button", name="Join community").click()
    expect(page.get_by_text("Welcome to Warehouse Operations!")).to_be_visible()

    page.get_by_role("link", name="Write a post").click()
    page.get_by_label("Title").fill("Five checks before the night shift")
    page.get_by_label("Text").fill("1. **Dock doors** closed\n2. Scanner batteries charged")
    page.get_by_label("Tags").fill("safety, night-shift")
    page.get_by_role("button", name="Preview").click()
    expect(page.locator(".preview strong")).to_have_text("Dock doors")
    screenshot(page, "journey-03-preview")
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_role("heading", name="Five checks before the night shift")).to_be_visible()
    item = ContentItem.objects.get(title="Five checks before the night shift")
    assert item.community == community and item.status == "published"

    page.get_by_label("Add a comment").fill("Also: check the *fire exits* are clear.")
    page.get_by_role("button", name="Comment", exact=True).click()
    expect(page.locator(".comment .prose em")).to_have_text("fire exits")
    assert Comment.objects.filter(item=item, author=newcomer).count() == 1
    screenshot(page, "journey-04-item-with-comment")

    page.get_by_role("link", name="Home").click()
    card = page.locator(".item-card", has_text="Five checks before the night shift")
    expect(card).to_be_visible()
    expect(card).to_contain_text("Warehouse Operations")
    screenshot(page, "journey-05-home")


def test_comment_shows_in_authors_bell(page, signed_in_page, screenshot, db):
    author = make_member("ann", name="Ann Author", title="Planner")
    reader = make_member("rob", name="Rob Reader", title="Buyer")
    community = make_community(author, name="Planning Guild")
    add_member(community, reader)
    item = make_item(author, community=community, kind="discussion", title="Safety stock rules?")
    make_comment(reader, item, "We use service-level based safety stock.")

    signed_in_page(author)
    bell = page.locator("#bell")
    expect(bell).to_have_attribute("aria-label", "Notifications: 1 unread")
    bell.click()
    expect(
        page.get_by_role("link", name="Rob Reader commented on “Safety stock rules?”")
    ).to_be_visible()
    screenshot(page, "bell-notifications")


def test_pages_fit_a_phone(page, signed_in_page, screenshot, db):
    member = make_member("pia", name="Pia Phone", title="Field engineer")
    make_community(member, name="Field Engineers", purpose="Fix it first time.")
    page.set_viewport_size({"width": 390, "height": 844})
    signed_in_page(member)
    page.goto("/c/field-engineers/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways on a phone ({width}px)"
    screenshot(page, "phone-community")
