"""Flags: members tell reviewers that an item or a comment needs a look.

A flag is seen by the community's reviewers only. Once enough distinct members flag an item
(the community's `flags_to_hide`, 3 without a policy or a community), or one of its reviewers
flags it unsafe or confidential, the item is hidden pending review: it leaves every list and
page but its author's and reviewers', and a `flagged` review opens. The reviewer's decision
settles the flags: approving the item (or dismissing the flags) dismisses them, turning it down
or asking for changes upholds them, and each flagger is told which.

A member whose last DISMISSED_TO_LOSE_WEIGHT decided flags were all dismissed flags with weight
0: their flags are still recorded and shown to reviewers, but no longer count towards hiding.
"""

from django.db import IntegrityError, transaction
from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from guildhall.communities.permissions import can_review_in_community
from guildhall.content.permissions import check_view_item
from guildhall.content.services import content_item_hide_for_review
from guildhall.core.events import audit, record
from guildhall.core.exceptions import Conflict, ValidationError
from guildhall.core.ratelimit import check_write_rate
from guildhall.moderation.models import Flag, Review
from guildhall.moderation.permissions import check_review
from guildhall.notifications import registry
from guildhall.notifications.services import notify

DEFAULT_FLAGS_TO_HIDE = 3
DISMISSED_TO_LOSE_WEIGHT = 3
# Reasons that hide an item at once when one of its community's reviewers gives them.
URGENT_REASONS = (Flag.Reason.UNSAFE, Flag.Reason.CONFIDENTIAL)
NOTE_MAX = 1000


# --- Selectors ----------------------------------------------------------------------------------


def flag_summaries(item_ids) -> dict[int, dict]:
    """For each item, its open flags' count and reasons ({reason: count}), in one query."""
    out: dict[int, dict] = {}
    rows = (
        Flag.objects.filter(
            item_id__in=list(item_ids), target_type=Flag.Target.ITEM, status=Flag.Status.OPEN
        )
        .values("item_id", "reason")
        .annotate(n=Count("id"))
        .order_by("item_id", "reason")
    )
    for row in rows:
        entry = out.setdefault(row["item_id"], {"count": 0, "reasons": {}})
        entry["count"] += row["n"]
        entry["reasons"][row["reason"]] = row["n"]
    return out


def attach_flag_summaries(reviews) -> list:
    """Give each review of a page its item's `flag_summary` (one query for the page)."""
    reviews = list(reviews)
    summaries = flag_summaries({r.item_id for r in reviews}) if reviews else {}
    for review in reviews:
        review.flag_summary = summaries.get(review.item_id, {"count": 0, "reasons": {}})
    return reviews


def flag_of(*, viewer, item=None, comment=None) -> Flag | None:
    """The viewer's own flag on the target, if they gave one."""
    if not viewer.is_authenticated:
        return None
    flags = Flag.objects.filter(flagger=viewer)
    if comment is not None:
        return flags.filter(target_type=Flag.Target.COMMENT, comment=comment).first()
    return flags.filter(target_type=Flag.Target.ITEM, item=item).first()


def _weight_for(flagger) -> int:
    last = list(
        Flag.objects.filter(flagger=flagger)
        .exclude(status=Flag.Status.OPEN)
        .order_by("-created_at", "-id")
        .values_list("status", flat=True)[:DISMISSED_TO_LOSE_WEIGHT]
    )
    lost = len(last) == DISMISSED_TO_LOSE_WEIGHT and all(
        status == Flag.Status.DISMISSED for status in last
    )
    return 0 if lost else 1


def _flags_to_hide(community) -> int:
    if community is None:
        return DEFAULT_FLAGS_TO_HIDE
    from guildhall.moderation.selectors import quality_policy_of

    return quality_policy_of(community).flags_to_hide or DEFAULT_FLAGS_TO_HIDE


# --- Services -----------------------------------------------------------------------------------


@transaction.atomic
def flag_create(*, actor, item=None, comment=None, reason: str, note: str = "") -> Flag:
    """Flag an item or a comment the actor can see (404 otherwise), once per target."""
    if comment is not None:
        item = comment.item
        target_type = Flag.Target.COMMENT
    elif item is not None:
        target_type = Flag.Target.ITEM
    else:
        raise ValidationError(_("Flag an item or a comment."))
    check_view_item(actor, item)
    if comment is not None and comment.is_deleted:
        raise ValidationError(_("This comment was deleted."))
    note = (note or "").strip()[:NOTE_MAX]
    if reason not in Flag.Reason.values:
        raise ValidationError({"reason": _("Choose why you flag it.")})
    if reason == Flag.Reason.OTHER and not note:
        raise ValidationError({"note": _("Say why in the note: reviewers read it.")})
    if flag_of(viewer=actor, item=item, comment=comment) is not None:
        raise Conflict(_("You flagged this already: reviewers will look at it."))
    check_write_rate(actor)
    try:
        with transaction.atomic():
            flag = Flag.objects.create(
                target_type=target_type,
                item=item,
                comment=comment,
                flagger=actor,
                reason=reason,
                note=note,
                weight=_weight_for(actor),
            )
    except IntegrityError:
        raise Conflict(_("You flagged this already: reviewers will look at it.")) from None
    data = {"flag": flag.pk, "reason": reason, "target": target_type}
    if comment is not None:
        data["comment"] = comment.pk
    record(actor, "flag", item, community=item.community, data=data)
    if target_type == Flag.Target.ITEM:
        _hide_if_flagged_enough(actor, item, flag)
    return flag


