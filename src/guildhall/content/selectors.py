"""Every read of items goes through `content_items_visible_to`, so no page can forget privacy."""

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from guildhall.communities.access import ACCESS
from guildhall.communities.permissions import remember_membership
from guildhall.communities.selectors import (
    member_community_ids,
    reviewer_community_ids,
    viewer_memberships,
)
from guildhall.content.models import ContentItem, Tag
from guildhall.content.permissions import can_view_item
from guildhall.core.generations import generations, kept


def content_items_visible_to(viewer) -> QuerySet:
    """Published items the viewer may see, plus the viewer's own drafts. A private community's
    items, the viewer's own included, are for its current members only (as `can_view_item`)."""
    items = ContentItem.objects.all()
    if not viewer.is_authenticated:
        return items.none()
    published_or_own = Q(status=ContentItem.Status.PUBLISHED) | Q(author_id=viewer.pk)
    pending = Q(status=ContentItem.Status.PENDING_REVIEW, community__isnull=False)
    if viewer.is_staff:
        return items.filter(published_or_own | pending)
    in_reach = Q(visibility=ContentItem.Visibility.COMPANY) | Q(
        community_id__in=member_community_ids(viewer)
    )
    reviewed_here = reviewer_community_ids(viewer)
    if reviewed_here:  # work waiting for review, for its reviewers (`can_view_item`)
        published_or_own |= pending & Q(community_id__in=reviewed_here)
    return items.filter(in_reach & published_or_own)


def author_get(*, username: str):
    """An active member by username, to filter items by author (content sits below people)."""
    author = get_user_model().objects.filter(username=username, is_active=True).first()
    if author is None:
        raise Http404("No such member.")
    return author


def with_card_data(items: QuerySet) -> QuerySet:
    """What a list of item cards shows, in a fixed number of queries."""
    return items.select_related("author", "author__profile", "community").prefetch_related(
        Prefetch("tags", queryset=Tag.objects.only("name", "slug"))
    )


def content_feed(
    *,
    viewer,
    community=None,
    kind: str = "",
    author=None,
    tag: str = "",
    include_drafts: bool = False,
    drafts_only: bool = False,
) -> QuerySet:
    """Items in the viewer's reach, newest first; `drafts_only`: the viewer's own drafts, last
    edited first."""
    items = content_items_visible_to(viewer)
    if drafts_only:
        items = items.filter(author_id=viewer.pk, status=ContentItem.Status.DRAFT)
    elif not include_drafts:
        items = items.filter(status=ContentItem.Status.PUBLISHED)
    if community is not None:
        items = items.filter(community=community)
    if kind:
        items = items.filter(kind=kind)
    if author is not None:
        items = items.filter(author=author)
    if tag:
        items = items.filter(tags__slug=tag)
    order = ("-updated_at", "-id") if drafts_only else ("-published_at", "-id")
    return with_card_data(items).order_by(*order)


def whats_new(*, viewer, kind: str = "") -> QuerySet:
    """Latest published items from the viewer's communities and company-wide posts."""
    items = content_items_visible_to(viewer).filter(
        Q(community__isnull=True) | Q(community_id__in=member_community_ids(viewer)),
        status=ContentItem.Status.PUBLISHED,
    )
    if kind:
        items = items.filter(kind=kind)
    return with_card_data(items).order_by("-published_at", "-id")


def drafts_of(*, viewer) -> QuerySet:
    return with_card_data(
        content_items_visible_to(viewer).filter(author=viewer, status=ContentItem.Status.DRAFT)
    ).order_by("-updated_at")


ITEM_PAGE_SECONDS = 300


def _item_page_key(pk: int) -> str:
    item_stamp, access = generations([("item", pk), ACCESS])
    return f"item-page:{pk}:{item_stamp}:{access}"


def forget_item_page(pk: int) -> None:
    """Drop the kept copy of the item (`content_item_for_page`) after a change that moves no
    generation: a counted view, whose count the page shows."""
    cache.delete(_item_page_key(pk))


def content_item_for_page(*, viewer, pk: int) -> ContentItem:
    """`content_item_get` for the item's page, which reads it far more often than it changes:
    kept under the item's generation (every act on it; a counted view drops the copy) and the
    access generation (a community turned private re-reads its items)."""
    return _checked(viewer, kept(_item_page_key(pk), lambda: _item_by_key(pk), ITEM_PAGE_SECONDS))


def content_item_get(*, viewer, pk: int) -> ContentItem:
    """One item the viewer may see, with its author and community (tags are read when used:
    the item page shows them from its cached fragment). Read by its key and checked with the
    item rule (`can_view_item`, which `content_items_visible_to` expresses in SQL for lists):
    building that filter would cost more than the query."""
    return _checked(viewer, _item_by_key(pk))


def _item_by_key(pk: int) -> ContentItem | None:
    found = ContentItem.objects.select_related("author", "author__profile", "community")
    return next(iter(found.filter(pk=pk)[:1]), None)


def _checked(viewer, item: ContentItem | None) -> ContentItem:
    if item is not None and item.community is not None:  # the checks below read no membership
        remember_membership(
            viewer, item.community, viewer_memberships(viewer).get(item.community_id)
        )
    if item is None or not can_view_item(viewer, item):
        raise Http404("No such item.")
    return item
