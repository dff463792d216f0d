"""Work other apps attach to every item save (mentions, backlinks, search...) and delete.

`content` knows none of them: they register here when their app is ready, and the content
services call them inside the same transaction, after the item and its tags are saved.
"""

from collections.abc import Callable


class _Hook:
    """Functions other apps register (`register`, usable as a decorator); `fire(**kwargs)`
    calls each in the order they registered."""

    def __init__(self) -> None:
        self._funcs: list[Callable] = []

    def register(self, func: Callable) -> Callable:
        self._funcs.append(func)
        return func

    def fire(self, **kwargs) -> None:
        for func in self._funcs:
            func(**kwargs)


_saved, _published, _deleted = _Hook(), _Hook(), _Hook()

# `func(actor=, item=, created=)`: after every save of an item and its tags.
on_item_saved, item_saved = _saved.register, _saved.fire
# `func(actor=, item=)`: when an item becomes published (inside its transaction): created
# published, a draft published, or (later) approved after review.
on_item_published, item_published = _published.register, _published.fire
# `func(actor=, item=, reason=)`: just before an item is deleted (inside its transaction), while
# the rows that point to it still exist; `reason` is the one given by whoever deletes another's.
on_item_deleted, item_deleted = _deleted.register, _deleted.fire


_gates: list[Callable] = []
_held = _Hook()


def on_publication_gate(func: Callable) -> Callable:
    """Register `func(actor=, item=) -> str`: a reason to hold the item for review instead of
    publishing it ("" lets it through). Asked when an item would become published."""
    _gates.append(func)
    return func


def publication_held(*, actor, item) -> str:
    """The first reason a gate gives to hold `item` for review, or ""."""
    for gate in _gates:
        reason = gate(actor=actor, item=item)
        if reason:
            return reason
    return ""


# `func(actor=, item=, reason=)`: an item held for review instead of published (inside its
# transaction); nothing else about it is set off until it is approved.
on_item_held, item_held = _held.register, _held.fire


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
