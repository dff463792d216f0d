"""Notification and digest emails: plain text and HTML from templates, absolute links, and a
signed unsubscribe link that works without signing in."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from guildhall.notifications.models import Notification
from guildhall.notifications.selectors import notification_get, rendered

UNSUBSCRIBE_SALT = "guildhall.notifications.unsubscribe"


def absolute(url: str) -> str:
    """A link that works from a mail client: GUILDHALL_SITE_URL + the path."""
    return url if "://" in url else f"{settings.GUILDHALL_SITE_URL}{url}"


def unsubscribe_token(user) -> str:
    # Signed with the email too: the link stops working for an address the member changed.
    return signing.dumps({"u": user.pk, "e": user.email}, salt=UNSUBSCRIBE_SALT)


def user_for_unsubscribe_token(token: str):
    """The member a token names, or None when it is not one we signed."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    return get_user_model().objects.filter(pk=data.get("u"), email=data.get("e")).first()


def _send(*, user, subject: str, template: str, context: dict, headers=None) -> None:
    context = {
        **context,
        "member": user,
        "site_url": settings.GUILDHALL_SITE_URL,
        "preferences_url": absolute(reverse("notifications:preferences")),
    }
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split())[:180],  # one line: a header
        body=render_to_string(f"notifications/email/{template}.txt", context),
        to=[user.email],
        headers=headers,
    )
    message.attach_alternative(
        render_to_string(f"notifications/email/{template}.html", context), "text/html"
    )
    message.send()


NAMING_FIELDS = ("actor_id", "actor_ids", "actor_count", "count")


def naming(notification: Notification) -> dict:
    """Whom a notification names at this moment (its actors), for the email of this act."""
    return {field: getattr(notification, field) for field in NAMING_FIELDS}


def send_notification_emails(*, notification_ids: list[int], named: dict | None = None) -> int:
    """Email each notification at once to its recipient, if they can still see it; `named`
    (from `naming`, by id) is whom it named when the act happened: later acts grouped into the
    same notification have emails of their own."""
    sent = 0
    for n in Notification.objects.filter(pk__in=notification_ids).select_related("recipient"):
        member = n.recipient
        visible = notification_get(viewer=member, pk=n.pk) if member.is_active else None
        if visible is None:
            continue
        for field, value in ((named or {}).get(str(n.pk)) or {}).items():
            if field in NAMING_FIELDS:
                setattr(visible, field, value)
        [entry] = rendered([visible])
        entry["url"] = absolute(reverse("notifications:open", args=[n.pk]))
        _send(user=member, subject=entry["text"], template="notification", context={"entry": entry})
        sent += 1
    return sent


def send_digest_email(*, member, content: dict) -> None:
    token = unsubscribe_token(member)
    unsubscribe_url = absolute(reverse("notifications:unsubscribe", args=[token]))
    for entry in content["notifications"]:
        entry["url"] = absolute(reverse("notifications:open", args=[entry["notification"].pk]))
    sections = [
        ("What's new", content["whats_new"]),
        ("What's popular", content["whats_popular"]),
        ("Unanswered questions in your skills", content["unanswered"]),
    ]
    _send(
        user=member,
        subject="Your Guildhall digest",
        template="digest",
        context={
            **content,
            "sections": [
                (title, [(item, absolute(item.get_absolute_url())) for item in items])
                for title, items in sections
                if items
            ],
            "unsubscribe_url": unsubscribe_url,
            "centre_url": absolute(reverse("notifications:list")),
        },
        # RFC 8058: mail clients offer a one-click unsubscribe that POSTs to this address.
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
