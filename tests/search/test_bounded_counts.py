"""Counts stop at a bound (`COUNT_BOUND`, 1,000): past it the page says "1,000+ results" and the
API answers `count` = the bound with `count_exact` false, while the results page on. Most tests
lower the bound to 5 to stay fast; one makes 1,001 matches to check the real bound."""

import re

import pytest
from django.utils import timezone
from django.utils.text import slugify

from guildhall.content.models import ContentItem
from guildhall.search import selectors, views
from guildhall.search.selectors import search
from guildhall.search.services import search_index_rebuild
from tests.conftest import login
from tests.factories import make_item, make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def bound_5(monkeypatch):
    monkeypatch.setattr(selectors, "COUNT_BOUND", 5)


def gaskets(author, community, n: int, *, start: int = 0) -> None:
    for i in range(start, start + n):
        make_item(author, community=community, title=f"Gasket note {i}", body="Seal it well.")


def status_line(html: str) -> str:
    return re.search(r'<p class="muted small" role="status">([^<]*)</p>', html).group(1)


def tab_badges(html: str) -> dict[str, str]:
    tabs = re.search(r'<nav class="tabs".*?</nav>', html, re.S).group(0)
    return dict(re.findall(r'>(\w+) <span class="badge">([^<]*)</span>', tabs))


def test_more_than_a_thousand_matches_say_1000_plus(client, member, community):
    """1,001 items through the ORM in bulk, then the index rebuilt as `guildhall reindex` does."""
    now = timezone.now()
    ContentItem.objects.bulk_create(
        ContentItem(
            kind="post",
            author=member,
            community=community,
            title=f"Gasket note {i}",
            slug=slugify(f"Gasket note {i}"),
            body="Seal it well.",
            body_html="<p>Seal it well.</p>",
            status=ContentItem.Status.PUBLISHED,
            published_at=now,
            last_activity_at=now,
        )
        for i in range(1001)
    )
    search_index_rebuild()
    html = login(client, member).get("/search/?q=gasket").content.decode()
    assert status_line(html).startswith("1,000+ results, most relevant first")
    assert tab_badges(html) == {
        "Everything": "1,000+",
        "Items": "1,000+",
        "People": "0",
        "Communities": "0",
    }
    assert "Page 1 of" not in html and 'rel="next"' in html
    body = client.get("/api/v1/search?q=gasket&limit=5").json()
    assert (body["count"], body["count_exact"], len(body["items"])) == (1000, False, 5)
    # Past the bound the results go on: the 1,001st is there, and the page after it is empty.
    last = client.get("/api/v1/search?q=gasket&limit=100&offset=1000").json()
    assert (len(last["items"]), last["count"], last["count_exact"]) == (1, 1000, False)
    page_51 = client.get("/search/?q=gasket&page=51").content.decode()
    assert len(re.findall(r'<article class="card item-card">', page_51)) == 1
    assert 'rel="next"' not in page_51 and "Page 51" in page_51


def test_up_to_the_bound_counts_are_exact(client, member, community, bound_5):
    gaskets(member, community, 4)
    search_index_rebuild()
    html = login(client, member).get("/search/?q=gasket").content.decode()
    assert status_line(html).startswith("4 results, most relevant first")
    assert tab_badges(html)["Everything"] == "4"
    assert client.get("/api/v1/search?q=gasket").json()["count_exact"] is True
    gaskets(member, community, 1, start=4)  # exactly the bound: still exact
    search_index_rebuild()
    html = client.get("/search/?q=gasket").content.decode()
    assert status_line(html).startswith("5 results")
    body = client.get("/api/v1/search?q=gasket").json()
    assert (body["count"], body["count_exact"]) == (5, True)


def test_past_the_bound_the_page_and_the_api_say_so(client, member, community, bound_5):
    gaskets(member, community, 7)
    search_index_rebuild()
    html = login(client, member).get("/search/?q=gasket").content.decode()
    assert status_line(html).startswith("5+ results, most relevant first")
    assert tab_badges(html) == {
        "Everything": "5+",
        "Items": "5+",
        "People": "0",
        "Communities": "0",
    }
    body = client.get("/api/v1/search?q=gasket&limit=20").json()
    assert (body["count"], body["count_exact"], len(body["items"])) == (5, False, 7)


