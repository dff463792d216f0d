"""Who may set a community's quality policy and decide its reviews. Deny by default."""

from django.utils.translation import gettext as _

from guildhall.communities.permissions import (
    can_manage_community,
    can_review_in_community,
    check_manage_community,
    check_view_community,
)
from guildhall.core.exceptions import PermissionDenied


def check_set_quality_policy(user, community) -> None:
    check_manage_community(user, community)


def can_review(user, review) -> bool:
    """A reviewer of the review's community, never the author of the work."""
    return review.author_id != user.pk and can_review_in_community(user, review.community)


def check_review(user, review) -> None:
    check_view_community(user, review.community)
    if review.author_id == user.pk and can_review_in_community(user, review.community):
        raise PermissionDenied(_("Authors never review their own work: another reviewer will."))
    if not can_review(user, review):
        raise PermissionDenied(_("Only this community's experts and managers review its work."))


def check_see_review_queue(user, community) -> None:
    check_view_community(user, community)
    if not can_review_in_community(user, community):
        raise PermissionDenied(
            _("Only this community's experts and managers see its review queue.")
        )


def check_trust_member(user, community) -> None:
    if not can_manage_community(user, community):
        raise PermissionDenied(_("Only this community's managers can mark members as trusted."))
