"""A word found in more items than search ranks (`RANK_CANDIDATES`): the newest matches are ranked
by relevance, the older ones follow newest first, and paging still shows every match once."""

from datetime import timedelta

import pytest
from django.utils import timezone

from guildhall.content.models import ContentItem
from guildhall.search import selectors
from guildhall.search.selectors import Filters, search
from tests.factories import make_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def seven_gasket_items(member, community, reindex):
    """Seven items with "gasket", one a day; the oldest and the third newest say it in the title."""
    now = timezone.now()
    for age in range(7):
        in_title = age in (2, 6)
        item = make_item(
            member,
            community=community,
            title=f"Gasket {age} days old" if in_title else f"Seal notes {age} days old",
            body="We replaced the gasket." if not in_title else "Nothing else here.",
        )
        ContentItem.objects.filter(pk=item.pk).update(published_at=now - timedelta(days=age))
    reindex()


def titles(viewer, start: int, stop: int) -> list[str]:
    return [r.object.title for r in search(viewer=viewer, q="gasket")[start:stop]]


def test_all_matches_are_ranked_when_few(seven_gasket_items, member):
    assert titles(member, 0, 2) == ["Gasket 2 days old", "Gasket 6 days old"]


def test_past_the_ranked_matches_the_older_follow_newest_first(
    seven_gasket_items, member, monkeypatch
):
    monkeypatch.setattr(selectors, "RANK_CANDIDATES", 4)
    results = search(viewer=member, q="gasket", filters=Filters(type="item"))
    assert results.count() == 7
    # The four newest, title match first; then the three older ones by date, title or not.
    assert titles(member, 0, 7) == [
        "Gasket 2 days old",
        "Seal notes 0 days old",
        "Seal notes 1 days old",
        "Seal notes 3 days old",
        "Seal notes 4 days old",
        "Seal notes 5 days old",
        "Gasket 6 days old",
    ]


def test_pages_across_the_boundary_show_each_match_once(seven_gasket_items, member, monkeypatch):
    monkeypatch.setattr(selectors, "RANK_CANDIDATES", 4)
    everything = titles(member, 0, 7)
    paged = titles(member, 0, 3) + titles(member, 3, 6) + titles(member, 6, 9)
    assert paged == everything
    assert len(set(paged)) == 7


def test_fewer_matches_are_counted_exactly_every_time(
    seven_gasket_items, member, community, reindex
):
    assert search(viewer=member, q="gasket").count() == 7
    make_item(member, community=community, title="Another gasket")
    reindex()
    assert search(viewer=member, q="gasket").count() == 8


def test_items_people_and_communities_past_the_candidates_each_appear_once(
    member, community, community_manager, reindex, monkeypatch
):
    from tests.factories import make_community, make_member

    monkeypatch.setattr(selectors, "RANK_CANDIDATES", 2)
    for i in range(4):
        make_item(member, community=community, title=f"Gasket log {i}")
    for i in range(3):
        make_member(f"gasketeer{i}", title="Gasket fitter")
    make_community(community_manager, name="Gasket circle")
    reindex()

    def keys(start, stop):
        return [(r.type, r.object.pk) for r in search(viewer=member, q="gasket")[start:stop]]

    everything = keys(0, 20)
    assert len(everything) == 8 and len(set(everything)) == 8
    assert keys(0, 3) + keys(3, 6) + keys(6, 9) == everything
