"""The expert finder ranks by demonstrated expertise and shows only evidence the caller may see."""

import pytest
from django.urls import reverse

from guildhall.interactions.services import rating_set
from guildhall.people.selectors import EXPERT_WEIGHTS, experts_for_topic
from guildhall.people.services import skill_endorse
from tests.conftest import login
from tests.factories import add_member, make_item, make_member
from tests.people.conftest import accepted_answer, declare

pytestmark = pytest.mark.django_db


def _by_username(viewer, topic):
    ranking = experts_for_topic(viewer=viewer, topic=topic)
    return {m.user.username: m for m in ranking[:100]}, [m.user.username for m in ranking[:100]]


@pytest.fixture
def answerer(community, member):
    """Ann answered two demand-planning questions that were accepted."""
    ann = make_member("ann", name="Ann Answerer", title="Planner")
    add_member(community, ann)
    for title in ("Winter demand planning", "Promo forecast"):
        accepted_answer(member, ann, community, title, tags=["demand-planning"])
    return ann


@pytest.fixture
def declarer(community, colleagues):
    """Dan only declares the skill at the highest level, with two endorsements."""
    dan = make_member("dan", name="Dan Declarer", title="Analyst")
    entry = declare(dan, "Demand planning", level=5)
    for colleague in colleagues[:2]:
        skill_endorse(actor=colleague, entry=entry)
    return dan


def test_accepted_answers_rank_above_declared_skill(member, answerer, declarer):
    found, order = _by_username(member, "demand planning")
    assert order.index("ann") < order.index("dan")
    assert found["ann"].evidence == ["2 accepted answers on demand planning"]
    assert found["ann"].score == 2 * EXPERT_WEIGHTS["accepted_answer"]
    assert found["dan"].evidence == [
        "declared skill: Demand planning (Expert)",
        "endorsed by 2 colleagues",
    ]


def test_title_words_match_too(member, community):
    ann = make_member("ann", name="Ann Answerer")
    add_member(community, ann)
    accepted_answer(member, ann, community, "Demand PLANNING for spare parts")
    found, _ = _by_username(member, "planning demand")
    assert found["ann"].evidence == ["1 accepted answer on planning demand"]


def test_well_rated_items_and_community_roles(member, expert, community, colleagues):
    item = make_item(expert, community=community, title="Supply chain risk checklist")
    rating_set(actor=colleagues[0], item=item, stars=5)
    rating_set(actor=colleagues[1], item=item, stars=4)
    poor = make_item(colleagues[2], community=community, title="Supply chain musings")
    rating_set(actor=member, item=poor, stars=2)
    found, order = _by_username(member, "supply chain")
    assert found["eric"].evidence == [
        "1 item on supply chain rated 4.5 on average",
        "expert in Supply Chain Practice",
    ]
    assert found["carla"].evidence == ["community manager of Supply Chain Practice"]
    assert colleagues[2].username not in found  # a poorly rated item is no evidence
    assert order[0] == "eric"


def test_private_evidence_is_hidden_from_outsiders(
    member, outsider, community_manager, private_community
):
    ann = make_member("ann", name="Ann Answerer")
    add_member(private_community, ann)
    accepted_answer(member, ann, private_community, "Incident review template", tags=["incidents"])
    insider_view, _ = _by_username(member, "incident review")
    assert insider_view["ann"].evidence == ["1 accepted answer on incident review"]
    assert insider_view["carla"].evidence == ["community manager of Incident Review Board"]
    outsider_view, _ = _by_username(outsider, "incident review")
    assert "ann" not in outsider_view
    assert "carla" not in outsider_view


def test_page_lists_experts_with_evidence(client, member, answerer, declarer):
    login(client, member)
    empty = client.get(reverse("people:experts"))
    assert b"Name a topic" in empty.content
    page = client.get(reverse("people:experts"), {"topic": "demand planning"}).content.decode()
    assert page.index("Ann Answerer") < page.index("Dan Declarer")
    assert "2 accepted answers on demand planning" in page
    none = client.get(reverse("people:experts"), {"topic": "underwater basket weaving"})
    assert "No one yet for" in none.content.decode()


def test_without_a_topic_or_an_expert_the_page_suggests_common_skills(
    client, member, answerer, declarer
):
    declare(answerer, "Zymurgy", level=2)
    declare(member, "Zymurgy", level=1)
    login(client, member)
    empty = client.get(reverse("people:experts")).content.decode()
    suggestions = empty[empty.index("Colleagues often know about") :]
    # Two colleagues declare Zymurgy, one Demand planning: the commoner first.
    assert suggestions.index(">Zymurgy<") < suggestions.index(">Demand planning<")
    assert 'href="/experts/?topic=Demand%20planning"' in suggestions
    none = client.get(reverse("people:experts"), {"topic": "basket weaving"}).content.decode()
    assert "Colleagues often know about" in none
    found = client.get(reverse("people:experts"), {"topic": "zymurgy"}).content.decode()
    assert "Colleagues often know about" not in found


def test_directory_links_to_the_finder(client, member):
    login(client, member)
    assert reverse("people:experts").encode() in client.get(reverse("people:directory")).content


def test_api_experts(client, member, answerer, declarer):
    assert client.get("/api/v1/experts", {"topic": "demand planning"}).status_code == 401
    login(client, member)
    body = client.get("/api/v1/experts", {"topic": "demand planning"}).json()
    assert body["count"] == 2
    first = body["items"][0]
    assert first["username"] == "ann"
    assert first["name"] == "Ann Answerer"
    assert first["title"] == "Planner"
    assert first["score"] == 24.0
    assert first["evidence"] == ["2 accepted answers on demand planning"]
    second = client.get("/api/v1/experts", {"topic": "demand planning", "offset": 1}).json()
    assert [i["username"] for i in second["items"]] == ["dan"]
    assert second["count"] == 2


@pytest.mark.parametrize("topic", ["", "   "])
def test_api_empty_topic_is_422(client, member, topic):
    login(client, member)
    response = client.get("/api/v1/experts", {"topic": topic})
    assert response.status_code == 422
    assert response.json()["detail"].startswith("topic:")


def test_api_bad_input(client, member):
    login(client, member)
    assert client.get("/api/v1/experts", {"topic": "x", "limit": 0}).status_code == 422
    assert client.get("/api/v1/experts", {"topic": "a\x00b"}).status_code == 422
    odd = client.get("/api/v1/experts", {"topic": "%_' OR 1=1 -- ünïcødé " * 20})
    assert odd.status_code == 200


def test_query_count_does_not_grow(client, member, community, django_assert_num_queries):
    login(client, member)
    url = "/api/v1/experts?topic=demand+planning"

    def grow():
        person = make_member()
        add_member(community, person)
        accepted_answer(member, person, community, "Demand planning", tags=["demand-planning"])
        declare(person, "Demand planning", level=3)

    grow()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(4):
        grow()
    with django_assert_num_queries(len(few.captured_queries)):
        assert client.get(url).json()["count"] == 5
