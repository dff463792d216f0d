"""Moderation acts of a community's managers (and staff): on its members (warn, suspend from
posting, lift a suspension) and on its items (hide, restore). Each writes an audit row
(moderation.audit.AUDIT_ACTIONS), an event, and tells the member (notification verb
"moderation_act").

A hidden item is content status `removed` (content_item_hide: out of every list, its author
still sees it with the reason); restoring it (content_item_restore) brings back its original
date and count, without announcing it again. `ItemHiding` keeps who hid it and why.

A suspended member can't post nor comment in the community until the suspension ends: the
communities slot `posting_refusal` (asked by `check_post_in_community`) gives them the reason.
"""

from datetime import datetime

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from guildhall.communities.models import Membership
from guildhall.communities.permissions import can_manage_community, check_manage_community
from guildhall.content import kinds
from guildhall.content.services import (
    content_item_hide,
    content_item_move,
    content_item_restore,
)
from guildhall.core.events import audit, record
from guildhall.core.exceptions import PermissionDenied, ValidationError
from guildhall.moderation.models import ItemHiding, PostingSuspension
from guildhall.notifications.services import notify

REASON_MAX = 2000
SUSPENSION_MAX_DAYS = 365


def _reason(reason: str) -> str:
    reason = (reason or "").strip()[:REASON_MAX]
    if not reason:
        raise ValidationError({"reason": _("Say why: the member reads it.")})
    return reason


def _member_of(community, member) -> None:
    if not Membership.objects.filter(community=community, user=member).exists():
        raise ValidationError(
            {"member": _("%(name)s is not a member of this community.") % {"name": member.name}}
        )


def _check_act_on(actor, community, member) -> None:
    check_manage_community(actor, community)
    if member.pk == actor.pk:
        raise PermissionDenied(_("You can't moderate yourself."))
    if member.is_staff or can_manage_community(member, community):
        raise PermissionDenied(_("Managers and staff are not moderated here: ask staff."))


def _tell(actor, member, community, act: str, **data) -> None:
    notify(
        recipient_ids=[member.pk],
        verb="moderation_act",
        actor=actor,
        community=community,
        data={"act": act, **data},
    )


@transaction.atomic
def member_warn(*, actor, community, member, reason: str) -> None:
    """A private warning to a member, with the reason (only they and the audit trail see it)."""
    _check_act_on(actor, community, member)
    _member_of(community, member)
    reason = _reason(reason)
    data = {"member": member.username, "reason": reason}
    audit(actor, "member_warn", member, community=community, data=data)
    record(actor, "moderate", member, community=community, data={"act": "warn"})
    _tell(actor, member, community, "warn", reason=reason)


@transaction.atomic
def posting_suspend(*, actor, community, member, until: datetime, reason: str) -> PostingSuspension:
    """Suspend a member from posting and commenting in the community until `until`."""
    _check_act_on(actor, community, member)
    _member_of(community, member)
    reason = _reason(reason)
    now = timezone.now()
    if until <= now:
        raise ValidationError({"until": _("Choose a date in the future.")})
    if (until - now).days > SUSPENSION_MAX_DAYS:
        raise ValidationError(
            {
                "until": _("At most %(days)s days: remove the member instead.")
                % {"days": SUSPENSION_MAX_DAYS}
            }
        )
    suspension = PostingSuspension.objects.create(
        community=community, user=member, until=until, reason=reason, by=actor
    )
    data = {"member": member.username, "until": until.isoformat(), "reason": reason}
    audit(actor, "posting_suspend", member, community=community, data=data)
    record(actor, "moderate", member, community=community, data={"act": "suspend"})
    _tell(actor, member, community, "suspend", reason=reason, until=until.isoformat())
    return suspension


@transaction.atomic
def posting_suspension_lift(*, actor, community, member) -> int:
    """End the member's current suspensions in the community; how many were lifted."""
    check_manage_community(actor, community)
    now = timezone.now()
    lifted = PostingSuspension.objects.filter(
        community=community, user=member, until__gt=now
    ).update(until=now)
    if lifted:
        audit(
            actor,
            "posting_suspension_lift",
            member,
            community=community,
            data={"member": member.username},
        )
        record(actor, "moderate", member, community=community, data={"act": "lift"})
        _tell(actor, member, community, "lift")
    return lifted


def current_suspension(*, user, community) -> PostingSuspension | None:
    """The suspension that ends last among those running now, or None."""
    if not user.is_authenticated:
        return None
    return (
        PostingSuspension.objects.filter(community=community, user=user, until__gt=timezone.now())
        .order_by("-until")
        .first()
    )


