"""The listing generation: moves on whenever an item is saved, deleted or retagged, so a list
of items kept under it (a member's home feed) never outlives a change of which items it holds
or in what order. Counters on cards change through `update()` without moving it: lists keep
only their items' ids and read the cards' versions afresh (`content.cards`)."""

from guildhall.core.generations import move_on_generations

LISTING = ("listing", 0)  # a generation scope (core.generations)


def forget_lists_after_item_write(**_signal) -> None:
    """Connected to every save and delete of an item and to changes of its tags, whatever
    wrote them (a service, the demo, a data migration)."""
    move_on_generations([LISTING])
