"""Who may read and edit a community's wiki. Deny by default; staff may do everything.

Reading follows the item and community rules (private → 404). Editing (creating, editing and
reverting pages) is for the community's members, or only its experts and managers when the
community's wiki setting says so. Managers change that setting.
"""

from guildhall.communities.models import Membership
from guildhall.communities.permissions import (
    can_manage_community,
    can_view_community,
    check_view_community,
    membership_of,
)
from guildhall.content.permissions import check_view_item
from guildhall.core.exceptions import PermissionDenied


def wiki_editors(community) -> str:
    """The community's setting ("members" or "experts"), cached on the object for the request."""
    cached = community.__dict__.get("_wiki_editors")
    if cached is None:
        from guildhall.wiki.models import WikiSettings

        row = WikiSettings.objects.filter(community=community).only("editors").first()
        cached = row.editors if row else WikiSettings.Editors.MEMBERS
        community.__dict__["_wiki_editors"] = cached
    return cached


def can_edit_wiki(user, community) -> bool:
    if community is None or not user.is_authenticated or not can_view_community(user, community):
        return False
    if user.is_staff:
        return True
    membership = membership_of(user, community)
    if membership is None:
        return False
    if wiki_editors(community) == "experts":
        return membership.role in (Membership.Role.EXPERT, Membership.Role.MANAGER)
    return True


def check_edit_wiki(user, community) -> None:
    check_view_community(user, community)
    if not can_edit_wiki(user, community):
        if membership_of(user, community) is None and not user.is_staff:
            raise PermissionDenied("Join this community to edit its wiki.")
        raise PermissionDenied("Only this community's experts and managers can edit its wiki.")


def check_edit_wiki_page(user, item) -> None:
    check_view_item(user, item)
    check_edit_wiki(user, item.community)


def can_manage_wiki(user, community) -> bool:
    return can_manage_community(user, community)


def check_manage_wiki(user, community) -> None:
    check_view_community(user, community)
    if not can_manage_wiki(user, community):
        raise PermissionDenied("Only this community's managers can change who edits the wiki.")
