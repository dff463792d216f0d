"""The audit trail as managers and staff read it: the registry of audit actions, the entries a
viewer may see (filtered, newest first), each entry in words, and the bounded CSV export.

Audit actions are data (ARCHITECTURE convention 16): every `guildhall.core.events.audit(...)`
call names one of `AUDIT_ACTIONS` below; the page's action filter lists them, and a test checks
that the actions written by the services are registered. An action found in the table but not
registered (an app removed) still shows, by its name.

Who sees what: staff see every entry; a community's managers see the entries of the communities
they manage (entries outside any community — account and leader changes — are staff's only).
"""

import csv
from collections.abc import Iterator
from datetime import date, datetime, time

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from guildhall.communities.models import Community, Membership
from guildhall.communities.selectors import member_community_ids, viewer_memberships
from guildhall.core.models import AuditEntry
from guildhall.moderation.models import PostingSuspension, Review

# action -> what it reads as. One documented place for every audit action of the platform.
AUDIT_ACTIONS = {
    # communities
    "community_create": gettext_lazy("Created the community"),
    "community_visibility": gettext_lazy("Changed the community's visibility"),
    "community_guidelines_edit": gettext_lazy("Edited the community's guidelines"),
    "membership_role": gettext_lazy("Changed a member's role"),
    "membership_remove": gettext_lazy("Removed a member"),
    "join_request_decide": gettext_lazy("Decided a request to join"),
    # content
    "item_delete": gettext_lazy("Deleted an item"),
    # quality control (moderation.services)
    "quality_policy_set": gettext_lazy("Set the quality policy"),
    "member_trust_set": gettext_lazy("Changed whether a member is trusted"),
    "review_approved": gettext_lazy("Approved work"),
    "review_rejected": gettext_lazy("Turned work down"),
    "review_changes_requested": gettext_lazy("Asked for changes"),
    "review_escalate": gettext_lazy("Escalated a review to staff"),
    "item_verify": gettext_lazy("Verified an item"),
    "item_mark_obsolete": gettext_lazy("Marked an item obsolete"),
    "item_hide_flagged": gettext_lazy("Hid a flagged item for review"),
    "flags_dismiss": gettext_lazy("Dismissed flags as unhelpful"),
    # guidelines and the company's policy (moderation.guidelines)
    "guideline_version_create": gettext_lazy("Published a version of the guidelines"),
    "guideline_accept": gettext_lazy("Accepted the community's guidelines"),
    "participation_policy_create": gettext_lazy("Published a version of the participation policy"),
    "participation_policy_accept": gettext_lazy("Accepted the participation policy"),
    # moderation acts (moderation.acts)
    "member_warn": gettext_lazy("Warned a member"),
    "posting_suspend": gettext_lazy("Suspended a member from posting"),
    "posting_suspension_lift": gettext_lazy("Lifted a posting suspension"),
    "item_hide": gettext_lazy("Hid an item"),
    "item_restore": gettext_lazy("Restored a hidden item"),
    "item_move": gettext_lazy("Moved an item to another community"),
    # kinds' community settings
    "wiki_editors_set": gettext_lazy("Set who edits the wiki"),
    "podcast_settings": gettext_lazy("Changed the podcast settings"),
    # accounts and people (staff only: outside any community)
    "api_tokens_revoked": gettext_lazy("Revoked API tokens"),
    "member_deactivate": gettext_lazy("Deactivated an account"),
    "member_reactivate": gettext_lazy("Reactivated an account"),
    "leader_set": gettext_lazy("Marked a member as a leader"),
    "leader_unset": gettext_lazy("Unmarked a member as a leader"),
}

CSV_MAX_ROWS = 50_000
CSV_BATCH = 2_000


def action_label(action: str) -> str:
    return str(AUDIT_ACTIONS.get(action, action))


def managed_community_ids(viewer) -> list[int]:
    """The communities whose audit trail `viewer` reads as their manager."""
    return sorted(
        pk for pk, m in viewer_memberships(viewer).items() if m.role == Membership.Role.MANAGER
    )


def can_read_audit(viewer) -> bool:
    return viewer.is_authenticated and (viewer.is_staff or bool(managed_community_ids(viewer)))


def audit_communities_of(viewer) -> QuerySet:
    """The communities the viewer may filter the audit trail by."""
    if viewer.is_staff:
        return Community.objects.order_by("name")
    return Community.objects.filter(pk__in=managed_community_ids(viewer)).order_by("name")


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _day_end(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.max))


def audit_entries(
    *,
    viewer,
    community=None,
    actor: str = "",
    action: str = "",
    since: date | None = None,
    until: date | None = None,
) -> QuerySet:
    """The entries `viewer` may read, newest first: everything for staff, their managed
    communities' for managers, nothing for anyone else. `actor` is a username; `since` and
    `until` are days, both included."""
    entries = AuditEntry.objects.all()
    if not viewer.is_authenticated:
        return entries.none()
    if not viewer.is_staff:
        entries = entries.filter(community_id__in=managed_community_ids(viewer))
    if community is not None:
        entries = entries.filter(community_id=community.pk)
    if actor:
        entries = entries.filter(actor__username__iexact=actor.strip())
    if action:
        entries = entries.filter(action=action)
    if since:
        entries = entries.filter(created_at__gte=_day_start(since))
    if until:
        entries = entries.filter(created_at__lte=_day_end(until))
    return entries.select_related("actor").order_by("-created_at", "-id")


