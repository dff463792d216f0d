"""Wiki services: revisions, conflicts, reverts, links and the edit setting."""

import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from guildhall.content.models import ContentItem
from guildhall.core.models import AuditEntry, Event
from guildhall.wiki.models import WikiLink, WikiPage, WikiRevision, WikiSettings
from guildhall.wiki.permissions import can_edit_wiki
from guildhall.wiki.services import ConflictError, wiki_page_revert, wiki_settings_set
from tests.factories import add_member, make_member
from tests.wiki.conftest import edit, make_page


def test_create_makes_item_page_and_revision_one(member, community):
    item = make_page(member, community, title="Glossary", body="**MRP**: planning", summary="First")
    item.refresh_from_db()
    assert item.kind == "wiki" and item.status == "published" and item.community == community
    assert item.wiki_page.revision == 1
    revision = WikiRevision.objects.get(item=item)
    assert (revision.number, revision.title, revision.body, revision.summary) == (
        1,
        "Glossary",
        "**MRP**: planning",
        "First",
    )
    assert revision.author == member
    assert "<strong>MRP</strong>" in item.body_html
    assert Event.objects.filter(verb="publish", target_id=item.pk).count() == 1


def test_titles_are_unique_per_community_whatever_the_case(member, community):
    make_page(member, community, title="Glossary")
    with pytest.raises(ValidationError) as exc:
        make_page(member, community, title="  glossary ")
    assert "already has a page" in str(exc.value)
    assert WikiPage.objects.count() == 1 and ContentItem.objects.filter(kind="wiki").count() == 1


def test_edit_adds_a_revision_and_keeps_the_item_in_sync(page, member, expert):
    revision = edit(expert, page, "Start here.\n\nThen read the glossary.", 1, summary="More")
    page.refresh_from_db()
    assert revision.number == 2 and revision.author == expert and revision.summary == "More"
    assert page.body == "Start here.\n\nThen read the glossary."
    assert "read the glossary" in page.body_html
    assert page.wiki_page.revision == 2
    assert list(WikiRevision.objects.filter(item=page).values_list("number", flat=True)) == [2, 1]
    event = Event.objects.get(verb="edit_wiki")
    assert event.actor == expert and event.data["revision"] == 2


def test_stale_base_revision_saves_nothing_and_names_the_latest(page, member, expert):
    edit(expert, page, "Eric's text", 1)
    with pytest.raises(ConflictError) as exc:
        edit(member, page, "Mia's text", 1)
    assert exc.value.latest.number == 2 and exc.value.data == {"latest_revision": 2}
    assert isinstance(exc.value, ValidationError)
    page.refresh_from_db()
    assert page.body == "Eric's text" and page.wiki_page.revision == 2
    assert WikiRevision.objects.filter(item=page).count() == 2
    # Merged on top of the latest, it saves.
    edit(member, page, "Eric's text\nMia's text", 2)
    page.refresh_from_db()
    assert page.body == "Eric's text\nMia's text" and page.wiki_page.revision == 3


def test_base_revision_is_required_and_must_exist(page, member):
    for base, message in ((None, "Say which revision"), (7, "no revision 7"), ("x", "number")):
        with pytest.raises(ValidationError) as exc:
            edit(member, page, "New", base)
        assert message in str(exc.value)
    with pytest.raises(ValidationError, match="Nothing changed"):
        edit(member, page, "Start here.", 1)


def test_revert_creates_a_new_revision_with_the_old_text(page, member, expert):
    edit(expert, page, "Second", 1)
    edit(member, page, "Third", 2, title="Onboarding steps")
    new = wiki_page_revert(actor=expert, item=page, revision=1)
    page.refresh_from_db()
    assert new.number == 4 and new.summary == "Reverted to revision 1" and new.reverted_to == 1
    assert new.body == "Start here." and new.title == "Onboarding checklist"
    assert page.body == "Start here." and page.title == "Onboarding checklist"
    page.wiki_page.refresh_from_db()
    assert page.wiki_page.revision == 4 and page.wiki_page.title_key == "onboarding checklist"
    assert Event.objects.filter(verb="revert_wiki", actor=expert).count() == 1
    with pytest.raises(ValidationError, match="already the latest"):
        wiki_page_revert(actor=expert, item=page, revision=4)
    with pytest.raises(ValidationError, match="no revision 9"):
        wiki_page_revert(actor=expert, item=page, revision=9)


