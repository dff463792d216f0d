from datetime import datetime, time

from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from guildhall.content.models import ContentItem
from guildhall.content.services import content_item_create
from guildhall.core.exceptions import PermissionDenied, ValidationError
from guildhall.news.models import NewsInfo
from guildhall.news.permissions import can_create_announcement


def parse_expiry(value) -> datetime | None:
    """An ISO 8601 date-time (or a date: the end of that day), None for "never"; in the future."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        when = value
    elif isinstance(value, str):
        try:
            when = parse_datetime(value.strip())
            if when is None:
                day = parse_date(value.strip())
                when = datetime.combine(day, time(23, 59, 59)) if day else None
        except ValueError:
            when = None
        if when is None:
            raise ValidationError(
                {"expires_at": "Give the expiry as a date, e.g. 2026-12-31 or 2026-12-31T17:00."}
            )
    else:
        raise ValidationError({"expires_at": "Give the expiry as an ISO 8601 date or null."})
    if timezone.is_naive(when):
        when = timezone.make_aware(when)
    if when <= timezone.now():
        raise ValidationError({"expires_at": "The expiry date must be in the future."})
    return when


@transaction.atomic
def announcement_create(
    *,
    actor,
    community,
    title: str,
    body: str = "",
    tags=(),
    publish: bool = True,
    data: dict | None = None,
    file=None,
) -> ContentItem:
    """Post news: in a community (its managers or staff) or company-wide (community None, staff)."""
    data = data or {}
    if not can_create_announcement(actor, community):
        if community is None:
            raise PermissionDenied("Only administrators can post company-wide news.")
        # Private communities stay hidden from outsiders (404, as everywhere else).
        from guildhall.communities.permissions import check_view_community

        check_view_community(actor, community)
        raise PermissionDenied("Only this community's managers can post its news.")
    expires_at = parse_expiry(data.get("expires_at"))
    item = content_item_create(
        actor=actor,
        kind="announcement",
        title=title,
        body=body,
        community=community,
        tags=tags,
        publish=publish,
    )
    NewsInfo.objects.create(item=item, expires_at=expires_at)
    return item
