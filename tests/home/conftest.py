import itertools
from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.utils import timezone

from guildhall.content.models import ContentItem
from guildhall.core.events import record
from guildhall.core.models import Event
from guildhall.home.services import home_rollup_refresh
from tests.factories import make_member


def act(actor, verb: str, item, *, times: int = 1, days_ago: float = 0) -> None:
    """Log `times` acts on `item` as if they happened `days_ago` (what the services log)."""
    for _ in range(times):
        event = record(actor, verb, item, community=item.community)
        Event.objects.filter(pk=event.pk).update(
            created_at=timezone.now() - timedelta(days=days_ago)
        )


def crowd(n: int, name: str = "fan") -> list:
    """`n` new members (popularity counts each member once per item, act and day)."""
    return [make_member(f"{name}{next(_crowd_numbers)}") for _ in range(n)]


_crowd_numbers = itertools.count(1)


def events_of(item):
    return Event.objects.filter(
        target_type=ContentType.objects.get_for_model(ContentItem), target_id=item.pk
    )


@pytest.fixture
def rollup():
    """Run the periodic rollup, then forget cached sections (as their short TTL would)."""

    def run():
        result = home_rollup_refresh()
        cache.clear()
        return result

    return run