def test_links_existing_and_missing_and_what_links_here(member, community):
    glossary = make_page(member, community, title="Glossary", body="Terms.")
    page = make_page(
        member,
        community,
        title="Onboarding checklist",
        body="Read the [[glossary]] and the [[Supplier scorecard|scorecard]].",
    )
    page.refresh_from_db()
    assert f'href="{glossary.get_absolute_url()}"' in page.body_html
    assert '<a class="wiki-missing" href="/wiki/new/?community=' in page.body_html
    assert ">scorecard</a>" in page.body_html
    links = {link.to_key: link.to_item_id for link in WikiLink.objects.filter(from_item=page)}
    assert links == {"glossary": glossary.pk, "supplier scorecard": None}

    # Creating the missing page turns the link into a real one on the linking page.
    scorecard = make_page(member, community, title="Supplier Scorecard", body="Grades.")
    page.refresh_from_db()
    assert "wiki-missing" not in page.body_html
    assert f'href="{scorecard.get_absolute_url()}"' in page.body_html
    assert WikiLink.objects.get(from_item=page, to_key="supplier scorecard").to_item == scorecard

    # Editing drops links that are gone.
    edit(member, page, "Only the [[Glossary]] now.", 1)
    assert list(WikiLink.objects.filter(from_item=page).values_list("to_key", flat=True)) == [
        "glossary"
    ]
    assert not WikiLink.objects.filter(to_item=scorecard).exists()


def test_rename_updates_links_both_ways(member, community):
    glossary = make_page(member, community, title="Glossary", body="Terms.")
    page = make_page(member, community, title="Checklist", body="See [[Glossary]].")
    edit(member, glossary, "Terms.", 1, title="Words we use")
    page.refresh_from_db()
    assert "wiki-missing" in page.body_html  # [[Glossary]] no longer names a page
    assert WikiLink.objects.get(from_item=page).to_item is None
    edit(member, page, "See [[Words we use]].", 1)
    assert WikiLink.objects.get(from_item=page).to_item == glossary


def test_links_in_code_are_left_alone(member, community):
    page = make_page(member, community, title="Syntax", body="Write `[[Title]]`\n\n    [[Block]]")
    page.refresh_from_db()
    assert "<code>[[Title]]</code>" in page.body_html and "wiki-missing" not in page.body_html
    assert not WikiLink.objects.filter(from_item=page).exists()


def test_xss_in_body_title_summary_and_links_is_neutralised(member, community):
    payload = "<script>alert(1)</script>"
    page = make_page(
        member,
        community,
        title="Evil <b>title</b>",
        body=f'{payload} [[<img src=x onerror=alert(1)>]] [[A|<b onmouseover="x">hi</b>]] '
        '[[x" onclick="alert(1)]]',
        summary=payload,
    )
    page.refresh_from_db()
    html = page.body_html
    assert not re.search(r"<[^>]*\son\w+\s*=", html)  # no event-handler attribute on any tag
    assert not re.search(r"<(script|img|b)\b", html)
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=alert(1)&gt;</a>" in html
    assert WikiRevision.objects.get(item=page).summary == payload  # text; escaped on pages


def test_edit_permission_setting(member, expert, community_manager, community, outsider, staff):
    page = make_page(member, community)
    assert can_edit_wiki(member, community) and can_edit_wiki(expert, community)
    assert not can_edit_wiki(outsider, community)
    with pytest.raises(PermissionDenied, match="Join"):
        edit(outsider, page, "Outsider", 1)

    with pytest.raises(PermissionDenied):
        wiki_settings_set(actor=member, community=community, editors="experts")
    wiki_settings_set(actor=community_manager, community=community, editors="experts")
    assert WikiSettings.objects.get(community=community).editors == "experts"
    audit = AuditEntry.objects.get(action="wiki_editors_set")
    assert audit.actor == community_manager and audit.data == {"from": "members", "to": "experts"}

    page.community.__dict__.pop("_wiki_editors", None)
    assert not can_edit_wiki(member, community)
    assert can_edit_wiki(expert, community) and can_edit_wiki(community_manager, community)
    assert can_edit_wiki(staff, community)
    with pytest.raises(PermissionDenied, match="experts and managers"):
        edit(member, page, "Member edit", 1)
    with pytest.raises(PermissionDenied):
        make_page(member, community, title="Another")
    edit(expert, page, "Expert edit", 1)
    with pytest.raises(ValidationError):
        wiki_settings_set(actor=community_manager, community=community, editors="everyone")


def test_private_wiki_is_404_to_outsiders(member, private_community, outsider):
    page = make_page(member, private_community)
    with pytest.raises(Http404):
        edit(outsider, page, "x", 1)
    with pytest.raises(Http404):
        wiki_page_revert(actor=outsider, item=page, revision=1)
    with pytest.raises(Http404):
        make_page(outsider, private_community, title="Sneaky")


def test_wiki_pages_need_a_community_and_cannot_be_drafts(member, community):
    with pytest.raises(ValidationError, match="community"):
        make_page(member, None)
    with pytest.raises(ValidationError, match="drafts"):
        make_page(member, community, publish=False)


def test_new_member_can_edit(community):
    newcomer = make_member("nico")
    add_member(community, newcomer)
    assert can_edit_wiki(newcomer, community)
