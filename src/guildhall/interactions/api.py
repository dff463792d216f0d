"""/api/v1/content/{id}/comments, ratings, favourites, shares, expert picks; /api/v1/me/favourites.

Items the caller may not see answer 404 on every route, like items that do not exist.
"""

from django.http import Http404
from ninja import Query, Router, Status

from guildhall.communities.selectors import community_get
from guildhall.content import kinds
from guildhall.content.hooks import attach_api_fields
from guildhall.content.schemas import ItemListOut
from guildhall.content.selectors import content_item_get
from guildhall.core.api_support import ListParams, page
from guildhall.core.api_types import Id, Text, errors
from guildhall.core.exceptions import ValidationError
from guildhall.interactions import selectors, services
from guildhall.interactions.schemas import (
    CommentIn,
    CommentListOut,
    CommentOut,
    CommentPatchIn,
    CommunityPickListOut,
    ExpertPickIn,
    ExpertPickOut,
    FavouriteOut,
    RatingIn,
    RatingOut,
    ShareIn,
    ShareOut,
)
from guildhall.people.selectors import person_get

router = Router(tags=["comments"])


class FavouritesQuery(ListParams):
    kind: Text = ""


def _parent(viewer, pk: int | None):
    if pk is None:
        return None
    try:
        return selectors.comment_get(viewer=viewer, pk=pk)
    except Http404:
        raise ValidationError({"parent": "No such comment."}) from None


@router.get(
    "/content/{id}/comments",
    response={200: CommentListOut, **errors(401, 404, 422)},
    summary="An item's comments",
)
def comments_list(request, id: Id, params: Query[ListParams]):
    """Comments oldest first, replies included (each names its `parent`)."""
    item = content_item_get(viewer=request.auth, pk=id)
    comments = selectors.comments_of(viewer=request.auth, item=item)
    found, count = page(comments, limit=params.limit, offset=params.offset)
    return {"items": found, "count": count}


@router.post(
    "/content/{id}/comments",
    response={201: CommentOut, **errors(401, 403, 404, 422)},
    summary="Comment on an item",
)
def comment_create(request, id: Id, payload: CommentIn):
    """Comment on a published item; in a community, members only. `parent` replies to a comment
    of the same item."""
    item = content_item_get(viewer=request.auth, pk=id)
    comment = services.comment_create(
        actor=request.auth,
        item=item,
        body=payload.body,
        parent=_parent(request.auth, payload.parent),
    )
    return Status(201, comment)


@router.patch(
    "/comments/{id}",
    response={200: CommentOut, **errors(401, 403, 404, 422)},
    summary="Edit a comment",
)
def comment_edit(request, id: Id, payload: CommentPatchIn):
    """The comment's author rewrites it; mentions are updated."""
    comment = selectors.comment_get(viewer=request.auth, pk=id)
    return services.comment_update(actor=request.auth, comment=comment, body=payload.body)


@router.delete(
    "/comments/{id}",
    response={204: None, **errors(401, 403, 404)},
    summary="Delete a comment",
)
def comment_remove(request, id: Id):
    """Its author or staff delete a comment; one with replies stays as "deleted" so the thread
    still reads."""
    comment = selectors.comment_get(viewer=request.auth, pk=id)
    services.comment_delete(actor=request.auth, comment=comment)
    return Status(204, None)


# ---------------------------------------------------------------------------------------------
# Engagement: ratings, favourites, shares and recommendations, expert picks.


def _rating(item, stars):
    average = round(item.rating_sum / item.rating_count, 2) if item.rating_count else None
    return {"stars": stars, "rating_average": average, "rating_count": item.rating_count}


@router.put(
    "/content/{id}/rating",
    response={200: RatingOut, **errors(401, 403, 404, 422)},
    summary="Rate an item",
)
def rating_put(request, id: Id, payload: RatingIn):
    """Give a published item 1 to 5 stars, or change your rating (one per member). Authors
    don't rate their own items (403)."""
    item = content_item_get(viewer=request.auth, pk=id)
    rating = services.rating_set(actor=request.auth, item=item, stars=payload.stars)
    return _rating(item, rating.stars)


@router.delete(
    "/content/{id}/rating",
    response={200: RatingOut, **errors(401, 403, 404)},
    summary="Remove your rating",
)
def rating_delete(request, id: Id):
    item = content_item_get(viewer=request.auth, pk=id)
    services.rating_clear(actor=request.auth, item=item)
    return _rating(item, None)


