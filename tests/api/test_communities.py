"""/api/v1/communities: list, create, detail, join, leave, members."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from guildhall.communities.models import Community, Membership
from tests.api.conftest import bearer, field_error
from tests.factories import add_member, make_community, make_member

PRIVATE = "/api/v1/communities/incident-review-board"
PUBLIC = "/api/v1/communities/supply-chain-practice"


def _slugs(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [c["slug"] for c in response.json()["items"]]


# --- list ---------------------------------------------------------------------------------


def test_list_shows_private_communities_to_members_and_staff_only(
    api, member, outsider, staff, community, private_community
):
    assert _slugs(api.as_(member).get("/api/v1/communities")) == [
        "supply-chain-practice",
        "incident-review-board",
    ]
    assert _slugs(api.as_(staff).get("/api/v1/communities")) == [
        "supply-chain-practice",
        "incident-review-board",
    ]
    outsider_view = api.as_(outsider).get("/api/v1/communities").json()
    assert outsider_view == {
        "items": [outsider_view["items"][0]],
        "count": 1,
    }
    assert outsider_view["items"][0]["slug"] == "supply-chain-practice"


def test_list_items_carry_the_contract_fields_and_my_role(api, member, expert, community):
    body = api.as_(expert).get("/api/v1/communities").json()
    assert body["count"] == 1
    item = body["items"][0]
    assert item["slug"] == "supply-chain-practice"
    assert item["name"] == "Supply Chain Practice"
    assert item["kind"] == "horizontal"
    assert item["visibility"] == "public"
    assert item["member_count"] == 3
    assert item["item_count"] == 0
    assert item["my_role"] == "expert"
    assert item["purpose_html"] == (
        "<p>Share what works in <strong>supply chain</strong> planning.</p>\n"
    )


def test_list_filters(api, member, community, community_manager):
    make_community(community_manager, name="Data Guild", kind="vertical", purpose="SQL and BI")
    api.as_(member)
    assert _slugs(api.get("/api/v1/communities", {"kind": "vertical"})) == ["data-guild"]
    assert _slugs(api.get("/api/v1/communities", {"q": "sql"})) == ["data-guild"]
    assert _slugs(api.get("/api/v1/communities", {"q": "supply"})) == ["supply-chain-practice"]
    assert _slugs(api.get("/api/v1/communities", {"kind": "interest"})) == []


def test_list_pagination_and_bad_parameters(api, member, community_manager):
    for n in range(5):
        make_community(community_manager, name=f"Guild {n}")
    api.as_(member)
    first = api.get("/api/v1/communities", {"limit": 3}).json()
    rest = api.get("/api/v1/communities", {"limit": 3, "offset": 3}).json()
    assert first["count"] == rest["count"] == 5
    assert len(first["items"]) == 3 and len(rest["items"]) == 2
    assert {c["slug"] for c in first["items"] + rest["items"]} == {f"guild-{n}" for n in range(5)}
    field_error(api.get("/api/v1/communities", {"limit": 0}), "limit")
    field_error(api.get("/api/v1/communities", {"offset": "x"}), "offset")


def test_list_runs_a_fixed_number_of_queries(
    api, member, community_manager, django_assert_max_num_queries
):
    for n in range(25):
        make_community(community_manager, name=f"Guild {n}", private=n % 2 == 0)
    api.as_(community_manager)
    with CaptureQueriesContext(connection) as few:
        api.get("/api/v1/communities", {"limit": 1})
    with django_assert_max_num_queries(len(few)):
        body = api.get("/api/v1/communities", {"limit": 100}).json()
    assert body["count"] == 25
    assert {c["my_role"] for c in body["items"]} == {"manager"}


# --- create -------------------------------------------------------------------------------


def test_create_makes_the_caller_its_manager(api, member):
    response = api.as_(member).post(
        "/api/v1/communities",
        {
            "name": "  Forecasting Circle ",
            "kind": "interest",
            "visibility": "private",
            "purpose": "Better **forecasts**.",
            "guidelines": "Share sources.",
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["slug"] == "forecasting-circle"
    assert body["name"] == "Forecasting Circle"
    assert body["kind"] == "interest" and body["visibility"] == "private"
    assert body["member_count"] == 1
    assert body["my_role"] == "manager"
    assert body["purpose_html"] == "<p>Better <strong>forecasts</strong>.</p>\n"
    community = Community.objects.get(slug="forecasting-circle")
    assert community.created_by == member
    assert community.is_private and community.member_count == 1
    assert Membership.objects.get(community=community).role == Membership.Role.MANAGER


def test_create_with_a_chosen_slug(api, member, community):
    response = api.as_(member).post("/api/v1/communities", {"name": "X", "slug": "x-team"})
    assert response.status_code == 201
    assert Community.objects.filter(slug="x-team", name="X").exists()
    field_error(
        api.post("/api/v1/communities", {"name": "Y", "slug": "supply-chain-practice"}), "slug"
    )


def test_create_refuses_a_duplicate_name_and_transliterates_slugs(api, member, community):
    client = api.as_(member)
    detail = field_error(client.post("/api/v1/communities", {"name": community.name}), "name")
    assert "already exists" in detail
    response = client.post("/api/v1/communities", {"name": "Логистика"})
    assert response.status_code == 201
    assert response.json()["slug"] == "logistika"
    assert client.get("/api/v1/communities/logistika").json()["name"] == "Логистика"


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({}, "name"),
        ({"name": "   "}, "name"),
        ({"name": "N" * 121}, "name"),
        ({"name": 42}, "name"),
        ({"name": "Ok", "kind": "diagonal"}, "kind"),
        ({"name": "Ok", "visibility": "secret"}, "visibility"),
        ({"name": "Ok", "slug": "no spaces/please"}, "slug"),
        ({"name": "Ok", "purpose": "nul\x00byte"}, "purpose"),
    ],
)
def test_create_rejects_bad_input_naming_the_field(api, member, payload, field):
    field_error(api.as_(member).post("/api/v1/communities", payload), field)
    assert not Community.objects.exists()


def test_create_is_refused_when_only_staff_may_create(api, settings, member, staff):
    settings.GUILDHALL_COMMUNITY_CREATION = "staff"
    response = api.as_(member).post("/api/v1/communities", {"name": "Rogue"})
    assert response.status_code == 403
    assert response.json() == {"detail": "Only administrators can create communities here."}
    assert not Community.objects.exists()
    assert api.as_(staff).post("/api/v1/communities", {"name": "Blessed"}).status_code == 201


# --- detail -------------------------------------------------------------------------------


def test_detail(api, outsider, community):
    response = api.as_(outsider).get(PUBLIC)
    assert response.status_code == 200
    body = response.json()
    assert body["slug"] == "supply-chain-practice"
    assert body["guidelines"] == "Be kind. No customer data."
    assert body["my_role"] is None


def test_private_detail_is_404_to_outsiders_like_a_missing_one(
    api, member, outsider, staff, private_community
):
    hidden = api.as_(outsider).get(PRIVATE)
    missing = api.get("/api/v1/communities/no-such-thing")
    assert hidden.status_code == missing.status_code == 404
    assert hidden.json() == missing.json() == {"detail": "Not found."}
    assert api.as_(member).get(PRIVATE).json()["my_role"] == "member"
    assert api.as_(staff).get(PRIVATE).json()["visibility"] == "private"


# --- join / leave -------------------------------------------------------------------------


def test_join_public_community(api, outsider, community):
    response = api.as_(outsider).post(f"{PUBLIC}/join", {"accept_guidelines": True})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["community"] == "supply-chain-practice"
    assert body["username"] == "olaf"
    assert body["role"] == "member"
    assert body["guidelines_accepted_at"] is not None
    community.refresh_from_db()
    assert community.member_count == 4
    assert Membership.objects.filter(community=community, user=outsider).exists()
    assert api.get(PUBLIC).json()["my_role"] == "member"


def test_join_by_token(client, outsider, community):
    response = client.post(
        f"{PUBLIC}/join",
        {"accept_guidelines": True},
        content_type="application/json",
        **bearer(outsider),
    )
    assert response.status_code == 200
    assert Membership.objects.filter(community=community, user=outsider).exists()


def test_join_needs_the_guidelines_accepted(api, outsider, community):
    field_error(api.as_(outsider).post(f"{PUBLIC}/join", {}), "accept_guidelines")
    field_error(api.post(f"{PUBLIC}/join", {"accept_guidelines": False}), "accept_guidelines")
    field_error(api.post(f"{PUBLIC}/join", {"accept_guidelines": "perhaps"}), "accept_guidelines")
    assert not Membership.objects.filter(community=community, user=outsider).exists()


def test_join_twice_is_422(api, member, community):
    response = api.as_(member).post(f"{PUBLIC}/join", {"accept_guidelines": True})
    assert response.status_code == 422
    assert response.json()["detail"] == "You are already a member of this community."
    community.refresh_from_db()
    assert community.member_count == 3


def test_join_private_community(api, outsider, staff, private_community):
    assert api.as_(outsider).post(f"{PRIVATE}/join", {"accept_guidelines": True}).status_code == 404
    # Staff can see it, but a private community is joined by request, not directly.
    response = api.as_(staff).post(f"{PRIVATE}/join", {"accept_guidelines": True})
    assert response.status_code == 422
    assert "private" in response.json()["detail"]
    assert not Membership.objects.filter(community=private_community, user=staff).exists()


def test_leave(api, member, community):
    response = api.as_(member).post(f"{PUBLIC}/leave")
    assert response.status_code == 204
    assert response.content == b""
    community.refresh_from_db()
    assert community.member_count == 2
    assert not Membership.objects.filter(community=community, user=member).exists()
    again = api.post(f"{PUBLIC}/leave")
    assert again.status_code == 422
    assert again.json()["detail"] == "You are not a member of this community."


def test_last_manager_cannot_leave(api, community_manager, community):
    response = api.as_(community_manager).post(f"{PUBLIC}/leave")
    assert response.status_code == 422
    assert "manager" in response.json()["detail"]
    assert Membership.objects.filter(community=community, user=community_manager).exists()


def test_leave_private_community(api, member, outsider, private_community):
    assert api.as_(outsider).post(f"{PRIVATE}/leave").status_code == 404
    assert api.as_(member).post(f"{PRIVATE}/leave").status_code == 204
    assert not Membership.objects.filter(community=private_community, user=member).exists()
    # Once out, the private community is gone for them.
    assert api.get(PRIVATE).status_code == 404


# --- members ------------------------------------------------------------------------------


def test_members(api, outsider, community):
    body = api.as_(outsider).get(f"{PUBLIC}/members").json()
    assert body["count"] == 3
    assert [(m["username"], m["role"]) for m in body["items"]] == [
        ("carla", "manager"),
        ("eric", "expert"),
        ("mia", "member"),
    ]
    assert body["items"][0]["title"] == "Operations lead"
    assert body["items"][0]["name"] == "Carla Manager"
    experts = api.get(f"{PUBLIC}/members", {"role": "expert"}).json()
    assert [m["username"] for m in experts["items"]] == ["eric"]


def test_members_of_private_community(api, member, outsider, staff, private_community):
    assert api.as_(outsider).get(f"{PRIVATE}/members").status_code == 404
    assert api.as_(member).get(f"{PRIVATE}/members").json()["count"] == 2
    assert api.as_(staff).get(f"{PRIVATE}/members").json()["count"] == 2


def test_members_pagination_and_queries(api, outsider, community, django_assert_max_num_queries):
    for n in range(20):
        add_member(community, make_member(f"zz{n:02d}", name=f"Zed Z{n:02d}"))
    api.as_(outsider)
    with CaptureQueriesContext(connection) as few:
        api.get(f"{PUBLIC}/members", {"limit": 1})
    with django_assert_max_num_queries(len(few)):
        body = api.get(f"{PUBLIC}/members", {"limit": 100}).json()
    assert body["count"] == len(body["items"]) == 23
    page = api.get(f"{PUBLIC}/members", {"limit": 5, "offset": 20}).json()
    assert [m["username"] for m in page["items"]] == ["zz17", "zz18", "zz19"]
    field_error(api.get(f"{PUBLIC}/members", {"limit": 1000}), "limit")
