"""Who may do what with podcasts. Deny by default; item visibility comes from content."""

from guildhall.communities.permissions import (
    can_manage_community,
    can_view_community,
    check_manage_community,
)
from guildhall.content.permissions import can_view_item, check_view_item


def can_listen_episode(user, item) -> bool:
    return can_view_item(user, item)


def check_listen_episode(user, item) -> None:
    check_view_item(user, item)


def can_fetch_episode_audio(listener, item) -> bool:
    """`listener` is the member a session, bearer token or feed token names (None when
    anonymous): they hear what they may see; podcast apps without one hear only published
    episodes of public communities."""
    if listener is not None:
        return can_listen_episode(listener, item)
    return not item.community.is_private and item.is_published


def can_read_podcast_feed(member, community) -> bool:
    """A public community's feed is open to anyone; a private one only to the member its feed
    token names (None when there is no valid token), while they may see the community."""
    if not community.is_private:
        return True
    return member is not None and can_view_community(member, community)


def can_change_podcast_settings(user, community) -> bool:
    return can_manage_community(user, community)


def check_change_podcast_settings(user, community) -> None:
    check_manage_community(user, community)