@router.put(
    "/content/{id}/favourite",
    response={200: FavouriteOut, **errors(401, 403, 404)},
    summary="Favourite an item",
)
def favourite_put(request, id: Id):
    """Add a published item to your favourites (doing it again changes nothing)."""
    item = content_item_get(viewer=request.auth, pk=id)
    services.favourite_add(actor=request.auth, item=item)
    return {"favourite": True, "favourites": item.favourite_count}


@router.delete(
    "/content/{id}/favourite",
    response={200: FavouriteOut, **errors(401, 404)},
    summary="Remove an item from your favourites",
)
def favourite_delete(request, id: Id):
    item = content_item_get(viewer=request.auth, pk=id)
    services.favourite_remove(actor=request.auth, item=item)
    return {"favourite": False, "favourites": item.favourite_count}


@router.get(
    "/me/favourites",
    response={200: ItemListOut, **errors(401, 422)},
    summary="Your favourites",
)
def favourites_list(request, params: Query[FavouritesQuery]):
    """Items you favourited and can still see, most recently favourited first; `kind` filters."""
    if params.kind and kinds.get(params.kind) is None:
        known = ", ".join(k.name for k in kinds.all_kinds())
        raise ValidationError({"kind": f"Unknown kind {params.kind!r}; choose one of: {known}."})
    items = selectors.favourites_of(viewer=request.auth, kind=params.kind)
    found, count = page(items, limit=params.limit, offset=params.offset)
    return {"items": attach_api_fields(found), "count": count}


def _share_user(viewer, username: str):
    try:
        return person_get(viewer=viewer, username=username.strip().lstrip("@"))
    except Http404:
        raise ValidationError({"to_user": "No such member."}) from None


def _share_community(viewer, slug: str):
    try:
        return community_get(viewer=viewer, slug=slug)
    except Http404:
        raise ValidationError({"to_community": "No such community."}) from None


@router.post(
    "/content/{id}/share",
    response={201: ShareOut, **errors(401, 403, 404, 422)},
    summary="Recommend or share an item",
)
def share_create(request, id: Id, payload: ShareIn):
    """`{"to_user": "username", "note": "..."}` recommends the item to a colleague (notified;
    422 if they can't see it), `{"to_community": "slug", "note": "..."}` shares it into a
    community you belong to (items from private communities stay there: 422)."""
    item = content_item_get(viewer=request.auth, pk=id)
    if bool(payload.to_user) == bool(payload.to_community):
        raise ValidationError({"to_user": "Send either to_user or to_community (one of them)."})
    if payload.to_user:
        share = services.item_recommend(
            actor=request.auth,
            item=item,
            to_user=_share_user(request.auth, payload.to_user),
            note=payload.note,
        )
    else:
        share = services.item_share_to_community(
            actor=request.auth,
            item=item,
            community=_share_community(request.auth, payload.to_community),
            note=payload.note,
        )
    return Status(201, share)


@router.put(
    "/content/{id}/expert-pick",
    response={200: ExpertPickOut, **errors(401, 403, 404, 422)},
    summary="Mark an item an expert pick",
)
def expert_pick_put(request, id: Id, payload: ExpertPickIn):
    """For the item's community's experts and managers (and staff): mark it an expert pick with a
    short `note`, or change the note."""
    item = content_item_get(viewer=request.auth, pk=id)
    return services.expert_pick_set(actor=request.auth, item=item, note=payload.note)


@router.delete(
    "/content/{id}/expert-pick",
    response={204: None, **errors(401, 403, 404)},
    summary="Remove an expert pick",
)
def expert_pick_delete(request, id: Id):
    item = content_item_get(viewer=request.auth, pk=id)
    services.expert_pick_remove(actor=request.auth, item=item)
    return Status(204, None)


@router.get(
    "/communities/{slug}/expert-picks",
    response={200: CommunityPickListOut, **errors(401, 404, 422)},
    summary="A community's expert picks",
)
def community_expert_picks(request, slug: Text, params: Query[ListParams]):
    """What the community's experts and managers recommend reading first, newest pick first."""
    community = community_get(viewer=request.auth, slug=slug)
    picks, count = page(
        selectors.expert_picks_in(viewer=request.auth, community=community),
        limit=params.limit,
        offset=params.offset,
    )
    attach_api_fields([pick.item for pick in picks])
    return {"items": picks, "count": count}
