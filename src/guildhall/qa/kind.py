"""What the question kind plugs into the shared item pages and API (see content/kinds.py)."""

from guildhall.people.selectors import expert_suggestions
from guildhall.qa.models import Question
from guildhall.qa.permissions import (
    can_accept_answer,
    can_answer_question,
    can_delete_answer,
    can_edit_answer,
    can_vote_answer,
)
from guildhall.qa.selectors import answers_of, votes_of


def annotate_answers(viewer, item, answers: list) -> list:
    """What the viewer may do with each answer, in one query (their votes) for them all."""
    mine = votes_of(viewer=viewer, answers=answers)
    may_accept = can_accept_answer(viewer, item)
    for answer in answers:
        answer.item = item  # the permission checks read it; no query per answer
        answer.my_vote = mine.get(answer.pk, 0)
        answer.can_vote = can_vote_answer(viewer, answer)
        answer.can_accept = may_accept and not answer.is_accepted
        answer.can_edit = can_edit_answer(viewer, answer)
        answer.can_delete = can_delete_answer(viewer, answer)
    return answers


def detail_context(request, item) -> dict:
    """The answers under a question, in a fixed number of queries however many there are."""
    viewer = request.user
    answers = annotate_answers(viewer, item, list(answers_of(viewer=viewer, item=item)))
    return {
        "answers": answers,
        "can_answer": can_answer_question(viewer, item),
        "can_accept": can_accept_answer(viewer, item),
        # Ask an expert (people app): for the asker, while no one has answered.
        "ask_expert": {} if answers else expert_suggestions(viewer=viewer, item=item),
    }


def api_fields(items) -> dict[int, dict]:
    rows = Question.objects.filter(item_id__in=[i.pk for i in items]).values_list(
        "item_id", "answer_count", "accepted_answer_id", "first_answer_at"
    )
    published = {i.pk: i.published_at for i in items}
    fields = {
        i.pk: {"answer_count": 0, "accepted_answer": None, "first_answer_seconds": None}
        for i in items
    }
    for item_id, count, accepted, first_answer_at in rows:
        asked = published.get(item_id)
        waited = (first_answer_at - asked).total_seconds() if first_answer_at and asked else None
        fields[item_id] = {
            "answer_count": count,
            "accepted_answer": accepted,
            "first_answer_seconds": max(0, int(waited)) if waited is not None else None,
        }
    return fields
