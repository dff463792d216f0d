"""Who may answer, vote and accept. Deny by default; seeing the question comes first (404)."""

from guildhall.communities.models import Membership
from guildhall.communities.permissions import (
    can_post_in_community,
    check_post_in_community,
    role_of,
)
from guildhall.content.permissions import can_comment_on_item, can_view_item, check_view_item
from guildhall.core.exceptions import PermissionDenied

LEADER_ROLES = {Membership.Role.EXPERT, Membership.Role.MANAGER}


def can_answer_question(user, item) -> bool:
    """Members of the question's community answer a published question."""
    return item.kind == "question" and can_comment_on_item(user, item)


def check_answer_question(user, item) -> None:
    check_view_item(user, item)
    if item.kind != "question":
        raise PermissionDenied("Only questions take answers.")
    if not can_answer_question(user, item):
        raise PermissionDenied("Join this community to answer its questions.")
    if item.community is not None:
        check_post_in_community(user, item.community)  # its posting conditions (guidelines)


def can_vote_answer(user, answer) -> bool:
    """One vote per member of the community, never on one's own answer."""
    item = answer.item
    if not can_view_item(user, item) or answer.author_id == user.pk:
        return False
    return item.community is not None and can_post_in_community(user, item.community)


def check_vote_answer(user, answer) -> None:
    check_view_item(user, answer.item)
    if answer.author_id == user.pk:
        raise PermissionDenied("You can't vote on your own answer.")
    if not can_vote_answer(user, answer):
        raise PermissionDenied("Join this community to vote on its answers.")


def can_accept_answer(user, item) -> bool:
    """The asker, the community's experts and managers (and staff) accept an answer."""
    if not can_view_item(user, item) or item.community is None:
        return False
    if item.author_id == user.pk or user.is_staff:
        return True
    return role_of(user, item.community) in LEADER_ROLES


def check_accept_answer(user, answer) -> None:
    check_view_item(user, answer.item)
    if not can_accept_answer(user, answer.item):
        raise PermissionDenied(
            "Only the asker or the community's experts and managers can accept an answer."
        )


def can_edit_answer(user, answer) -> bool:
    return user.is_authenticated and answer.author_id == user.pk


def check_edit_answer(user, answer) -> None:
    check_view_item(user, answer.item)
    if not can_edit_answer(user, answer):
        raise PermissionDenied("Only the answer's author can change it.")


def can_delete_answer(user, answer) -> bool:
    """The author, or the community's managers and staff (moderation)."""
    if not user.is_authenticated:
        return False
    if answer.author_id == user.pk or user.is_staff:
        return True
    community = answer.item.community
    return community is not None and role_of(user, community) == Membership.Role.MANAGER


def check_delete_answer(user, answer) -> None:
    check_view_item(user, answer.item)
    if not can_delete_answer(user, answer):
        raise PermissionDenied("Only the answer's author or a community manager can delete it.")
