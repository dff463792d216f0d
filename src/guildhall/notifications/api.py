"""/api/v1/notifications and /api/v1/me/notification-preferences: the caller's own only."""

from django.urls import reverse
from ninja import Query, Router

from guildhall.core.api_support import page
from guildhall.core.api_types import errors
from guildhall.core.exceptions import ValidationError
from guildhall.notifications import selectors, services
from guildhall.notifications.schemas import (
    MarkReadIn,
    MarkReadOut,
    NotificationListOut,
    NotificationsQuery,
    PreferencesIn,
    PreferencesOut,
    UnreadCountOut,
)

router = Router(tags=["notifications"])


def _target(n) -> dict | None:
    if n.item is not None:
        item = n.item
        return {
            "type": "item",
            "id": item.pk,
            "slug": None,
            "title": item.title,
            "html_url": item.get_absolute_url(),
        }
    if n.community is not None:
        community = n.community
        return {
            "type": "community",
            "id": None,
            "slug": community.slug,
            "title": community.name,
            "html_url": reverse("communities:detail", args=[community.slug]),
        }
    return None


def _out(entry: dict) -> dict:
    n = entry["notification"]
    return {
        "id": n.pk,
        "type": n.verb,
        "actor": n.actor.username if n.actor else None,
        "actors": entry["actors"],
        "count": n.count,
        "target": _target(n),
        "text": entry["text"],
        "html_url": reverse("notifications:open", args=[n.pk]),
        "created_at": n.created_at,
        "read": n.read_at is not None,
    }


@router.get(
    "/notifications",
    response={200: NotificationListOut, **errors(401, 422)},
    summary="Your notifications",
)
def notifications_list(request, params: Query[NotificationsQuery]):
    """Newest first; `unread=true` for the unread ones only. Repeats of one type on the same
    item are one notification while unread (`count` acts by `actors`)."""
    found, count = page(
        selectors.notifications_for(viewer=request.auth, unread_only=params.unread),
        limit=params.limit,
        offset=params.offset,
    )
    return {"items": [_out(e) for e in selectors.rendered(found)], "count": count}


@router.get(
    "/notifications/unread-count",
    response={200: UnreadCountOut, **errors(401)},
    summary="How many notifications are unread",
)
def unread_count(request):
    return {"count": selectors.unread_count(viewer=request.auth)}


@router.post(
    "/notifications/read",
    response={200: MarkReadOut, **errors(401, 422)},
    summary="Mark notifications read",
)
def mark_read(request, payload: MarkReadIn):
    """`{"ids": [...]}` marks those of yours read (others' ids are ignored); `{"all": true}`
    marks every one read."""
    if not payload.all and not payload.ids:
        raise ValidationError({"ids": 'Give the ids to mark read, or "all": true.'})
    marked = services.notifications_mark_read(
        actor=request.auth, ids=None if payload.all else payload.ids
    )
    return {"marked": marked, "unread": selectors.unread_count(viewer=request.auth)}


@router.get(
    "/me/notification-preferences",
    response={200: PreferencesOut, **errors(401)},
    summary="Your notification preferences",
)
def preferences_get(request):
    """Every notification type with how you get it (`app`: in the app only, `email`: an email
    at once too, `digest`: in the digest email too, `off`), and your digest frequency."""
    return selectors.notification_preferences(viewer=request.auth)


@router.put(
    "/me/notification-preferences",
    response={200: PreferencesOut, **errors(401, 422)},
    summary="Change your notification preferences",
)
def preferences_put(request, payload: PreferencesIn):
    """Types not listed keep their setting; an unknown type or value answers 422."""
    services.notification_preferences_set(
        actor=request.auth,
        deliveries={t.type: t.delivery for t in payload.types or []},
        digest=payload.digest,
    )
    return selectors.notification_preferences(viewer=request.auth)