def test_each_tab_is_bounded_on_its_own(client, member, community, bound_5):
    gaskets(member, community, 3)
    for i in range(3):
        make_member(f"gasketeer{i}", title="Gasket fitter")
    search_index_rebuild()
    html = login(client, member).get("/search/?q=gasket").content.decode()
    # 3 + 3 passes the bound of 5; each type alone does not.
    assert tab_badges(html) == {"Everything": "5+", "Items": "3", "People": "3", "Communities": "0"}
    html = client.get("/search/?q=gasket&type=person").content.decode()
    assert status_line(html).startswith("3 results")
    body = client.get("/api/v1/search?q=gasket&type=item").json()
    assert (body["count"], body["count_exact"]) == (3, True)


def test_paging_past_the_bound_shows_every_match_once(client, member, community, bound_5):
    gaskets(member, community, 7)
    search_index_rebuild()
    login(client, member)
    titles = []
    for offset in range(0, 10, 2):
        body = client.get(f"/api/v1/search?q=gasket&limit=2&offset={offset}").json()
        assert (body["count"], body["count_exact"]) == (5, False)
        titles += [r["title"] for r in body["items"]]
    assert sorted(titles) == sorted(f"Gasket note {i}" for i in range(7))


def test_the_page_pages_on_past_the_bound(client, member, community, bound_5, monkeypatch):
    monkeypatch.setattr(views, "PER_PAGE", 2)
    gaskets(member, community, 7)
    search_index_rebuild()
    login(client, member)
    titles, number = [], 1
    while True:
        html = client.get(f"/search/?q=gasket&page={number}").content.decode()
        assert f"Page {number}<" in html  # no "of N": the last page is not known
        titles += re.findall(r'<h3><a href="[^"]*">(?:<mark>)?Gasket(?:</mark>)? (note \d)', html)
        if 'rel="next"' not in html:
            break
        assert f"page={number + 1}" in html
        number += 1
    assert number == 4
    assert sorted(titles) == sorted(f"note {i}" for i in range(7))
    html = client.get("/search/?q=gasket&page=40").content.decode()
    assert "No more results" in html and 'href="?q=gasket"' in html


def test_private_items_are_never_counted_for_outsiders(
    client, member, outsider, community, private_community, bound_5
):
    gaskets(member, private_community, 7)
    gaskets(member, community, 2, start=7)
    search_index_rebuild()
    html = login(client, outsider).get("/search/?q=gasket").content.decode()
    assert status_line(html).startswith("2 results")
    assert tab_badges(html)["Items"] == "2"
    body = client.get("/api/v1/search?q=gasket").json()
    assert (body["count"], body["count_exact"]) == (2, True)
    assert {r["title"] for r in body["items"]} == {"Gasket note 7", "Gasket note 8"}
    client.logout()
    html = login(client, member).get("/search/?q=gasket").content.decode()
    assert status_line(html).startswith("5+ results")


def test_counting_is_one_query_that_stops_at_the_bound(
    member, community, bound_5, django_assert_num_queries, monkeypatch
):
    monkeypatch.setattr(selectors, "RANK_CANDIDATES", 4)  # counting goes to the larger, + 1
    gaskets(member, community, 7)
    search_index_rebuild()
    results = search(viewer=member, q="gasket")
    with django_assert_num_queries(1) as captured:
        assert results.type_counts() == {"item": 5}
        assert results.count() == 5 and not results.count_exact()
    assert "LIMIT 6" in captured.captured_queries[0]["sql"]


def test_the_openapi_document_describes_count_exact(client):
    schema = client.get("/api/v1/openapi.json").json()["components"]["schemas"]["SearchListOut"]
    assert schema["properties"]["count_exact"]["type"] == "boolean"
    assert set(schema["required"]) >= {"items", "count", "count_exact"}