def _target_label(obj) -> str:
    if obj is None:
        return _("(no longer exists)")
    for name in ("title", "name", "username"):
        value = getattr(obj, name, None)
        if value:
            return str(value)
    return str(obj)


def describe(entries) -> list[dict]:
    """Each entry in words, for a page of entries: who, what, to what, where, when and the data.
    A fixed number of queries whatever the page: one per kind of target, one for communities."""
    entries = list(entries)
    by_type: dict[int, set[int]] = {}
    for entry in entries:
        by_type.setdefault(entry.target_type_id, set()).add(entry.target_id)
    targets: dict[tuple[int, int], object] = {}
    for type_id, ids in by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None:
            continue
        for obj in model._default_manager.filter(pk__in=ids):
            targets[(type_id, obj.pk)] = obj
    community_ids = {e.community_id for e in entries if e.community_id}
    communities = {c.pk: c for c in Community.objects.filter(pk__in=community_ids)}
    rows = []
    for entry in entries:
        target = targets.get((entry.target_type_id, entry.target_id))
        community = communities.get(entry.community_id)
        rows.append(
            {
                "entry": entry,
                "action": entry.action,
                "action_label": action_label(entry.action),
                "actor": entry.actor.username if entry.actor else None,
                "actor_name": entry.actor.name if entry.actor else _("(system)"),
                "target": _target_label(target),
                "target_url": _url_of(target),
                "community": community.slug if community else None,
                "community_name": community.name if community else "",
                "data": entry.data or {},
                "data_words": data_in_words(entry.data or {}),
                "created_at": entry.created_at,
            }
        )
    return rows


def _url_of(obj) -> str:
    try:
        return obj.get_absolute_url() if obj is not None else ""
    except Exception:
        return ""


DATA_LABELS = {
    "reason": gettext_lazy("reason"),
    "note": gettext_lazy("note"),
    "member": gettext_lazy("member"),
    "from": gettext_lazy("from"),
    "to": gettext_lazy("to"),
    "before": gettext_lazy("before"),
    "changes": gettext_lazy("changes"),
    "until": gettext_lazy("until"),
    "status": gettext_lazy("status"),
    "title": gettext_lazy("title"),
    "approved": gettext_lazy("approved"),
    "trusted": gettext_lazy("trusted"),
}


def _value_in_words(value) -> str:
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_value_in_words(v)}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return " → ".join(_value_in_words(v) for v in value)
    if value in (None, ""):
        return "—"
    return str(value)


_LABEL_ORDER = {key: n for n, key in enumerate(DATA_LABELS)}


def data_in_words(data: dict) -> str:
    """`{"from": "member", "to": "expert", "member": "mia"}` → "member: mia; from: member; …",
    in DATA_LABELS' order whatever order the database kept the keys in (PostgreSQL's JSON
    reorders them), others after by name."""
    keys = sorted(data, key=lambda key: (_LABEL_ORDER.get(key, len(_LABEL_ORDER)), key))
    return "; ".join(f"{DATA_LABELS.get(key, key)}: {_value_in_words(data[key])}" for key in keys)


class _Echo:
    def write(self, value: str) -> str:
        return value


CSV_HEADER = ["created_at", "action", "action_label", "actor", "target", "community", "data"]


def audit_csv_rows(entries: QuerySet) -> Iterator[str]:
    """The CSV of `entries` line by line (for a streaming response): a header, then at most
    CSV_MAX_ROWS entries, read in batches of CSV_BATCH; a last line says when it was cut."""
    writer = csv.writer(_Echo())
    yield writer.writerow(CSV_HEADER)
    written = 0
    while written < CSV_MAX_ROWS:
        batch = list(entries[written : min(written + CSV_BATCH, CSV_MAX_ROWS)])
        if not batch:
            return
        for row in describe(batch):
            yield writer.writerow(
                [
                    row["created_at"].isoformat(),
                    row["action"],
                    row["action_label"],
                    row["actor"] or "",
                    row["target"],
                    row["community"] or "",
                    row["data_words"],
                ]
            )
        written += len(batch)
        if len(batch) < CSV_BATCH:
            return
    if list(entries[CSV_MAX_ROWS : CSV_MAX_ROWS + 1]):
        yield writer.writerow(
            [_("Cut at %(max)s rows: narrow the filters to get the rest.") % {"max": CSV_MAX_ROWS}]
        )


# --- A member's own moderation history --------------------------------------------------------


def my_moderation_history(*, viewer) -> QuerySet:
    """What of the viewer's went through review (held, approved, turned down, sent back), newest
    first, with who decided and why; items of private communities they left are left out."""

    if not viewer.is_authenticated:
        return Review.objects.none()
    return (
        Review.objects.filter(author_id=viewer.pk)
        .exclude(
            Q(community__visibility=Community.Visibility.PRIVATE)
            & ~Q(community_id__in=member_community_ids(viewer))
        )
        .select_related("item", "community", "decided_by")
        .order_by("-created_at", "-id")
    )


def my_suspensions(*, viewer) -> QuerySet:
    """The viewer's running suspensions from posting."""
    return (
        PostingSuspension.objects.filter(user_id=viewer.pk, until__gt=timezone.now())
        .select_related("community")
        .order_by("until")
    )
