"""/api/v1/communities: list, create, read, join, leave, members.

A private community answers 404 to anyone who is neither a member nor staff, like a community
that does not exist (the selectors decide; handlers never look communities up themselves).
"""

from django.db.models import OuterRef, QuerySet, Subquery
from ninja import Query, Router, Status

from guildhall.communities import selectors, services
from guildhall.communities.models import Membership
from guildhall.communities.permissions import role_of
from guildhall.communities.schemas import (
    CommunityIn,
    CommunityListOut,
    CommunityOut,
    CommunityQuery,
    JoinIn,
    MemberListOut,
    MemberQuery,
    MembershipOut,
)
from guildhall.core.api_support import page
from guildhall.core.api_types import Text, errors

router = Router(tags=["communities"])


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
