"""/api/v1: a community's quality policy, the review queue and the decisions on a review.

A private community answers 404 to anyone who is neither a member nor staff; a review the caller
may not see answers 404 too, one they may see but not decide (their own work) 403, and one
already decided 409.
"""

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Query, Router

from guildhall.communities.selectors import community_get
from guildhall.core.api_support import page
from guildhall.core.api_types import Id, Text, errors
from guildhall.core.exceptions import ValidationError
from guildhall.moderation import flags, selectors, services
from guildhall.moderation.models import Review
from guildhall.moderation.schemas import (
    ApproveIn,
    DecisionIn,
    EscalateIn,
    QualityPolicyIn,
    QualityPolicyOut,
    QueueOut,
    QueueQuery,
    ReviewOut,
)

router = Router(tags=["moderation"])


@router.get(
    "/communities/{slug}/quality-policy",
    response={200: QualityPolicyOut, **errors(401, 404)},
    summary="A community's quality policy",
)
def quality_policy_get(request, slug: Text):
    """How the community's contributions are checked; open until a manager sets a policy."""
    community = community_get(viewer=request.auth, slug=slug)
    return selectors.quality_policy_of(community)


@router.put(
    "/communities/{slug}/quality-policy",
    response={200: QualityPolicyOut, **errors(401, 403, 404, 422)},
    summary="Set a community's quality policy",
)
def quality_policy_put(request, slug: Text, payload: QualityPolicyIn):
    """Managers of the community and staff; only the fields sent change."""
    community = community_get(viewer=request.auth, slug=slug)
    changes = payload.dict(exclude_unset=True)
    if "safety_critical" in changes and changes["safety_critical"] is None:
        raise ValidationError({"safety_critical": _("Send true or false.")})
    return services.quality_policy_set(actor=request.auth, community=community, **changes)


@router.get(
    "/review-queue", response={200: QueueOut, **errors(401, 404, 422)}, summary="Review queue"
)
def review_queue(request, params: Query[QueueQuery]):
    """Waiting reviews the caller may decide, oldest first (staff: escalated first); never the
    caller's own work. Filters: `community` (slug), `kind`, `reason`. A member who reviews
    nothing gets an empty list."""
    community = (
        community_get(viewer=request.auth, slug=params.community) if params.community else None
    )
    if params.reason and params.reason not in Review.Reason.values:
        known = ", ".join(Review.Reason.values)
        raise ValidationError(
            {"reason": _("Unknown reason; choose one of: %(known)s.") % {"known": known}}
        )
    reviews = selectors.review_queue(
        viewer=request.auth, community=community, reason=params.reason, kind=params.kind
    )
    items, count = page(reviews, limit=params.limit, offset=params.offset)
    flags.attach_flag_summaries(items)
    return {"items": items, "count": count}


def _review(request, pk: int) -> Review:
    review = selectors.review_get(viewer=request.auth, pk=pk)
    if review is None:
        raise Http404
    return review


def _answer(review: Review) -> Review:
    """The review as it now is, with whom it names."""
    return Review.objects.select_related("item", "claimed_by").get(pk=review.pk)


_DECISION_ERRORS = errors(401, 403, 404, 409, 422)


@router.post(
    "/reviews/{id}/approve",
    response={200: ReviewOut, **_DECISION_ERRORS},
    summary="Approve a review",
)
def review_approve(request, id: Id, payload: ApproveIn | None = None):
    """A held item is published. `{"verify": true}` records the reviewer's verification too
    (always recorded in a safety-critical community)."""
    review = _review(request, id)
    verify = payload.verify if payload is not None else False
    return _answer(services.review_approve(actor=request.auth, review=review, verify=verify))


@router.post(
    "/reviews/{id}/reject",
    response={200: ReviewOut, **_DECISION_ERRORS},
    summary="Turn work down",
)
def review_reject(request, id: Id, payload: DecisionIn):
    """`reason` is one of inaccurate, unsafe, outdated, off_topic, duplicate, guidelines,
    confidential or other (which needs a `note`); the author sees the item with the reason."""
    review = _review(request, id)
    return _answer(
        services.review_reject(
            actor=request.auth, review=review, reason=payload.reason, note=payload.note
        )
    )


@router.post(
    "/reviews/{id}/request-changes",
    response={200: ReviewOut, **_DECISION_ERRORS},
    summary="Ask the author for changes",
)
def review_request_changes(request, id: Id, payload: DecisionIn):
    """A `note` saying what should change (and optionally a `reason`); the item goes back to its
    author until they resubmit it."""
    review = _review(request, id)
    return _answer(
        services.review_request_changes(
            actor=request.auth, review=review, note=payload.note, reason=payload.reason
        )
    )


@router.post(
    "/reviews/{id}/claim",
    response={200: ReviewOut, **_DECISION_ERRORS},
    summary="Claim a review",
)
def review_claim(request, id: Id):
    """Claim it for 30 minutes, so that other reviewers see someone is on it."""
    review = _review(request, id)
    return _answer(services.review_claim(actor=request.auth, review=review))


@router.post(
    "/reviews/{id}/escalate",
    response={200: ReviewOut, **_DECISION_ERRORS},
    summary="Escalate a review to staff",
)
def review_escalate(request, id: Id, payload: EscalateIn | None = None):
    """Hand it to staff, with an optional `note`; it heads their queue."""
    review = _review(request, id)
    note = payload.note if payload is not None else ""
    return _answer(services.review_escalate(actor=request.auth, review=review, note=note))
