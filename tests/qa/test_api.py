"""/api/v1/content/{id}/answers, /api/v1/answers/{id}/vote and /accept, and the item fields."""

from guildhall.qa.models import Answer, AnswerVote, Question
from tests.api.conftest import bearer, field_error
from tests.api.test_content import XSS, assert_safe
from tests.factories import add_member, make_member
from tests.qa.conftest import answer


def _url(item) -> str:
    return f"/api/v1/content/{item.pk}/answers"


def test_create_question_through_content_api(api, member, community):
    response = api.as_(member).post(
        "/api/v1/content",
        {"kind": "question", "community": community.slug, "title": "Which gasket for 16 bar?"},
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["kind"] == "question"
    assert body["answer_count"] == 0 and body["accepted_answer"] is None
    assert Question.objects.filter(item_id=body["id"]).exists()


def test_question_without_community_is_422(api, member):
    response = api.as_(member).post("/api/v1/content", {"kind": "question", "title": "Lost?"})
    field_error(response, "community")


def test_post_and_list_answers_in_order(api, member, expert, community_manager, question):
    response = api.as_(expert).post(_url(question), {"body": "Use **PTFE**."})
    assert response.status_code == 201, response.content
    first = response.json()
    assert first["author"] == "eric" and first["body"] == "Use **PTFE**."
    assert first["body_html"] == "<p>Use <strong>PTFE</strong>.</p>\n"
    assert first["score"] == 0 and first["is_accepted"] is False and first["created_at"]
    low = answer(community_manager, question, "Any gasket will do.")
    top = answer(community_manager, question, "Graphite, rated to 25 bar.")
    top.score = 3
    top.save(update_fields=["score"])
    Answer.objects.filter(pk=first["id"]).update(is_accepted=True)
    body = api.as_(member).get(_url(question)).json()
    assert body["count"] == 3
    assert [a["id"] for a in body["items"]] == [first["id"], top.pk, low.pk]
    page = api.as_(member).get(_url(question), {"limit": 1, "offset": 1}).json()
    assert [a["id"] for a in page["items"]] == [top.pk] and page["count"] == 3


def test_item_json_carries_answer_count_and_accepted(api, member, expert, question):
    a = answer(expert, question)
    api.as_(member).post(f"/api/v1/answers/{a.pk}/accept")
    item = api.get(f"/api/v1/content/{question.pk}").json()
    assert item["answer_count"] == 1 and item["accepted_answer"] == a.pk
    listed = api.get("/api/v1/content", {"kind": "question"}).json()["items"]
    assert listed[0]["accepted_answer"] == a.pk


def test_vote_change_clear_and_my_vote(api, member, expert, question):
    a = answer(expert, question)
    url = f"/api/v1/answers/{a.pk}/vote"
    response = api.as_(member).post(url, {"value": 1})
    assert response.status_code == 200
    assert response.json()["score"] == 1 and response.json()["my_vote"] == 1
    assert api.post(url, {"value": -1}).json()["score"] == -1
    assert api.post(url, {"value": 0}).json()["score"] == 0
    assert not AnswerVote.objects.exists()
    field_error(api.post(url, {"value": 2}), "value")


def test_vote_own_answer_is_403(api, expert, question):
    a = answer(expert, question)
    response = api.as_(expert).post(f"/api/v1/answers/{a.pk}/vote", {"value": 1})
    assert response.status_code == 403
    assert "own answer" in response.json()["detail"]


def test_non_member_answer_and_vote_are_403(api, outsider, expert, question):
    a = answer(expert, question)
    assert api.as_(outsider).post(_url(question), {"body": "Hi"}).status_code == 403
    assert api.post(f"/api/v1/answers/{a.pk}/vote", {"value": 1}).status_code == 403
    assert api.post(f"/api/v1/answers/{a.pk}/accept").status_code == 403
    assert api.get(_url(question)).status_code == 200  # reading a public question is fine


def test_accept_rules(api, member, expert, community, question):
    a = answer(expert, question)
    other = make_member("otto")
    add_member(community, other)
    assert api.as_(other).post(f"/api/v1/answers/{a.pk}/accept").status_code == 403
    response = api.as_(member).post(f"/api/v1/answers/{a.pk}/accept")
    assert response.status_code == 200 and response.json()["is_accepted"] is True
    b = answer(other, question, "Another way.")
    assert api.as_(expert).post(f"/api/v1/answers/{b.pk}/accept").status_code == 200
    a.refresh_from_db()
    assert not a.is_accepted
    assert Question.objects.get(item=question).accepted_answer_id == b.pk


def test_private_question_is_404_for_outsider(api, outsider, member, staff, private_question):
    a = answer(member, private_question)
    api.as_(outsider)
    assert api.get(_url(private_question)).status_code == 404
    assert api.post(_url(private_question), {"body": "x"}).status_code == 404
    assert api.post(f"/api/v1/answers/{a.pk}/vote", {"value": 1}).status_code == 404
    assert api.post(f"/api/v1/answers/{a.pk}/accept").status_code == 404
    assert api.get(f"/api/v1/answers/{a.pk}").status_code == 404
    assert api.as_(member).get(_url(private_question)).json()["count"] == 1
    assert api.as_(staff).get(_url(private_question)).json()["count"] == 1


def test_unauthenticated_is_401(api, question):
    assert api.get(_url(question)).status_code == 401
    assert api.post(_url(question), {"body": "x"}).status_code == 401
    assert api.post("/api/v1/answers/1/vote", {"value": 1}).status_code == 401
    assert api.post("/api/v1/answers/1/accept").status_code == 401


def test_bearer_token_and_bad_input(api, expert, question):
    response = api.post(_url(question), {"body": "Token answer"}, **bearer(expert))
    assert response.status_code == 201
    field_error(api.post(_url(question), {"body": "  "}, **bearer(expert)), "body")
    field_error(api.post(_url(question), {}, **bearer(expert)), "body")
    assert api.post(_url(question), {"body": "a\x00b"}, **bearer(expert)).status_code == 422
    assert api.get("/api/v1/content/999999/answers", **bearer(expert)).status_code == 404
    assert (
        api.post("/api/v1/answers/999999/vote", {"value": 1}, **bearer(expert)).status_code == 404
    )
    assert Answer.objects.count() == 1


def test_answers_of_a_non_question_is_404(api, member, community):
    from tests.factories import make_item

    post = make_item(member, community=community, kind="discussion")
    assert api.as_(member).get(_url(post)).status_code == 404


def test_patch_and_delete_answer(api, member, expert, question):
    a = answer(expert, question)
    assert api.as_(member).patch(f"/api/v1/answers/{a.pk}", {"body": "x"}).status_code == 403
    response = api.as_(expert).patch(f"/api/v1/answers/{a.pk}", {"body": XSS})
    assert response.status_code == 200
    assert_safe(response.json()["body_html"])
    assert api.delete(f"/api/v1/answers/{a.pk}").status_code == 204
    assert Question.objects.get(item=question).answer_count == 0
