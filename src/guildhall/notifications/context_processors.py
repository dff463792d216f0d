from django.conf import settings

from guildhall.notifications.selectors import unread_count


def unread_notifications(request) -> dict:
    """The top bar's bell count, evaluated only when a template uses it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "unread_notifications": lambda: unread_count(viewer=user),
        "notification_poll_seconds": settings.GUILDHALL_NOTIFICATION_POLL_SECONDS,
    }
