"""The verification cycle of safety-critical knowledge: verify, fall due, re-verify, obsolete.

- A verified item records who verified it, when, and when it falls due again: after its own
  interval (`Verification.interval_days`) or else the community's (`QualityPolicy.reverify_days`).
- When it falls due, the hourly task `moderation.reverify_due` (`reverification_open_due`) puts
  it back in the review queue (reason `reverification`; the item stays published) and tells its
  verifier (or, if they are gone, the community's experts). Approving that review re-verifies it.
- An expert can mark an item obsolete, pointing to its replacement: it stays readable with a
  banner, and drops out of what's popular and of search ranking (`content.hooks.on_demoted_items`).
- The community's safety page (`safety_overview`) lists verified, due, overdue and obsolete items.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from guildhall.communities.models import Membership
from guildhall.communities.permissions import can_view_community, role_of
from guildhall.content.models import ContentItem
from guildhall.content.selectors import content_items_visible_to
from guildhall.content.services import content_item_touch
from guildhall.core.events import audit, record
from guildhall.core.exceptions import PermissionDenied, ValidationError
from guildhall.core.generations import move_on_generations
from guildhall.moderation import selectors
from guildhall.moderation.models import Obsolescence, Review, ReviewEvent, Verification
from guildhall.notifications.services import notify

# An item due for re-verification for longer than this is overdue (managers see it first).
OVERDUE_DAYS = 30
INTERVAL_BOUNDS = (1, 3650)  # days, as a policy's `reverify_days`
SAFETY_LIST_SIZE = 50  # items shown in each list of the safety page


# --- Who may ------------------------------------------------------------------------------------


def can_verify_item(user, item) -> bool:
    """The community's experts (and staff), never the item's author."""
    if not user.is_authenticated or item.community is None or item.author_id == user.pk:
        return False
    return user.is_staff or role_of(user, item.community) == Membership.Role.EXPERT


def check_verify_item(user, item) -> None:
    if item.author_id == user.pk:
        raise PermissionDenied(_("Authors never verify their own work: another expert will."))
    if not can_verify_item(user, item):
        raise PermissionDenied(_("Only this community's experts verify its knowledge."))


def can_mark_obsolete(user, item) -> bool:
    """The community's experts (the author too, if an expert) and staff."""
    if not user.is_authenticated or item.community is None:
        return False
    return user.is_staff or role_of(user, item.community) == Membership.Role.EXPERT


def check_mark_obsolete(user, item) -> None:
    if not can_mark_obsolete(user, item):
        raise PermissionDenied(_("Only this community's experts mark its knowledge obsolete."))


def can_see_safety(user, community) -> bool:
    """The community's members (and staff) see its safety page."""
    if not user.is_authenticated or not can_view_community(user, community):
        return False
    return user.is_staff or role_of(user, community) is not None


# --- Verifying ---------------------------------------------------------------------------------


def verification_record(*, actor, item, interval_days: int | None = None) -> Verification:
    """Record `actor`'s verification of `item` now, due again after `interval_days` (None: the
    item's own interval if it has one, else its community's). Audited; the caller checks who."""
    policy = selectors.quality_policy_of(item.community)
    existing = Verification.objects.filter(item=item).first()
    if interval_days is None and existing is not None:
        interval_days = existing.interval_days
    now = timezone.now()
    verification, _created = Verification.objects.update_or_create(
        item=item,
        defaults={
            "verified_by": actor,
            "verified_at": now,
            "interval_days": interval_days,
            "due_at": now + timedelta(days=interval_days or policy.reverify_days),
        },
    )
    content_item_touch(item=item)  # its cards show the new status
    data = {"due_at": verification.due_at.isoformat(), "interval_days": interval_days}
    audit(actor, "item_verify", item, community=item.community, data=data)
    record(actor, "verify", item, community=item.community, data=data)
    return verification


