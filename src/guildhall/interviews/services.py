from django.contrib.auth import get_user_model
from django.db import transaction

from guildhall.content.models import ContentItem
from guildhall.content.permissions import can_view_item
from guildhall.content.services import content_item_create
from guildhall.core.exceptions import ValidationError
from guildhall.interviews.models import Interview
from guildhall.notifications.services import notify


def _featured(username) -> object:
    if not isinstance(username, str) or not username.strip():
        raise ValidationError({"featured_member": "Name the member you interviewed (username)."})
    name = username.strip().lstrip("@")
    if "\x00" in name or len(name) > 150:
        raise ValidationError({"featured_member": "No member has that username."})
    user = get_user_model().objects.filter(username=name, is_active=True).first()
    if user is None:
        raise ValidationError({"featured_member": f"No member has the username “{name}”."})
    return user


@transaction.atomic
def interview_create(
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
    """Publish an interview featuring a member (by username); the member is told once it's out."""
    data = data or {}
    member = _featured(data.get("featured_member"))
    item = content_item_create(
        actor=actor,
        kind="interview",
        title=title,
        body=body,
        community=community,
        tags=tags,
        publish=publish,
    )
    Interview.objects.create(item=item, featured_member=member)
    # Told only if they may see it (an interview in a private community they don't belong to
    # must not reveal itself through the bell).
    if item.is_published and can_view_item(member, item):  # not while held for review
        notify(
            recipient_ids=[member.pk],
            verb="interviewed",
            actor=actor,
            item=item,
            community=community,
        )
    return item
