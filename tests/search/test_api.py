"""GET /api/v1/search as an API client sees it."""

import pytest

from guildhall.search.services import search_index_rebuild
from tests.conftest import login
from tests.factories import make_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed(member, expert, community, private_community):
    make_item(expert, community=community, kind="question", title="Pallet jack repair?")
    make_item(member, community=private_community, title="Pallet audit findings")
    search_index_rebuild()


def test_needs_auth(client):
    response = client.get("/api/v1/search?q=pallet")
    assert response.status_code == 401
    assert "detail" in response.json()


def test_empty_q_is_422_naming_q(client, member):
    login(client, member)
    for url in ["/api/v1/search", "/api/v1/search?q=", "/api/v1/search?q=%20%20"]:
        response = client.get(url)
        assert response.status_code == 422
        assert response.json()["detail"].startswith("q")


def test_shape_of_each_type(client, member, expert, community, indexed):
    from guildhall.people.services import profile_skill_set

    profile_skill_set(actor=expert, member=expert, name="Pallet racking", level=3)
    search_index_rebuild()
    body = login(client, member).get("/api/v1/search?q=pallet").json()
    assert body["count"] == 3
    by_type = {r["type"]: r for r in body["items"]}
    item = next(r for r in body["items"] if r.get("title") == "Pallet jack repair?")
    assert item["kind"] == "question" and item["community"] == community.slug
    assert item["author"] == "eric" and item["html_url"].startswith(f"/content/{item['id']}/")
    assert "<mark>Pallet</mark>" in item["snippet"] or "<mark>" not in item["snippet"]
    person = by_type["person"]
    assert person["username"] == "eric" and person["name"] == "Eric Expert"
    assert person["title"] == "Senior engineer" and "<mark>Pallet</mark>" in person["snippet"]
    assert person["department"] is None and person["html_url"] == "/u/eric/"
    assert item["tags"] == [] and item["published_at"] and item["matched_in_comment"] is False
    body = client.get("/api/v1/search?q=supply&type=community").json()
    assert body["items"] == [
        {
            "type": "community", "slug": community.slug, "name": community.name,
            "kind": community.kind, "visibility": "public", "member_count": 3,
            "html_url": f"/c/{community.slug}/", "snippet": body["items"][0]["snippet"],
        }
    ]  # fmt: skip
    # The purpose's Markdown is indexed as the text a reader sees.
    snippet = body["items"][0]["snippet"]
    assert snippet.startswith("Share what works in <mark>supply</mark> chain planning")


def test_openapi_describes_each_result_type(client):
    schemas = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    assert {"ItemResultOut", "PersonResultOut", "CommunityResultOut"} <= set(schemas)
    assert schemas["PersonResultOut"]["properties"]["type"]["const"] == "person"


def test_filters_and_privacy(client, member, outsider, community, indexed):
    login(client, outsider)
    assert [r["title"] for r in client.get("/api/v1/search?q=pallet").json()["items"]] == [
        "Pallet jack repair?"
    ]
    login(client, member)
    body = client.get("/api/v1/search?q=pallet&kind=question&author=eric").json()
    assert [r["title"] for r in body["items"]] == ["Pallet jack repair?"]
    body = client.get(f"/api/v1/search?q=pallet&community={community.slug}").json()
    assert body["count"] == 1
    assert client.get("/api/v1/search?q=pallet&limit=1").json()["count"] == 2


@pytest.mark.parametrize(
    "query, field",
    [("kind=nope", "kind"), ("type=thing", "type"), ("limit=0", "limit"), ("from=x", "from"),
     ("q=a%00b", "q")],
)  # fmt: skip
def test_bad_input_is_422_naming_the_field(client, member, query, field):
    response = login(client, member).get(f"/api/v1/search?q=pallet&{query}")
    assert response.status_code == 422
    assert response.json()["detail"].startswith(field)


@pytest.mark.parametrize("q", ['"', "*", "AND OR NOT", "NEAR(", "'; DROP", "()", "x" * 4000])
def test_hostile_q_answers_200(client, member, indexed, q):
    response = login(client, member).get("/api/v1/search", {"q": q})
    assert response.status_code == 200
    assert set(response.json()) == {"items", "count", "count_exact"}


def test_pages_through_ranked_results_without_overlap(client, member, community):
    for n in range(25):
        make_item(member, community=community, title=f"Conveyor note {n}")
    search_index_rebuild()
    login(client, member)
    pages = [
        client.get("/api/v1/search", {"q": "conveyor", "limit": 10, "offset": offset}).json()
        for offset in (0, 10, 20)
    ]
    assert [p["count"] for p in pages] == [25, 25, 25]
    ids = [r["id"] for p in pages for r in p["items"]]
    assert len(ids) == len(set(ids)) == 25
    page_two = login(client, member).get("/search/?q=conveyor&page=2").context["page"]
    assert [r.object.pk for r in page_two.items] == ids[20:]