def _valid_interval(interval_days) -> int | None:
    if interval_days is None:
        return None
    low, high = INTERVAL_BOUNDS
    if not isinstance(interval_days, int) or isinstance(interval_days, bool):
        interval_days = -1
    if not low <= interval_days <= high:
        raise ValidationError(
            {
                "interval_days": _("Enter a whole number of days from %(low)s to %(high)s.")
                % {"low": low, "high": high}
            }
        )
    return interval_days


@transaction.atomic
def item_verify(*, actor, item, interval_days: int | None = None) -> Verification:
    """An expert of the item's community (or staff), not its author, verifies a published item:
    due again after `interval_days` (its own interval from then on) or the community's. A
    re-verification waiting in the queue is approved by it."""
    check_verify_item(actor, item)
    if item.status != ContentItem.Status.PUBLISHED:
        raise ValidationError(_("Only published knowledge is verified; review it first."))
    interval_days = _valid_interval(interval_days)
    waiting = Review.objects.filter(
        item=item, status=Review.Status.PENDING, reason=Review.Reason.REVERIFICATION
    ).first()
    if waiting is not None:
        from guildhall.moderation import services  # services builds on this module

        if interval_days is not None:
            Verification.objects.filter(item=item).update(interval_days=interval_days)
        services.review_approve(actor=actor, review=waiting, verify=True)
        return Verification.objects.get(item=item)
    return verification_record(actor=actor, item=item, interval_days=interval_days)


# --- Obsolete ------------------------------------------------------------------------------------


def _replacement_error(item, replacement, actor) -> str:
    if replacement is None:
        return _("Choose the item that replaces this one.")
    if replacement.pk == item.pk:
        return _("An item cannot replace itself: choose another one.")
    if (
        not content_items_visible_to(actor)
        .filter(pk=replacement.pk, status=ContentItem.Status.PUBLISHED)
        .exists()
    ):
        return _("No published item with that id that you can see.")
    readable = (
        replacement.visibility == ContentItem.Visibility.COMPANY
        or replacement.community_id == item.community_id
    )
    if not readable:
        return _(
            "Its readers could not open that item: choose one in this community or in a "
            "community everyone may see."
        )
    if Obsolescence.objects.filter(item_id=replacement.pk).exists():
        return _("That item is obsolete too: point to what replaces it.")
    return ""


@transaction.atomic
def item_mark_obsolete(*, actor, item, replacement) -> Obsolescence:
    """An expert of the item's community (or staff) marks it obsolete, pointing to its
    `replacement` (a published item they can see that the item's readers can open too)."""
    check_mark_obsolete(actor, item)
    if item.status != ContentItem.Status.PUBLISHED:
        raise ValidationError(_("Only published knowledge can be marked obsolete."))
    error = _replacement_error(item, replacement, actor)
    if error:
        raise ValidationError({"replacement": error})
    obsolescence, _created = Obsolescence.objects.update_or_create(
        item=item,
        defaults={"replacement": replacement, "marked_by": actor, "obsolete_at": timezone.now()},
    )
    content_item_touch(item=item)
    data = {"replacement": replacement.pk}
    audit(actor, "item_mark_obsolete", item, community=item.community, data=data)
    record(actor, "mark_obsolete", item, community=item.community, data=data)
    return obsolescence


def obsolete_item_ids() -> QuerySet:
    """content.hooks.on_demoted_items: obsolete items (a subquery)."""
    return Obsolescence.objects.values("item_id")


def item_badges(items) -> dict[int, list[tuple[str, str]]]:
    """content.hooks.on_item_badges: "Verified by …", "Due for re-verification" or "Obsolete"
    on cards and search results, in two queries per page."""
    badges = {}
    for pk, (status, verification, _obsolete) in selectors.item_qualities(items).items():
        badge = BADGES.get(status)
        if badge is None:
            continue
        label, css = badge
        if status == "verified" and verification.verified_by is not None:
            label = _("Verified by %(name)s") % {"name": verification.verified_by.name}
        badges[pk] = [(str(label), css)]
    return badges


BADGES = {
    "verified": (gettext_lazy("Verified"), "badge-expert"),
    "due": (gettext_lazy("Due for re-verification"), "badge-draft"),
    "obsolete": (gettext_lazy("Obsolete"), "badge-private"),
}


