"""Podcast pages: upload an episode, a community's episodes, the audio file and the RSS feed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from guildhall.accounts.api_auth import session_or_bearer_user
from guildhall.communities.models import Community
from guildhall.communities.permissions import can_post_in_community
from guildhall.communities.selectors import community_get
from guildhall.content.models import ContentItem
from guildhall.content.upload_views import upload_item_page
from guildhall.core.media import file_response, requested_range
from guildhall.core.uploads import safe_filename
from guildhall.core.views_support import add_service_errors
from guildhall.podcasts import selectors, services
from guildhall.podcasts.feed_tokens import feed_token_user
from guildhall.podcasts.feeds import CommunityPodcastFeed
from guildhall.podcasts.forms import EpisodeForm, PodcastSettingsForm
from guildhall.podcasts.models import Episode
from guildhall.podcasts.permissions import (
    can_change_podcast_settings,
    can_fetch_episode_audio,
    can_read_podcast_feed,
)


def episode_create(request):
    return upload_item_page(
        request,
        form_class=EpisodeForm,
        create=services.episode_create,
        template="podcasts/episode_form.html",
        success="Your episode is published. Colleagues can listen now.",
        max_mb=services.max_audio_bytes() // (1024 * 1024),
    )


def community_episodes(request, slug: str):
    community = community_get(viewer=request.user, slug=slug)
    episodes = list(selectors.episodes_of(viewer=request.user, community=community)[:100])
    feed_url = selectors.podcast_feed_url(viewer=request.user, community=community)
    can_manage = can_change_podcast_settings(request.user, community)
    settings_form = None
    if can_manage:
        settings_form = PodcastSettingsForm(
            request.POST if request.method == "POST" else None,
            initial={"max_minutes": services.max_minutes_for(community)},
        )
        if request.method == "POST" and settings_form.is_valid():
            try:
                services.podcast_settings_set(
                    actor=request.user,
                    community=community,
                    max_minutes=settings_form.cleaned_data["max_minutes"],
                )
            except ValidationError as exc:
                add_service_errors(settings_form, exc)
            else:
                messages.success(request, "Podcast settings saved.")
                return redirect("podcasts:community", slug=community.slug)
    elif request.method == "POST":
        raise Http404("No such page.")
    return render(
        request,
        "podcasts/community_episodes.html",
        {
            "community": community,
            "episodes": episodes,
            "feed_url": request.build_absolute_uri(feed_url),
            "can_upload": can_post_in_community(request.user, community),
            "settings_form": settings_form,
            "max_minutes": services.max_minutes_for(community),
        },
    )


def _listener(request, community):
    """Who is asking: the signed-in member, an API client's bearer token, or the member a feed
    token names; None if anonymous."""
    token = request.GET.get("token", "")
    return session_or_bearer_user(request) or feed_token_user(token, community=community)


@login_not_required
@require_safe  # podcast apps check an enclosure with HEAD before downloading it
def episode_audio(request, pk: int, filename: str = ""):
    """The audio file. Members (or a valid feed token) may fetch any episode they can see;
    episodes of public communities are open to podcast apps without a session."""
    item = (
        ContentItem.objects.filter(pk=pk, kind="episode")
        .select_related("community", "episode")
        .first()
    )
    if item is None or item.community is None:
        raise Http404("No such episode.")
    listener = _listener(request, item.community)
    if not can_fetch_episode_audio(listener, item):
        raise Http404("No such episode.")
    try:
        episode = item.episode
    except Episode.DoesNotExist:
        raise Http404("No such episode.") from None
    wanted = requested_range(request, episode.size)
    played_from_start = request.method == "GET" and (not wanted or wanted[0] == 0)
    if listener is not None and played_from_start:
        services.episode_listen(actor=listener, item=item)
    return file_response(
        request,
        episode.audio,
        content_type=episode.mime_type,
        filename=safe_filename(item.title, episode.audio.name.rsplit(".", 1)[-1]),
        inline=True,
        ranges=True,
    )


@login_not_required
@require_safe
def podcast_feed(request, slug: str):
    """RSS for a community's episodes: public communities for anyone; private ones only with a
    member's secret token (else 404, as if the community did not exist)."""
    community = Community.objects.filter(slug=slug).first()
    if community is None:
        raise Http404("No such podcast.")
    token = request.GET.get("token", "") if community.is_private else ""
    if not can_read_podcast_feed(feed_token_user(token, community=community), community):
        raise Http404("No such podcast.")
    feed = CommunityPodcastFeed(
        community=community,
        episodes=selectors.public_feed_episodes(community=community),
        token=token,
    )
    response = feed(request)
    response["Content-Type"] = "application/rss+xml; charset=utf-8"
    return response