def posting_refusal(*, user, community) -> str:
    """Why `user` can't post in `community` now (a suspension), or ""."""
    suspension = current_suspension(user=user, community=community)
    if suspension is None:
        return ""
    return _("You can't post in %(community)s until %(date)s: %(reason)s") % {
        "community": community.name,
        "date": formats.date_format(timezone.localtime(suspension.until), "DATE_FORMAT"),
        "reason": suspension.reason,
    }


def suspension_posting_condition(user, community) -> None:
    """A posting condition (communities.permissions.on_posting_condition): a suspended member
    is told why and until when."""
    refusal = posting_refusal(user=user, community=community)
    if refusal:
        raise PermissionDenied(refusal)


# --- Items ------------------------------------------------------------------------------------


def can_moderate_item(user, item) -> bool:
    """Managers of the item's community and staff (an item outside communities: staff)."""
    if not user.is_authenticated:
        return False
    if item.community is None:
        return user.is_staff
    return can_manage_community(user, item.community)


def check_moderate_item(user, item) -> None:
    if not can_moderate_item(user, item):
        raise PermissionDenied(_("Only this community's managers and staff can do that."))


@transaction.atomic
def item_hide(*, actor, item, reason: str) -> ItemHiding:
    """Hide a published item from everyone but its author, with a reason the author is told;
    a manager restores it (its date and place come back, nobody is told again)."""
    check_moderate_item(actor, item)
    reason = _reason(reason)
    content_item_hide(item=item)
    hiding = ItemHiding.objects.create(item=item, community=item.community, by=actor, reason=reason)
    data = {"title": item.title, "reason": reason}
    audit(actor, "item_hide", item, community=item.community, data=data)
    record(actor, "moderate", item, community=item.community, data={"act": "hide"})
    notify(
        recipient_ids=[item.author_id],
        verb="moderation_act",
        actor=actor,
        community=item.community,
        item=item,
        data={"act": "hide", "reason": reason, "title": item.title},
    )
    return hiding


@transaction.atomic
def item_restore(*, actor, item) -> None:
    check_moderate_item(actor, item)
    content_item_restore(item=item)
    ItemHiding.objects.filter(item=item).delete()
    audit(actor, "item_restore", item, community=item.community, data={"title": item.title})
    record(actor, "moderate", item, community=item.community, data={"act": "restore"})
    notify(
        recipient_ids=[item.author_id],
        verb="moderation_act",
        actor=actor,
        community=item.community,
        item=item,
        data={"act": "restore", "title": item.title},
    )


@transaction.atomic
def item_move(*, actor, item, community, reason: str = ""):
    """Move an item to another community: the actor manages both (or is staff). The author is
    told where it went and why."""
    check_moderate_item(actor, item)
    if community is None or not can_manage_community(actor, community):
        raise PermissionDenied(_("You can move items only to communities you manage."))
    if (
        community.is_private
        and not Membership.objects.filter(community=community, user_id=item.author_id).exists()
    ):
        raise ValidationError(
            {"community": _("Its author is not a member of that private community.")}
        )
    source = item.community
    reason = (reason or "").strip()[:REASON_MAX]
    content_item_move(item=item, community=community)
    data = {"title": item.title, "from": source.slug if source else None, "to": community.slug}
    if reason:
        data["reason"] = reason
    audit(actor, "item_move", item, community=source, data=data)
    audit(actor, "item_move", item, community=community, data=data)
    record(actor, "moderate", item, community=community, data={"act": "move"})
    notify(
        recipient_ids=[item.author_id],
        verb="moderation_act",
        actor=actor,
        community=community,
        item=item,
        data={
            "act": "move",
            "reason": reason,
            "title": item.title,
            "from": source.name if source else "",
        },
    )
    return item


def move_targets(*, viewer, item):
    """The communities `viewer` may move `item` to (those they manage; staff: all)."""
    from guildhall.moderation.audit import audit_communities_of

    spec = kinds.get(item.kind)
    if spec is None or not spec.movable:
        return []
    return [c for c in audit_communities_of(viewer) if c.pk != item.community_id]


def hidden_items(*, viewer, community):
    """The community's hidden items, newest hiding first (its managers and staff only)."""
    check_manage_community(viewer, community)
    return (
        ItemHiding.objects.filter(community=community)
        .select_related("item", "item__author", "by")
        .order_by("-hidden_at", "-id")
    )
