"""What a member's digest email holds, and whose digest is due (reads only)."""

from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from guildhall.content.selectors import whats_new
from guildhall.notifications.contributions import contributions
from guildhall.notifications.models import DigestFrequency
from guildhall.notifications.selectors import digest_verbs, notifications_for, rendered

PERIODS = {
    DigestFrequency.DAILY: timedelta(days=1),
    DigestFrequency.WEEKLY: timedelta(days=7),
}
# The job runs hourly: without slack a digest sent at 08:00:05 would be due only at 09:00 the
# next time round, drifting an hour a period.
SLACK = timedelta(minutes=30)
SECTION_SIZE = 5
NOTIFICATIONS_SIZE = 10


def members_due(*, now: datetime) -> QuerySet:
    """Active members whose digest period has passed since the last one (or since they joined);
    without a subscription row a member gets the weekly digest."""
    weekly_cutoff = now - PERIODS[DigestFrequency.WEEKLY] + SLACK
    due = Q(digest__isnull=True, date_joined__lte=weekly_cutoff)
    for frequency, period in PERIODS.items():
        cutoff = now - period + SLACK
        due |= Q(digest__frequency=frequency) & (
            Q(digest__covered_until__lte=cutoff)
            | Q(digest__covered_until__isnull=True, date_joined__lte=cutoff)
        )
    return get_user_model().objects.filter(due, is_active=True).order_by("pk")


def period_start(frequency: str, covered_until: datetime | None, now: datetime) -> datetime:
    """Where the digest's period starts: after the last one, at most one period back."""
    start = now - PERIODS.get(frequency, PERIODS[DigestFrequency.WEEKLY])
    return max(covered_until, start) if covered_until else start


def digest_content(*, member, since: datetime) -> dict | None:
    """The digest's sections for `member`, all through the visibility-filtered selectors; None
    when there is nothing new for them (no new items, no unanswered questions in their skills,
    no unread notifications they chose for the digest): popular items alone make no digest."""
    new = list(
        whats_new(viewer=member)
        .filter(published_at__gt=since)
        .exclude(author=member)[:SECTION_SIZE]
    )
    highlights = contributions.call(
        "digest_highlights",
        default={"whats_popular": [], "unanswered": []},
        member=member,
        shown={item.pk for item in new},
        limit=SECTION_SIZE,
    )
    popular, questions = highlights["whats_popular"], highlights["unanswered"]
    unread = notifications_for(
        viewer=member, unread_only=True, verbs=digest_verbs(viewer=member)
    ).filter(created_at__gt=since)
    notifications = rendered(unread[:NOTIFICATIONS_SIZE])
    if not (new or questions or notifications):
        return None
    return {
        "since": since,
        "whats_new": new,
        "whats_popular": popular,
        "unanswered": questions,
        "notifications": notifications,
        "more_notifications": max(0, unread.count() - len(notifications)),
    }
