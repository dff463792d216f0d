"""Who may fetch documents: whoever may see the item (content decides; private → 404)."""

from guildhall.content.permissions import check_view_item


def check_download_document(user, item) -> None:
    check_view_item(user, item)
