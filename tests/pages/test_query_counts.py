"""Hot pages run a fixed number of queries whatever the list sizes (ARCHITECTURE.md)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import login
from tests.factories import add_member, make_comment, make_item, make_member


def _queries(client, url: str) -> int:
    """Queries for one request with cold caches: the most a page can cost."""
    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def _grow_community(community, members, items_per_member: int):
    for person in members:
        for n in range(items_per_member):
            item = make_item(
                person,
                community=community,
                kind="discussion",
                title=f"{person.username} asks {n}",
                tags=["ops", f"t{n}"],
            )
            make_comment(members[0], item, "Useful.")


@pytest.fixture
def crowd(community):
    people = [make_member(f"crowd{i}", name=f"Crowd Person{i}") for i in range(4)]
    for person in people:
        add_member(community, person)
    return people


def test_home_page_query_count_is_fixed(client, member, community, crowd):
    login(client, member)
    _grow_community(community, crowd[:1], 2)
    small = _queries(client, "/")
    _grow_community(community, crowd, 6)
    assert _queries(client, "/") == small


def test_community_page_query_count_is_fixed(client, member, community, crowd):
    login(client, member)
    _grow_community(community, crowd[:1], 1)
    url = f"/c/{community.slug}/"
    small = _queries(client, url)
    _grow_community(community, crowd, 6)
    assert _queries(client, url) == small


def test_item_page_with_200_comments_query_count_is_fixed(client, member, expert, community):
    login(client, member)
    item = make_item(expert, community=community, kind="discussion", title="Cycle counting")
    first = make_comment(member, item, "First")
    make_comment(expert, item, "Reply", parent=first)
    url = item.get_absolute_url()
    client.get(url)  # first view writes the view counter; measure steady state after it
    small = _queries(client, url)
    for n in range(100):
        top = make_comment(member, item, f"Comment {n}")
        make_comment(expert, item, f"Reply {n}", parent=top)
    response = client.get(url)
    assert response.context["item"].comment_count == 202
    assert _queries(client, url) == small


def test_directory_query_count_is_fixed(client, member):
    login(client, member)
    for i in range(3):
        make_member(f"few{i}", title="Planner")
    small = _queries(client, "/people/")
    for i in range(30):
        make_member(f"many{i}", title="Buyer")
    assert _queries(client, "/people/") == small
