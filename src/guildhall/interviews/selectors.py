"""Reads of interviews and of the leadership blog, through content's visibility filter."""

from django.db.models import QuerySet
from django.urls import reverse

from guildhall.content.models import ContentItem
from guildhall.content.selectors import content_feed, content_items_visible_to
from guildhall.core.feed_tokens import feed_token
from guildhall.interviews.models import Interview


def interview_get(*, item) -> Interview | None:
    """The interview row of an item with the featured member's card data: one query."""
    return (
        Interview.objects.filter(item=item)
        .select_related(
            "featured_member", "featured_member__profile", "featured_member__profile__department"
        )
        .first()
    )


def interviews_featuring(*, viewer, member, limit: int = 5) -> list:
    """Published interviews featuring `member` that the viewer may see: one query."""
    return list(
        content_items_visible_to(viewer)
        .filter(
            kind="interview",
            status=ContentItem.Status.PUBLISHED,
            interview__featured_member=member,
        )
        .only("id", "title", "slug", "published_at")
        .order_by("-published_at", "-id")[:limit]
    )


def latest_interviews(viewer, limit: int = 5) -> list:
    """The newest published interviews the viewer may see, each with `.featured` (the member,
    with profile): one query. For the home page's "who's popular"."""
    items = list(
        content_items_visible_to(viewer)
        .filter(kind="interview", status=ContentItem.Status.PUBLISHED)
        .select_related(
            "interview__featured_member", "interview__featured_member__profile", "community"
        )
        .order_by("-published_at", "-id")[:limit]
    )
    for item in items:
        item.featured = item.interview.featured_member
    return items


def leadership_posts(*, viewer) -> QuerySet:
    """Leaders' published blog posts the viewer may see, newest first."""
    return content_feed(viewer=viewer, kind="post").filter(author__profile__is_leader=True)


def leadership_feed_items(*, viewer, limit: int = 30) -> list:
    """Only company-wide posts (no community, or a public one) go into the RSS feed."""
    return list(
        leadership_posts(viewer=viewer)
        .filter(visibility=ContentItem.Visibility.COMPANY)
        .select_related(None)
        .select_related("author")
        .prefetch_related(None)[:limit]
    )


LEADERSHIP_FEED_SALT = "guildhall.leadership.feed"


def leadership_feed_url(*, viewer) -> str:
    """The leadership blog's RSS for `viewer`, with their own secret token: feed readers have
    no session."""
    token = feed_token(user=viewer, salt=LEADERSHIP_FEED_SALT)
    return f"{reverse('interviews:leadership_feed')}?token={token}"
