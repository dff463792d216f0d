"""/api/v1/communities: list, create, read, edit, join, leave, members and their roles, join
requests (decided at /api/v1/join-requests/{id}).

A private community answers 404 to anyone who is neither a member nor staff, like a community
that does not exist (the selectors decide; handlers never look communities up themselves).
"""

from django.db.models import OuterRef, QuerySet, Subquery
from ninja import Query, Router, Status

from guildhall.communities import selectors, services
from guildhall.communities.models import Membership
from guildhall.communities.permissions import check_manage_community, role_of
from guildhall.communities.schemas import (
    CommunityIn,
    CommunityListOut,
    CommunityOut,
    CommunityPatchIn,
    CommunityQuery,
    JoinIn,
    JoinRequestListOut,
    JoinRequestOut,
    MemberListOut,
    MemberQuery,
    MembershipOut,
    RoleIn,
)
from guildhall.core.api_support import ListParams, page
from guildhall.core.api_types import Id, Text, errors

router = Router(tags=["communities"])
join_requests_router = Router(tags=["communities"])


def _with_my_role(communities: QuerySet, viewer) -> QuerySet:
    """Annotate each community with the viewer's role, in the same query as the list."""
    role = Membership.objects.filter(community=OuterRef("pk"), user_id=viewer.pk).values("role")
    return communities.annotate(my_role=Subquery(role[:1]))


@router.get("", response={200: CommunityListOut, **errors(401, 422)}, summary="Communities")
def communities_list(request, params: Query[CommunityQuery]):
    """The communities the caller may see, largest first; `q` searches names and purposes,
    `kind` is `horizontal`, `vertical` or `interest`."""
    communities = selectors.communities_list(viewer=request.auth, q=params.q, kind=params.kind)
    items, count = page(
        _with_my_role(communities, request.auth), limit=params.limit, offset=params.offset
    )
    return {"items": items, "count": count}


@router.post(
    "", response={201: CommunityOut, **errors(401, 403, 422)}, summary="Create a community"
)
def community_create(request, payload: CommunityIn):
    """Create a community; the caller becomes its first manager."""
    community = services.community_create(actor=request.auth, **payload.dict())
    created = selectors.community_get(viewer=request.auth, slug=community.slug)
    created.my_role = Membership.Role.MANAGER
    return Status(201, created)


@router.get("/{slug}", response={200: CommunityOut, **errors(401, 404)}, summary="One community")
def community_detail(request, slug: Text):
    community = selectors.community_get(viewer=request.auth, slug=slug)
    community.my_role = role_of(request.auth, community)
    return community


@router.patch(
    "/{slug}",
    response={200: CommunityOut, **errors(401, 403, 404, 422)},
    summary="Edit a community",
)
def community_edit(request, slug: Text, payload: CommunityPatchIn):
    """Managers and staff change the name, kind, visibility, purpose or guidelines; only the
    fields sent change. Members are told when the guidelines change."""
    community = selectors.community_get(viewer=request.auth, slug=slug)
    services.community_update(
        actor=request.auth, community=community, **payload.dict(exclude_unset=True)
    )
    return community_detail(request, slug)


@router.post(
    "/{slug}/join",
    response={200: MembershipOut, **errors(401, 404, 422)},
    summary="Join a community",
)
def community_join(request, slug: Text, payload: JoinIn):
    """Join a public community. When it has guidelines, send `{"accept_guidelines": true}`.
    Private communities are joined through a manager's invitation link, not here."""
    community = selectors.community_get(viewer=request.auth, slug=slug)
    return services.membership_join(
        actor=request.auth, community=community, accept_guidelines=payload.accept_guidelines
    )


@router.post(
    "/{slug}/leave", response={204: None, **errors(401, 404, 422)}, summary="Leave a community"
)
def community_leave(request, slug: Text):
    community = selectors.community_get(viewer=request.auth, slug=slug)
    services.membership_leave(actor=request.auth, community=community)
    return Status(204, None)


@router.get(
    "/{slug}/members",
    response={200: MemberListOut, **errors(401, 404, 422)},
    summary="A community's members",
)
def community_members(request, slug: Text, params: Query[MemberQuery]):
    """Members by name; `role` keeps one role (`member`, `expert`, `manager`)."""
    community = selectors.community_get(viewer=request.auth, slug=slug)
    members = selectors.community_members(
        viewer=request.auth, community=community, role=params.role
    )
    items, count = page(members, limit=params.limit, offset=params.offset)
    return {"items": items, "count": count}


@router.put(
    "/{slug}/members/{username}",
    response={200: MembershipOut, **errors(401, 403, 404, 422)},
    summary="Change a member's role",
)
def member_role_set(request, slug: Text, username: Text, payload: RoleIn):
    """Managers (and staff) make a member an `expert` or `manager`, or a plain `member` again.
    A community always keeps one manager."""
    community = selectors.community_get(viewer=request.auth, slug=slug)
    member = selectors.member_by_username(username=username)
    return services.membership_role_set(
        actor=request.auth, community=community, member=member, role=payload.role
    )


@router.delete(
    "/{slug}/members/{username}",
    response={204: None, **errors(401, 403, 404, 422)},
    summary="Remove a member",
)
def member_remove(request, slug: Text, username: Text):
    """Managers (and staff) remove a member, who is told; what they wrote stays."""
    community = selectors.community_get(viewer=request.auth, slug=slug)
    member = selectors.member_by_username(username=username)
    services.membership_remove(actor=request.auth, community=community, member=member)
    return Status(204, None)


@router.get(
    "/{slug}/join-requests",
    response={200: JoinRequestListOut, **errors(401, 403, 404, 422)},
    summary="Requests to join, waiting",
)
def join_requests_list(request, slug: Text, params: Query[ListParams]):
    """A private community's pending requests to join, oldest first (its managers and staff)."""
    community = selectors.community_get(viewer=request.auth, slug=slug)
    check_manage_community(request.auth, community)
    pending = selectors.join_requests_pending(community=community).select_related("community")
    items, count = page(pending, limit=params.limit, offset=params.offset)
    return {"items": items, "count": count}


def _decide(request, pk: int, *, approve: bool):
    join_request = selectors.join_request_get(viewer=request.auth, pk=pk)
    return services.join_request_decide(
        actor=request.auth, join_request=join_request, approve=approve
    )


@join_requests_router.post(
    "/{pk}/approve",
    response={200: JoinRequestOut, **errors(401, 403, 404, 422)},
    summary="Approve a request to join",
)
def join_request_approve(request, pk: Id):
    """The requester becomes a member and is told."""
    return _decide(request, pk, approve=True)


@join_requests_router.post(
    "/{pk}/decline",
    response={200: JoinRequestOut, **errors(401, 403, 404, 422)},
    summary="Decline a request to join",
)
def join_request_decline(request, pk: Id):
    """The requester is told their request was declined."""
    return _decide(request, pk, approve=False)
