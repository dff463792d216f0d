"""Podcast endpoints beyond the shared item API (episodes are created with POST /content)."""

from ninja import Router, Schema

from guildhall.communities.selectors import community_get
from guildhall.core.api_types import ObjectIn, errors
from guildhall.podcasts import selectors, services

router = Router(tags=["podcasts"])


class PodcastSettingsOut(Schema):
    community: str
    max_minutes: int
    max_size_mb: int
    feed_url: str


class PodcastSettingsIn(ObjectIn):
    max_minutes: int


def _settings_out(community, viewer) -> dict:
    return {
        "community": community.slug,
        "max_minutes": services.max_minutes_for(community),
        "max_size_mb": services.max_audio_bytes() // (1024 * 1024),
        "feed_url": selectors.podcast_feed_url(viewer=viewer, community=community),
    }


@router.get(
    "/communities/{slug}/podcast",
    response={200: PodcastSettingsOut, **errors(401, 404)},
    summary="A community's podcast rules",
)
def podcast_settings(request, slug: str):
    """The longest episode allowed (minutes), the largest file (MB) and the feed's path (a
    private community's carries your own secret token: keep it to yourself)."""
    return _settings_out(community_get(viewer=request.auth, slug=slug), request.auth)


@router.put(
    "/communities/{slug}/podcast",
    response={200: PodcastSettingsOut, **errors(401, 403, 404, 422)},
    summary="Change a community's podcast rules",
)
def podcast_settings_put(request, slug: str, payload: PodcastSettingsIn):
    """Community managers and staff: `{"max_minutes": 15}` (1 to 180)."""
    community = community_get(viewer=request.auth, slug=slug)
    services.podcast_settings_set(
        actor=request.auth, community=community, max_minutes=payload.max_minutes
    )
    return _settings_out(community, request.auth)
