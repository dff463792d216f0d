"""Who may pin: any member of the community (checked again by content's shared rules)."""

from guildhall.communities.permissions import can_post_in_community


def can_create_pin(user, community) -> bool:
    if community is None or not user.is_authenticated:
        return False
    return can_post_in_community(user, community)
