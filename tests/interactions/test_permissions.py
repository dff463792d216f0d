"""Every check_* in interactions.permissions: allow and deny, over the personas."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from guildhall.core.exceptions import PermissionDenied
from guildhall.interactions.permissions import (
    can_delete_comment,
    can_edit_comment,
    check_delete_comment,
    check_edit_comment,
    check_favourite_item,
    check_pick_item,
    check_rate_item,
    check_share_item,
)
from guildhall.interactions.services import comment_delete
from tests.factories import make_comment, make_item


def persona(request, name):
    return AnonymousUser() if name == "anonymous" else request.getfixturevalue(name)


@pytest.fixture
def comment(member, expert, community):
    """Eric's comment on Mia's discussion."""
    item = make_item(member, community=community, kind="discussion")
    return make_comment(expert, item, "Eric's comment")


@pytest.fixture
def private_comment(member, private_community):
    item = make_item(member, community=private_community)
    return make_comment(member, item, "Mia's private comment")


# --- check_edit_comment -------------------------------------------------------------------------


def test_check_edit_comment_allows_its_author(expert, comment):
    check_edit_comment(expert, comment)
    assert can_edit_comment(expert, comment)


@pytest.mark.parametrize("who", ["member", "community_manager", "staff", "outsider"])
def test_check_edit_comment_denies_everyone_else(request, who, comment):
    with pytest.raises(PermissionDenied, match="only change your own comments"):
        check_edit_comment(persona(request, who), comment)
    assert not can_edit_comment(persona(request, who), comment)


@pytest.mark.parametrize("who", ["outsider", "anonymous"])
def test_check_edit_comment_hides_private_comments(request, who, private_comment):
    with pytest.raises(Http404):
        check_edit_comment(persona(request, who), private_comment)


def test_check_edit_comment_denies_a_deleted_comment(expert, member, comment):
    make_comment(member, comment.item, "Reply", parent=comment)
    comment_delete(actor=expert, comment=comment)
    comment.refresh_from_db()

    with pytest.raises(PermissionDenied):
        check_edit_comment(expert, comment)


# --- check_delete_comment -----------------------------------------------------------------------


@pytest.mark.parametrize("who", ["expert", "staff"])
def test_check_delete_comment_allows_author_and_staff(request, who, comment):
    check_delete_comment(persona(request, who), comment)
    assert can_delete_comment(persona(request, who), comment)


@pytest.mark.parametrize("who", ["member", "community_manager", "outsider"])
def test_check_delete_comment_denies_others(request, who, comment):
    with pytest.raises(PermissionDenied, match="only delete your own comments"):
        check_delete_comment(persona(request, who), comment)
    assert not can_delete_comment(persona(request, who), comment)


@pytest.mark.parametrize("who", ["outsider", "anonymous"])
def test_check_delete_comment_hides_private_comments(request, who, private_comment):
    with pytest.raises(Http404):
        check_delete_comment(persona(request, who), private_comment)


def test_check_delete_comment_denies_a_placeholder_even_to_staff(staff, expert, member, comment):
    make_comment(member, comment.item, "Reply", parent=comment)
    comment_delete(actor=expert, comment=comment)
    comment.refresh_from_db()

    with pytest.raises(PermissionDenied):
        check_delete_comment(staff, comment)


# --- Engagement: check_rate_item, check_favourite_item, check_share_item, check_pick_item ------


@pytest.fixture
def published(member, community):
    """Mia's published discussion in the public community."""
    return make_item(member, community=community, kind="discussion", title="Safety stock")


@pytest.fixture
def mias_draft(member, community):
    return make_item(member, community=community, kind="discussion", publish=False)


@pytest.fixture
def private_item(member, private_community):
    return make_item(member, community=private_community, kind="discussion")


@pytest.mark.parametrize("who", ["expert", "outsider", "staff"])
def test_check_rate_item_allows_others_on_a_published_item(request, who, published):
    check_rate_item(persona(request, who), published)


def test_check_rate_item_denies_the_author(member, published):
    with pytest.raises(PermissionDenied, match="can't rate your own item"):
        check_rate_item(member, published)


def test_check_rate_item_denies_a_draft(member, mias_draft):
    with pytest.raises(PermissionDenied, match="Ratings open once the item is published"):
        check_rate_item(member, mias_draft)


@pytest.mark.parametrize(
    "check", [check_rate_item, check_favourite_item, check_share_item, check_pick_item]
)
def test_engagement_checks_hide_a_private_item(check, outsider, private_item):
    with pytest.raises(Http404):
        check(outsider, private_item)


@pytest.mark.parametrize("check", [check_favourite_item, check_share_item])
@pytest.mark.parametrize("who", ["member", "outsider"])
def test_favourite_and_share_allow_whoever_sees_a_published_item(request, check, who, published):
    check(persona(request, who), published)


@pytest.mark.parametrize(
    ("check", "message"),
    [
        (check_favourite_item, "Only published items can be favourited"),
        (check_share_item, "Only published items can be shared"),
    ],
)
def test_favourite_and_share_deny_a_draft(check, message, member, mias_draft):
    with pytest.raises(PermissionDenied, match=message):
        check(member, mias_draft)


@pytest.mark.parametrize("who", ["expert", "community_manager", "staff"])
def test_check_pick_item_allows_experts_managers_and_staff(request, who, published):
    check_pick_item(persona(request, who), published)


@pytest.mark.parametrize("who", ["member", "outsider"])
def test_check_pick_item_denies_other_members(request, who, published):
    with pytest.raises(PermissionDenied, match="Only this community's experts and managers"):
        check_pick_item(persona(request, who), published)


def test_check_pick_item_denies_an_item_outside_communities(expert, member):
    blog_post = make_item(member, title="My week")
    with pytest.raises(PermissionDenied, match="Only items in a community"):
        check_pick_item(expert, blog_post)
