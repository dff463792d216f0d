"""Who may fetch documents: whoever may see the item (content decides; private → 404)."""

from guildhall.content.permissions import can_view_item, check_view_item


def can_download_document(user, item) -> bool:
    return can_view_item(user, item)


def check_download_document(user, item) -> None:
    check_view_item(user, item)
