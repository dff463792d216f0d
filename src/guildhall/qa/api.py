"""/api/v1: questions (company-wide or a community's, by answered state), similar questions,
answers, votes and the accepted answer.

A question in a private community exists only for its members (and staff): anyone else gets 404
for it and its answers, exactly as for a question that does not exist.
"""

from ninja import Query, Router, Status

from guildhall.communities.selectors import community_get
from guildhall.content.hooks import attach_api_fields
from guildhall.content.schemas import ItemListOut
from guildhall.content.selectors import content_item_get
from guildhall.core.api_support import ListParams, page
from guildhall.core.api_types import Id, errors
from guildhall.qa import selectors, services
from guildhall.qa.schemas import AnswerIn, AnswerListOut, AnswerOut, QuestionsQuery, VoteIn

router = Router(tags=["qa"])


def _with_my_vote(viewer, answers: list) -> list:
    mine = selectors.votes_of(viewer=viewer, answers=answers)
    for answer in answers:
        answer.my_vote = mine.get(answer.pk, 0)
    return answers


def _answer(viewer, pk: int):
    return _with_my_vote(viewer, [selectors.answer_get(viewer=viewer, pk=pk)])[0]


@router.get(
    "/questions",
    response={200: ItemListOut, **errors(401, 404, 422)},
    summary="Questions, by answered state",
)
def questions_list(request, params: Query[QuestionsQuery]):
    """Questions the caller may see, newest first: `answered=false` is where help is wanted;
    `community` (slug) narrows to one community, company-wide otherwise."""
    community = (
        community_get(viewer=request.auth, slug=params.community) if params.community else None
    )
    state = {None: "all", True: "answered", False: "unanswered"}[params.answered]
    questions = selectors.questions_list(viewer=request.auth, community=community, state=state)
    found, count = page(questions, limit=params.limit, offset=params.offset)
    return {"items": attach_api_fields(found), "count": count}


@router.get(
    "/content/{id}/similar",
    response={200: ItemListOut, **errors(401, 404)},
    summary="Similar questions",
)
def similar_list(request, id: Id):
    """Up to five questions whose titles share significant words with this item's title (the
    same community's first): what the ask page suggests before a duplicate is asked."""
    item = content_item_get(viewer=request.auth, pk=id)
    similar = selectors.similar_questions(
        viewer=request.auth, title=item.title, community=item.community, exclude_pk=item.pk
    )
    return {"items": attach_api_fields(similar), "count": len(similar)}


@router.get(
    "/content/{id}/answers",
    response={200: AnswerListOut, **errors(401, 404, 422)},
    summary="Answers to a question",
)
def answers_list(request, id: Id, params: Query[ListParams]):
    """The question's answers: the accepted one first, then by score, then oldest first."""
    item = selectors.question_get(viewer=request.auth, pk=id)
    found, count = page(
        selectors.answers_of(viewer=request.auth, item=item),
        limit=params.limit,
        offset=params.offset,
    )
    return {"items": _with_my_vote(request.auth, found), "count": count}


@router.post(
    "/content/{id}/answers",
    response={201: AnswerOut, **errors(401, 403, 404, 422)},
    summary="Answer a question",
)
def answer_create(request, id: Id, payload: AnswerIn):
    """Members of the question's community answer (`{"body": "Markdown"}`); the asker is
    notified."""
    item = selectors.question_get(viewer=request.auth, pk=id)
    answer = services.answer_create(actor=request.auth, item=item, body=payload.body)
    return Status(201, _answer(request.auth, answer.pk))


@router.get(
    "/answers/{id}", response={200: AnswerOut, **errors(401, 404, 422)}, summary="One answer"
)
def answer_detail(request, id: Id):
    return _answer(request.auth, id)


@router.patch(
    "/answers/{id}",
    response={200: AnswerOut, **errors(401, 403, 404, 422)},
    summary="Change your answer",
)
def answer_update(request, id: Id, payload: AnswerIn):
    answer = selectors.answer_get(viewer=request.auth, pk=id)
    services.answer_update(actor=request.auth, answer=answer, body=payload.body)
    return _answer(request.auth, id)


@router.delete(
    "/answers/{id}",
    response={204: None, **errors(401, 403, 404, 422)},
    summary="Delete an answer",
)
def answer_delete(request, id: Id):
    """Your own answer, or (community managers and staff) any answer in the community."""
    answer = selectors.answer_get(viewer=request.auth, pk=id)
    services.answer_delete(actor=request.auth, answer=answer)
    return Status(204, None)


@router.post(
    "/answers/{id}/vote",
    response={200: AnswerOut, **errors(401, 403, 404, 422)},
    summary="Vote on an answer",
)
def answer_vote(request, id: Id, payload: VoteIn):
    """`{"value": 1}` (useful) or `-1` (not useful); `0` clears your vote. One vote per member,
    changeable; not on your own answer. Answers the answer with its new score."""
    answer = selectors.answer_get(viewer=request.auth, pk=id)
    services.answer_vote(actor=request.auth, answer=answer, value=payload.value)
    return _answer(request.auth, id)


@router.post(
    "/answers/{id}/accept",
    response={200: AnswerOut, **errors(401, 403, 404, 422)},
    summary="Accept an answer",
)
def answer_accept(request, id: Id):
    """The asker or the community's experts and managers accept one answer; accepting another
    later switches the accepted answer. The answer's author is notified."""
    answer = selectors.answer_get(viewer=request.auth, pk=id)
    services.answer_accept(actor=request.auth, answer=answer)
    return _answer(request.auth, id)
