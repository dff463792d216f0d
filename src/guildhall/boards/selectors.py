"""Reads of boards: pins go through content's visibility filter like every item."""

from django.db.models import QuerySet

from guildhall.boards.models import Pin
from guildhall.content.models import ContentItem
from guildhall.content.selectors import content_feed, content_items_visible_to

SORTS = {"newest": "Newest", "favourites": "Most favourited"}


def board_pins(*, viewer, community, sort: str = "newest") -> QuerySet:
    """A community's published pins the viewer may see, with their Pin rows."""
    items = content_feed(viewer=viewer, community=community, kind="pin").select_related("pin")
    if sort == "favourites":
        return items.order_by("-favourite_count", "-published_at", "-id")
    return items


def attach_links(*, viewer, items: list) -> list:
    """Give each pin item `.pin_row` and `.linked` (the linked item when the viewer may see it,
    else None): one query for the whole page."""
    items = list(items)
    linked_ids = set()
    for item in items:
        row = getattr(item, "pin", None) if _has_pin(item) else None
        item.pin_row = row
        if row is not None and row.linked_item_id:
            linked_ids.add(row.linked_item_id)
    visible = {}
    if linked_ids:
        visible = {
            i.pk: i
            for i in content_items_visible_to(viewer)
            .filter(pk__in=linked_ids, status=ContentItem.Status.PUBLISHED)
            .only("id", "title", "slug", "kind")
        }
    for item in items:
        row = item.pin_row
        item.linked = visible.get(row.linked_item_id) if row and row.linked_item_id else None
    return items


def _has_pin(item) -> bool:
    try:
        item.pin  # noqa: B018 - loaded by select_related
    except Pin.DoesNotExist:
        return False
    return True


def pin_get(*, viewer, item) -> Pin | None:
    pin = Pin.objects.filter(item=item).first()
    if pin is not None:
        item.pin = pin
        attach_links(viewer=viewer, items=[item])
    return pin


def pins_api_fields(items: list) -> dict[int, dict]:
    urls = dict(Pin.objects.filter(item_id__in=[i.pk for i in items]).values_list("item_id", "url"))
    return {i.pk: {"url": urls.get(i.pk, "")} for i in items}
