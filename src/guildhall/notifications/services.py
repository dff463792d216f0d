from datetime import datetime

from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from guildhall.content.models import ContentItem
from guildhall.core.events import record
from guildhall.core.exceptions import ValidationError
from guildhall.core.tasks import enqueue_on_commit
from guildhall.notifications import digests, emails, registry, tasks
from guildhall.notifications.models import (
    Delivery,
    DigestFrequency,
    DigestSubscription,
    Notification,
    NotificationPreference,
)
from guildhall.notifications.selectors import deliveries_for, unread_count_key


def notify(
    *,
    recipient_ids: list[int],
    verb: str,
    actor,
    item=None,
    community=None,
    data: dict | None = None,
) -> None:
    """Queue notifications once the transaction commits; never notify members of their own act."""
    recipients = sorted({pk for pk in recipient_ids if pk != getattr(actor, "pk", None)})
    if not recipients:
        return
    enqueue_on_commit(
        tasks.deliver_notifications,
        recipient_ids=recipients,
        verb=verb,
        actor_id=getattr(actor, "pk", None),
        item_id=item.pk if item is not None else None,
        community_id=community.pk if community is not None else None,
        data=data or {},
    )


@transaction.atomic
def notifications_deliver(
    *,
    recipient_ids: list[int],
    verb: str,
    actor_id: int | None,
    item_id: int | None,
    community_id: int | None,
    data: dict,
) -> list[Notification]:
    """Write what `notify` queued, as each recipient prefers: nothing when they turned the type
    off; merged into their unread entry for the same verb and item when the verb groups; an
    email queued when they want one at once. Returns the rows written."""
    # The item, community, actor or a recipient may be deleted before the worker gets here:
    # nothing is told about a vanished item or community, and no row points at a vanished member.
    if (item_id and not _still_there("item", [item_id])) or (
        community_id and not _still_there("community", [community_id])
    ):
        return []
    if actor_id and not _still_there("actor", [actor_id]):
        actor_id = None
    present = _still_there("recipient", recipient_ids)
    recipient_ids = [pk for pk in recipient_ids if pk in present]
    deliveries = deliveries_for(user_ids=recipient_ids, verb=verb)
    wanted = [pk for pk in recipient_ids if deliveries[pk] != Delivery.OFF]
    if not wanted:
        return []
    merged: dict[int, Notification] = {}
    if registry.verb(verb).group:
        # Oldest first: should a member have two unread rows, the newest one takes the repeat.
        for row in (
            Notification.objects.select_for_update()
            .filter(
                recipient_id__in=wanted,
                verb=verb,
                item_id=item_id,
                community_id=community_id,
                read_at__isnull=True,
            )
            .order_by("created_at", "id")
        ):
            merged[row.recipient_id] = row
        now = timezone.now()
        for row in merged.values():
            row.count += 1
            row.actor_id = actor_id
            if actor_id and actor_id not in row.actor_ids:
                # One who acted before but fell off the kept list counts again: rare, harmless.
                row.actor_count += 1
            previous = [pk for pk in row.actor_ids if pk != actor_id]
            row.actor_ids = (([actor_id] if actor_id else []) + previous)[: Notification.MAX_ACTORS]
            row.created_at = now  # back to the top of the list
        Notification.objects.bulk_update(
            list(merged.values()),
            ["count", "actor_id", "actor_ids", "actor_count", "created_at"],
        )
    fresh = Notification.objects.bulk_create(
        [
            Notification(
                recipient_id=pk,
                actor_id=actor_id,
                actor_ids=[actor_id] if actor_id else [],
                actor_count=1 if actor_id else 0,
                verb=verb,
                item_id=item_id,
                community_id=community_id,
                data=data,
            )
            for pk in wanted
            if pk not in merged
        ]
    )
    rows = [*merged.values(), *fresh]
    emailed = [n for n in rows if deliveries[n.recipient_id] == Delivery.EMAIL]
    if emailed:
        # Each email names whom the notification names now, at this act: when two answers
        # arrive a second apart, the worker must not send "X and 1 other" twice.
        enqueue_on_commit(
            tasks.email_notifications,
            notification_ids=[n.pk for n in emailed],
            named={str(n.pk): emails.naming(n) for n in emailed},
        )
    unread_counts_forget(user_ids=wanted)
    return rows


def _still_there(field: str, ids: list[int]) -> set[int]:
    """Those of `ids` that still have a row behind `Notification.<field>`."""
    model = Notification._meta.get_field(field).related_model
    return set(model.objects.filter(pk__in=ids).values_list("pk", flat=True))


