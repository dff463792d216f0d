"""Who may do what with podcasts. Deny by default; item visibility comes from content."""

from guildhall.communities.permissions import can_manage_community, check_manage_community
from guildhall.content.permissions import can_view_item, check_view_item


def can_listen_episode(user, item) -> bool:
    return can_view_item(user, item)


def check_listen_episode(user, item) -> None:
    check_view_item(user, item)


def can_change_podcast_settings(user, community) -> bool:
    return can_manage_community(user, community)


def check_change_podcast_settings(user, community) -> None:
    check_manage_community(user, community)
