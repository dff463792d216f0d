"""The one visibility filter, feeds, "what's new", drafts and item lookup."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from guildhall.communities.services import community_update, membership_leave, membership_remove
from guildhall.content.selectors import (
    content_feed,
    content_item_get,
    content_items_visible_to,
    drafts_of,
    whats_new,
)
from tests.factories import make_community, make_item


@pytest.fixture
def items(member, expert, community_manager, community, private_community):
    """One item of each sort the visibility filter must tell apart."""
    other_public = make_community(community_manager, name="Lean Circle")
    other_private = make_community(community_manager, name="Board Room", private=True)
    return {
        "company": make_item(expert, title="Company-wide post"),
        "public": make_item(expert, community=community, kind="discussion", title="Public"),
        "private": make_item(member, community=private_community, title="Private"),
        "other_public": make_item(community_manager, community=other_public, title="Lean"),
        "other_private": make_item(community_manager, community=other_private, title="Board"),
        "mia_draft": make_item(member, title="Mia's draft", publish=False),
        "eric_draft": make_item(expert, community=community, title="Eric's draft", publish=False),
    }


def names(qs, items) -> set[str]:
    by_pk = {item.pk: name for name, item in items.items()}
    return {by_pk[item.pk] for item in qs}


# --- content_items_visible_to -------------------------------------------------------------------


def test_outsider_sees_company_and_public_community_items(items, outsider):
    assert names(content_items_visible_to(outsider), items) == {
        "company",
        "public",
        "other_public",
    }


def test_member_also_sees_their_private_community_and_own_drafts(items, member):
    assert names(content_items_visible_to(member), items) == {
        "company",
        "public",
        "other_public",
        "private",
        "mia_draft",
    }


def test_staff_see_every_published_item_but_no_one_elses_drafts(items, staff):
    assert names(content_items_visible_to(staff), items) == {
        "company",
        "public",
        "other_public",
        "private",
        "other_private",
    }


def test_manager_sees_the_private_communities_they_manage(items, community_manager):
    visible = names(content_items_visible_to(community_manager), items)

    assert {"private", "other_private"} <= visible
    assert "mia_draft" not in visible and "eric_draft" not in visible


def test_an_author_removed_from_a_private_community_loses_their_items_there(
    client, member, community_manager, private_community
):
    mine = make_item(member, community=private_community, title="Near miss at dock 4")
    draft = make_item(member, community=private_community, title="Draft lessons", publish=False)
    membership_remove(actor=community_manager, community=private_community, member=member)

    client.force_login(member)
    assert client.get(mine.get_absolute_url()).status_code == 404
    assert client.get(f"/api/v1/content/{draft.pk}").status_code == 404
    assert not content_items_visible_to(member).filter(pk__in=[mine.pk, draft.pk]).exists()


def test_anonymous_sees_nothing(items):
    assert list(content_items_visible_to(AnonymousUser())) == []


def test_leaving_a_private_community_hides_its_items(
    items, member, community_manager, private_community
):
    others = make_item(community_manager, community=private_community, title="Carla's")
    assert content_items_visible_to(member).filter(pk=others.pk).exists()

    membership_leave(actor=member, community=private_community)

    assert not content_items_visible_to(member).filter(pk=others.pk).exists()
    assert "private" not in names(whats_new(viewer=member), items)
    # Her own item stays behind too: its comments are the community's, not hers.
    assert "private" not in names(content_items_visible_to(member), items)


def test_items_of_a_community_made_private_leave_outsiders(items, outsider, community_manager):
    community = items["public"].community

    community_update(actor=community_manager, community=community, visibility="private")

    assert "public" not in names(content_items_visible_to(outsider), items)


# --- whats_new ----------------------------------------------------------------------------------


def test_whats_new_has_own_communities_and_company_posts_only(items, member):
    # Not: items of public communities Mia has not joined, private ones, or drafts.
    assert names(whats_new(viewer=member), items) == {"company", "public", "private"}


def test_whats_new_for_an_outsider_is_company_posts(items, outsider):
    assert names(whats_new(viewer=outsider), items) == {"company"}


def test_whats_new_for_staff_is_not_everything(items, staff):
    assert names(whats_new(viewer=staff), items) == {"company"}


def test_whats_new_newest_first_and_by_kind(items, member):
    newest = make_item(member, title="Newest")
    items["newest"] = newest

    listed = list(whats_new(viewer=member))
    assert listed[0] == newest
    assert names(whats_new(viewer=member, kind="discussion"), items) == {"public"}


def test_whats_new_runs_in_fixed_queries(items, member, django_assert_max_num_queries):
    for n in range(5):
        make_item(member, title=f"Extra {n}", tags=["a", "b"])

    # The member's communities (kept for them afterwards), the items, their tags.
    with django_assert_max_num_queries(3):
        for item in whats_new(viewer=member):
            (item.author.profile.title, item.community, [t.slug for t in item.tags.all()])


# --- content_feed -------------------------------------------------------------------------------


def test_feed_filters_by_community_kind_author_and_tag(items, member, expert, community):
    tagged = make_item(expert, community=community, title="Tagged", tags="forecasting")
    items["tagged"] = tagged

    assert names(content_feed(viewer=member, community=community), items) == {"public", "tagged"}
    assert names(content_feed(viewer=member, kind="discussion"), items) == {"public"}
    assert names(content_feed(viewer=member, author=expert), items) == {
        "company",
        "public",
        "tagged",
    }
    assert names(content_feed(viewer=member, tag="forecasting"), items) == {"tagged"}
    assert list(content_feed(viewer=member, tag="nothing")) == []


def test_feed_never_shows_a_private_community_to_an_outsider(items, outsider, private_community):
    assert list(content_feed(viewer=outsider, community=private_community)) == []


def test_feed_hides_drafts_unless_asked_and_then_only_ones_own(items, member, expert):
    assert "mia_draft" not in names(content_feed(viewer=member), items)
    assert "mia_draft" in names(content_feed(viewer=member, include_drafts=True), items)
    assert "eric_draft" not in names(content_feed(viewer=member, include_drafts=True), items)


def test_feed_is_newest_first(member):
    first = make_item(member, title="First")
    second = make_item(member, title="Second")

    assert list(content_feed(viewer=member, author=member)) == [second, first]


# --- drafts_of and content_item_get -------------------------------------------------------------


def test_drafts_of_lists_only_the_viewers_drafts(items, member, expert):
    assert list(drafts_of(viewer=member)) == [items["mia_draft"]]
    assert list(drafts_of(viewer=expert)) == [items["eric_draft"]]


@pytest.mark.parametrize(
    ("persona", "name"),
    [
        ("member", "private"),
        ("member", "mia_draft"),
        ("outsider", "public"),
        ("staff", "other_private"),
    ],
)
def test_content_item_get_finds_visible_items(request, items, persona, name):
    viewer = request.getfixturevalue(persona)

    assert content_item_get(viewer=viewer, pk=items[name].pk) == items[name]


@pytest.mark.parametrize(
    ("persona", "name"),
    [
        ("outsider", "private"),
        ("member", "other_private"),
        ("member", "eric_draft"),
        ("staff", "mia_draft"),
        ("community_manager", "eric_draft"),
    ],
)
def test_content_item_get_answers_404_for_invisible_items(request, items, persona, name):
    viewer = request.getfixturevalue(persona)

    with pytest.raises(Http404, match="No such item"):
        content_item_get(viewer=viewer, pk=items[name].pk)
