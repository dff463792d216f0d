"""Engagement through /api/v1/: rating, favourite, my favourites, share, expert pick, and the
`expert_pick` field of the item JSON."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from guildhall.interactions import services
from guildhall.interactions.models import ExpertPick, Favourite, Rating, Share
from guildhall.notifications.models import Notification
from tests.api.conftest import bearer, field_error
from tests.factories import add_member, make_community, make_item


@pytest.fixture
def item(expert, community):
    return make_item(expert, community=community, kind="discussion", title="Cycle counting")


@pytest.fixture
def secret(community_manager, private_community):
    return make_item(community_manager, community=private_community, title="Outage review")


def put(client, url, data=None, **extra):
    return client.put(url, data or {}, content_type="application/json", **extra)


def test_rating_put_change_and_delete(client, member, item):
    client.force_login(member)
    url = f"/api/v1/content/{item.pk}/rating"
    response = put(client, url, {"stars": 4})
    assert response.status_code == 200
    assert response.json() == {"stars": 4, "rating_average": 4.0, "rating_count": 1}
    assert put(client, url, {"stars": 2}).json()["rating_average"] == 2.0
    item.refresh_from_db()
    assert (item.rating_sum, item.rating_count) == (2, 1)
    response = client.delete(url)
    assert response.json() == {"stars": None, "rating_average": None, "rating_count": 0}
    detail = client.get(f"/api/v1/content/{item.pk}").json()
    assert detail["rating_count"] == 0 and detail["rating_average"] is None


@pytest.mark.parametrize("body", [{"stars": 0}, {"stars": 6}, {"stars": "x"}, {}])
def test_rating_invalid_answers_422_naming_stars(client, member, item, body):
    client.force_login(member)
    field_error(put(client, f"/api/v1/content/{item.pk}/rating", body), "stars")
    assert not Rating.objects.exists()


def test_rating_own_item_is_403(client, expert, item):
    client.force_login(expert)
    response = put(client, f"/api/v1/content/{item.pk}/rating", {"stars": 5})
    assert response.status_code == 403 and "own" in response.json()["detail"]


def test_engagement_routes_answer_404_for_private_items(client, outsider, secret):
    client.force_login(outsider)
    base = f"/api/v1/content/{secret.pk}"
    assert put(client, f"{base}/rating", {"stars": 3}).status_code == 404
    assert put(client, f"{base}/favourite").status_code == 404
    assert client.delete(f"{base}/favourite").status_code == 404
    share = client.post(f"{base}/share", {"to_user": "mia"}, content_type="application/json")
    assert share.status_code == 404
    assert put(client, f"{base}/expert-pick", {"note": "x"}).status_code == 404
    assert client.delete(f"{base}/expert-pick").status_code == 404


def test_no_auth_is_401(client, item):
    assert put(client, f"/api/v1/content/{item.pk}/favourite").status_code == 401
    assert client.get("/api/v1/me/favourites").status_code == 401


def test_favourite_put_delete_and_list_with_bearer(client, member, expert, community, item):
    headers = bearer(member)
    post = make_item(expert, community=community, kind="post", title="Shelves")
    response = put(client, f"/api/v1/content/{item.pk}/favourite", **headers)
    assert response.json() == {"favourite": True, "favourites": 1}
    assert put(client, f"/api/v1/content/{item.pk}/favourite", **headers).json()["favourites"] == 1
    put(client, f"/api/v1/content/{post.pk}/favourite", **headers)

    body = client.get("/api/v1/me/favourites", **headers).json()
    assert body["count"] == 2
    assert [i["title"] for i in body["items"]] == ["Shelves", "Cycle counting"]
    assert body["items"][1]["favourites"] == 1
    only = client.get("/api/v1/me/favourites?kind=post&limit=1", **headers).json()
    assert only["count"] == 1 and only["items"][0]["kind"] == "post"
    field_error(client.get("/api/v1/me/favourites?kind=nope", **headers), "kind")
    field_error(client.get("/api/v1/me/favourites?limit=0", **headers), "limit")

    response = client.delete(f"/api/v1/content/{item.pk}/favourite", **headers)
    assert response.json() == {"favourite": False, "favourites": 0}
    assert Favourite.objects.count() == 1


def test_share_to_user_and_community(
    client, member, outsider, community_manager, item, run_on_commit
):
    club = make_community(community_manager, name="Forklift club")
    add_member(club, member)
    client.force_login(member)
    url = f"/api/v1/content/{item.pk}/share"
    with run_on_commit():
        response = client.post(
            url, {"to_user": "olaf", "note": "Look"}, content_type="application/json"
        )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["to_user"] == "olaf" and body["to_community"] is None and body["note"] == "Look"
    assert Notification.objects.filter(recipient=outsider, verb="recommendation").exists()

    response = client.post(url, {"to_community": club.slug}, content_type="application/json")
    assert response.status_code == 201 and response.json()["to_community"] == club.slug
    assert Share.objects.count() == 2


def test_share_refusals(client, member, outsider, private_community, secret, item):
    client.force_login(member)
    both = {"to_user": "olaf", "to_community": "x"}
    field_error(
        client.post(f"/api/v1/content/{item.pk}/share", both, content_type="application/json"),
        "to_user",
    )
    field_error(
        client.post(
            f"/api/v1/content/{item.pk}/share",
            {"to_user": "ghost"},
            content_type="application/json",
        ),
        "to_user",
    )
    detail = field_error(
        client.post(
            f"/api/v1/content/{secret.pk}/share",
            {"to_user": "olaf"},
            content_type="application/json",
        ),
        "to_user",
    )
    assert "can't see this item" in detail
    # A private community the caller can't see answers like a missing one.
    client.force_login(outsider)
    field_error(
        client.post(
            f"/api/v1/content/{item.pk}/share",
            {"to_community": private_community.slug},
            content_type="application/json",
        ),
        "to_community",
    )
    assert not Share.objects.exists()


def test_expert_pick_put_delete_and_item_field(client, expert, member, item, community):
    mine = make_item(member, community=community, title="Mine")
    client.force_login(member)
    assert put(client, f"/api/v1/content/{mine.pk}/expert-pick", {"note": "x"}).status_code == 403

    client.force_login(expert)
    response = put(client, f"/api/v1/content/{mine.pk}/expert-pick", {"note": "<b>Top</b>"})
    assert response.status_code == 200
    assert response.json()["by"] == "eric" and response.json()["note"] == "<b>Top</b>"
    detail = client.get(f"/api/v1/content/{mine.pk}").json()
    assert detail["expert_pick"]["by"] == "eric" and detail["expert_pick"]["note"] == "<b>Top</b>"
    listed = client.get(f"/api/v1/content?community={community.slug}").json()["items"]
    assert {i["title"]: i["expert_pick"] is not None for i in listed} == {
        "Mine": True,
        "Cycle counting": False,
    }
    assert client.delete(f"/api/v1/content/{mine.pk}/expert-pick").status_code == 204
    assert not ExpertPick.objects.exists()
    assert client.get(f"/api/v1/content/{mine.pk}").json()["expert_pick"] is None


def test_expert_pick_on_personal_post_is_403(client, staff, member):
    post = make_item(member, title="Blog")
    client.force_login(staff)
    assert put(client, f"/api/v1/content/{post.pk}/expert-pick").status_code == 403


def test_item_list_expert_pick_field_costs_one_query(client, expert, member, community):
    client.force_login(member)
    for n in range(3):
        services.expert_pick_set(
            actor=expert, item=make_item(member, community=community, title=f"P{n}")
        )
    client.get("/api/v1/content")  # the member's communities are read once, then kept
    with CaptureQueriesContext(connection) as small:
        client.get("/api/v1/content")
    for n in range(10):
        services.expert_pick_set(
            actor=expert, item=make_item(member, community=community, title=f"Q{n}")
        )
    with CaptureQueriesContext(connection) as big:
        client.get("/api/v1/content")
    assert len(big.captured_queries) == len(small.captured_queries)
