from guildhall.communities.models import Membership
from guildhall.communities.permissions import role_of
from guildhall.content.models import ContentItem
from guildhall.content.permissions import can_view_item, check_view_item
from guildhall.core.exceptions import PermissionDenied
from guildhall.interactions.models import Comment


def can_edit_comment(user, comment: Comment) -> bool:
    return (
        user.is_authenticated
        and not comment.is_deleted
        and comment.author_id == user.pk
        and can_view_item(user, comment.item)
    )


def check_edit_comment(user, comment: Comment) -> None:
    check_view_item(user, comment.item)
    if not can_edit_comment(user, comment):
        raise PermissionDenied("You can only change your own comments.")


def can_delete_comment(user, comment: Comment) -> bool:
    return can_edit_comment(user, comment) or (
        user.is_authenticated and user.is_staff and not comment.is_deleted
    )


def check_delete_comment(user, comment: Comment) -> None:
    check_view_item(user, comment.item)
    if not can_delete_comment(user, comment):
        raise PermissionDenied("You can only delete your own comments.")


# Engagement: ratings, favourites, shares, expert picks. Seeing the item comes first (404).


def can_rate_item(user, item) -> bool:
    """Any member who can see a published item may rate it, except its author: stars from the
    author would say nothing about how useful others found it and would inflate the average."""
    return (
        can_view_item(user, item)
        and item.status == ContentItem.Status.PUBLISHED
        and item.author_id != user.pk
    )


def check_rate_item(user, item) -> None:
    check_view_item(user, item)
    if item.status != ContentItem.Status.PUBLISHED:
        raise PermissionDenied("Ratings open once the item is published.")
    if item.author_id == user.pk:
        raise PermissionDenied("You can't rate your own item.")


def can_favourite_item(user, item) -> bool:
    return can_view_item(user, item) and item.status == ContentItem.Status.PUBLISHED


def check_favourite_item(user, item) -> None:
    check_view_item(user, item)
    if item.status != ContentItem.Status.PUBLISHED:
        raise PermissionDenied("Only published items can be favourited.")


def can_share_item(user, item) -> bool:
    return can_view_item(user, item) and item.status == ContentItem.Status.PUBLISHED


def check_share_item(user, item) -> None:
    check_view_item(user, item)
    if item.status != ContentItem.Status.PUBLISHED:
        raise PermissionDenied("Only published items can be shared.")


def can_pick_item(user, item) -> bool:
    """A community's experts and managers (and staff) pick items of that community."""
    if not can_view_item(user, item) or item.status != ContentItem.Status.PUBLISHED:
        return False
    if item.community is None:
        return False
    if user.is_staff:
        return True
    return role_of(user, item.community) in {Membership.Role.EXPERT, Membership.Role.MANAGER}


def check_pick_item(user, item) -> None:
    check_view_item(user, item)
    if item.community is None:
        raise PermissionDenied("Only items in a community can be expert picks.")
    if not can_pick_item(user, item):
        raise PermissionDenied("Only this community's experts and managers pick items.")
