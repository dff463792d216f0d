"""The expert finder, following and endorsing from a profile, and ask an expert, in a browser."""

from playwright.sync_api import expect

from guildhall.people.models import ExpertInvitation, PersonFollow, SkillEndorsement
from tests.factories import add_member, make_community, make_member
from tests.people.conftest import accepted_answer, ask, declare


def test_expert_finder_follow_endorse_and_invite(page, signed_in_page, screenshot, db):
    manager = make_member("carla", name="Carla Manager", title="Planning lead")
    community = make_community(manager, name="Supply Chain Practice", purpose="Plan well.")
    mia = make_member("mia", name="Mia Member", title="Analyst")
    ann = make_member("ann", name="Ann Answerer", title="Demand planner")
    dan = make_member("dan", name="Dan Declarer", title="Buyer")
    for person in (mia, ann, dan):
        add_member(community, person)
    for title in ("Winter demand planning", "Safety stock for promotions"):
        accepted_answer(manager, ann, community, title, tags=["demand-planning"])
    declare(dan, "Demand planning", level=5)
    declare(ann, "Demand planning", level=4)

    signed_in_page(mia)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Experts").click()
    page.get_by_label("Topic").fill("demand planning")
    page.get_by_role("button", name="Find experts").click()
    results = page.locator(".expert-result")
    expect(results).to_have_count(2)
    expect(results.first).to_contain_text("Ann Answerer")
    expect(results.first).to_contain_text("2 accepted answers on demand planning")
    expect(results.nth(1)).to_contain_text("declared skill: Demand planning (Expert)")
    screenshot(page, "experts-01-finder")

    # Follow Ann from her profile (htmx swaps the button in place).
    results.first.get_by_role("link", name="Ann Answerer").click()
    page.get_by_role("button", name="Follow Ann").click()
    expect(page.get_by_role("button", name="Following · Unfollow Ann")).to_be_visible()
    expect(page.locator(".follow-counts")).to_contain_text("1 follower")
    assert PersonFollow.objects.filter(follower=mia, followed=ann).exists()
    page.get_by_role("button", name="Endorse Ann Answerer for Demand planning").click()
    expect(page.locator("#skill-demand-planning")).to_contain_text("1 endorsement")
    assert SkillEndorsement.objects.filter(endorser=mia).count() == 1
    screenshot(page, "experts-02-profile-followed-endorsed")

    # The Following page, from the user menu.
    page.locator("details.usermenu summary").click()
    page.get_by_role("menuitem", name="Following").click()
    expect(page.get_by_role("heading", name="Following", exact=True)).to_be_visible()
    expect(page.locator(".following-list")).to_contain_text("Ann Answerer")

    # Ask an expert from an unanswered question.
    question = ask(mia, community, title="How far ahead do we plan?", tags=["demand-planning"])
    page.goto(question.get_absolute_url())
    section = page.locator("#ask-expert")
    expect(section).to_contain_text("2 accepted answers on demand planning")
    section.get_by_label("Ann Answerer").check()
    screenshot(page, "experts-03-ask-an-expert")
    section.get_by_role("button", name="Invite").click()
    expect(page.get_by_text("Invited Ann Answerer. They have been notified.")).to_be_visible()
    assert ExpertInvitation.objects.filter(item=question, expert=ann).exists()
