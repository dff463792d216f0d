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
