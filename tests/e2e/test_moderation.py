"""Quality control in a real browser: a member posts in a safety-critical community → it awaits
review → an expert sees the top bar's count, approves and verifies → a colleague sees who
verified it."""

from playwright.sync_api import expect

from guildhall.moderation.services import quality_policy_set
from tests.factories import add_member, make_community, make_member


def test_post_review_verify(page, signed_in_page, screenshot, db):
    manager = make_member("carla", name="Carla Manager", title="HSE lead")
    community = make_community(manager, name="Field Engineering")
    quality_policy_set(actor=manager, community=community, safety_critical=True)
    author = make_member("mia", name="Mia Member", title="Service engineer")
    expert = make_member("eric", name="Eric Expert", title="Senior electrical engineer")
    colleague = make_member("cole", name="Cole Colleague", title="Apprentice")
    add_member(community, author)
    add_member(community, colleague)
    add_member(community, expert, role="expert")

    signed_in_page(author)
    page.goto(f"/content/new/?kind=post&community={community.slug}")
    page.get_by_label("Title").fill("Prove dead before you touch the terminals")
    page.get_by_label("Text").fill("Test the detector on a known live source before and after.")
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_role("heading", name="Awaiting review")).to_be_visible()
    screenshot(page, "moderation-01-awaiting-review")

    page.context.clear_cookies()
    signed_in_page(expert)
    page.goto("/")
    page.get_by_role("link", name="1 to review").click()
    expect(page.get_by_role("heading", name="Review queue")).to_be_visible()
    expect(page.get_by_text("Prove dead before you touch the terminals")).to_be_visible()
    screenshot(page, "moderation-02-queue")
    page.get_by_role("button", name="Approve and verify").click()
    expect(page.get_by_text("Approved and verified.")).to_be_visible()
    expect(page.get_by_role("heading", name="Nothing waiting")).to_be_visible()

    page.context.clear_cookies()
    signed_in_page(colleague)
    page.goto(f"/c/{community.slug}/")
    page.get_by_role("link", name="Prove dead before you touch the terminals").first.click()
    expect(page.get_by_text("Verified by Eric Expert on")).to_be_visible()
    screenshot(page, "moderation-03-verified")
