"""What the API shows of quality policies and reviews, and what it accepts to change them."""

from datetime import datetime

from ninja import Schema

from guildhall.core.api_support import ListParams
from guildhall.core.api_types import Id, ObjectIn, Text


class QualityPolicyOut(Schema):
    # "open", "post_moderated" or "pre_moderated" (safety-critical implies pre-moderation).
    policy: str
    safety_critical: bool
    first_contributions_reviewed: int
    reverify_days: int
    flags_to_hide: int


class QualityPolicyIn(ObjectIn):
    """Only the fields sent change; the service checks the values (422 naming the field)."""

    policy: Text | None = None
    safety_critical: bool | None = None
    first_contributions_reviewed: int | None = None
    reverify_days: int | None = None
    flags_to_hide: int | None = None


class ReviewTargetOut(Schema):
    type: str
    id: int
    title: str


def _target(review) -> dict:
    if review.target_id is not None:
        return {"type": review.target_type, "id": review.target_id, "title": review.item.title}
    return {"type": review.target_type, "id": review.item_id, "title": review.item.title}


def _username(user) -> str | None:
    return user.username if user is not None else None


class QueueEntryOut(Schema):
    id: int
    target: ReviewTargetOut
    community: str
    author: str
    # "pre_moderation", "first_contributions", "flagged" or "reverification".
    reason: str
    flags: int = 0  # the item's open flags
    claimed_by: str | None
    created_at: datetime

    @staticmethod
    def resolve_target(obj) -> dict:
        return _target(obj)

    @staticmethod
    def resolve_community(obj) -> str:
        return obj.community.slug

    @staticmethod
    def resolve_author(obj) -> str:
        return obj.author.username

    @staticmethod
    def resolve_flags(obj) -> int:
        return getattr(obj, "flag_summary", {}).get("count", 0)

    @staticmethod
    def resolve_claimed_by(obj) -> str | None:
        return _username(obj.claimed_by)


class QueueOut(Schema):
    items: list[QueueEntryOut]
    count: int


class QueueQuery(ListParams):
    community: Text = ""  # a community's slug
    kind: Text = ""
    reason: Text = ""


class ReviewOut(Schema):
    id: int
    # "pending", "approved", "rejected" or "changes_requested".
    status: str
    reason: str
    decision_reason: str
    decision_note: str
    claimed_by: str | None
    escalated: bool
    target: ReviewTargetOut

    @staticmethod
    def resolve_claimed_by(obj) -> str | None:
        return _username(obj.claimed_by)

    @staticmethod
    def resolve_target(obj) -> dict:
        return _target(obj)


class ApproveIn(ObjectIn):
    # Record an expert's verification too (always recorded in a safety-critical community).
    verify: bool = False


class DecisionIn(ObjectIn):
    reason: Text = ""
    note: Text = ""


class EscalateIn(ObjectIn):
    note: Text = ""


class QualityOut(Schema):
    """An item's quality, as the item JSON's `quality` shows it."""

    status: str | None
    verified_by: str | None
    verified_at: datetime | None
    due_at: datetime | None
    replacement: int | None


class VerifyIn(ObjectIn):
    # This item's own re-verification interval (days); none: the community's.
    interval_days: int | None = None


class ObsoleteIn(ObjectIn):
    replacement: Id
