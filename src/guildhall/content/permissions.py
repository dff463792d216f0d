"""Who may see, write and change items. Deny by default."""

from django.http import Http404

from guildhall.communities.permissions import (
    can_manage_community,
    can_post_in_community,
    can_review_in_community,
    can_view_community,
    check_post_in_community,
)
from guildhall.content.models import ContentItem
from guildhall.core.exceptions import PermissionDenied


def can_view_item(user, item: ContentItem) -> bool:
    if not user.is_authenticated:
        return False
    # Leaving a private community leaves its items behind, one's own too.
    if item.community is not None and not can_view_community(user, item.community):
        return False
    if item.author_id == user.pk or item.status == ContentItem.Status.PUBLISHED:
        return True
    # Work waiting for review is for its reviewers too (they are the community's).
    return (
        item.status == ContentItem.Status.PENDING_REVIEW
        and item.community is not None
        and can_review_in_community(user, item.community)
    )


def check_view_item(user, item: ContentItem) -> None:
    if not can_view_item(user, item):
        raise Http404("No such item.")


def check_create_item(user, community) -> None:
    if not user.is_authenticated:
        raise PermissionDenied("Sign in to write.")
    if community is not None:
        check_post_in_community(user, community)


def can_edit_item(user, item: ContentItem) -> bool:
    if not user.is_authenticated:
        return False
    if item.author_id == user.pk or user.is_staff:
        return True
    return item.community is not None and can_manage_community(user, item.community)


def check_edit_item(user, item: ContentItem) -> None:
    check_view_item(user, item)
    if not can_edit_item(user, item):
        raise PermissionDenied("Only the author or a community manager can change this item.")


def can_delete_item(user, item: ContentItem) -> bool:
    return can_edit_item(user, item)


def check_delete_item(user, item: ContentItem) -> None:
    check_edit_item(user, item)


def can_comment_on_item(user, item: ContentItem) -> bool:
    if not can_view_item(user, item) or item.status != ContentItem.Status.PUBLISHED:
        return False
    return item.community is None or can_post_in_community(user, item.community)


def check_comment_on_item(user, item: ContentItem) -> None:
    check_view_item(user, item)
    if item.status != ContentItem.Status.PUBLISHED:
        raise PermissionDenied("Comments open once the item is published.")
    if item.community is not None:
        check_post_in_community(user, item.community)
