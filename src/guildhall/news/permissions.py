"""Who may post news: a community's managers (and staff) there; only staff company-wide."""

from guildhall.communities.permissions import can_manage_community


def can_create_announcement(user, community) -> bool:
    if not user.is_authenticated:
        return False
    if community is None:
        return user.is_staff
    return can_manage_community(user, community)
