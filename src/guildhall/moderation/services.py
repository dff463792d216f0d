"""Every write of quality control: policies, trust, and each decision on a review."""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from guildhall.communities.models import Membership
from guildhall.communities.permissions import can_review_in_community
from guildhall.content.services import content_item_publish_reviewed, content_item_turn_down
from guildhall.core.events import audit, record
from guildhall.core.exceptions import Conflict, ValidationError
from guildhall.core.generations import move_on_generations
from guildhall.moderation import selectors, targets
from guildhall.moderation.models import (
    QualityPolicy,
    Review,
    ReviewEvent,
    TrustedMember,
)
from guildhall.moderation.permissions import (
    check_review,
    check_set_quality_policy,
    check_trust_member,
)
from guildhall.moderation.verification import verification_record
from guildhall.notifications.services import review_pending_notify, review_result_notify

CLAIM_MINUTES = 30
# Why a reviewer turns work down (the reason list; free text goes in the note).
REJECT_REASONS = {
    "inaccurate": gettext_lazy("Inaccurate"),
    "unsafe": gettext_lazy("Unsafe practice"),
    "outdated": gettext_lazy("Outdated"),
    "off_topic": gettext_lazy("Off-topic for this community"),
    "duplicate": gettext_lazy("Already covered elsewhere"),
    "guidelines": gettext_lazy("Against the community's guidelines"),
    "confidential": gettext_lazy("Confidential information"),
    "other": gettext_lazy("Other (see the note)"),
}
# Bounds of a policy's numbers (what a form and the API accept).
POLICY_BOUNDS = {
    "first_contributions_reviewed": (0, 50),
    "reverify_days": (1, 3650),
    "flags_to_hide": (1, 50),
}
Reason = Review.Reason


# --- Policies and trust ---------------------------------------------------------------------


@transaction.atomic
def quality_policy_set(*, actor, community, **changes) -> QualityPolicy:
    """Set some or all of a community's policy fields (`policy`, `safety_critical` and the
    numbers of POLICY_BOUNDS); a manager of the community or staff."""
    check_set_quality_policy(actor, community)
    policy = selectors.quality_policy_of(community)
    errors = {}
    unknown = set(changes) - {"policy", "safety_critical", *POLICY_BOUNDS}
    if unknown:
        errors.update({name: _("Not a field of a quality policy.") for name in unknown})
    if "policy" in changes and changes["policy"] not in QualityPolicy.Policy.values:
        errors["policy"] = _("Choose open, post-moderated or pre-moderated.")
    for name, (low, high) in POLICY_BOUNDS.items():
        if name in changes:
            value = changes[name]
            if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
                errors[name] = _("Enter a whole number from %(low)s to %(high)s.") % {
                    "low": low,
                    "high": high,
                }
    if errors:
        raise ValidationError(errors)
    before = {name: getattr(policy, name) for name in ("policy", "safety_critical")}
    for name, value in changes.items():
        setattr(policy, name, bool(value) if name == "safety_critical" else value)
    policy.save()
    move_on_generations([selectors.policy_generation(community)])
    audit(
        actor,
        "quality_policy_set",
        community,
        community=community,
        data={"before": before, "changes": {k: v for k, v in changes.items()}},
    )
    return policy


@transaction.atomic
def member_trust_set(*, actor, community, member, trusted: bool) -> None:
    """Mark (or unmark) a member as trusted: their posts skip pre-moderation in this community
    unless it is safety-critical."""
    check_trust_member(actor, community)
    if trusted:
        if not Membership.objects.filter(community=community, user=member).exists():
            raise ValidationError(_("Only members of the community can be trusted."))
        TrustedMember.objects.get_or_create(
            community=community, user=member, defaults={"trusted_by": actor}
        )
    else:
        TrustedMember.objects.filter(community=community, user=member).delete()
    audit(actor, "member_trust_set", member, community=community, data={"trusted": trusted})


# --- Holding work for review (content.hooks) ------------------------------------------------


def publication_gate(*, actor, item) -> str:
    """content.hooks: the reason to hold `item` for review instead of publishing it, or "".
    Resubmitted work always goes back to review."""
    community = item.community
    if community is None:
        return ""
    if item.pk and item.status == item.Status.REJECTED:
        last = selectors.latest_review_of(item)
        return last.reason if last else Reason.PRE_MODERATION
    policy = selectors.quality_policy_of(community)
    if policy.effective_policy != QualityPolicy.Policy.PRE_MODERATED:
        return ""
    if not policy.safety_critical and (
        can_review_in_community(actor, community) or selectors.is_trusted(actor, community)
    ):
        return ""
    return Reason.PRE_MODERATION


