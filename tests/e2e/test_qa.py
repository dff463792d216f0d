"""Q&A in a real browser: ask (similar questions appear) → answer → vote → accept."""

from playwright.sync_api import expect

from guildhall.qa.models import Answer, Question
from tests.factories import add_member, make_community, make_member
from tests.qa.conftest import ask


def test_ask_answer_accept(page, signed_in_page, screenshot, db):
    manager = make_member("carla", name="Carla Manager", title="Field service lead")
    community = make_community(
        manager, name="Field Service", purpose="Keep our customers' pumps running."
    )
    asker = make_member("mia", name="Mia Member", title="Service engineer")
    helper = make_member("eric", name="Eric Expert", title="Senior application engineer")
    add_member(community, asker)
    add_member(community, helper, role="expert")
    ask(manager, community, title="Which grease for HX-200 pump bearings?")

    signed_in_page(asker)
    page.goto(f"/c/{community.slug}/")
    page.get_by_role("link", name="Unanswered questions →").click()
    expect(page.get_by_role("heading", name="Questions")).to_be_visible()
    page.get_by_role("link", name="Ask a question").first.click()
    expect(page.get_by_label("Community")).to_have_value(community.slug)
    page.get_by_label("Your question").press_sequentially("How do I bleed air from an HX-200 pump?")
    similar = page.locator("#similar-questions")
    expect(similar).to_contain_text("Which grease for HX-200 pump bearings?")
    page.get_by_label("Details").fill("After a **seal change** it keeps cavitating.")
    page.get_by_label("Tags").fill("hx-200, commissioning")
    screenshot(page, "qa-01-ask-with-similar")
    page.get_by_role("button", name="Ask your question").click()
    expect(
        page.get_by_role("heading", name="How do I bleed air from an HX-200 pump?")
    ).to_be_visible()
    expect(page.get_by_text("No answers yet")).to_be_visible()
    question = Question.objects.get(item__title="How do I bleed air from an HX-200 pump?")
    screenshot(page, "qa-02-question")

    page.context.clear_cookies()
    signed_in_page(helper)
    page.goto(question.item.get_absolute_url())
    page.get_by_label("Your answer").fill(
        "Open the **vent plug** a quarter turn and prime until clear."
    )
    page.get_by_role("button", name="Post your answer").click()
    expect(page.locator(".qa-answer .prose strong")).to_have_text("vent plug")
    answer = Answer.objects.get(item=question.item)
    assert answer.author == helper
    page.evaluate("window.scrollTo(0, 0)")  # the sticky top bar stays out of the full-page shot
    screenshot(page, "qa-03-answered")

    page.context.clear_cookies()
    signed_in_page(asker)
    expect(page.locator(".bell-count")).to_have_text("1")
    page.goto(question.item.get_absolute_url())
    page.get_by_role("button", name="Vote up").click()  # htmx swaps just this answer
    expect(page.get_by_role("button", name="Remove your up vote")).to_be_focused()
    expect(page.locator(".qa-score").first).to_contain_text("1")
    page.get_by_role("button", name="✓ Accept this answer").click()
    expect(page.get_by_text("Answer accepted. It now shows first.")).to_be_visible()
    expect(page.locator(".qa-answer-accepted")).to_contain_text("Accepted answer")
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, "qa-04-accepted")
    answer.refresh_from_db()
    question.refresh_from_db()
    assert answer.is_accepted and answer.score == 1
    assert question.accepted_answer == answer and question.first_answer_at is not None

    page.goto(f"/c/{community.slug}/questions/?state=accepted")
    expect(page.get_by_role("link", name="How do I bleed air from an HX-200 pump?")).to_be_visible()
    screenshot(page, "qa-05-community-questions")
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(question.item.get_absolute_url())
    screenshot(page, "qa-06-mobile")
