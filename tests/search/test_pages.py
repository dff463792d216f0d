"""The search page and the top bar box, as a signed-in member sees them."""

import pytest
from django.urls import reverse

from guildhall.communities.services import membership_remove
from guildhall.search.services import search_index_rebuild
from tests.conftest import login
from tests.factories import make_comment, make_community, make_item, make_member

pytestmark = pytest.mark.django_db


def test_top_bar_has_a_labelled_search_box(client, member):
    html = login(client, member).get("/").content.decode()
    assert 'action="/search/"' in html and 'role="search"' in html
    assert '<label class="visually-hidden" for="topsearch-q">' in html


def test_signed_out_visitors_are_sent_to_sign_in(client):
    assert client.get("/search/?q=x").status_code == 302


def test_results_with_highlights_tabs_and_escaping(client, member, expert, community):
    item = make_item(member, community=community, title="Forklift <safety>", body="Brake checks.")
    make_comment(expert, item, body="Forklift horns too.")
    search_index_rebuild()
    html = login(client, member).get("/search/?q=forklift").content.decode()
    assert "<mark>Forklift</mark> &lt;safety&gt;" in html
    assert item.get_absolute_url() in html
    assert 'aria-current="page">Everything <span class="badge">1</span>' in html
    assert "Results for “forklift”" in html


def test_tabs_filter_by_type(client, member, expert, community):
    make_item(member, community=community, title="Supply planning")
    search_index_rebuild()
    page = login(client, member).get("/search/?q=supply&type=community")
    assert [r.type for r in page.context["page"].items] == ["community"]
    page = client.get("/search/?q=supply&type=item")
    assert [r.object.title for r in page.context["page"].items] == ["Supply planning"]


def test_no_results_suggestions(client, member, community):
    html = login(client, member).get(f"/search/?q=zeppelin&community={community.slug}")
    html = html.content.decode()
    assert "Nothing found for “zeppelin”" in html
    assert 'href="?q=zeppelin"' in html  # search again without the filters
    assert "/questions/ask/" in html and "/communities/" in html


def test_bad_filters_and_hostile_input_never_fail(client, member):
    login(client, member)
    for query in ["q=%00%00", "q=x&from=not-a-date", "q=x&kind=nope", "q=" + "é" * 3000,
                  "q=%22&page=999", "q=*&type=bogus", "q=a&community=%27;--"]:  # fmt: skip
        assert client.get(f"/search/?{query}").status_code == 200, query


def test_private_items_never_shown_to_outsiders(client, outsider, member, private_community):
    make_item(member, community=private_community, title="Kestrel incident review")
    search_index_rebuild()
    html = login(client, outsider).get("/search/?q=kestrel").content.decode()
    assert "Kestrel incident" not in html and "Nothing found" in html


def test_query_count_is_fixed_whatever_the_result_count(
    client, member, expert, community_manager, community, django_assert_max_num_queries
):
    def add_matches(start: int, n: int) -> None:
        for i in range(start, start + n):
            item = make_item(expert, community=community, title=f"Valve notes {i}", tags="valves")
            make_comment(member, item, body="Which valve seat?")
            make_member(f"valver{i}", title="Valve technician")
            make_community(community_manager, name=f"Valve circle {i}")
        search_index_rebuild()

    login(client, member)
    add_matches(0, 1)
    urls = [
        f"/search/?q=valve{tab}" for tab in ("", "&type=item", "&type=person", "&type=community")
    ]
    counts = {}
    for url in urls:
        with django_assert_max_num_queries(14) as few:
            assert client.get(url).status_code == 200
        counts[url] = len(few.captured_queries)
    add_matches(1, 24)
    for url in urls:
        with django_assert_max_num_queries(counts[url]):
            page = client.get(url)
        assert len(page.context["page"].items) == 20
    assert page.context["page"].total == 25  # the last tab: communities
    assert client.get(urls[0]).context["page"].total == 75


def test_filters_fold_away_unless_used_or_wrong(client, member, community):
    login(client, member)
    assert '<details class="search-more">' in client.get("/search/?q=x").content.decode()
    html = client.get(f"/search/?q=x&community={community.slug}").content.decode()
    assert '<details class="search-more" open>' in html
    html = client.get("/search/?q=x&from=not-a-date").content.decode()
    assert '<details class="search-more" open>' in html and "Enter a valid date." in html


def test_the_community_filter_lists_a_private_community_only_to_its_members(
    client, outsider, member, private_community
):
    login(client, member)
    assert private_community.name in client.get(reverse("search:search"), {"q": "rota"}).text
    client.logout()
    login(client, outsider)
    assert private_community.name not in client.get(reverse("search:search"), {"q": "rota"}).text


def test_the_community_filter_follows_new_communities_and_leaving_at_once(
    client, community_manager, member, private_community
):
    login(client, member)
    search = reverse("search:search")
    assert "Welding Practice" not in client.get(search, {"q": "rota"}).text
    make_community(community_manager, name="Welding Practice")
    page = client.get(search, {"q": "rota"}).text
    assert "Welding Practice" in page and private_community.name in page
    membership_remove(actor=community_manager, community=private_community, member=member)
    assert private_community.name not in client.get(search, {"q": "rota"}).text
