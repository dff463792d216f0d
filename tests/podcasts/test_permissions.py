"""Every check_* (and the audio and feed rules) in podcasts.permissions: allow and deny."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from guildhall.content.models import ContentItem
from guildhall.core.exceptions import PermissionDenied
from guildhall.podcasts.permissions import (
    can_fetch_episode_audio,
    can_read_podcast_feed,
    check_change_podcast_settings,
    check_listen_episode,
)
from tests.factories import make_item


@pytest.fixture
def episode(member, community):
    return make_item(member, community=community, kind="episode", title="Winter planning")


@pytest.fixture
def private_episode(member, private_community):
    return make_item(member, community=private_community, kind="episode", title="Line 3")


@pytest.mark.parametrize("who", ["member", "outsider", "staff"])
def test_check_listen_episode_allows_whoever_sees_a_public_episode(request, who, episode):
    check_listen_episode(request.getfixturevalue(who), episode)


def test_check_listen_episode_hides_a_private_episode(outsider, private_episode):
    with pytest.raises(Http404):
        check_listen_episode(outsider, private_episode)


@pytest.mark.parametrize("who", ["community_manager", "staff"])
def test_check_change_podcast_settings_allows_managers(request, who, community):
    check_change_podcast_settings(request.getfixturevalue(who), community)


@pytest.mark.parametrize("who", ["member", "expert", "outsider"])
def test_check_change_podcast_settings_denies_everyone_else(request, who, community):
    with pytest.raises(PermissionDenied, match="Only this community's managers"):
        check_change_podcast_settings(request.getfixturevalue(who), community)


def test_check_change_podcast_settings_hides_a_private_community(outsider, private_community):
    with pytest.raises(Http404):
        check_change_podcast_settings(outsider, private_community)


def test_podcast_apps_without_a_listener_hear_published_public_episodes_only(
    member, episode, private_episode
):
    assert can_fetch_episode_audio(None, episode)
    assert not can_fetch_episode_audio(None, private_episode)
    ContentItem.objects.filter(pk=episode.pk).update(status=ContentItem.Status.REMOVED)
    episode.refresh_from_db()
    assert not can_fetch_episode_audio(None, episode)
    assert can_fetch_episode_audio(member, private_episode)


def test_a_private_feed_is_for_the_member_its_token_names(
    member, outsider, community, private_community
):
    assert can_read_podcast_feed(None, community)
    assert can_read_podcast_feed(member, private_community)
    assert not can_read_podcast_feed(None, private_community)
    assert not can_read_podcast_feed(outsider, private_community)
    assert not can_read_podcast_feed(AnonymousUser(), private_community)
