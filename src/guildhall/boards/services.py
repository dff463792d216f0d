"""Writing pins. No URL is ever fetched (no previews, no unfurling): there is no outbound request,
so a pin cannot be used to probe internal hosts (no SSRF surface)."""

import re
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import URLValidator
from django.db import transaction

from guildhall.boards.models import Pin
from guildhall.content.models import ContentItem
from guildhall.content.permissions import can_view_item
from guildhall.content.services import content_item_create
from guildhall.core.exceptions import ValidationError

MAX_URL = 2000
MAX_NOTE = 4000
_INTERNAL_RE = re.compile(r"^/content/(\d{1,18})(?:/[^?#]*)?(?:[?#].*)?$")
_url_validator = URLValidator(schemes=["http", "https"])


def parse_pin_url(*, actor, url) -> tuple[str, ContentItem | None]:
    """The URL to store and the item it points to (internal /content/<id>/ links).

    Only http(s) addresses and internal item paths are accepted: javascript:, data:, mailto: and
    anything else are refused. An internal link to an item the writer can't see is refused with
    the same answer as one to an item that does not exist."""
    if url is None:
        return "", None
    if not isinstance(url, str):
        raise ValidationError({"url": "Give the link as text."})
    url = url.strip()
    if not url:
        return "", None
    if len(url) > MAX_URL:
        raise ValidationError({"url": f"Keep the link to {MAX_URL} characters at most."})
    if any(ord(ch) < 32 or ch.isspace() for ch in url):
        raise ValidationError({"url": "A link can't contain spaces or control characters."})
    internal = _INTERNAL_RE.match(url)
    if internal:
        target = ContentItem.objects.filter(pk=int(internal.group(1))).first()
        if target is None or not target.is_published or not can_view_item(actor, target):
            raise ValidationError({"url": "There is no item at that address."})
        return f"/content/{target.pk}/", target
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise ValidationError(
            {"url": "Use a web address starting with https:// or http:// (or /content/<id>/)."}
        )
    try:
        _url_validator(url)
    except DjangoValidationError:
        raise ValidationError({"url": "That doesn't look like a valid web address."}) from None
    return url, None


@transaction.atomic
def pin_create(
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
    """Create a pin: the item (title, note) and its Pin row, in one transaction."""
    data = data or {}
    if community is None:
        raise ValidationError({"community": "A pin belongs to a community's board."})
    if len(body or "") > MAX_NOTE:
        raise ValidationError({"body": f"Keep the note short ({MAX_NOTE:,} characters at most)."})
    url, linked = parse_pin_url(actor=actor, url=data.get("url"))
    item = content_item_create(
        actor=actor,
        kind="pin",
        title=title,
        body=body,
        community=community,
        tags=tags,
        publish=publish,
    )
    Pin.objects.create(item=item, url=url, linked_item=linked)
    return item
