"""/api/v1/notifications and /api/v1/me/notification-preferences."""

import pytest

from guildhall.communities.services import membership_leave
from guildhall.interactions.services import comment_create
from guildhall.notifications.models import Notification
from tests.api.conftest import bearer, field_error
from tests.factories import make_item

URL = "/api/v1/notifications"
PREFS = "/api/v1/me/notification-preferences"


@pytest.fixture
def two_for_mia(member, expert, outsider, run_on_commit):
    first = make_item(member, title="Pallet labels")
    second = make_item(member, title="Dock doors")
    for actor in (expert, outsider):
        with run_on_commit():
            comment_create(actor=actor, item=first, body="Hi")
    with run_on_commit():
        comment_create(actor=expert, item=second, body="Hi")
    return first, second


def test_list_newest_first_with_fields(api, member, two_for_mia):
    _, second = two_for_mia
    body = api.as_(member).get(URL).json()

    assert body["count"] == 2
    latest, grouped = body["items"]
    assert latest["type"] == "comment"
    assert latest["text"] == "Eric Expert commented on “Dock doors”"
    assert latest["actor"] == "eric"
    assert latest["read"] is False
    assert latest["target"] == {
        "type": "item",
        "id": second.pk,
        "slug": None,
        "title": "Dock doors",
        "html_url": second.get_absolute_url(),
    }
    assert latest["html_url"] == f"/notifications/{latest['id']}/open/"
    assert set(latest) >= {"id", "type", "actor", "target", "text", "created_at", "read"}
    assert grouped["text"] == "Olaf Outsider and 1 other commented on “Pallet labels”"
    assert (grouped["count"], grouped["actors"]) == (2, ["olaf", "eric"])


def test_unread_filter_count_and_mark_read(api, member, two_for_mia):
    client = api.as_(member)
    assert client.get(f"{URL}/unread-count").json() == {"count": 2}
    newest = client.get(URL).json()["items"][0]["id"]

    response = client.post(f"{URL}/read", {"ids": [newest]})

    assert response.status_code == 200
    assert response.json() == {"marked": 1, "unread": 1}
    unread = client.get(URL, {"unread": "true"}).json()
    assert unread["count"] == 1 and newest not in [n["id"] for n in unread["items"]]
    assert [n["read"] for n in client.get(URL).json()["items"]] == [True, False]

    assert client.post(f"{URL}/read", {"all": True}).json() == {"marked": 1, "unread": 0}
    assert client.get(f"{URL}/unread-count").json() == {"count": 0}


def test_others_ids_are_ignored(api, member, expert, two_for_mia):
    ids = list(Notification.objects.values_list("pk", flat=True))
    assert api.as_(expert).post(f"{URL}/read", {"ids": ids}).json() == {"marked": 0, "unread": 0}
    assert Notification.objects.filter(read_at__isnull=True).count() == 2


def test_private_items_disappear_when_the_member_leaves(
    api, member, community_manager, private_community, run_on_commit
):
    item = make_item(community_manager, community=private_community, title="Root cause")
    with run_on_commit():
        comment_create(actor=community_manager, item=item, body="Thanks @mia")
    assert api.as_(member).get(URL).json()["count"] == 1

    membership_leave(actor=member, community=private_community)

    assert api.get(URL).json() == {"items": [], "count": 0}
    assert api.get(f"{URL}/unread-count").json() == {"count": 0}


def test_bearer_token_works(api, member, two_for_mia):
    response = api.get(f"{URL}/unread-count", **bearer(member))
    assert response.json() == {"count": 2}


@pytest.mark.parametrize(
    ("method", "path"),
    [("get", URL), ("get", f"{URL}/unread-count"), ("post", f"{URL}/read"), ("get", PREFS)],
)
def test_401_without_auth(api, method, path):
    response = getattr(api, method)(path)
    assert response.status_code == 401
    assert "detail" in response.json()


def test_put_without_auth_is_401(client):
    response = client.put(PREFS, {}, content_type="application/json")
    assert response.status_code == 401


def test_422s(api, member):
    client = api.as_(member)
    field_error(client.post(f"{URL}/read", {}), "ids")
    field_error(client.post(f"{URL}/read", {"ids": ["x"]}), "ids")
    field_error(client.post(f"{URL}/read", {"ids": list(range(1, 502))}), "ids")
    field_error(client.get(URL, {"limit": 500}), "limit")
    field_error(client.get(URL, {"unread": "perhaps"}), "unread")


def put(api, data):
    return api.client.put(PREFS, data, content_type="application/json")


def test_preferences_read_and_change(api, member):
    client = api.as_(member)
    body = client.get(PREFS).json()
    assert body["digest"] == "weekly"
    types = {t["type"]: t for t in body["types"]}
    assert types["comment"] == {
        "type": "comment",
        "label": "Comments on my items",
        "delivery": "digest",
    }
    assert {"mention", "answer"} <= set(types)
    # Only what can happen to Mia: she manages no private community, nothing is moderated yet.
    assert not {"join_request", "review_pending"} & set(types)  # manages and reviews nothing
    assert "review_result" in types

    response = put(api, {"digest": "daily", "types": [{"type": "comment", "delivery": "off"}]})

    assert response.status_code == 200, response.content
    changed = response.json()
    assert changed["digest"] == "daily"
    assert {t["type"]: t["delivery"] for t in changed["types"]}["comment"] == "off"
    assert {t["type"]: t["delivery"] for t in changed["types"]}["mention"] == "email"
    assert client.get(PREFS).json() == changed


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"types": [{"type": "nonsense", "delivery": "off"}]}, "types"),
        ({"types": [{"type": "comment", "delivery": "pigeon"}]}, "types"),
        ({"digest": "hourly"}, "digest"),
        ({"types": [{"type": "comment"}]}, "delivery"),
    ],
)
def test_preferences_422(api, member, data, field):
    api.as_(member)
    field_error(put(api, data), field)
    assert api.get(PREFS).json()["digest"] == "weekly"
