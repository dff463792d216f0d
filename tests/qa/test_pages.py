"""The question's item page, the ask page with similar questions, a community's questions."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from guildhall.content.models import ContentItem
from guildhall.qa.models import Answer, AnswerVote, Question
from guildhall.qa.services import answer_accept, answer_vote
from tests.api.test_content import XSS, assert_safe
from tests.conftest import login
from tests.factories import add_member, make_member
from tests.qa.conftest import answer, ask


def test_item_page_shows_answers_accepted_first_then_score(
    client, member, expert, community_manager, question
):
    old = answer(expert, question, "Oldest answer.")
    best = answer(community_manager, question, "Highest score answer.")
    accepted = answer(community_manager, question, "The accepted answer.")
    answer_vote(actor=member, answer=best, value=1)
    answer_accept(actor=member, answer=accepted)
    html = login(client, member).get(question.get_absolute_url()).content.decode()
    assert "3 answers" in html
    assert (
        html.index("The accepted answer.")
        < html.index("Highest score answer.")
        < html.index("Oldest answer.")
    )
    assert "Accepted answer</p>" in html
    assert f'action="/answers/{old.pk}/accept/"' in html  # the asker may switch
    assert f'action="/content/{question.pk}/answers/"' in html
    assert old.pk


def test_vote_and_accept_buttons_only_for_those_allowed(
    client, member, expert, community, question
):
    a = answer(expert, question)
    html = login(client, expert).get(question.get_absolute_url()).content.decode()
    assert f"/answers/{a.pk}/vote/" not in html  # not on one's own answer
    assert f"/answers/{a.pk}/accept/" in html  # experts accept
    other = make_member("otto")
    add_member(community, other)
    html = login(client, other).get(question.get_absolute_url()).content.decode()
    assert f"/answers/{a.pk}/vote/" in html
    assert f"/answers/{a.pk}/accept/" not in html


def test_outsider_of_public_community_reads_but_cannot_answer(client, outsider, expert, question):
    answer(expert, question)
    html = login(client, outsider).get(question.get_absolute_url()).content.decode()
    assert "Open the vent plug" in html
    assert "to answer" in html and 'id="answer-form"' not in html
    assert "/vote/" not in html


def test_answer_form_posts_and_redirects(client, expert, question, run_on_commit):
    login(client, expert)
    with run_on_commit():
        response = client.post(f"/content/{question.pk}/answers/", {"body": "Prime it first."})
    a = Answer.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"#answer-{a.pk}")
    assert Question.objects.get(item=question).answer_count == 1


def test_empty_answer_keeps_form_with_message(client, expert, question):
    response = login(client, expert).post(f"/content/{question.pk}/answers/", {"body": ""})
    assert response.status_code == 422
    assert "Write your answer first." in response.content.decode()
    assert not Answer.objects.exists()


def test_too_long_answer_keeps_the_text(client, expert, question):
    text = "x" * 50_001
    response = login(client, expert).post(f"/content/{question.pk}/answers/", {"body": text})
    assert response.status_code == 422
    assert text in response.content.decode()


def test_vote_and_accept_forms_work_without_js(client, member, expert, question):
    a = answer(expert, question)
    login(client, member)
    response = client.post(f"/answers/{a.pk}/vote/", {"value": "1"})
    assert response.status_code == 302
    a.refresh_from_db()
    assert a.score == 1
    html = client.get(question.get_absolute_url()).content.decode()
    assert 'aria-pressed="true"' in html
    client.post(f"/answers/{a.pk}/vote/", {"value": "0"})
    a.refresh_from_db()
    assert a.score == 0 and not AnswerVote.objects.exists()
    client.post(f"/answers/{a.pk}/accept/")
    a.refresh_from_db()
    assert a.is_accepted


def test_vote_on_own_answer_page_shows_message(client, expert, question):
    a = answer(expert, question)
    response = login(client, expert).post(f"/answers/{a.pk}/vote/", {"value": "1"}, follow=True)
    assert "own answer" in response.content.decode()
    a.refresh_from_db()
    assert a.score == 0


def test_private_question_pages_are_404_for_outsider(client, outsider, member, private_question):
    a = answer(member, private_question)
    login(client, outsider)
    assert client.get(private_question.get_absolute_url()).status_code == 404
    assert client.post(f"/content/{private_question.pk}/answers/", {"body": "x"}).status_code == 404
    assert client.post(f"/answers/{a.pk}/vote/", {"value": "1"}).status_code == 404
    assert client.post(f"/answers/{a.pk}/accept/").status_code == 404
    assert client.get(f"/answers/{a.pk}/edit/").status_code == 404
    slug = private_question.community.slug
    assert client.get(f"/c/{slug}/questions/").status_code == 404
    html = client.get("/questions/similar/", {"title": "Line 3 seal fail"}).content.decode()
    assert "Line 3" not in html
    assert not Answer.objects.exclude(pk=a.pk).exists()


def test_edit_and_delete_answer_pages(client, expert, member, question):
    a = answer(expert, question)
    login(client, member)
    assert client.get(f"/answers/{a.pk}/edit/").status_code == 404
    login(client, expert)
    assert client.get(f"/answers/{a.pk}/edit/").status_code == 200
    client.post(f"/answers/{a.pk}/edit/", {"body": "Edited answer."})
    a.refresh_from_db()
    assert a.body == "Edited answer."
    assert "Delete this answer?" in client.get(f"/answers/{a.pk}/delete/").content.decode()
    client.post(f"/answers/{a.pk}/delete/")
    assert not Answer.objects.exists()


def test_answer_xss_on_the_page(client, member, expert, question):
    answer(expert, question, XSS)
    html = login(client, member).get(question.get_absolute_url()).content.decode()
    section = html[html.index('id="answers"') :]
    assert_safe(section)


def test_ask_page_creates_question(client, member, community):
    login(client, member)
    page = client.get(f"/questions/ask/?community={community.slug}").content.decode()
    assert "Ask a question" in page and f'value="{community.slug}" selected' in page
    response = client.post(
        "/questions/ask/",
        {
            "community": community.slug,
            "title": "How do I torque flange bolts?",
            "body": "",
            "action": "ask",
        },
    )
    item = ContentItem.objects.get(kind="question")
    assert response.status_code == 302 and response["Location"] == item.get_absolute_url()
    assert Question.objects.filter(item=item).exists()


def test_ask_page_errors_keep_input(client, member, community):
    login(client, member)
    response = client.post(
        "/questions/ask/",
        {"community": "", "title": "Lost question", "body": "My **details**", "action": "ask"},
    )
    html = response.content.decode()
    assert response.status_code == 422
    assert "My **details**" in html and 'value="Lost question"' in html
    assert not ContentItem.objects.exists()


def test_ask_page_without_communities(client, outsider):
    html = login(client, outsider).get("/questions/ask/").content.decode()
    assert "Join a community first" in html


def test_outsider_cannot_ask_in_private_community_by_slug(client, outsider, private_community):
    login(client, outsider)
    response = client.post(
        "/questions/ask/",
        {"community": private_community.slug, "title": "Sneaky", "action": "ask"},
    )
    assert response.status_code == 422
    assert not ContentItem.objects.exists()


def test_similar_questions_partial_and_no_js_button(
    client, member, community, question, private_question, outsider
):
    ask(member, community, title="Quarterly budget review template")
    login(client, outsider)
    html = client.get("/questions/similar/", {"title": "pump cavitating bleed"}).content.decode()
    assert "How do I bleed air from a PX-40 pump?" in html
    assert "budget" not in html
    assert "Line 3" not in html  # private: invisible to outsiders
    html = client.get("/questions/similar/", {"title": "how do I"}).content.decode()
    assert "<li>" not in html  # only common words: nothing to match on
    login(client, member)
    response = client.post(
        "/questions/ask/",
        {"community": community.slug, "title": "Bleeding air from a pump", "action": "similar"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Similar questions already asked" in html and "PX-40" in html
    assert ContentItem.objects.filter(kind="question").count() == 3  # nothing created


def test_similar_titles_are_escaped(client, member, community):
    ask(member, community, title='<script>alert("pump")</script> pump')
    html = login(client, member).get("/questions/similar/", {"title": "pump"}).content.decode()
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_community_questions_page_states(client, member, expert, community, question):
    answered = ask(member, community, title="Which lubricant for gearbox G2?")
    answer(expert, answered)
    login(client, member)
    url = f"/c/{community.slug}/questions/"
    html = client.get(url).content.decode()
    assert "PX-40" in html and "gearbox" not in html
    html = client.get(url, {"state": "answered"}).content.decode()
    assert "gearbox" in html and "PX-40" not in html
    html = client.get(url, {"state": "all"}).content.decode()
    assert "gearbox" in html and "PX-40" in html
    assert client.get(url, {"state": "bogus"}).status_code == 200
    detail = client.get(f"/c/{community.slug}/").content.decode()
    assert f"/c/{community.slug}/questions/?state=unanswered" in detail


def test_community_questions_empty_state(client, member, community):
    html = login(client, member).get(f"/c/{community.slug}/questions/").content.decode()
    assert "Every question has an answer" in html


def _queries(client, url: str) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("viewer_name", ["member", "expert"])
def test_question_page_with_200_answers_has_fixed_query_count(
    client, request, community, question, viewer_name
):
    viewer = request.getfixturevalue(viewer_name)
    people = [make_member(f"ans{i}") for i in range(5)]
    for person in people:
        add_member(community, person)
    answer(people[0], question, "First.")
    login(client, viewer)
    small = _queries(client, question.get_absolute_url())
    for n in range(199):
        a = answer(people[n % 5], question, f"Answer {n}")
        if n % 3 == 0:
            answer_vote(actor=people[(n + 1) % 5], answer=a, value=1)
        if n % 7 == 0 and viewer.pk != a.author_id:
            answer_vote(actor=viewer, answer=a, value=-1)
    answer_accept(actor=request.getfixturevalue("member"), answer=a)
    assert Answer.objects.filter(item=question).count() == 200
    assert _queries(client, question.get_absolute_url()) == small


def test_community_questions_page_query_count_is_fixed(client, member, community):
    login(client, member)
    ask(member, community, title="First pump question")
    url = f"/c/{community.slug}/questions/?state=all"
    small = _queries(client, url)
    for n in range(15):
        ask(member, community, title=f"Pump question {n}")
    assert _queries(client, url) == small


def test_htmx_vote_returns_just_the_answer(client, member, expert, question):
    a = answer(expert, question)
    login(client, member)
    response = client.post(f"/answers/{a.pk}/vote/", {"value": "1"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith(f'<article class="qa-answer" id="answer-{a.pk}"')
    assert 'aria-pressed="true"' in html and "Remove your up vote" in html
    assert '<span class="qa-score" title="Score">1<' in html
    a.refresh_from_db()
    assert a.score == 1


def test_htmx_vote_refused_redirects_with_message(client, expert, question):
    a = answer(expert, question)
    login(client, expert)
    response = client.post(f"/answers/{a.pk}/vote/", {"value": "1"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 204 and response["HX-Redirect"].endswith(f"#answer-{a.pk}")
