"""Every check_* in content.permissions: allow and deny, over the personas."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from guildhall.content.models import ContentItem
from guildhall.content.permissions import (
    can_comment_on_item,
    can_delete_item,
    can_edit_item,
    can_view_item,
    check_comment_on_item,
    check_create_item,
    check_delete_item,
    check_edit_item,
    check_view_item,
)
from guildhall.core.exceptions import PermissionDenied
from tests.factories import make_item


def persona(request, name):
    return AnonymousUser() if name == "anonymous" else request.getfixturevalue(name)


@pytest.fixture
def public_item(member, community):
    return make_item(member, community=community, kind="discussion", title="Public")


@pytest.fixture
def private_item(member, private_community):
    return make_item(member, community=private_community, title="Private")


@pytest.fixture
def draft(member, community):
    return make_item(member, community=community, title="Draft", publish=False)


@pytest.fixture
def blog_post(member):
    return make_item(member, title="Blog post")


# --- check_view_item ----------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["member", "expert", "community_manager", "outsider", "staff"])
@pytest.mark.parametrize("which", ["public_item", "blog_post"])
def test_check_view_item_allows_everyone_on_company_items(request, who, which, db):
    item = request.getfixturevalue(which)

    check_view_item(persona(request, who), item)
    assert can_view_item(persona(request, who), item)


@pytest.mark.parametrize("who", ["member", "community_manager", "staff"])
def test_check_view_item_allows_members_and_staff_on_private(request, who, private_item):
    check_view_item(persona(request, who), private_item)


@pytest.mark.parametrize("who", ["outsider", "expert", "anonymous"])
def test_check_view_item_hides_private_items(request, who, private_item):
    with pytest.raises(Http404, match="No such item"):
        check_view_item(persona(request, who), private_item)
    assert not can_view_item(persona(request, who), private_item)


def test_check_view_item_allows_the_author_their_draft(member, draft):
    check_view_item(member, draft)


@pytest.mark.parametrize("who", ["expert", "community_manager", "staff", "outsider"])
def test_check_view_item_hides_drafts_from_everyone_else(request, who, draft):
    with pytest.raises(Http404):
        check_view_item(persona(request, who), draft)


@pytest.mark.parametrize("status", ["removed", "rejected", "pending_review"])
def test_check_view_item_hides_unpublished_states(status, outsider, public_item):
    ContentItem.objects.filter(pk=public_item.pk).update(status=status)
    public_item.refresh_from_db()

    with pytest.raises(Http404):
        check_view_item(outsider, public_item)


@pytest.mark.parametrize("who", ["expert", "community_manager", "staff"])
def test_work_waiting_for_review_is_for_the_communitys_reviewers(request, who, public_item):
    ContentItem.objects.filter(pk=public_item.pk).update(status="pending_review")
    public_item.refresh_from_db()
    check_view_item(persona(request, who), public_item)
    ContentItem.objects.filter(pk=public_item.pk).update(status="rejected")
    public_item.refresh_from_db()
    with pytest.raises(Http404):  # turned down: for its author only
        check_view_item(persona(request, who), public_item)


# --- check_create_item --------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["member", "expert", "community_manager"])
def test_check_create_item_allows_community_members(request, who, community):
    check_create_item(persona(request, who), community)


@pytest.mark.parametrize("who", ["member", "outsider", "staff"])
def test_check_create_item_allows_anyone_signed_in_without_community(request, who, db):
    check_create_item(persona(request, who), None)


@pytest.mark.parametrize("who", ["outsider", "staff"])
def test_check_create_item_denies_non_members(request, who, community):
    with pytest.raises(PermissionDenied, match="Join this community"):
        check_create_item(persona(request, who), community)


def test_check_create_item_hides_private_community(outsider, private_community):
    with pytest.raises(Http404):
        check_create_item(outsider, private_community)


def test_check_create_item_denies_anonymous(db):
    with pytest.raises(PermissionDenied, match="Sign in to write"):
        check_create_item(AnonymousUser(), None)


# --- check_edit_item / check_delete_item --------------------------------------------------------


@pytest.mark.parametrize("check", [check_edit_item, check_delete_item])
@pytest.mark.parametrize("who", ["member", "community_manager", "staff"])
def test_check_edit_and_delete_allow_author_manager_staff(request, check, who, public_item):
    check(persona(request, who), public_item)
    assert can_edit_item(persona(request, who), public_item)
    assert can_delete_item(persona(request, who), public_item)


@pytest.mark.parametrize("check", [check_edit_item, check_delete_item])
@pytest.mark.parametrize("who", ["expert", "outsider"])
def test_check_edit_and_delete_deny_others(request, check, who, public_item):
    with pytest.raises(PermissionDenied, match="Only the author or a community manager"):
        check(persona(request, who), public_item)
    assert not can_edit_item(persona(request, who), public_item)


@pytest.mark.parametrize("check", [check_edit_item, check_delete_item])
def test_check_edit_and_delete_hide_private_items_from_outsiders(check, outsider, private_item):
    with pytest.raises(Http404):
        check(outsider, private_item)


@pytest.mark.parametrize("check", [check_edit_item, check_delete_item])
@pytest.mark.parametrize("who", ["expert", "community_manager", "outsider"])
def test_company_blog_post_is_changed_only_by_author_or_staff(request, check, who, blog_post):
    with pytest.raises(PermissionDenied):
        check(persona(request, who), blog_post)
    check(persona(request, "staff"), blog_post)
    check(persona(request, "member"), blog_post)


# --- check_comment_on_item ----------------------------------------------------------------------


@pytest.mark.parametrize("who", ["member", "expert", "community_manager"])
def test_check_comment_allows_community_members(request, who, public_item):
    check_comment_on_item(persona(request, who), public_item)
    assert can_comment_on_item(persona(request, who), public_item)


@pytest.mark.parametrize("who", ["outsider", "staff", "expert"])
def test_check_comment_allows_anyone_on_a_blog_post(request, who, blog_post):
    check_comment_on_item(persona(request, who), blog_post)


@pytest.mark.parametrize("who", ["outsider", "staff"])
def test_check_comment_denies_non_members_in_a_community(request, who, public_item):
    with pytest.raises(PermissionDenied, match="Join this community to post and comment"):
        check_comment_on_item(persona(request, who), public_item)
    assert not can_comment_on_item(persona(request, who), public_item)


def test_check_comment_hides_private_items(outsider, private_item):
    with pytest.raises(Http404):
        check_comment_on_item(outsider, private_item)
    assert not can_comment_on_item(outsider, private_item)


def test_check_comment_refuses_drafts_even_to_the_author(member, draft):
    with pytest.raises(PermissionDenied, match="Comments open once the item is published"):
        check_comment_on_item(member, draft)
    assert not can_comment_on_item(member, draft)
