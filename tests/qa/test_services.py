"""Questions, answers, votes and acceptance through the services."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from guildhall.core.models import Event
from guildhall.notifications.models import Notification
from guildhall.qa.models import Answer, AnswerVote, Question
from guildhall.qa.services import (
    answer_accept,
    answer_delete,
    answer_update,
    answer_vote,
)
from tests.factories import add_member, make_member
from tests.qa.conftest import answer, ask


def test_question_create_makes_item_and_question_row(member, community, question):
    assert question.kind == "question" and question.status == "published"
    row = Question.objects.get(item=question)
    assert row.answer_count == 0 and row.answered is False and row.first_answer_at is None
    assert row.accepted_answer is None


def test_question_needs_a_community(member):
    with pytest.raises(ValidationError):
        ask(member, None)
    assert not Question.objects.exists()


def test_outsider_cannot_ask_in_private_community(outsider, private_community):
    with pytest.raises(Http404):
        ask(outsider, private_community)
    assert not Question.objects.exists()


def test_answer_records_state_event_and_notifies_asker(expert, question, run_on_commit):
    with run_on_commit():
        first = answer(expert, question)
    row = Question.objects.get(item=question)
    assert row.answer_count == 1 and row.answered is True
    assert row.first_answer_at == first.created_at
    assert first.body_html == "<p>Open the vent plug slowly while priming.</p>\n"
    event = Event.objects.get(verb="answer")
    assert event.actor == expert and event.target_id == question.pk
    assert event.data == {"answer_id": first.pk}
    note = Notification.objects.get(verb="answer")
    assert note.recipient == question.author and note.actor == expert
    assert note.data["answer_id"] == first.pk

    second = answer(question.author, question, "Update: that worked.")
    row.refresh_from_db()
    assert row.answer_count == 2
    assert row.first_answer_at == first.created_at  # the first answer's time stays
    assert second.pk


def test_non_member_cannot_answer(outsider, question):
    with pytest.raises(PermissionDenied):
        answer(outsider, question)
    assert not Answer.objects.exists()


def test_outsider_gets_404_on_private_question(outsider, private_question):
    with pytest.raises(Http404):
        answer(outsider, private_question)


def test_empty_answer_is_refused(expert, question):
    with pytest.raises(ValidationError) as exc:
        answer(expert, question, "   ")
    assert "body" in exc.value.error_dict
    assert not Answer.objects.exists()


def test_answer_only_on_questions(expert, member, community):
    from tests.factories import make_item

    post = make_item(member, community=community, kind="discussion")
    with pytest.raises(PermissionDenied):
        answer(expert, post)


def test_vote_once_change_and_clear(member, expert, community_manager, question):
    a = answer(expert, question)
    answer_vote(actor=member, answer=a, value=1)
    answer_vote(actor=member, answer=a, value=1)  # the same vote again changes nothing
    a.refresh_from_db()
    assert a.score == 1
    answer_vote(actor=community_manager, answer=a, value=1)
    answer_vote(actor=member, answer=a, value=-1)
    a.refresh_from_db()
    assert a.score == 0
    assert AnswerVote.objects.get(answer=a, voter=member).value == -1
    answer_vote(actor=member, answer=a, value=0)
    a.refresh_from_db()
    assert a.score == 1
    assert not AnswerVote.objects.filter(voter=member).exists()
    assert Event.objects.filter(verb="vote").count() == 4


def test_cannot_vote_own_answer_or_as_outsider(expert, outsider, question):
    a = answer(expert, question)
    with pytest.raises(PermissionDenied):
        answer_vote(actor=expert, answer=a, value=1)
    with pytest.raises(PermissionDenied):
        answer_vote(actor=outsider, answer=a, value=1)
    a.refresh_from_db()
    assert a.score == 0 and not AnswerVote.objects.exists()


def test_vote_value_is_checked(member, expert, question):
    a = answer(expert, question)
    with pytest.raises(ValidationError):
        answer_vote(actor=member, answer=a, value=5)


def test_asker_accepts_and_can_switch(member, expert, community_manager, question, run_on_commit):
    first = answer(expert, question)
    second = answer(community_manager, question, "Check the suction strainer first.")
    with run_on_commit():
        answer_accept(actor=member, answer=first)
    row = Question.objects.get(item=question)
    assert row.accepted_answer == first and row.accepted_at is not None
    note = Notification.objects.get(verb="answer_accepted")
    assert note.recipient == expert and note.actor == member
    answer_accept(actor=member, answer=second)
    first.refresh_from_db()
    second.refresh_from_db()
    row.refresh_from_db()
    assert row.accepted_answer == second
    assert second.is_accepted and not first.is_accepted
    assert Answer.objects.filter(item=question, is_accepted=True).count() == 1
    assert Event.objects.filter(verb="accept").count() == 2


def test_expert_and_manager_may_accept(member, expert, community_manager, community, question):
    helper = make_member("hugo")
    add_member(community, helper)
    a = answer(helper, question)
    answer_accept(actor=expert, answer=a)
    answer_accept(actor=community_manager, answer=a)
    a.refresh_from_db()
    assert a.is_accepted


def test_plain_member_and_outsider_may_not_accept(expert, community, question, outsider):
    other = make_member("otto")
    add_member(community, other)
    a = answer(expert, question)
    with pytest.raises(PermissionDenied):
        answer_accept(actor=other, answer=a)
    with pytest.raises(PermissionDenied):
        answer_accept(actor=outsider, answer=a)
    a.refresh_from_db()
    assert not a.is_accepted


def test_update_and_delete_own_answer(expert, member, question):
    a = answer(expert, question)
    with pytest.raises(PermissionDenied):
        answer_update(actor=member, answer=a, body="Hijacked")
    answer_update(actor=expert, answer=a, body="Open the **vent** plug.")
    a.refresh_from_db()
    assert a.body == "Open the **vent** plug." and "<strong>vent</strong>" in a.body_html
    answer_accept(actor=member, answer=a)
    with pytest.raises(PermissionDenied):
        answer_delete(actor=member, answer=a)
    answer_delete(actor=expert, answer=a)
    row = Question.objects.get(item=question)
    assert row.answer_count == 0 and row.answered is False
    assert row.accepted_answer is None and row.first_answer_at is None


def test_manager_may_delete_any_answer(expert, community_manager, question):
    a = answer(expert, question)
    answer_delete(actor=community_manager, answer=a)
    assert not Answer.objects.exists()


def test_answer_xss_is_sanitised(expert, question):
    from tests.api.test_content import XSS, assert_safe

    a = answer(expert, question, XSS)
    assert_safe(a.body_html)
    assert a.body == XSS  # kept as written


def test_deleting_a_question_removes_its_answers(member, expert, question):
    from guildhall.content.services import content_item_delete

    a = answer(expert, question)
    answer_vote(actor=member, answer=a, value=1)
    answer_accept(actor=member, answer=a)
    content_item_delete(actor=member, item=question)
    assert not Question.objects.exists()
    assert not Answer.objects.exists() and not AnswerVote.objects.exists()


def test_staff_may_accept_in_private_community(staff, member, private_question):
    a = answer(member, private_question)
    answer_accept(actor=staff, answer=a)
    assert Question.objects.get(item=private_question).accepted_answer == a