# --- Falling due (the hourly task) -----------------------------------------------------------


def _due_verifications(now: datetime) -> QuerySet:
    return (
        Verification.objects.filter(
            due_at__lte=now,
            item__status=ContentItem.Status.PUBLISHED,
            item__community__isnull=False,
        )
        .exclude(item__obsolescence__isnull=False)
        .exclude(item__reviews__status=Review.Status.PENDING)
        .select_related("item", "item__community", "verified_by")
    )


def _told_of_due(verification) -> list[int]:
    """Its verifier while they may still verify it; else the community's experts."""
    item, verifier = verification.item, verification.verified_by
    if verifier is not None and verifier.is_active and can_verify_item(verifier, item):
        return [verifier.pk]
    return list(
        Membership.objects.filter(
            community_id=item.community_id,
            role=Membership.Role.EXPERT,
            user__is_active=True,
        )
        .exclude(user_id=item.author_id)
        .values_list("user_id", flat=True)
    )


def reverification_open_due(*, now: datetime | None = None) -> int:
    """Put every verified item that fell due back in its community's review queue (reason
    `reverification`; it stays published) and tell who should re-verify it. Idempotent: an item
    already waiting for a review gets no second one. Returns how many were opened."""
    now = now or timezone.now()
    opened = 0
    for verification in _due_verifications(now):
        item = verification.item
        try:
            with transaction.atomic():
                review = Review.objects.create(
                    item=item,
                    community=item.community,
                    author=item.author,
                    reason=Review.Reason.REVERIFICATION,
                )
                ReviewEvent.objects.create(
                    review=review, actor=None, action=ReviewEvent.Action.SUBMITTED
                )
                content_item_touch(item=item)  # its cards say "Due for re-verification"
                record(None, "reverification_due", item, community=item.community)
                notify(
                    recipient_ids=_told_of_due(verification),
                    verb="reverification_due",
                    actor=None,
                    item=item,
                    community=item.community,
                )
        except IntegrityError:  # a review opened meanwhile: one open review per item
            continue
        opened += 1
    if opened:
        move_on_generations([selectors.REVIEWS])
    return opened


# --- The safety page -----------------------------------------------------------------------------


@dataclass
class SafetyOverview:
    counts: dict[str, int]
    lists: dict[str, list] = field(default_factory=dict)


def safety_overview(*, viewer, community, now: datetime | None = None) -> SafetyOverview:
    """The community's verified, due, overdue (due for more than OVERDUE_DAYS) and obsolete
    items the viewer may see: counts and the first SAFETY_LIST_SIZE of each list (most urgent
    first), in five queries whatever the numbers."""
    now = now or timezone.now()
    overdue_since = now - timedelta(days=OVERDUE_DAYS)
    visible = content_items_visible_to(viewer).filter(
        community=community, status=ContentItem.Status.PUBLISHED
    )
    verifications = Verification.objects.filter(item__in=visible.values("pk")).exclude(
        item__obsolescence__isnull=False
    )
    windows = {
        "verified": Q(due_at__gt=now),
        "due": Q(due_at__lte=now, due_at__gt=overdue_since),
        "overdue": Q(due_at__lte=overdue_since),
    }
    counts = verifications.aggregate(
        **{name: Count("pk", filter=where) for name, where in windows.items()}
    )
    obsolete = Obsolescence.objects.filter(item__in=visible.values("pk"))
    counts["obsolete"] = obsolete.count()
    related = ("item", "item__author", "verified_by")
    lists = {
        name: list(
            verifications.filter(where)
            .select_related(*related)
            .order_by("due_at" if name != "verified" else "-verified_at", "pk")[:SAFETY_LIST_SIZE]
        )
        for name, where in windows.items()
    }
    lists["obsolete"] = list(
        obsolete.select_related("item", "item__author", "replacement", "marked_by").order_by(
            "-obsolete_at", "pk"
        )[:SAFETY_LIST_SIZE]
    )
    return SafetyOverview(counts=counts, lists=lists)
