"""Reads of quality control: policies, the review queue, an item's quality status."""

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Q, QuerySet
from django.utils import timezone

from guildhall.communities.access import ACCESS
from guildhall.communities.permissions import can_review_in_community
from guildhall.communities.selectors import reviewer_community_ids
from guildhall.content.models import ContentItem
from guildhall.core.generations import generations, kept
from guildhall.moderation.models import (
    Obsolescence,
    QualityPolicy,
    Review,
    TrustedMember,
    Verification,
)

OPEN_POLICY = QualityPolicy(policy=QualityPolicy.Policy.OPEN)


def quality_policy_of(community) -> QualityPolicy:
    """The community's policy; open (unsaved defaults) until a manager sets one."""
    if community is None:
        return OPEN_POLICY
    found = QualityPolicy.objects.filter(community_id=community.pk).first()
    return found or QualityPolicy(community=community)


POLICY_SECONDS = 600


def policy_generation(community) -> tuple[str, int]:
    """A generation scope that `services.quality_policy_set` moves on."""
    return ("quality-policy", community.pk)


def is_safety_critical(community) -> bool:
    """Whether the community is safety-critical, for pages every member sees (the community
    page's links): kept until its policy changes, so such a page reads no row for it."""
    (stamp,) = generations([policy_generation(community)])
    flag = kept(
        f"safety-critical:{community.pk}:{stamp}",
        lambda: "yes" if quality_policy_of(community).safety_critical else "no",
        POLICY_SECONDS,
    )
    return flag == "yes"


def is_trusted(user, community) -> bool:
    return TrustedMember.objects.filter(community=community, user_id=user.pk).exists()


def review_queue(*, viewer, community=None, reason: str = "", kind: str = "") -> QuerySet:
    """Waiting reviews the viewer may decide, oldest first (escalated ones first for staff):
    their communities' (staff: every community's), never their own work."""
    reviews = Review.objects.filter(status=Review.Status.PENDING).exclude(author_id=viewer.pk)
    if not viewer.is_staff:
        reviews = reviews.filter(community_id__in=reviewer_community_ids(viewer))
    if community is not None:
        reviews = reviews.filter(community=community)
    if reason:
        reviews = reviews.filter(reason=reason)
    if kind:
        reviews = reviews.filter(item__kind=kind)
    order = ("-escalated", "created_at", "id") if viewer.is_staff else ("created_at", "id")
    return reviews.select_related(
        "item", "community", "community__quality_policy", "author", "claimed_by"
    ).order_by(*order)


REVIEWS = ("reviews", 0)  # a generation scope: moves on whenever a review opens or is decided
COUNT_SECONDS = 120


def waiting_review_count(*, viewer) -> int:
    """How many reviews wait for the viewer (the top bar's count): no query for members who
    review nothing, and kept for reviewers until a review opens or is decided."""
    if not viewer.is_authenticated or not (viewer.is_staff or reviewer_community_ids(viewer)):
        return 0
    stamps = ".".join(str(g) for g in generations([REVIEWS, ACCESS]))
    return kept(
        f"reviews-waiting:{viewer.pk}:{stamps}",
        lambda: review_queue(viewer=viewer).count(),
        COUNT_SECONDS,
    )


def review_get(*, viewer, pk: int) -> Review | None:
    """A review its community's reviewers or its author may see."""
    review = Review.objects.select_related("item", "community", "author").filter(pk=pk).first()
    if review is None:
        return None
    if review.author_id == viewer.pk or can_review_in_community(viewer, review.community):
        return review
    return None


def latest_review_of(item) -> Review | None:
    """The item's own latest review (not one of a suggested edit or other target on it)."""
    return (
        Review.objects.filter(item=item, target_id__isnull=True)
        .select_related("decided_by")
        .prefetch_related("events__actor")
        .order_by("-created_at", "-id")
        .first()
    )


def verification_of(item) -> Verification | None:
    return Verification.objects.filter(item=item).select_related("verified_by").first()


def _related_or_none(row, name: str):
    try:
        return getattr(row, name)
    except ObjectDoesNotExist:
        return None


def obsolescence_of(item) -> Obsolescence | None:
    return Obsolescence.objects.filter(item=item).select_related("replacement").first()


def item_qualities(items) -> dict[int, tuple[str | None, Verification | None, object | None]]:
    """Each item's quality status (pending, rejected, obsolete, due, verified or None), its
    verification and its obsolescence, in two queries whatever the number of items."""
    ids = [item.pk for item in items]
    # One query: the items joined to their verification (and verifier) and obsolescence.
    verified, obsolete = {}, {}
    for row in (
        ContentItem.objects.filter(pk__in=ids)
        .select_related("verification__verified_by", "obsolescence")
        .only("pk", "verification", "obsolescence")
    ):
        verified[row.pk] = _related_or_none(row, "verification")
        obsolete[row.pk] = _related_or_none(row, "obsolescence")
    now = timezone.now()
    out = {}
    for item in items:
        v, o = verified.get(item.pk), obsolete.get(item.pk)
        status = {"pending_review": "pending", "rejected": "rejected"}.get(item.status)
        if status is None and o is not None:
            status = "obsolete"
        elif status is None and v is not None:
            status = "due" if v.due_at <= now else "verified"
        out[item.pk] = (status, v, o)
    return out


def quality_statuses(items) -> dict[int, dict]:
    """The API's `quality` of each item: pending, rejected, obsolete (with its `replacement`),
    due, verified or None, with who verified it, when, and when it falls due."""
    out = {}
    for pk, (status, v, o) in item_qualities(items).items():
        out[pk] = {
            "status": status,
            "verified_by": v.verified_by.username if v and v.verified_by else None,
            "verified_at": v.verified_at if v else None,
            "due_at": v.due_at if v else None,
            "replacement": o.replacement_id if o else None,
        }
    return out


def quality_fields(items) -> dict[int, dict]:
    """content.hooks.on_api_fields: `quality` for a page of items, in one query."""
    items = list(items)
    if not items:
        return {}
    statuses = quality_statuses(items)
    return {pk: {"quality": status} for pk, status in statuses.items()}


def first_contributions_count(*, author, community) -> int:
    """The author's contributions there that a post-moderated community has seen so far."""
    return ContentItem.objects.filter(
        Q(status=ContentItem.Status.PUBLISHED) | Q(status=ContentItem.Status.PENDING_REVIEW),
        author=author,
        community=community,
    ).count()
