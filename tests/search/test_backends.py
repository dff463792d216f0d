"""The engine's `page`: one window of the ranking, on whichever database the run uses."""

from datetime import timedelta

import pytest
from django.utils import timezone

from guildhall.content.models import ContentItem
from guildhall.search.backends import backend, parse_query
from guildhall.search.models import SearchEntry
from guildhall.search.selectors import entries_visible_to
from tests.factories import make_item

pytestmark = pytest.mark.django_db


def test_page_orders_by_relevance_then_recency_and_windows_without_overlap(
    member, outsider, community, private_community, reindex
):
    strong = make_item(member, community=community, title="Kiln kiln firing", body="Kiln.")
    weak = make_item(member, community=community, title="Glazes", body="Then the kiln.")
    old = make_item(member, community=community, title="Glazes again", body="Then the kiln.")
    ContentItem.objects.filter(pk=old.pk).update(published_at=timezone.now() - timedelta(300))
    hidden = make_item(member, community=private_community, title="Kiln incident")
    reindex()
    engine, terms = backend(), parse_query("kiln")

    def window(viewer, start, stop):
        entries = engine.match(entries_visible_to(viewer), terms)
        return [object_id for _, _, object_id in engine.page(entries, terms, slice(start, stop))]

    assert sorted(window(member, 0, 10)) == sorted([strong.pk, weak.pk, old.pk, hidden.pk])
    assert window(outsider, 0, 10) == [strong.pk, weak.pk, old.pk]
    assert window(outsider, 0, 2) + window(outsider, 2, 10) == [strong.pk, weak.pk, old.pk]
    assert window(outsider, 1, 2) == [weak.pk]
    assert window(outsider, 3, 10) == []
    rows = engine.page(engine.match(entries_visible_to(outsider), terms), terms, slice(0, 1))
    assert rows == [
        (SearchEntry.objects.get(type="item", object_id=strong.pk).pk, "item", strong.pk)
    ]