def review_open_for_held_item(*, actor, item, reason: str) -> Review:
    """content.hooks: the held item enters its community's review queue."""
    return _review_open(item=item, reason=reason, actor=actor)


def review_open_for_first_contribution(*, actor, item) -> Review | None:
    """content.hooks, on publication: in a post-moderated community, a newcomer's first
    contributions (published at once) go to the review queue too."""
    community = item.community
    if community is None:
        return None
    policy = selectors.quality_policy_of(community)
    if policy.effective_policy != QualityPolicy.Policy.POST_MODERATED:
        return None
    author = item.author
    if can_review_in_community(author, community) or selectors.is_trusted(author, community):
        return None
    seen = selectors.first_contributions_count(author=author, community=community)
    if seen > policy.first_contributions_reviewed:
        return None
    return _review_open(item=item, reason=Reason.FIRST_CONTRIBUTIONS, actor=author)


def review_open_for_target(
    *, target_type: str, target_id: int, item, author, reason: str = Reason.PRE_MODERATION
) -> Review:
    """For kinds (through moderation.targets): `author`'s work on `item` (a suggested wiki
    edit...) enters the community's review queue; its reviewers are told."""
    if targets.get(target_type) is None:
        raise ValueError(f"No review target registered as {target_type!r}.")
    return _review_open(
        item=item,
        reason=reason,
        actor=author,
        author=author,
        target_type=target_type,
        target_id=target_id,
    )


def _review_open(
    *, item, reason: str, actor, author=None, target_type=Review.Target.ITEM, target_id=None
) -> Review:
    author = author or item.author
    try:
        with transaction.atomic():
            review = Review.objects.create(
                item=item,
                community=item.community,
                author=author,
                reason=reason,
                target_type=target_type,
                target_id=target_id,
            )
    except IntegrityError:  # already waiting: one open review per piece of work
        if target_id is not None:
            return Review.objects.get(
                target_type=target_type, target_id=target_id, status=Review.Status.PENDING
            )
        return Review.objects.get(item=item, target_id=None, status=Review.Status.PENDING)
    ReviewEvent.objects.create(review=review, actor=actor, action=ReviewEvent.Action.SUBMITTED)
    move_on_generations([selectors.REVIEWS])
    reviewer_ids = list(
        Membership.objects.filter(
            community=item.community, role__in=[Membership.Role.EXPERT, Membership.Role.MANAGER]
        )
        .exclude(user_id=author.pk)
        .values_list("user_id", flat=True)
    )
    if reviewer_ids:
        review_pending_notify(actor=author, item=item, reviewer_ids=reviewer_ids)
    return review


def _other_target(review: Review):
    """The registered target of a review of something other than the item itself, or None."""
    if review.target_id is None:
        return None
    return targets.get(review.target_type)


# --- Decisions --------------------------------------------------------------------------------


def _pending(review: Review) -> Review:
    """The review, locked for this decision; refused if someone decided it meanwhile."""
    locked = (
        Review.objects.select_for_update(of=("self",))
        .select_related("item", "community")
        .get(pk=review.pk)
    )
    if locked.status != Review.Status.PENDING:
        raise Conflict(_("This review was already decided by someone else."))
    return locked


def _claimed_by_another(actor, review: Review) -> bool:
    return (
        review.claimed_by_id not in (None, actor.pk)
        and review.claimed_until is not None
        and review.claimed_until > timezone.now()
    )


def _decide(actor, review: Review, status: str, action: str, *, reason: str = "", note: str = ""):
    review.status, review.decided_by, review.decided_at = status, actor, timezone.now()
    review.decision_reason, review.decision_note = reason, note
    review.save(
        update_fields=["status", "decided_by", "decided_at", "decision_reason", "decision_note"]
    )
    ReviewEvent.objects.create(review=review, actor=actor, action=action, reason=reason, note=note)
    move_on_generations([selectors.REVIEWS])
    from guildhall.moderation.flags import flags_settle  # flags opens reviews through us

    if _other_target(review) is None:  # the item's flags are not about a suggested edit
        flags_settle(actor=actor, review=review, upheld=status != Review.Status.APPROVED)
    data = {"review": review.pk, "status": status, "reason": reason}
    audit(actor, f"review_{status}", review.item, community=review.community, data=data)
    record(actor, "review", review.item, community=review.community, data=data)


