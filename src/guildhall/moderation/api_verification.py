"""/api/v1: verify an item, mark it obsolete (the verification cycle, `moderation.verification`).

An item the caller may not see answers 404; one they see but may not verify (not an expert of
its community, or its author) 403; bad input (an interval out of bounds, a replacement that is
the item itself, unseen, unpublished or unreadable for its readers) 422 naming the field.
"""

from django.utils.translation import gettext as _
from ninja import Router

from guildhall.content.models import ContentItem
from guildhall.content.selectors import content_item_get
from guildhall.core.api_types import Id, errors
from guildhall.core.exceptions import ValidationError
from guildhall.moderation import selectors, verification
from guildhall.moderation.schemas import ObsoleteIn, QualityOut, VerifyIn

router = Router(tags=["moderation"])


def _quality(item) -> dict:
    return selectors.quality_statuses([item])[item.pk]


@router.post(
    "/content/{id}/verify",
    response={200: QualityOut, **errors(401, 403, 404, 422)},
    summary="Verify an item",
)
def item_verify(request, id: Id, payload: VerifyIn | None = None):
    """An expert of the item's community (or staff), not its author, verifies it: due for
    re-verification after `interval_days` (optional, 1 to 3650: this item's own interval from then
    on) or the community's `reverify_days`. Answers the item's `quality`."""
    item = content_item_get(viewer=request.auth, pk=id)
    interval = payload.interval_days if payload is not None else None
    verification.item_verify(actor=request.auth, item=item, interval_days=interval)
    return _quality(item)


@router.post(
    "/content/{id}/obsolete",
    response={200: QualityOut, **errors(401, 403, 404, 422)},
    summary="Mark an item obsolete",
)
def item_mark_obsolete(request, id: Id, payload: ObsoleteIn):
    """An expert of the item's community (or staff) marks it obsolete, pointing to the
    `replacement` (an item id): a published item the caller can see, that the item's readers
    can open (in the same community or company-wide), not the item itself."""
    item = content_item_get(viewer=request.auth, pk=id)
    replacement = ContentItem.objects.filter(pk=payload.replacement).first()
    if replacement is None:
        raise ValidationError(
            {"replacement": _("No published item with that id that you can see.")}
        )
    verification.item_mark_obsolete(actor=request.auth, item=item, replacement=replacement)
    return _quality(item)
