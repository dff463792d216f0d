"""GET /api/v1/home and POST /api/v1/home/welcome/{username}."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from guildhall.home.models import HomeSection, Welcome
from guildhall.interactions.services import rating_set
from guildhall.interviews.services import interview_create
from guildhall.people.services import profile_skill_set
from guildhall.qa.services import answer_accept, answer_create, question_create
from tests.api.conftest import bearer, field_error
from tests.factories import add_member, make_item, make_member
from tests.home.conftest import act

SECTIONS = {"latest_news", "whats_new", "whats_popular", "whos_new", "whos_popular", "for_you"}


@pytest.fixture
def home_data(rollup, staff, member, expert, community, community_manager, private_community):
    """Something in every section for Mia, and a private item she sees and Olaf does not."""
    newcomer = make_member("nina", name="Nina Newcomer", title="Planner")
    add_member(community, newcomer)
    profile_skill_set(actor=member, member=member, name="Hydraulics", level=3)
    question_create(actor=expert, community=community, title="Hydraulics: bleed order?", body="?")
    mine = question_create(actor=member, community=community, title="My open one", body="?")
    answered = question_create(actor=member, community=community, title="Solved", body="?")
    answer_accept(actor=member, answer=answer_create(actor=expert, item=answered, body="Yes."))
    tip = make_item(expert, community=community, title="Seal tip", tags=["seals"])
    rating_set(actor=member, item=tip, stars=5)
    secret = make_item(community_manager, community=private_community, title="Secret plan")
    act(member, "favourite", secret, times=3)
    interview_create(
        actor=staff,
        community=None,
        title="Meet Eric",
        body="Pumps.",
        data={"featured_member": expert.username},
    )
    rollup()
    return {"mine": mine, "tip": tip, "secret": secret}


def test_home_api_shape(api, home_data, member):
    body = api.as_(member).get("/api/v1/home").json()
    assert set(body) >= SECTIONS and set(body["sections"]) == SECTIONS
    assert all(isinstance(body[key], list) for key in SECTIONS)
    popular = {i["title"]: i for i in body["whats_popular"]}
    assert popular["Secret plan"]["trend_score"] > 0
    assert {"id", "kind", "title", "author", "tags", "community"} <= set(popular["Seal tip"])
    new = {p["username"]: p for p in body["whos_new"]}
    assert new["nina"]["reason"] == "joined" and new["nina"]["welcomed"] is False
    assert new["nina"]["title"] == "Planner" and new["nina"]["joined_where"]
    reasons = {(p["username"], p["reason"]) for p in body["whos_popular"]}
    assert ("eric", "interview") in reasons and ("eric", "helpfulness") in reasons
    helpful = [p for p in body["whos_popular"] if p["reason"] == "helpfulness"]
    assert helpful[0]["evidence"] and helpful[0]["score"] > 0
    for_you = {(i["title"], i["reason"]) for i in body["for_you"]}
    assert ("Hydraulics: bleed order?", "matches_your_skills") in for_you
    assert ("My open one", "your_open_question") in for_you
    assert "Seal tip" in {i["title"] for i in body["whats_new"]}


def test_home_api_hides_private_items_from_outsiders(api, home_data, outsider):
    body = api.as_(outsider).get("/api/v1/home", **bearer(outsider)).json()
    titles = {i["title"] for key in ("whats_new", "whats_popular", "for_you") for i in body[key]}
    assert "Secret plan" not in titles and "Seal tip" in titles


def test_home_api_window_kind_and_bad_input(api, home_data, member):
    api.as_(member)
    assert api.get("/api/v1/home", {"window": 30}).status_code == 200
    body = api.get("/api/v1/home", {"kind": "question"}).json()
    assert {i["kind"] for i in body["whats_new"]} == {"question"}
    field_error(api.get("/api/v1/home", {"window": 9}), "window")
    field_error(api.get("/api/v1/home", {"kind": "nope"}), "kind")
    field_error(api.get("/api/v1/home", {"limit": 0}), "limit")
    field_error(api.get("/api/v1/home", {"limit": "x"}), "limit")


def test_home_api_respects_staff_sections(api, home_data, member):
    HomeSection.objects.filter(key="whos_new").update(enabled=False)
    HomeSection.objects.filter(key="for_you").update(position=1)
    HomeSection.objects.get(key="latest_news").save()  # any save clears the cached settings
    body = api.as_(member).get("/api/v1/home").json()
    assert body["whos_new"] == [] and "whos_new" not in body["sections"]
    assert body["sections"][0] == "for_you"


def test_home_api_needs_auth(api, db):
    response = api.get("/api/v1/home")
    assert response.status_code == 401 and "detail" in response.json()
    assert api.post("/api/v1/home/welcome/someone").status_code == 401


def _queries(api) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        assert api.get("/api/v1/home").status_code == 200
    return len(ctx.captured_queries)


def test_home_api_runs_in_fixed_queries(api, rollup, home_data, member, community):
    api.as_(member)
    small = _queries(api)
    for n in range(6):
        person = make_member(f"crowd{n}")
        add_member(community, person)
        item = make_item(person, community=community, kind="question", tags=["x", f"t{n}"])
        rating_set(actor=member, item=item, stars=5)
        act(member, "view", item)
    rollup()
    assert _queries(api) == small


def test_welcome_api_once(api, member, expert, community, run_on_commit):
    api.as_(member)
    with run_on_commit():
        response = api.post("/api/v1/home/welcome/eric", {"message": "Hi Eric!"})
    assert response.status_code == 201, response.content
    assert response.json()["recipient"] == "eric" and response.json()["message"] == "Hi Eric!"
    again = api.post("/api/v1/home/welcome/eric", {})
    assert again.status_code == 409 and "already welcomed" in again.json()["detail"]
    assert api.post("/api/v1/home/welcome/mia", {}).status_code == 403
    assert api.post("/api/v1/home/welcome/nobody", {}).status_code == 404
    field_error(api.post("/api/v1/home/welcome/carla", {"message": "x" * 300}), "message")
    assert Welcome.objects.count() == 1
