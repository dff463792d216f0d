"""/api/v1/audit: the audit trail, for community managers (their communities' entries) and staff
(every entry). Anyone else gets an empty list (200), not 403: the list is "the entries you may
read", like the review queue for a member who reviews nothing. A `community` the caller can't
see answers 404, one they see but don't manage an empty list.
"""

from datetime import date, datetime
from typing import Any

from ninja import Query, Router, Schema

from guildhall.communities.selectors import community_get
from guildhall.core.api_support import ListParams, page
from guildhall.core.api_types import Text, errors
from guildhall.moderation import audit

router = Router(tags=["moderation"])


class AuditQuery(ListParams):
    community: Text = ""  # a community's slug
    actor: Text = ""  # a username
    action: Text = ""  # one of moderation.audit.AUDIT_ACTIONS
    since: date | None = None
    until: date | None = None


class AuditEntryOut(Schema):
    action: str
    actor: str | None
    target: str
    community: str | None
    data: dict[str, Any]
    created_at: datetime


class AuditOut(Schema):
    items: list[AuditEntryOut]
    count: int


@router.get("/audit", response={200: AuditOut, **errors(401, 404, 422)}, summary="Audit trail")
def audit_list(request, params: Query[AuditQuery]):
    """Who did what to what, newest first: `action`, `actor` (username), `target` (its title or
    name), `community` (slug), `data` (reason, before/after...), `created_at`."""
    community = (
        community_get(viewer=request.auth, slug=params.community) if params.community else None
    )
    entries = audit.audit_entries(
        viewer=request.auth,
        community=community,
        actor=params.actor,
        action=params.action,
        since=params.since,
        until=params.until,
    )
    rows, count = page(entries, limit=params.limit, offset=params.offset)
    return {"items": audit.describe(rows), "count": count}
