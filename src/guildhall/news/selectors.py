"""Reads of news, always through content's visibility filter."""

from django.db.models import Q, QuerySet
from django.utils import timezone

from guildhall.communities.selectors import member_community_ids
from guildhall.content.models import ContentItem
from guildhall.content.selectors import content_items_visible_to
from guildhall.news.models import NewsInfo

LATEST_LIMIT = 5


def _current(now=None) -> Q:
    now = now or timezone.now()
    not_expired = Q(news__expires_at__isnull=True) | Q(news__expires_at__gt=now)
    return Q(news__is_pinned=True) & not_expired


def _published_news(viewer) -> QuerySet:
    return (
        content_items_visible_to(viewer)
        .filter(kind="announcement", status=ContentItem.Status.PUBLISHED)
        .select_related("author", "community", "news")
    )


def latest_news(viewer, limit: int = LATEST_LIMIT) -> list:
    """Current announcements (not expired) from the viewer's communities and company-wide news,
    newest first: one query."""
    if not viewer.is_authenticated:
        return []
    items = _published_news(viewer).filter(
        _current(), Q(community__isnull=True) | Q(community_id__in=member_community_ids(viewer))
    )
    return list(items.order_by("-published_at", "-id")[:limit])


def community_news(*, viewer, community, limit: int = LATEST_LIMIT) -> list:
    """A community's current announcements, newest first: one query."""
    items = _published_news(viewer).filter(_current(), community=community)
    return list(items.order_by("-published_at", "-id")[:limit])


def news_archive(*, viewer, scope: str = "") -> QuerySet:
    """Every announcement the viewer may see, current and past, newest first."""
    items = _published_news(viewer).select_related("author__profile")
    if scope == "company":
        items = items.filter(community__isnull=True)
    return items.order_by("-published_at", "-id")


def is_current(item) -> bool:
    info = getattr(item, "news", None)
    if info is None:
        return False
    return info.is_pinned and (info.expires_at is None or info.expires_at > timezone.now())


def news_info_get(*, item) -> NewsInfo | None:
    return NewsInfo.objects.filter(item=item).first()
