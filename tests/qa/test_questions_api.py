"""Questions through the API and the company-wide page: by answered state, company-wide or in
one community, similar questions; votes refuse what is not a vote."""

from tests.conftest import login
from tests.qa.conftest import answer, ask


def test_unanswered_questions_company_wide_and_per_community(
    api, member, expert, outsider, community, private_community
):
    open_here = ask(member, community, title="Which pallet wrap gauge?")
    answered = ask(member, community, title="Who signs off cycle counts?")
    answer(expert, answered, body="The site lead.")
    hidden = ask(member, private_community, title="Incident wrap failures?")

    mine = api.as_(member).get("/api/v1/questions?answered=false").json()
    assert {q["title"] for q in mine["items"]} == {open_here.title, hidden.title}
    theirs = api.as_(outsider).get("/api/v1/questions?answered=false").json()
    assert [q["title"] for q in theirs["items"]] == [open_here.title]
    done = api.get(f"/api/v1/questions?answered=true&community={community.slug}").json()
    assert [q["title"] for q in done["items"]] == [answered.title] and done["count"] == 1
    every = api.get("/api/v1/questions").json()
    assert every["count"] == 2
    assert api.get(f"/api/v1/questions?community={private_community.slug}").status_code == 404


def test_similar_questions_share_words_and_respect_privacy(
    api, member, outsider, community, private_community
):
    item = ask(member, community, title="Stretch wrap tearing on the night shift")
    similar = ask(member, community, title="Why does stretch wrap tear?")
    ask(member, private_community, title="Stretch wrap tearing in the clean room")
    ask(member, community, title="Forklift battery swaps")
    found = api.as_(outsider).get(f"/api/v1/content/{item.pk}/similar").json()
    assert [q["title"] for q in found["items"]] == [similar.title]
    assert api.get(f"/api/v1/content/{item.pk + 999}/similar").status_code == 404


def test_a_vote_is_1_minus_1_or_0_and_never_a_boolean(api, member, expert, community):
    question = ask(member, community)
    reply = answer(expert, question)
    for lax in ({"value": False}, {"value": True}, {"value": "1"}, {"value": 2}, {}):
        response = api.as_(member).post(f"/api/v1/answers/{reply.pk}/vote", lax)
        assert response.status_code == 422, lax
        assert "value" in response.json()["errors"]
    assert api.post(f"/api/v1/answers/{reply.pk}/vote", {"value": 1}).json()["score"] == 1


def test_the_questions_page_lists_every_community_unanswered_first(
    client, member, expert, community
):
    waiting = ask(member, community, title="Which pallet wrap gauge?")
    answer(expert, ask(member, community, title="Who signs off counts?"))
    login(client, expert)
    page = client.get("/questions/").content.decode()
    assert waiting.title in page and "Who signs off counts?" not in page
    assert community.name in page  # each question names its community
    answered = client.get("/questions/?state=answered").content.decode()
    assert "Who signs off counts?" in answered