def _hide_if_flagged_enough(actor, item, flag: Flag) -> None:
    community = item.community
    # A review belongs to a community: company-wide items are not hidden (yet), their flags wait.
    if item.status != item.Status.PUBLISHED or community is None:
        return
    urgent = flag.reason in URGENT_REASONS and can_review_in_community(actor, community)
    if not urgent:
        flaggers = (
            Flag.objects.filter(
                item=item,
                target_type=Flag.Target.ITEM,
                status=Flag.Status.OPEN,
                weight__gt=0,
            )
            .values("flagger_id")
            .distinct()
            .count()
        )
        if flaggers < _flags_to_hide(community):
            return
    content_item_hide_for_review(item=item)
    audit(actor, "item_hide_flagged", item, community=community, data={"urgent": urgent})
    from guildhall.moderation.services import _review_open

    review = _review_open(item=item, reason=Review.Reason.FLAGGED, actor=actor)
    if review.reason != Review.Reason.FLAGGED:
        review.reason = Review.Reason.FLAGGED
        review.save(update_fields=["reason"])


def flags_settle(*, actor, review: Review, upheld: bool) -> int:
    """Called by each decision on a review: the item's open flags are upheld (the work was turned
    down or sent back) or dismissed (approved), and each flagger is told the outcome."""
    flags = list(
        Flag.objects.filter(
            item_id=review.item_id, target_type=Flag.Target.ITEM, status=Flag.Status.OPEN
        )
    )
    if not flags:
        return 0
    status = Flag.Status.UPHELD if upheld else Flag.Status.DISMISSED
    Flag.objects.filter(pk__in=[f.pk for f in flags]).update(status=status)
    item = review.item
    url = (
        item.get_absolute_url()
        if not upheld
        else (reverse("communities:detail", args=[item.community.slug]) if item.community else "/")
    )
    notify(
        recipient_ids=[f.flagger_id for f in flags],
        verb="flag_result",
        actor=actor,
        community=item.community,
        data={"title": item.title, "upheld": upheld, "url": url},
    )
    if not upheld:
        _unweigh([f.flagger_id for f in flags])
    return len(flags)


@transaction.atomic
def flags_dismiss(*, actor, review: Review) -> Review:
    """A reviewer finds the flags unhelpful: the flagged item is restored (the review approved)
    and its flags dismissed; members whose last flags were all dismissed lose their weight."""
    check_review(actor, review)
    from guildhall.moderation.services import review_approve

    open_flags = Flag.objects.filter(
        item_id=review.item_id, target_type=Flag.Target.ITEM, status=Flag.Status.OPEN
    )
    flagger_ids = list(open_flags.values_list("flagger_id", flat=True))
    if not flagger_ids:
        raise ValidationError(_("There are no open flags on this work."))
    review = review_approve(actor=actor, review=review)
    audit(
        actor,
        "flags_dismiss",
        review.item,
        community=review.community,
        data={"review": review.pk, "flaggers": flagger_ids},
    )
    return review


def _unweigh(flagger_ids) -> None:
    """Members whose last decided flags were all dismissed: their open flags weigh nothing."""
    for flagger_id in set(flagger_ids):
        last = list(
            Flag.objects.filter(flagger_id=flagger_id)
            .exclude(status=Flag.Status.OPEN)
            .order_by("-created_at", "-id")
            .values_list("status", flat=True)[:DISMISSED_TO_LOSE_WEIGHT]
        )
        if len(last) == DISMISSED_TO_LOSE_WEIGHT and all(s == Flag.Status.DISMISSED for s in last):
            Flag.objects.filter(
                flagger_id=flagger_id, status=Flag.Status.OPEN, weight__gt=0
            ).update(weight=0)


# --- The notification ---------------------------------------------------------------------------


def _flag_result_text(n) -> str:
    data = n.data or {}
    values = {"title": data.get("title", "")}
    if data.get("upheld"):
        return _("Your flag on “%(title)s” was upheld: reviewers took it down") % values
    return _("Your flag on “%(title)s” was dismissed: reviewers kept it") % values


def register_verbs() -> None:
    registry.register(
        "flag_result",
        text=_flag_result_text,
        url=lambda n: (n.data or {}).get("url") or "/",
        label=gettext_lazy("Outcomes of my flags"),
        group=False,
    )
