from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.http import Http404

from guildhall.communities.permissions import (
    can_view_community,
    check_view_community,
    remember_membership,
)
from guildhall.communities.selectors import viewer_memberships
from guildhall.content.models import ContentItem
from guildhall.content.permissions import check_view_item
from guildhall.content.selectors import content_items_visible_to, with_card_data
from guildhall.core.generations import generations, kept
from guildhall.interactions.models import (
    Backlink,
    Comment,
    ExpertPick,
    Favourite,
    Rating,
    Share,
)
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


def comments_changed_at(item):
    """When the item's comments last changed (None: it has none), through the (item,
    updated_at) index; the item page reads it with the viewer's state (`engagement_for`)."""
    latest = list(_latest_comment_change(item.pk))
    return latest[0]["updated_at"] if latest else None


def _latest_comment_change(item_pk) -> QuerySet:
    return Comment.objects.filter(item_id=item_pk).order_by("-updated_at").values("updated_at")[:1]


def reply_target(*, item, pk) -> Comment | None:
    """The live comment of this item a "Reply" link asks to answer (with its author), if any:
    an unknown, deleted or foreign one is simply not offered."""
    if not str(pk).isdigit():
        return None
    return (
        Comment.objects.select_related("author")
        .filter(pk=int(pk), item=item, is_deleted=False)
        .first()
    )


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
    """What the item page's engagement section needs, in a fixed number of queries: the
    viewer's state (`_viewer_state`, kept between their visits); the visible items linking here
    (when any item does); the communities the viewer could share into come with their cached
    memberships."""
    state = _viewer_state(viewer, item)
    linked_from = _linked_from(viewer, item) if state.get("has_backlinks") else []
    share_targets = []
    if can_share_item(viewer, item) and item.visibility == ContentItem.Visibility.COMPANY:
        mine = sorted(viewer_memberships(viewer).values(), key=lambda m: m.community.name)
        if item.community is not None:  # the role checks below need no query of their own
            remember_membership(
                viewer,
                item.community,
                next((m for m in mine if m.community_id == item.community_id), None),
            )
        share_targets = [m.community for m in mine if m.community_id != item.community_id]
    average = round(item.rating_sum / item.rating_count, 1) if item.rating_count else None
    return {
        "my_rating": state.get("my_rating"),
        "is_favourite": bool(state.get("is_favourite")),
        "expert_pick": _pick_from(state),
        "comments_changed_at": state.get("comments_changed_at"),
        "linked_from": linked_from,
        "share_targets": share_targets,
        "rating_average": average,
        "can_rate": can_rate_item(viewer, item),
        "can_favourite": can_favourite_item(viewer, item),
        "can_share": can_share_item(viewer, item),
        "can_pick": can_pick_item(viewer, item),
        "star_choices": [1, 2, 3, 4, 5],
    }


VIEWER_STATE_SECONDS = 300


def _viewer_state(viewer, item) -> dict:
    """The viewer's rating and favourite, the expert pick, whether items link here and when the
    comments last changed: one query, kept under the generations of the item (every act on it:
    a comment, a rating, a pick, a link to it) and of the viewer (their own acts)."""
    item_stamp, own_stamp = generations([("item", item.pk), ("member", viewer.pk)])
    key = f"engagement:{item.pk}:{viewer.pk}:{item_stamp}:{own_stamp}"
    return kept(key, lambda: _state_row(viewer, item), VIEWER_STATE_SECONDS)


def _state_row(viewer, item) -> dict:
    rows = (
        ContentItem.objects.filter(pk=item.pk)
        .annotate(
            my_rating=Subquery(
                Rating.objects.filter(item=OuterRef("pk"), user_id=viewer.pk).values("stars")[:1]
            ),
            is_favourite=Exists(Favourite.objects.filter(item=OuterRef("pk"), user_id=viewer.pk)),
            has_backlinks=Exists(Backlink.objects.filter(target=OuterRef("pk"))),
            comments_changed_at=Subquery(_latest_comment_change(OuterRef("pk"))),
        )
        .values("my_rating", "is_favourite", "has_backlinks", "comments_changed_at", *PICK_FIELDS)
        .order_by()[:1]
    )
    return next(iter(rows), {})


def _linked_from(viewer, item) -> list[ContentItem]:
    return list(
        content_items_visible_to(viewer)
        .filter(status=ContentItem.Status.PUBLISHED, links_out__target=item)
        .exclude(pk=item.pk)
        .only("id", "title", "slug", "kind")
        .order_by("-published_at", "-id")[:LINKED_FROM_LIMIT]
    )


PICK_FIELDS = (
    "expert_pick__id",
    "expert_pick__note",
    "expert_pick__picked_by__username",
    "expert_pick__picked_by__first_name",
    "expert_pick__picked_by__last_name",
)


def _pick_from(state: dict) -> ExpertPick | None:
    """The expert pick as the page shows it, from the columns read with the viewer's state."""
    if not state.get("expert_pick__id"):
        return None
    picker = None
    if state["expert_pick__picked_by__username"]:
        picker = get_user_model()(
            username=state["expert_pick__picked_by__username"],
            first_name=state["expert_pick__picked_by__first_name"],
            last_name=state["expert_pick__picked_by__last_name"],
        )
    return ExpertPick(
        pk=state["expert_pick__id"], note=state["expert_pick__note"], picked_by=picker
    )


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
    """Items shared into a community, newest first: only published items the whole company
    may see (only those can be shared; one whose community turned private since drops out), so
    every member who may see the community sees the same list and it can be cached for all."""
    if not can_view_community(viewer, community):
        return []
    return list(
        Share.objects.filter(
            to_community=community,
            item__status=ContentItem.Status.PUBLISHED,
            item__visibility=ContentItem.Visibility.COMPANY,
        )
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
