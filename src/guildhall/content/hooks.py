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


# --- Demoted items and card badges (quality control, without content knowing it) -------------

_demoted: list[Callable] = []


def on_demoted_items(func: Callable) -> Callable:
    """Register `func() -> QuerySet` of the ids of items that stay readable but are demoted
    (e.g. obsolete knowledge): what's popular leaves them out and search ranks them last. The
    queryset is used as a subquery (`pk__in=`), so it costs no query of its own."""
    _demoted.append(func)
    return func


def demoted_items():
    """A `values("pk")` queryset of every demoted item, or None when no app demotes any."""
    if not _demoted:
        return None
    from django.db.models import Q

    from guildhall.content.models import ContentItem

    demoted = Q()
    for func in _demoted:
        demoted |= Q(pk__in=func())
    return ContentItem.objects.filter(demoted).values("pk")


def without_demoted(items):
    """`items` (a ContentItem queryset) without the demoted ones."""
    for func in _demoted:
        items = items.exclude(pk__in=func())
    return items


_badges: list[Callable] = []


def on_item_badges(func: Callable) -> Callable:
    """Register `func(items) -> {item_id: [(label, css_class), ...]}`: badges shown on the items'
    cards and search results (one batch per page). A change to what a badge says must touch the
    item (`content.services.content_item_touch`) so that cached cards, keyed by `updated_at`,
    are rendered again."""
    _badges.append(func)
    return func


def attach_badges(items: list) -> list:
    """Set `item.badges` (a list of (label, css_class)) on each item of a page."""
    items = list(items)
    found: dict[int, list] = {}
    if _badges and items:
        for func in _badges:
            for pk, badges in func(items).items():
                found.setdefault(pk, []).extend(badges)
    for item in items:
        item.badges = found.get(item.pk, [])
    return items
