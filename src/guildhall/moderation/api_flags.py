"""/api/v1: members flag items and comments for the reviewers' attention.

An item or comment the caller cannot see answers 404; an unknown reason, or "other" without a
note, 422; a second flag on the same target 409; too many writes 429.
"""

from ninja import Router, Schema, Status

from guildhall.content.selectors import content_item_get
from guildhall.core.api_types import Id, ObjectIn, Text, errors
from guildhall.interactions.selectors import comment_get
from guildhall.moderation import flags

router = Router(tags=["moderation"])


class FlagIn(ObjectIn):
    # inaccurate, unsafe, outdated, off_topic, spam, harassment, confidential or other.
    reason: Text = ""
    note: Text = ""  # needed with "other"


class FlagTargetOut(Schema):
    type: str  # "item" or "comment"
    id: int


class FlagOut(Schema):
    id: int
    reason: str
    status: str  # "open", "upheld" or "dismissed"
    target: FlagTargetOut

    @staticmethod
    def resolve_target(obj) -> dict:
        pk = obj.comment_id if obj.target_type == "comment" else obj.item_id
        return {"type": obj.target_type, "id": pk}


_FLAG_ERRORS = errors(401, 404, 409, 422, 429)


@router.post("/content/{id}/flags", response={201: FlagOut, **_FLAG_ERRORS}, summary="Flag an item")
def item_flag(request, id: Id, payload: FlagIn):
    """Tell the community's reviewers the item needs a look; only they see flags."""
    item = content_item_get(viewer=request.auth, pk=id)
    flag = flags.flag_create(
        actor=request.auth, item=item, reason=payload.reason, note=payload.note
    )
    return Status(201, flag)


@router.post(
    "/comments/{id}/flags", response={201: FlagOut, **_FLAG_ERRORS}, summary="Flag a comment"
)
def comment_flag(request, id: Id, payload: FlagIn):
    """Tell the community's reviewers the comment needs a look; only they see flags."""
    comment = comment_get(viewer=request.auth, pk=id)
    flag = flags.flag_create(
        actor=request.auth, comment=comment, reason=payload.reason, note=payload.note
    )
    return Status(201, flag)
