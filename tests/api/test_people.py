"""/api/v1/me, /api/v1/people, /api/v1/departments."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from guildhall.people.services import profile_skill_set
from tests.api.conftest import bearer, field_error
from tests.factories import make_department, make_member


@pytest.fixture
def logistics(community_manager):
    return make_department("Logistics", head=community_manager)


@pytest.fixture
def dora(logistics, community_manager):
    """A planner in Logistics who reports to Carla and is an expert forecaster."""
    dora = make_member(
        "dora",
        name="Dora Planner",
        title="Demand planner",
        department=logistics,
        manager=community_manager,
        location="Rotterdam",
    )
    profile_skill_set(actor=dora, member=dora, name="Forecasting", level=5)
    profile_skill_set(actor=dora, member=dora, name="SQL", level=2)
    return dora


def test_me_is_the_caller_with_email(api, dora):
    response = api.as_(dora).get("/api/v1/me")
    assert response.status_code == 200
    assert response.json() == {
        "username": "dora",
        "name": "Dora Planner",
        "title": "Demand planner",
        "department": "Logistics",
        "department_slug": "logistics",
        "manager": "carla",
        "skills": ["Forecasting", "SQL"],
        "skill_levels": [
            {"name": "Forecasting", "slug": "forecasting", "level": 5, "level_label": "Expert"},
            {"name": "SQL", "slug": "sql", "level": 2, "level_label": "Working knowledge"},
        ],
        "location": "Rotterdam",
        "bio": "",
        "bio_html": "",
        "follower_count": 0,
        "following_count": 0,
        "email": "dora@example.com",
        "is_staff": False,
    }


def test_me_for_staff_by_token(client, staff):
    body = client.get("/api/v1/me", **bearer(staff)).json()
    assert body["username"] == "admin"
    assert body["is_staff"] is True


def test_me_without_auth_is_401(client):
    assert client.get("/api/v1/me").status_code == 401


def test_people_list_shows_people_with_their_fields(api, member, dora):
    body = api.as_(member).get("/api/v1/people").json()
    assert body["count"] == 3
    assert [p["username"] for p in body["items"]] == ["carla", "dora", "mia"]
    dora_out = body["items"][1]
    assert dora_out["manager"] == "carla"
    assert dora_out["department"] == "Logistics"
    assert dora_out["skills"] == ["Forecasting", "SQL"]
    assert "email" not in dora_out


def test_people_filters(api, member, dora, expert):
    api.as_(member)

    def usernames(**params):
        return [p["username"] for p in api.get("/api/v1/people", params).json()["items"]]

    assert usernames(q="planner") == ["dora"]  # title
    assert usernames(q="Eric") == ["eric"]  # name
    assert usernames(q="dora rotterdam") == []  # every word must match
    assert usernames(department="logistics") == ["dora"]
    assert usernames(department="nowhere") == []
    assert usernames(skill="forecasting") == ["dora"]
    assert usernames(skill="SQL") == ["dora"]  # a skill's name works too
    assert usernames(skill="forecasting", department="logistics", q="dora") == ["dora"]


def test_people_pagination(api, member):
    for n in range(5):
        make_member(f"page{n}", name=f"Paula Page{n}")
    api.as_(member)
    first = api.get("/api/v1/people", {"q": "paula", "limit": 2}).json()
    second = api.get("/api/v1/people", {"q": "paula", "limit": 2, "offset": 2}).json()
    last = api.get("/api/v1/people", {"q": "paula", "limit": 2, "offset": 4}).json()
    beyond = api.get("/api/v1/people", {"q": "paula", "offset": 50}).json()
    assert [p["username"] for p in first["items"]] == ["page0", "page1"]
    assert [p["username"] for p in second["items"]] == ["page2", "page3"]
    assert [p["username"] for p in last["items"]] == ["page4"]
    assert beyond == {"items": [], "count": 5}
    assert first["count"] == second["count"] == 5


def test_people_default_page_is_20(api, member):
    for n in range(22):
        make_member(f"bulk{n}")
    body = api.as_(member).get("/api/v1/people").json()
    assert body["count"] == 23
    assert len(body["items"]) == 20


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": 101}, "limit"),
        ({"limit": 10**40}, "limit"),
        ({"limit": "many"}, "limit"),
        ({"offset": -1}, "offset"),
        ({"offset": 10**20}, "offset"),
        ({"q": "a\x00b"}, "q"),
    ],
)
def test_people_list_rejects_bad_parameters(api, member, params, field):
    field_error(api.as_(member).get("/api/v1/people", params), field)


def test_people_list_runs_a_fixed_number_of_queries(api, member, django_assert_max_num_queries):
    api.as_(member)
    unit = make_department("Many units")
    for n in range(30):
        person = make_member(f"many{n}", department=unit, manager=member)
        profile_skill_set(actor=person, member=person, name=f"Skill {n % 4}", level=3)
    with CaptureQueriesContext(connection) as few:
        assert len(api.get("/api/v1/people", {"limit": 2}).json()["items"]) == 2
    with django_assert_max_num_queries(len(few)):
        body = api.get("/api/v1/people", {"limit": 100}).json()
    assert len(body["items"]) == body["count"] == 31
    assert len(few) <= 6  # session, user, page, skill levels, count


def test_person_detail(api, outsider, dora):
    response = api.as_(outsider).get("/api/v1/people/dora")
    assert response.status_code == 200
    assert response.json()["title"] == "Demand planner"
    assert response.json()["skills"] == ["Forecasting", "SQL"]


def test_person_detail_unknown_and_inactive_are_404(api, member, dora):
    dora.is_active = False
    dora.save(update_fields=["is_active"])
    api.as_(member)
    for username in ("nobody", "dora"):
        response = api.get(f"/api/v1/people/{username}")
        assert response.status_code == 404
        assert response.json() == {"detail": "Not found."}
    assert "dora" not in [p["username"] for p in api.get("/api/v1/people").json()["items"]]


def test_person_without_profile_still_serialises(api, member, django_user_model):
    django_user_model.objects.create_user(username="bare", email="bare@example.com")
    body = api.as_(member).get("/api/v1/people/bare").json()
    assert body["title"] == "" and body["department"] is None and body["skills"] == []


def test_departments(api, member, logistics, dora, expert):
    make_department("Inbound", parent=logistics)
    response = api.as_(member).get("/api/v1/departments")
    assert response.status_code == 200
    assert response.json() == {
        "items": [
            {
                "slug": "inbound",
                "name": "Inbound",
                "description": "",
                "parent": "logistics",
                "head": None,
                "member_count": 0,
            },
            {
                "slug": "logistics",
                "name": "Logistics",
                "description": "",
                "parent": None,
                "head": "carla",
                "member_count": 1,
            },
        ],
        "count": 2,
    }


def test_departments_pagination_and_queries(api, member, django_assert_max_num_queries):
    for n in range(12):
        make_department(f"Unit {n:02d}")
    api.as_(member)
    with django_assert_max_num_queries(4):
        body = api.get("/api/v1/departments", {"limit": 5, "offset": 10}).json()
    assert body["count"] == 12
    assert [d["slug"] for d in body["items"]] == ["unit-10", "unit-11"]
    field_error(api.get("/api/v1/departments", {"limit": 500}), "limit")


def test_departments_need_auth(client):
    assert client.get("/api/v1/departments").status_code == 401
