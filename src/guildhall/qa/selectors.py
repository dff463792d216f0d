"""Reads of questions and answers; every one checks that the viewer may see the question."""

import re

from django.db.models import Count, F, Q, QuerySet
from django.http import Http404

from guildhall.content.models import ContentItem
from guildhall.content.permissions import check_view_item
from guildhall.content.selectors import content_feed, content_item_get, content_items_visible_to
from guildhall.qa.models import Answer, AnswerVote, Question

STATES = ("unanswered", "answered", "accepted", "all")
# Words too common to say two questions are alike.
_COMMON = """
    the and for can you any our get way why who are not has had was its out all one two off per
    about above after again against also among another anyone anything around because been
    before being best better between both cannot could does doing done down during each else
    ever every from further getting have having here how however into itself just know like
    make many more most much must need only other ought over same should since some still
    such than that their them then there these they thing things this those through under
    until very want ways were what when where which while will with within without would
    your yours anybody someone something does best good using use used work works
    """
STOPWORDS = set(_COMMON.split())
MIN_WORD = 3
MAX_WORDS = 8


def question_get(*, viewer, pk: int) -> ContentItem:
    item = content_item_get(viewer=viewer, pk=pk)
    if item.kind != "question":
        raise Http404("No such question.")
    return item


def answers_of(*, viewer, item: ContentItem) -> QuerySet:
    """Accepted first, then by score, then oldest: the order pages and the API show."""
    check_view_item(viewer, item)
    return (
        Answer.objects.filter(item=item)
        .select_related("author", "author__profile")
        .order_by("-is_accepted", "-score", "created_at", "id")
    )


def answer_get(*, viewer, pk: int) -> Answer:
    answer = (
        Answer.objects.select_related("item", "item__community", "item__author", "author")
        .filter(pk=pk)
        .first()
    )
    if answer is None:
        raise Http404("No such answer.")
    check_view_item(viewer, answer.item)
    return answer


def votes_of(*, viewer, answers) -> dict[int, int]:
    """The viewer's vote on each of these answers: {answer_id: 1 | -1}, in one query."""
    if not viewer.is_authenticated:
        return {}
    return dict(
        AnswerVote.objects.filter(voter=viewer, answer__in=[a.pk for a in answers]).values_list(
            "answer_id", "value"
        )
    )


def questions_list(*, viewer, community=None, state: str = "unanswered") -> QuerySet:
    """Questions the viewer may see, newest first, in one community or (None) company-wide;
    `state`: unanswered, answered, accepted or all."""
    items = content_feed(viewer=viewer, community=community, kind="question")
    if state == "unanswered":
        items = items.filter(question__answered=False)
    elif state == "answered":
        items = items.filter(question__answered=True)
    elif state == "accepted":
        items = items.filter(question__accepted_answer__isnull=False)
    return items.select_related("question")


def significant_words(text: str) -> list[str]:
    words = []
    for word in re.findall(r"[\w][\w+#.-]*", text.lower()):
        word = word.strip(".-")
        if len(word) >= MIN_WORD and word not in STOPWORDS and word not in words:
            words.append(word)
    return words[:MAX_WORDS]


def similar_questions(*, viewer, title: str, community=None, exclude_pk=None, limit: int = 5):
    """Visible questions whose titles share significant words with `title`, most shared first."""
    words = significant_words(title)
    if not words:
        return []
    match = Q()
    for word in words:
        match |= Q(title__icontains=word)
    items = content_items_visible_to(viewer).filter(
        match, kind="question", status=ContentItem.Status.PUBLISHED
    )
    if exclude_pk:
        items = items.exclude(pk=exclude_pk)
    candidates = list(
        items.select_related("community", "question").order_by("-published_at", "-id")[:50]
    )

    def rank(item):
        lowered = item.title.lower()
        shared = sum(1 for word in words if word in lowered)
        same_place = community is not None and item.community_id == community.pk
        return (-shared, not same_place)

    candidates.sort(key=rank)
    return candidates[:limit]


# --- What questions tell other apps (registered in qa.apps) --------------------------------------


def accepted_answers_since(*, since) -> QuerySet:
    """Home's helpfulness source: (helper id, community id, item visibility) per answer
    accepted since `since` on a published question, the asker's own answers excluded."""
    return (
        Answer.objects.filter(
            is_accepted=True,
            item__question__accepted_at__gte=since,
            item__status=ContentItem.Status.PUBLISHED,
        )
        .exclude(author_id=F("item__author_id"))
        .values_list("author_id", "item__community_id", "item__visibility")
    )


def accepted_answer_counts(*, items: QuerySet) -> QuerySet:
    """The expert finder's evidence: (author id, accepted answers) on those items."""
    return (
        Answer.objects.filter(is_accepted=True, item__in=items)
        .values("author_id")
        .annotate(n=Count("id"))
        .values_list("author_id", "n")
    )


def question_is_answered(*, item: ContentItem) -> bool:
    return Question.objects.filter(item=item, answered=True).exists()