def review_pending_notify(*, actor, item: ContentItem, reviewer_ids: list[int]) -> None:
    """For moderation: tell the reviewers that `actor`'s item waits for their review. They see
    the notification while they can see the item's community, though it is not published."""
    notify(recipient_ids=reviewer_ids, verb="review_pending", actor=actor, item=item)


def review_result_notify(
    *, actor, item: ContentItem, approved: bool, note: str = "", recipient_id: int | None = None
) -> None:
    """For moderation: tell the item's author (or `recipient_id`, the author of the reviewed
    work, such as a suggested wiki edit) what `actor`, the reviewer, decided."""
    notify(
        recipient_ids=[recipient_id or item.author_id],
        verb="review_result",
        actor=actor,
        item=item,
        data={"approved": approved, "note": note.strip()[:200]},
    )


def on_item_deleted(*, actor, item: ContentItem, reason: str = "") -> None:
    """content.hooks: the item's notifications go with it; recount the bells that showed them.
    An author whose item someone else deleted is told who, and why (the item itself is gone)."""
    unread_counts_forget(
        user_ids=Notification.objects.filter(item=item, read_at__isnull=True)
        .values_list("recipient_id", flat=True)
        .distinct()
    )
    notify(
        recipient_ids=[item.author_id],
        verb="item_removed",
        actor=actor,
        community=item.community,
        data={"title": item.title, "reason": reason},
    )


@transaction.atomic
def notifications_mark_read(*, actor, ids: list[int] | None = None) -> int:
    """Mark the given notifications (or all when `ids` is None) of `actor` read."""
    qs = Notification.objects.filter(recipient=actor, read_at__isnull=True)
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    changed = qs.update(read_at=timezone.now())
    unread_counts_forget(user_ids=[actor.pk])
    return changed


def unread_counts_forget(*, user_ids) -> None:
    """Recount the bell next time: what these members may see has changed."""
    user_ids = list(user_ids)
    keys = [unread_count_key(pk) for pk in user_ids]
    cache.delete_many(keys)
    # Again after commit: a request meanwhile may have cached the count from before the change.
    transaction.on_commit(lambda: cache.delete_many(keys))


def unread_counts_forget_for_community(*, community) -> None:
    recipients = (
        Notification.objects.filter(read_at__isnull=True)
        .filter(Q(community=community) | Q(item__community=community))
        .values_list("recipient_id", flat=True)
        .distinct()
    )
    unread_counts_forget(user_ids=recipients)


# --- preferences ------------------------------------------------------------------------------


@transaction.atomic
def notification_preferences_set(
    *, actor, deliveries: dict[str, str] | None = None, digest: str | None = None
) -> None:
    """Set how `actor` gets each notification type named in `deliveries`, and how often their
    digest comes; unknown types or values are refused (nothing is changed)."""
    deliveries = deliveries or {}
    known = {v.name for v in registry.verbs()}
    for verb, delivery in deliveries.items():
        if verb not in known:
            raise ValidationError({"types": f"Unknown notification type {verb!r}."})
        if delivery not in Delivery.values:
            raise ValidationError({"types": f"{verb}: choose one of {', '.join(Delivery.values)}."})
    if digest is not None and digest not in DigestFrequency.values:
        raise ValidationError({"digest": f"Choose one of {', '.join(DigestFrequency.values)}."})
    for verb, delivery in deliveries.items():
        NotificationPreference.objects.update_or_create(
            user=actor, verb=verb, defaults={"delivery": delivery}
        )
    if digest is not None:
        DigestSubscription.objects.update_or_create(user=actor, defaults={"frequency": digest})
    record(
        actor,
        "notification_preferences",
        actor,
        data={"types": deliveries, **({"digest": digest} if digest else {})},
    )


# --- digests ----------------------------------------------------------------------------------


def digest_send(*, member, now: datetime) -> bool:
    """Send `member` their digest for the period up to `now`, unless it would be empty; either
    way the period counts as covered. True when an email went out."""
    with transaction.atomic():
        subscription, _ = DigestSubscription.objects.select_for_update().get_or_create(user=member)
        since = digests.period_start(subscription.frequency, subscription.covered_until, now)
        content = digests.digest_content(member=member, since=since)
        subscription.covered_until = now
        if content is not None:
            subscription.last_sent_at = now
        subscription.save(update_fields=["covered_until", "last_sent_at"])
    # Sent after the commit: a failing mail server leaves the period covered, never sent twice.
    if content is not None:
        emails.send_digest_email(member=member, content=content)
    return content is not None


def digests_send_due(*, now: datetime | None = None) -> int:
    """Every member whose daily or weekly digest is due gets it; returns how many were sent."""
    now = now or timezone.now()
    return sum(digest_send(member=m, now=now) for m in digests.members_due(now=now))
