"""A member's notifications, with anything about items they can no longer see left out;
their notification preferences."""

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db.models import Q, QuerySet

from guildhall.communities.selectors import communities_visible_to
from guildhall.content.selectors import content_items_visible_to
from guildhall.notifications import registry
from guildhall.notifications.models import (
    Delivery,
    DigestFrequency,
    DigestSubscription,
    Notification,
    NotificationPreference,
)


def notifications_for(*, viewer, unread_only: bool = False, verbs=None) -> QuerySet:
    visible_items = content_items_visible_to(viewer)
    visible_communities = communities_visible_to(viewer)
    qs = Notification.objects.filter(recipient=viewer).filter(
        Q(item__isnull=True)
        | Q(item__in=visible_items)
        # Items awaiting review are not published yet: their reviewers see them by community.
        | Q(verb__in=registry.pending_verbs(), item__community__in=visible_communities)
    )
    qs = qs.filter(
        Q(community__isnull=True)
        | Q(community__in=visible_communities)
        | Q(verb__in=registry.outsider_verbs())
    )
    if unread_only:
        qs = qs.filter(read_at__isnull=True)
    if verbs is not None:
        qs = qs.filter(verb__in=verbs)
    return qs.select_related("actor", "item", "community").order_by("-created_at", "-id")


def notification_get(*, viewer, pk: int) -> Notification | None:
    return notifications_for(viewer=viewer).filter(pk=pk).first()


# The bell's count is read on every page: cached briefly, and cleared when it changes.
UNREAD_TTL = 60


def unread_count_key(user_id: int) -> str:
    return f"unread:v1:{user_id}"


def unread_count(*, viewer) -> int:
    key = unread_count_key(viewer.pk)
    count = cache.get(key)
    if count is None:
        count = notifications_for(viewer=viewer, unread_only=True).count()
        cache.set(key, count, UNREAD_TTL)
    return count


def rendered(notifications) -> list[dict]:
    """Words and links for a page of notifications, from each verb's registered renderer, with
    the usernames of everyone a grouped entry stands for (one query for the page)."""
    notifications = list(notifications)
    ids = {pk for n in notifications for pk in n.actor_ids}
    usernames = dict(
        get_user_model().objects.filter(pk__in=ids).values_list("pk", "username") if ids else []
    )
    out = []
    for n in notifications:
        spec = registry.verb(n.verb)
        out.append(
            {
                "notification": n,
                "text": spec.text(n),
                "url": spec.url(n),
                "actors": [usernames[pk] for pk in n.actor_ids if pk in usernames],
            }
        )
    return out


# --- preferences ------------------------------------------------------------------------------


def deliveries_for(*, user_ids, verb: str) -> dict[int, str]:
    """How each of these members gets `verb`: their choice, else the verb's default."""
    chosen = dict(
        NotificationPreference.objects.filter(verb=verb, user_id__in=user_ids).values_list(
            "user_id", "delivery"
        )
    )
    default = registry.verb(verb).default
    return {pk: chosen.get(pk, default) for pk in user_ids}


def notification_preferences(*, viewer) -> dict:
    """Each type that can happen to the viewer, with its label and the viewer's delivery, and
    the digest frequency."""
    chosen = _chosen_deliveries(viewer)
    subscription = DigestSubscription.objects.filter(user=viewer).first()
    return {
        "types": [
            {"type": v.name, "label": str(v.label), "delivery": chosen.get(v.name, v.default)}
            for v in registry.verbs_offered_to(viewer)
        ],
        "digest": subscription.frequency if subscription else DigestFrequency.WEEKLY,
    }


def _chosen_deliveries(viewer) -> dict[str, str]:
    return dict(NotificationPreference.objects.filter(user=viewer).values_list("verb", "delivery"))


def digest_verbs(*, viewer) -> list[str]:
    """The types the viewer chose to read in their digest (offered on their page or not)."""
    chosen = _chosen_deliveries(viewer)
    return [v.name for v in registry.verbs() if chosen.get(v.name, v.default) == Delivery.DIGEST]
