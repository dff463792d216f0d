"""/api/v1/leadership: the leadership blog (leaders' posts) and its private RSS address."""

from ninja import Query, Router, Schema

from guildhall.content.hooks import attach_api_fields
from guildhall.content.schemas import ItemOut
from guildhall.core.api_support import ListParams, page
from guildhall.core.api_types import errors
from guildhall.interviews import selectors

router = Router(tags=["interviews"])


class LeadershipOut(Schema):
    items: list[ItemOut]
    count: int
    # The blog's RSS with your own secret token, for a feed reader: keep it to yourself.
    feed_url: str


@router.get(
    "/leadership",
    response={200: LeadershipOut, **errors(401, 422)},
    summary="The leadership blog",
)
def leadership(request, params: Query[ListParams]):
    """Posts by the company's leaders (staff mark them with `PUT /people/{username}/leader`)
    that you may see, newest first."""
    posts, count = page(
        selectors.leadership_posts(viewer=request.auth), limit=params.limit, offset=params.offset
    )
    return {
        "items": attach_api_fields(posts),
        "count": count,
        "feed_url": selectors.leadership_feed_url(viewer=request.auth),
    }
