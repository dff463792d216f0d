"""The wiki in a real browser: create a page, edit it twice, view the diff, revert."""

from playwright.sync_api import expect

from guildhall.wiki.models import WikiRevision
from tests.factories import add_member, make_community, make_member


def test_edit_twice_view_diff_and_revert(page, signed_in_page, screenshot, db):
    manager = make_member("carla", name="Carla Manager", title="Plant manager")
    community = make_community(manager, name="Lean Practice", purpose="Improve every day.")
    writer = make_member("wendy", name="Wendy Writer", title="Process engineer")
    add_member(community, writer)

    signed_in_page(writer)
    page.goto(f"/c/{community.slug}/")
    page.get_by_role("link", name="Open the wiki →").click()
    expect(page.get_by_role("heading", name="No pages yet")).to_be_visible()
    page.get_by_role("link", name="Write the first page").click()
    page.get_by_label("Title").fill("Changeover checklist")
    page.get_by_label("Text", exact=True).fill(
        "1. Stop the line\n2. Swap the tooling\n\nSee [[Glossary]]."
    )
    page.get_by_label("Edit summary").fill("First version")
    page.get_by_role("button", name="Create page").click()
    expect(page.get_by_role("heading", name="Changeover checklist")).to_be_visible()
    expect(page.locator(".prose a.wiki-missing")).to_have_text("Glossary")
    screenshot(page, "wiki-01-page")

    for n, (text, summary) in enumerate(
        [
            (
                "1. Stop the line\n2. Swap the tooling\n3. Check first part\n\nSee [[Glossary]].",
                "Added the first-part check",
            ),
            (
                "1. Stop the line safely\n2. Swap the tooling\n3. Check first part\n\n"
                "See [[Glossary]].",
                "Safety wording",
            ),
        ],
        start=2,
    ):
        page.get_by_role("link", name="Edit", exact=True).click()
        page.get_by_label("Text", exact=True).fill(text)
        page.get_by_label("Edit summary").fill(summary)
        page.get_by_role("button", name="Save changes").click()
        expect(page.get_by_text(f"Revision {n}", exact=True)).to_be_visible()
    item = WikiRevision.objects.get(number=1).item
    assert item.wiki_page.revision == 3

    page.get_by_role("link", name="History").click()
    expect(page.get_by_role("heading", name="History of Changeover checklist")).to_be_visible()
    screenshot(page, "wiki-02-history")
    page.get_by_label("Compare from revision 1").check()
    page.get_by_label("Compare to revision 3").check()
    page.get_by_role("button", name="Compare selected revisions").click()
    expect(page.locator("tr.diff-insert")).to_contain_text("3. Check first part")
    expect(page.locator("tr.diff-replace")).to_contain_text("1. Stop the line safely")
    screenshot(page, "wiki-03-diff")

    page.get_by_role("link", name="Revert to revision 1").click()
    page.get_by_role("button", name="Revert").click()
    expect(page.get_by_text("Reverted to revision 1 (saved as revision 4).")).to_be_visible()
    expect(page.locator(".prose")).not_to_contain_text("Check first part")
    screenshot(page, "wiki-04-reverted")
    item.refresh_from_db()
    assert item.wiki_page.revision == 4 and "Check first part" not in item.body
    assert WikiRevision.objects.get(item=item, number=4).summary == "Reverted to revision 1"


def test_conflict_keeps_my_text(page, signed_in_page, screenshot, db):
    from guildhall.wiki.services import wiki_page_create, wiki_page_edit

    manager = make_member("carla", name="Carla Manager", title="Plant manager")
    community = make_community(manager, name="Lean Practice")
    me = make_member("mia", name="Mia Member", title="Analyst")
    other = make_member("eric", name="Eric Expert", title="Engineer")
    add_member(community, me)
    add_member(community, other)
    item = wiki_page_create(
        actor=me, community=community, title="Glossary", body="**OEE**: equipment effectiveness"
    )
    signed_in_page(me)
    page.goto(f"/content/{item.pk}/wiki/edit/")
    page.get_by_label("Text", exact=True).fill(
        "**OEE**: equipment effectiveness\n**SMED**: quick changeover"
    )
    wiki_page_edit(
        actor=other,
        item=item,
        body="**OEE**: overall equipment effectiveness",
        summary="Full name",
        base_revision=1,
    )
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_role("heading", name="Someone else saved this page")).to_be_visible()
    expect(page.get_by_label("Text", exact=True)).to_have_value(
        "**OEE**: equipment effectiveness\n**SMED**: quick changeover"
    )
    screenshot(page, "wiki-05-conflict")
    page.get_by_label("Text", exact=True).fill(
        "**OEE**: overall equipment effectiveness\n**SMED**: quick changeover"
    )
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_text("Revision 3", exact=True)).to_be_visible()
    item.refresh_from_db()
    assert "SMED" in item.body and "overall" in item.body
