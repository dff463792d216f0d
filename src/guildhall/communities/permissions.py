"""Who may see and do what in a community. Deny by default; staff administer everything."""

from collections.abc import Callable

from django.conf import settings
from django.http import Http404

from guildhall.communities.models import Community, Membership
from guildhall.core.exceptions import PermissionDenied


def membership_of(user, community: Community) -> Membership | None:
    """The user's membership, cached on the community object for the request."""
    if not user.is_authenticated:
        return None
    cache = community.__dict__.setdefault("_membership_cache", {})
    if user.pk not in cache:
        cache[user.pk] = Membership.objects.filter(community=community, user=user).first()
    return cache[user.pk]


def remember_membership(user, community: Community, membership: Membership | None) -> None:
    """Keep a membership read with others (the viewer's communities) for `membership_of`."""
    community.__dict__.setdefault("_membership_cache", {})[user.pk] = membership


def role_of(user, community: Community) -> str | None:
    membership = membership_of(user, community)
    return membership.role if membership else None


def can_view_community(user, community: Community) -> bool:
    if not user.is_authenticated:
        return False
    if not community.is_private or user.is_staff:
        return True
    return membership_of(user, community) is not None


def check_view_community(user, community: Community) -> None:
    """Private communities answer 'not found' to outsiders, so their existence stays hidden."""
    if not can_view_community(user, community):
        raise Http404("No such community.")


def can_create_community(user) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_staff or settings.GUILDHALL_COMMUNITY_CREATION == "members"


def check_create_community(user) -> None:
    if not can_create_community(user):
        raise PermissionDenied("Only administrators can create communities here.")


def can_manage_community(user, community: Community) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_staff or role_of(user, community) == Membership.Role.MANAGER


def check_manage_community(user, community: Community) -> None:
    check_view_community(user, community)
    if not can_manage_community(user, community):
        raise PermissionDenied("Only this community's managers can do that.")


REVIEWER_ROLES = (Membership.Role.EXPERT, Membership.Role.MANAGER)


def can_review_in_community(user, community: Community) -> bool:
    """The community's reviewers (quality control): its experts and managers, and staff."""
    if not user.is_authenticated:
        return False
    return user.is_staff or role_of(user, community) in REVIEWER_ROLES


def can_join_community(user, community: Community) -> bool:
    return (
        user.is_authenticated
        and not community.is_private
        and membership_of(user, community) is None
    )


def can_post_in_community(user, community: Community) -> bool:
    return membership_of(user, community) is not None


class PostingRefused(PermissionDenied):
    """A member may not contribute yet; `link` (and `link_label`) say where to put it right."""

    def __init__(self, message: str, *, link: str = "", link_label: str = ""):
        super().__init__(message)
        self.link, self.link_label = link, link_label


# Conditions other apps set on a member's contributions (moderation: guidelines to accept):
# `func(user, community)` raises PostingRefused, or returns to let the contribution through.
_posting_conditions: list[Callable] = []


def on_posting_condition(func: Callable) -> Callable:
    _posting_conditions.append(func)
    return func


def check_post_in_community(user, community: Community) -> None:
    """Members post, comment and answer; reading needs none of the posting conditions."""
    check_view_community(user, community)
    if not can_post_in_community(user, community):
        raise PermissionDenied("Join this community to post and comment in it.")
    for condition in _posting_conditions:
        condition(user, community)