@transaction.atomic
def review_claim(*, actor, review: Review) -> Review:
    """Claim a review for CLAIM_MINUTES, so that two reviewers don't do the same one."""
    check_review(actor, review)
    review = _pending(review)
    if _claimed_by_another(actor, review):
        raise Conflict(_("%(name)s is reviewing this already.") % {"name": review.claimed_by.name})
    review.claimed_by, review.claimed_until = (
        actor,
        timezone.now() + timedelta(minutes=CLAIM_MINUTES),
    )
    review.save(update_fields=["claimed_by", "claimed_until"])
    ReviewEvent.objects.create(review=review, actor=actor, action=ReviewEvent.Action.CLAIMED)
    return review


@transaction.atomic
def review_approve(*, actor, review: Review, verify: bool = False) -> Review:
    """Approve the work: a held item is published (setting off what publication sets off);
    `verify` records an expert's verification, due again after the community's interval."""
    check_review(actor, review)
    review = _pending(review)
    if _claimed_by_another(actor, review):
        raise Conflict(_("%(name)s is reviewing this already.") % {"name": review.claimed_by.name})
    item = review.item
    other = _other_target(review)
    if other is not None:  # e.g. a suggested wiki edit: applied by its kind (or Conflict)
        other.apply(review=review, actor=actor)
        _decide(actor, review, Review.Status.APPROVED, ReviewEvent.Action.APPROVED)
        review_result_notify(actor=actor, item=item, approved=True, recipient_id=review.author_id)
        return review
    # A re-verification (moderation.verification): the item stays published and is verified
    # again, due after its own interval or the community's.
    reverifying = review.reason == Reason.REVERIFICATION
    if item.status == item.Status.PENDING_REVIEW and not reverifying:
        content_item_publish_reviewed(item=item)
    _decide(actor, review, Review.Status.APPROVED, ReviewEvent.Action.APPROVED)
    policy = selectors.quality_policy_of(review.community)
    if verify or reverifying or policy.safety_critical:
        verification_record(actor=actor, item=item)
    if not reverifying:  # its author submitted nothing: nothing to tell them
        review_result_notify(actor=actor, item=item, approved=True)
    return review


@transaction.atomic
def review_reject(*, actor, review: Review, reason: str, note: str = "") -> Review:
    """Turn the work down with a reason from REJECT_REASONS (and a note): the item stays
    visible to its author with the reason, editable and resubmittable."""
    check_review(actor, review)
    note = (note or "").strip()[:2000]
    if reason not in REJECT_REASONS:
        raise ValidationError({"reason": _("Choose why the work is turned down.")})
    if reason == "other" and not note:
        raise ValidationError({"note": _("Say why in the note: the author reads it.")})
    review = _pending(review)
    told = note or str(REJECT_REASONS[reason])
    other = _other_target(review)
    if other is not None:
        other.discard(review=review, actor=actor, note=told)
    else:
        content_item_turn_down(item=review.item)
    _decide(
        actor, review, Review.Status.REJECTED, ReviewEvent.Action.REJECTED, reason=reason, note=note
    )
    review_result_notify(
        actor=actor, item=review.item, approved=False, note=told, recipient_id=review.author_id
    )
    return review


@transaction.atomic
def review_request_changes(*, actor, review: Review, note: str, reason: str = "") -> Review:
    """Ask the author for changes: the item goes back to them (visible to them only) until they
    resubmit it; the history stays on the item."""
    check_review(actor, review)
    note = (note or "").strip()[:2000]
    if not note:
        raise ValidationError({"note": _("Say what should change: the author reads it.")})
    if reason and reason not in REJECT_REASONS:
        raise ValidationError({"reason": _("Choose a reason from the list, or none.")})
    review = _pending(review)
    other = _other_target(review)
    if other is not None:
        other.discard(review=review, actor=actor, note=note)
    else:
        content_item_turn_down(item=review.item)
    _decide(
        actor,
        review,
        Review.Status.CHANGES_REQUESTED,
        ReviewEvent.Action.CHANGES_REQUESTED,
        reason=reason,
        note=note,
    )
    review_result_notify(
        actor=actor, item=review.item, approved=False, note=note, recipient_id=review.author_id
    )
    return review


@transaction.atomic
def review_escalate(*, actor, review: Review, note: str = "") -> Review:
    """Hand the review to staff (it heads their queue)."""
    check_review(actor, review)
    review = _pending(review)
    review.escalated = True
    review.save(update_fields=["escalated"])
    ReviewEvent.objects.create(
        review=review, actor=actor, action=ReviewEvent.Action.ESCALATED, note=(note or "")[:2000]
    )
    audit(actor, "review_escalate", review.item, community=review.community)
    return review
