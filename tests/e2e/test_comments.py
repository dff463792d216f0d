"""A long conversation in a real browser: 50 threads at first, "Show more comments" appends the
next ones in place (htmx), and a reply on a later page is posted there."""

from playwright.sync_api import expect

from tests.factories import add_member, make_comment, make_community, make_item, make_member


def test_show_more_comments_appends_the_next_threads(page, signed_in_page, screenshot, db):
    author = make_member("carla", name="Carla Manager")
    community = make_community(author, name="Warehouse Operations")
    reader = make_member("nina", name="Nina Newcomer")
    add_member(community, reader)
    item = make_item(author, community=community, kind="discussion", title="Night shift checks")
    for n in range(55):
        make_comment(author, item, f"Check number {n}")

    signed_in_page(reader)
    page.goto(item.get_absolute_url())
    threads = page.locator(".comment-list > .comment")
    expect(threads).to_have_count(50)
    expect(page.get_by_text("Check number 54")).to_have_count(0)
    page.evaluate("window.__sameDocument = true")

    more = page.get_by_role("link", name="Show more comments")
    more.scroll_into_view_if_needed()
    screenshot(page, "comments-01-show-more")
    more.click()

    expect(threads).to_have_count(55)
    expect(page.get_by_text("Check number 54")).to_be_visible()
    expect(page.get_by_role("link", name="Show more comments")).to_have_count(0)
    assert page.evaluate("window.__sameDocument") is True  # appended, not a new page
    screenshot(page, "comments-02-all-shown")

    # Replying to a comment of the second page keeps that page.
    page.locator(f"#comment-{item.comments.order_by('-id').first().pk}").get_by_role(
        "link", name="Reply"
    ).click()
    page.get_by_label("Your reply").fill("Done on line 3.")
    page.get_by_role("button", name="Reply", exact=True).click()
    expect(page.get_by_text("Done on line 3.")).to_be_visible()
    assert "comments_page=2" in page.url
