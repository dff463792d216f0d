"""Search in a browser: a word written in a wiki page's third revision is found from the top bar."""

from playwright.sync_api import expect

from guildhall.wiki.services import wiki_page_create
from tests.factories import add_member, make_community, make_member


def test_top_bar_search_finds_a_wiki_page_by_a_word_of_its_third_revision(
    page, signed_in_page, screenshot, db
):
    manager = make_member("carla", name="Carla Manager", title="Plant manager")
    community = make_community(manager, name="Lean Practice", purpose="Improve every day.")
    writer = make_member("wendy", name="Wendy Writer", title="Lean process engineer")
    add_member(community, writer)
    item = wiki_page_create(
        actor=writer,
        community=community,
        title="Changeover checklist",
        body="1. Stop the line\n2. Swap the tooling",
    )

    signed_in_page(writer)
    page.goto(item.get_absolute_url())
    for revision, text in [
        (2, "1. Stop the line\n2. Swap the tooling\n3. Check the first part"),
        (3, "1. Stop the line\n2. Swap the tooling\n3. Check the first part with the poka-yoke"
            " gauge (see the sidecar trolley)"),
        (4, "1. Stop the line safely\n2. Swap the tooling\n3. Check the first part with the"
            " poka-yoke gauge (see the sidecar trolley)"),
    ]:  # fmt: skip
        page.get_by_role("link", name="Edit", exact=True).click()
        page.get_by_label("Text", exact=True).fill(text)
        page.get_by_role("button", name="Save changes").click()
        expect(page.get_by_text(f"Revision {revision}", exact=True)).to_be_visible()

    box = page.get_by_role("search").get_by_label("Search items, people and communities")
    box.fill("sidecar")
    with page.expect_navigation():
        box.press("Enter")
    expect(page).to_have_url("/search/?q=sidecar")
    expect(page.get_by_role("heading", name="Results for “sidecar”")).to_be_visible()
    results = page.locator(".search-results > li")
    expect(results).to_have_count(1)
    expect(results.first.get_by_role("link", name="Changeover checklist")).to_be_visible()
    expect(results.first.locator("mark")).to_have_text("sidecar")
    expect(results.first).to_contain_text("Wiki page")
    expect(box).to_have_value("sidecar")
    screenshot(page, "search-01-wiki-page-found")

    results.first.get_by_role("link", name="Changeover checklist").click()
    expect(page.locator(".prose")).to_contain_text("sidecar trolley")

    # A word no revision has: the suggestions, not an empty page.
    box.fill("zeppelin")
    with page.expect_navigation():
        box.press("Enter")
    expect(page.get_by_role("heading", name="Nothing found for “zeppelin”")).to_be_visible()
    screenshot(page, "search-02-no-results")

    # People and communities are found too; the filters narrow to items.
    box.fill("wendy sidecar")
    with page.expect_navigation():
        box.press("Enter")
    expect(results).to_have_count(0)
    box.fill("wendy process")
    with page.expect_navigation():
        box.press("Enter")
    expect(results).to_have_count(1)
    expect(results.first.get_by_role("link", name="Wendy Writer")).to_be_visible()
    expect(results.first.locator("mark")).to_have_text(["Wendy", "process"])
    box.fill("lean")
    with page.expect_navigation():
        box.press("Enter")
    expect(results).to_have_count(2)
    expect(page.get_by_role("link", name="Lean Practice")).to_be_visible()
    screenshot(page, "search-03-community-and-people")
    page.locator(".search-more summary").click()
    page.get_by_label("Kind").select_option(label="Wiki page")
    form = page.get_by_role("search", name="Search and filters")
    form.get_by_label("Search for").fill("tooling")
    with page.expect_navigation():
        form.get_by_role("button", name="Search").click()
    expect(results).to_have_count(1)
    expect(page.locator(".search-more")).to_have_attribute("open", "")
    screenshot(page, "search-04-filters")
