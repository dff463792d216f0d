"""Work other apps attach to every item save (mentions, backlinks, search...) and delete.

`content` knows none of them: they register here when their app is ready, and the content
services call them inside the same transaction, after the item and its tags are saved.
"""

from collections.abc import Callable

_item_saved: list[Callable] = []


def on_item_saved(func: Callable) -> Callable:
    """Register `func(actor=, item=, created=)`; usable as a decorator."""
    _item_saved.append(func)
    return func


def item_saved(*, actor, item, created: bool) -> None:
    for func in _item_saved:
        func(actor=actor, item=item, created=created)


_item_published: list[Callable] = []


def on_item_published(func: Callable) -> Callable:
    """Register `func(actor=, item=)`, called when an item becomes published (inside its
    transaction): created published, a draft published, or (later) approved after review."""
    _item_published.append(func)
    return func


def item_published(*, actor, item) -> None:
    for func in _item_published:
        func(actor=actor, item=item)


_item_deleted: list[Callable] = []


def on_item_deleted(func: Callable) -> Callable:
    """Register `func(actor=, item=)`, called just before an item is deleted (inside its
    transaction), while the rows that point to it still exist."""
    _item_deleted.append(func)
    return func


def item_deleted(*, actor, item) -> None:
    for func in _item_deleted:
        func(actor=actor, item=item)


_api_fields: list[Callable] = []


def on_api_fields(func: Callable) -> Callable:
    """Register `func(items) -> {item_id: {field: value}}` adding fields to every kind's JSON."""
    _api_fields.append(func)
    return func


def api_fields(items: list) -> dict[int, dict]:
    from guildhall.content import kinds  # the registry module; no app import

    merged: dict[int, dict] = {item.pk: {} for item in items}
    for fields in [kinds.api_fields(items), *(func(items) for func in _api_fields)]:
        for pk, values in fields.items():
            merged.setdefault(pk, {}).update(values)
    return merged


def attach_api_fields(items: list) -> list:
    """Set `item.api_fields` on each item of a page (one batch per kind and per extension)."""
    items = list(items)
    fields = api_fields(items)
    for item in items:
        item.api_fields = fields.get(item.pk, {})
    return items
