"""Every write of questions, answers and votes. Each checks its permission first."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from guildhall.content.models import ContentItem
from guildhall.content.services import content_item_create
from guildhall.core.events import record
from guildhall.core.exceptions import ValidationError
from guildhall.core.markdown import render_markdown
from guildhall.core.ratelimit import check_write_rate
from guildhall.notifications.services import notify
from guildhall.qa.models import Answer, AnswerVote, Question
from guildhall.qa.permissions import (
    check_accept_answer,
    check_answer_question,
    check_delete_answer,
    check_edit_answer,
    check_vote_answer,
)

MAX_ANSWER = 50_000


@transaction.atomic
def question_create(
    *,
    actor,
    community,
    title: str,
    body: str = "",
    tags=(),
    publish: bool = True,
    data: dict | None = None,
    file=None,
) -> ContentItem:
    """Ask a question in a community: the item and its Question row, in one transaction."""
    item = content_item_create(
        actor=actor,
        kind="question",
        community=community,
        title=title,
        body=body,
        tags=tags,
        publish=publish,
    )
    Question.objects.create(item=item)
    return item


def _question_of(item: ContentItem) -> Question:
    """The question row, locked for the rest of the transaction (created if it is missing)."""
    question, _ = Question.objects.select_for_update().get_or_create(item=item)
    return question


def _clean_body(body: str) -> str:
    if not body or not body.strip():
        raise ValidationError({"body": "Write your answer first."})
    if len(body) > MAX_ANSWER:
        raise ValidationError(
            {"body": f"The answer is too long (at most {MAX_ANSWER:,} characters)."}
        )
    return body.strip()


@transaction.atomic
def answer_create(*, actor, item: ContentItem, body: str) -> Answer:
    check_answer_question(actor, item)
    check_write_rate(actor)
    body = _clean_body(body)
    question = _question_of(item)
    answer = Answer.objects.create(
        item=item, author=actor, body=body, body_html=render_markdown(body)
    )
    question.answer_count = F("answer_count") + 1
    question.answered = True
    fields = ["answer_count", "answered"]
    if question.first_answer_at is None:
        question.first_answer_at = answer.created_at
        fields.append("first_answer_at")
    question.save(update_fields=fields)
    ContentItem.objects.filter(pk=item.pk).update(last_activity_at=answer.created_at)
    record(actor, "answer", item, community=item.community, data={"answer_id": answer.pk})
    notify(
        recipient_ids=[item.author_id],
        verb="answer",
        actor=actor,
        item=item,
        community=item.community,
        data={"answer_id": answer.pk},
    )
    return answer


@transaction.atomic
def answer_update(*, actor, answer: Answer, body: str) -> Answer:
    check_edit_answer(actor, answer)
    check_write_rate(actor)
    answer.body = _clean_body(body)
    answer.body_html = render_markdown(answer.body)
    answer.save(update_fields=["body", "body_html", "updated_at"])
    record(
        actor,
        "edit_answer",
        answer.item,
        community=answer.item.community,
        data={"answer_id": answer.pk},
    )
    return answer


def _recount(question: Question) -> None:
    first = Answer.objects.filter(item_id=question.item_id).order_by("created_at").first()
    question.answer_count = Answer.objects.filter(item_id=question.item_id).count()
    question.answered = question.answer_count > 0
    question.first_answer_at = first.created_at if first else None
    question.save(
        update_fields=[
            "answer_count",
            "answered",
            "first_answer_at",
            "accepted_answer",
            "accepted_at",
        ]
    )


@transaction.atomic
def answer_delete(*, actor, answer: Answer) -> None:
    check_delete_answer(actor, answer)
    item = answer.item
    question = _question_of(item)
    if question.accepted_answer_id == answer.pk:
        question.accepted_answer = None
        question.accepted_at = None
    record(
        actor,
        "delete_answer",
        item,
        community=item.community,
        data={"answer_id": answer.pk, "author": answer.author_id},
    )
    answer.delete()
    _recount(question)


@transaction.atomic
def answer_vote(*, actor, answer: Answer, value: int) -> Answer:
    """Vote an answer up (1) or down (-1), change the vote, or clear it (0)."""
    if value not in (1, -1, 0):
        raise ValidationError({"value": "Vote 1 (up) or -1 (down), or 0 to clear your vote."})
    check_vote_answer(actor, answer)
    check_write_rate(actor)
    Answer.objects.select_for_update().filter(pk=answer.pk).first()  # serialise votes
    vote = AnswerVote.objects.filter(answer=answer, voter=actor).first()
    before = vote.value if vote else 0
    if value == before:
        return answer
    if vote is None:
        AnswerVote.objects.create(answer=answer, voter=actor, value=value)
    elif value == 0:
        vote.delete()
    else:
        vote.value = value
        vote.save(update_fields=["value"])
    Answer.objects.filter(pk=answer.pk).update(score=F("score") + (value - before))
    answer.refresh_from_db(fields=["score"])
    record(
        actor,
        "vote",
        answer.item,
        community=answer.item.community,
        data={"answer_id": answer.pk, "value": value},
    )
    return answer


@transaction.atomic
def answer_accept(*, actor, answer: Answer) -> Answer:
    """Accept this answer; any answer accepted before is no longer (one at a time)."""
    check_accept_answer(actor, answer)
    check_write_rate(actor)
    item = answer.item
    question = _question_of(item)
    if question.accepted_answer_id == answer.pk and answer.is_accepted:
        return answer
    Answer.objects.filter(item=item, is_accepted=True).update(is_accepted=False)
    answer.is_accepted = True
    answer.save(update_fields=["is_accepted"])
    question.accepted_answer = answer
    question.accepted_at = timezone.now()
    question.save(update_fields=["accepted_answer", "accepted_at"])
    record(actor, "accept", item, community=item.community, data={"answer_id": answer.pk})
    notify(
        recipient_ids=[answer.author_id],
        verb="answer_accepted",
        actor=actor,
        item=item,
        community=item.community,
        data={"answer_id": answer.pk},
    )
    return answer
