"""Reads of podcasts; every list goes through content's visibility filter."""

from django.urls import reverse

from guildhall.content.models import ContentItem
from guildhall.content.selectors import content_feed
from guildhall.podcasts.feed_tokens import feed_token
from guildhall.podcasts.models import Episode


def episodes_of(*, viewer, community):
    """A community's published episodes the viewer may see, newest first, with their audio."""
    return content_feed(viewer=viewer, community=community, kind="episode").select_related(
        "episode"
    )


def public_feed_episodes(*, community, limit: int = 100):
    """Published episodes of a community for its podcast feed (the caller checked access)."""
    return (
        ContentItem.objects.filter(
            community=community, kind="episode", status=ContentItem.Status.PUBLISHED
        )
        .select_related("author", "episode")
        .order_by("-published_at", "-id")[:limit]
    )


def audio_url(item_id: int) -> str:
    return reverse("podcasts:audio", args=[item_id])


def episode_api_fields(items) -> dict[int, dict]:
    episodes = Episode.objects.filter(item_id__in=[i.pk for i in items]).only(
        "item_id", "duration_seconds", "listen_count"
    )
    return {
        e.item_id: {
            "duration_seconds": e.duration_seconds,
            "audio_url": audio_url(e.item_id),
            "listen_count": e.listen_count,
        }
        for e in episodes
    }


def episode_of(item) -> Episode | None:
    return Episode.objects.filter(item_id=item.pk).first()


def podcast_feed_url(*, viewer, community) -> str:
    """The community's podcast feed for `viewer`; a private community's carries the member's
    own secret token (feed readers have no session)."""
    url = reverse("podcasts:feed", args=[community.slug])
    if community.is_private:  # only members (and staff) can see the community at all
        url = f"{url}?token={feed_token(user=viewer, community=community)}"
    return url
