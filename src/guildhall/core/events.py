"""The one way to write the event log and the audit trail (called from services only)."""

from collections.abc import Callable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from guildhall.core.generations import move_on_after_act
from guildhall.core.models import AuditEntry, Event

_listeners: list[Callable] = []


def on_record(func: Callable) -> Callable:
    """Register `func(event=, target=)`, called inside the act's transaction after each event
    is written (search re-indexing subscribes here: `core` imports no app)."""
    _listeners.append(func)
    return func


def _target_fields(target: models.Model | None) -> dict[str, Any]:
    if target is None:
        return {"target_type": None, "target_id": None}
    return {
        "target_type": ContentType.objects.get_for_model(target),
        "target_id": target.pk,
    }


def record(
    actor: Any,
    verb: str,
    target: models.Model | None = None,
    *,
    community: models.Model | None = None,
    data: dict[str, Any] | None = None,
) -> Event:
    """Record that `actor` did `verb` to `target`, once, with the community it happened in."""
    user = actor if actor is not None and actor.is_authenticated else None
    event = Event.objects.create(
        actor=user,
        verb=verb,
        community_id=community.pk if community is not None else None,
        data=data or {},
        **_target_fields(target),
    )
    move_on_after_act(
        actor_id=user.pk if user else None,
        verb=verb,
        target=target,
        community_id=event.community_id,
    )
    for listener in _listeners:
        listener(event=event, target=target)
    return event


def audit(
    actor: Any,
    action: str,
    target: models.Model,
    *,
    community: models.Model | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEntry:
    return AuditEntry.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        community_id=community.pk if community is not None else None,
        data=data or {},
        **_target_fields(target),
    )
