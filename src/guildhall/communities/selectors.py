"""Reads about communities; private ones exist only for their members (and staff)."""

import hashlib

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from guildhall.communities.access import access_generation
from guildhall.communities.models import Community, JoinRequest, Membership
from guildhall.communities.permissions import REVIEWER_ROLES
from guildhall.core.generations import kept

MEMBERSHIPS_SECONDS = 600


def viewer_memberships(viewer) -> dict[int, Membership]:
    """The viewer's memberships (with their communities) by community id: read once per
    request and kept for the member under the access generation, which every change of
    membership moves on, at once and again at commit (communities.access). So it is as current
    as a read of the committed rows; `community_get` hands it to `permissions.membership_of`."""
    if not viewer.is_authenticated:
        return {}
    stamp = access_generation()
    memo = viewer.__dict__.get("_memberships_by_generation")
    if memo is None or memo[0] != stamp:
        key = f"memberships:{viewer.pk}:{stamp}"
        memo = (stamp, kept(key, lambda: _memberships(viewer), MEMBERSHIPS_SECONDS))
        viewer.__dict__["_memberships_by_generation"] = memo
    return memo[1]


def _memberships(viewer) -> dict[int, Membership]:
    rows = Membership.objects.filter(user_id=viewer.pk).select_related("community")
    return {membership.community_id: membership for membership in rows}


def member_community_ids(viewer) -> list[int]:
    """The ids of the communities `viewer` belongs to, for visibility filters (from
    `viewer_memberships`: no query of its own on a warm page)."""
    return sorted(viewer_memberships(viewer))


def reviewer_community_ids(viewer) -> list[int]:
    """The communities whose work waiting for review `viewer` reviews (expert or manager)."""
    return sorted(
        pk
        for pk, membership in viewer_memberships(viewer).items()
        if membership.role in REVIEWER_ROLES
    )


def communities_visible_to(viewer) -> QuerySet:
    qs = Community.objects.all()
    if not viewer.is_authenticated:
        return qs.none()
    if viewer.is_staff:
        return qs
    return qs.filter(
        Q(visibility=Community.Visibility.PUBLIC) | Q(pk__in=member_community_ids(viewer))
    )


def community_choices(viewer) -> list[tuple[str, str]]:
    """(slug, name) of every community the viewer may see, by name, for filter fields: kept
    under the access generation (which every community or membership write moves on) for
    everyone who belongs to the same communities (or for all staff)."""
    if not viewer.is_authenticated:
        return []
    reach = "staff" if viewer.is_staff else ",".join(map(str, member_community_ids(viewer)))
    digest = hashlib.blake2s(reach.encode(), digest_size=12).hexdigest()
    return kept(
        f"community-choices:{digest}:{access_generation()}",
        lambda: list(communities_visible_to(viewer).order_by("name").values_list("slug", "name")),
        MEMBERSHIPS_SECONDS,
    )


def communities_list(*, viewer, q: str = "", kind: str = "", mine: bool = False) -> QuerySet:
    qs = communities_visible_to(viewer)
    for word in q.split()[:6]:
        qs = qs.filter(Q(name__icontains=word) | Q(purpose__icontains=word))
    if kind:
        qs = qs.filter(kind=kind)
    if mine:
        qs = qs.filter(pk__in=member_community_ids(viewer))
    return qs.order_by("-member_count", "name", "pk")  # pk: stable pages on ties


def community_get(*, viewer, slug: str) -> Community:
    """A community the viewer may see, with the viewer's membership remembered on it (for
    `permissions.membership_of`): for a member, from their memberships, without a query."""
    membership = next(
        (m for m in viewer_memberships(viewer).values() if m.community.slug == slug), None
    )
    if membership is not None:
        community = membership.community
    else:
        community = communities_visible_to(viewer).filter(slug=slug).first()
        if community is None:
            raise Http404("No such community.")
    community.__dict__["_membership_cache"] = {viewer.pk: membership}
    return community


def memberships_of(*, viewer, member) -> QuerySet:
    """The communities `member` belongs to that `viewer` may see."""
    memberships = Membership.objects.filter(user=member)
    if viewer.pk != member.pk:  # one's own communities are always visible to oneself
        memberships = memberships.filter(community__in=communities_visible_to(viewer))
    return memberships.select_related("community").order_by("community__name")


def community_members(*, viewer, community: Community, role: str = "") -> QuerySet:
    # The visibility filter inside the same query: a private community's members are listed
    # only to those who may see it, whatever the caller forgot.
    qs = Membership.objects.filter(
        community=community, community__in=communities_visible_to(viewer)
    ).select_related("user", "user__profile", "user__profile__department")
    if role:
        qs = qs.filter(role=role)
    return qs.order_by("user__first_name", "user__last_name", "user__username")


def community_leaders(*, community: Community) -> list[Membership]:
    """Managers and experts, managers first (shown on the community page)."""
    return list(
        Membership.objects.filter(
            community=community, role__in=[Membership.Role.MANAGER, Membership.Role.EXPERT]
        )
        .select_related("user", "user__profile")
        .order_by("-role", "user__first_name")
    )


def join_requests_pending(*, community: Community) -> QuerySet:
    return (
        JoinRequest.objects.filter(community=community, status=JoinRequest.Status.PENDING)
        .select_related("user", "user__profile")
        .order_by("created_at")
    )


def join_request_pending_for(*, viewer, community: Community) -> JoinRequest | None:
    return JoinRequest.objects.filter(
        community=community, user=viewer, status=JoinRequest.Status.PENDING
    ).first()


def member_by_username(*, username: str):
    """An account by username, for acting on a community's membership (404 when unknown)."""
    return get_object_or_404(get_user_model(), username=username)


def join_request_get(*, viewer, pk: int) -> JoinRequest:
    """A join request of a community the viewer may see (404 otherwise, as for a missing one);
    deciding it is for the community's managers (the service checks)."""
    join_request = get_object_or_404(
        JoinRequest.objects.select_related("community", "user", "user__profile"), pk=pk
    )
    community_get(viewer=viewer, slug=join_request.community.slug)
    return join_request
