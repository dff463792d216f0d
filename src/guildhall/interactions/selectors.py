from django.contrib.auth import get_user_model
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.http import Http404

from guildhall.communities.permissions import can_view_community, check_view_community
from guildhall.communities.selectors import memberships_of
from guildhall.content.models import ContentItem
from guildhall.content.permissions import check_view_item
from guildhall.content.selectors import content_items_visible_to, with_card_data
from guildhall.interactions.models import Comment, ExpertPick, Favourite, Rating, Share
from guildhall.interactions.permissions import (
    can_favourite_item,
    can_pick_item,
    can_rate_item,
    can_share_item,
)


def comments_of(*, viewer, item) -> QuerySet:
    check_view_item(viewer, item)
    return (
        Comment.objects.filter(item=item)
        .select_related("author", "author__profile")
        .order_by("created_at", "id")
    )


# What a thread needs to be laid out and checked; the text comes from cached fragments.
THREAD_FIELDS = (
    "id",
    "item_id",
    "author_id",
    "parent_id",
    "is_deleted",
    "created_at",
    "updated_at",
)


def comment_threads(*, viewer, item) -> list[Comment]:
    """Top-level comments in order, each with `.thread_replies`, from one narrow query."""
    comments = list(comments_of(viewer=viewer, item=item).select_related(None).only(*THREAD_FIELDS))
    by_parent: dict[int, list[Comment]] = {}
    for comment in comments:
        comment.item = item  # the loaded item: permission checks then need no query per comment
        if comment.parent_id:
            by_parent.setdefault(comment.parent_id, []).append(comment)
    top = [c for c in comments if c.parent_id is None]
    for comment in top:
        comment.thread_replies = by_parent.get(comment.pk, [])
    return top


def comment_get(*, viewer, pk: int) -> Comment:
    comment = Comment.objects.select_related("item", "item__community", "author").filter(pk=pk)
    comment = comment.first()
    if comment is None:
        raise Http404("No such comment.")
    check_view_item(viewer, comment.item)
    return comment


# ---------------------------------------------------------------------------------------------
# Engagement reads.

LINKED_FROM_LIMIT = 20
SHARED_HERE_LIMIT = 8


def engagement_for(viewer, item) -> dict:
    """What the item page's engagement section needs, in a fixed number of queries: the viewer's
    rating and favourite, the expert pick, the visible items linking here, the communities the
    viewer could share into."""
    my_rating = (
        Rating.objects.filter(item=item, user_id=viewer.pk).values_list("stars", flat=True).first()
    )
    is_favourite = Favourite.objects.filter(item=item, user_id=viewer.pk).exists()
    pick = ExpertPick.objects.filter(item=item).select_related("picked_by").first()
    linked_from = list(
        content_items_visible_to(viewer)
        .filter(status=ContentItem.Status.PUBLISHED, links_out__target=item)
        .exclude(pk=item.pk)
        .only("id", "title", "slug", "kind")
        .order_by("-published_at", "-id")[:LINKED_FROM_LIMIT]
    )
    share_targets = []
    if can_share_item(viewer, item) and item.visibility == ContentItem.Visibility.COMPANY:
        share_targets = [
            m.community
            for m in memberships_of(viewer=viewer, member=viewer)
            if m.community_id != item.community_id
        ]
    average = round(item.rating_sum / item.rating_count, 1) if item.rating_count else None
    return {
        "my_rating": my_rating,
        "is_favourite": is_favourite,
        "expert_pick": pick,
        "linked_from": linked_from,
        "share_targets": share_targets,
        "rating_average": average,
        "can_rate": can_rate_item(viewer, item),
        "can_favourite": can_favourite_item(viewer, item),
        "can_share": can_share_item(viewer, item),
        "can_pick": can_pick_item(viewer, item),
        "star_choices": [1, 2, 3, 4, 5],
    }


def favourites_of(*, viewer, kind: str = "") -> QuerySet:
    """The viewer's favourites they can still see (leaving a private community hides its items),
    most recently favourited first."""
    mine = Favourite.objects.filter(user_id=viewer.pk)
    items = content_items_visible_to(viewer).filter(
        status=ContentItem.Status.PUBLISHED, pk__in=mine.values("item_id")
    )
    if kind:
        items = items.filter(kind=kind)
    faved_at = mine.filter(item_id=OuterRef("pk")).values("created_at")[:1]
    return with_card_data(items).annotate(faved_at=Subquery(faved_at)).order_by("-faved_at", "-id")


def expert_picks_in(*, viewer, community) -> QuerySet:
    """A community's expert picks the viewer may see, newest first."""
    check_view_community(viewer, community)
    visible = content_items_visible_to(viewer).filter(
        status=ContentItem.Status.PUBLISHED, community=community
    )
    return (
        ExpertPick.objects.filter(item__in=visible)
        .select_related("picked_by", "item", "item__author", "item__community")
        .prefetch_related("item__tags")
        .order_by("-created_at", "-id")
    )


def shared_into(*, viewer, community, limit: int = SHARED_HERE_LIMIT) -> list[Share]:
    """Items shared into a community, newest first (only items the viewer may see)."""
    if not can_view_community(viewer, community):
        return []
    visible = content_items_visible_to(viewer).filter(status=ContentItem.Status.PUBLISHED)
    return list(
        Share.objects.filter(to_community=community, item__in=visible)
        .select_related("item", "item__community", "actor")
        .order_by("-created_at", "-id")[:limit]
    )


def expert_pick_fields(items) -> dict[int, dict]:
    """content.hooks.on_api_fields: `expert_pick` for a page of items, in one query."""
    ids = [item.pk for item in items]
    if not ids:
        return {}
    picks = ExpertPick.objects.filter(item_id__in=ids).select_related("picked_by")
    found = {
        pick.item_id: {
            "by": pick.picked_by.username if pick.picked_by else None,
            "note": pick.note,
            "created_at": pick.created_at.isoformat(),
        }
        for pick in picks
    }
    return {pk: {"expert_pick": found.get(pk)} for pk in ids}


def mention_suggestions(*, viewer, q: str, limit: int = 8) -> list:
    """Up to `limit` active members whose username or name starts with `q`."""
    q = (q or "").strip().lstrip("@")[:40]
    if not q or not viewer.is_authenticated:
        return []
    return list(
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(username__istartswith=q) | Q(first_name__istartswith=q) | Q(last_name__istartswith=q)
        )
        .only("username", "first_name", "last_name")
        .order_by("username")[:limit]
    )
