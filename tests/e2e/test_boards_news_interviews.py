"""In a real browser: pin a link and a note to a board, post news a manager sees on top of home,
mark a leader and read the leadership blog, publish a member interview."""

from playwright.sync_api import expect

from guildhall.boards.models import Pin
from guildhall.interviews.models import Interview
from guildhall.news.models import NewsInfo
from guildhall.people.models import Profile
from tests.factories import add_member, make_community, make_item, make_member


def test_pin_links_and_notes_to_the_board(page, signed_in_page, screenshot, db):
    manager = make_member("carla", name="Carla Manager", title="Quality lead")
    community = make_community(manager, name="Lean & Continuous Improvement", purpose="Less waste.")
    mia = make_member("mia", name="Mia Member", title="Process engineer")
    add_member(community, mia)
    guide = make_item(mia, community=community, title="SMED on Line 3: what we changed")

    signed_in_page(mia)
    page.goto(f"/c/{community.slug}/")
    page.get_by_role("link", name="Open the board →").click()
    expect(page.get_by_role("heading", name="No pins yet")).to_be_visible()
    page.get_by_role("link", name="Add the first pin").click()

    page.get_by_label("Title").fill("ISO 9001:2015 — the standard")
    page.get_by_label("Link").fill("javascript:alert(1)")
    page.get_by_label("Note").fill("Clause 10.3 is *continual improvement*.")
    page.get_by_role("button", name="Pin it").click()
    expect(page.get_by_role("alert")).to_contain_text("https://")
    expect(page.get_by_label("Note")).to_have_value("Clause 10.3 is *continual improvement*.")
    screenshot(page, "boards-01-bad-link")
    page.get_by_label("Link").fill("https://www.iso.org/standard/62085.html")
    page.get_by_role("button", name="Pin it").click()
    expect(page.get_by_text("Pinned to the Lean & Continuous Improvement board.")).to_be_visible()

    page.get_by_role("link", name="Add a pin").click()
    page.get_by_label("Title").fill("Start here: the SMED write-up")
    page.get_by_label("Link").fill(f"/content/{guide.pk}/")
    page.get_by_role("button", name="Pin it").click()

    page.get_by_role("link", name="Add a pin").click()
    page.get_by_label("Title").fill("Kaizen calendar")
    page.get_by_label("Note").fill("Leeds: first week of each month. Gdańsk: third week.")
    page.get_by_role("button", name="Pin it").click()

    cards = page.locator(".pin-card")
    expect(cards).to_have_count(3)
    expect(cards.first).to_contain_text("Kaizen calendar")
    expect(page.locator(".pin-card", has_text="Start here")).to_contain_text(
        "SMED on Line 3: what we changed"
    )
    assert Pin.objects.filter(linked_item=guide).count() == 1
    screenshot(page, "boards-02-board")
    page.set_viewport_size({"width": 420, "height": 900})
    screenshot(page, "boards-03-board-mobile")
    page.set_viewport_size({"width": 1280, "height": 900})

    page.locator(".pin-card h3 a", has_text="ISO 9001").click()
    expect(page.locator(".pin-detail a.pin-url")).to_have_attribute(
        "href", "https://www.iso.org/standard/62085.html"
    )
    screenshot(page, "boards-04-pin-item")


def test_news_leaders_and_interviews(page, signed_in_page, screenshot, db):
    admin = make_member("admin", staff=True, name="Ada Admin")
    manager = make_member("carla", name="Carla Manager", title="Supply chain lead")
    community = make_community(manager, name="Supply Chain Practice", purpose="Plan better.")
    eric = make_member("eric", name="Eric Expert", title="Senior field engineer")
    ceo = make_member("helen", name="Helen Harbour", title="Chief Executive Officer")
    add_member(community, eric)

    signed_in_page(manager)
    page.get_by_role("link", name="News").first.click()
    page.get_by_role("link", name="Post news").click()
    page.get_by_label("Where").select_option(community.slug)
    page.get_by_label("Headline").fill("S&OP review moves to the second Thursday")
    page.get_by_label("Text").fill("From next month, **10:00**, same room.")
    page.get_by_label("Stays on top until").fill("2099-12-31")
    screenshot(page, "news-01-form")
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("On top of the news until")).to_be_visible()
    assert NewsInfo.objects.get().expires_at.year == 2099
    page.get_by_role("link", name="Home").first.click()
    panel = page.locator(".news-panel")
    expect(panel).to_contain_text("S&OP review moves to the second Thursday")
    screenshot(page, "news-02-home-panel")

    page.context.clear_cookies()
    signed_in_page(admin)
    page.goto("/u/helen/")
    page.get_by_role("button", name="Mark as leader").click()
    expect(page.get_by_text("Helen Harbour is now a leader")).to_be_visible()
    assert Profile.objects.get(user=ceo).is_leader
    make_item(ceo, title="Why we're investing in the Leeds test rig", body="Three reasons.")
    page.get_by_role("link", name="Leadership blog", exact=True).click()
    expect(page.locator(".item-card")).to_contain_text("Leeds test rig")
    screenshot(page, "leadership-01-blog")
    response = page.request.get("/leadership/feed.xml")
    assert response.ok and "Leeds test rig" in response.text()

    page.context.clear_cookies()
    signed_in_page(manager)
    page.goto("/interviews/new/")
    page.get_by_label("Member interviewed").fill("nobody")
    page.get_by_label("Title").fill("Five minutes with Eric")
    page.get_by_label("Interview text").fill("**What do you do?**\n\nKeep HX pumps running.")
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_role("alert").first).to_contain_text("No member has the username")
    page.get_by_label("Member interviewed").fill("eric")
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".interview-featured")).to_contain_text("Eric Expert")
    screenshot(page, "interviews-01-item")
    assert Interview.objects.get().featured_member == eric
    page.locator(".interview-featured").get_by_role("link", name="Eric Expert").click()
    expect(page.locator(".featured-in")).to_contain_text("Five minutes with Eric")
    screenshot(page, "interviews-02-profile")
