"""Every notification type end to end: the real act, then what the recipient sees in the API
(type, actor, target, text) and on the notification centre."""

from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils.html import escape

from guildhall.communities.models import Community
from guildhall.communities.services import join_request_create
from guildhall.content.services import content_item_create
from guildhall.home.services import welcome_send
from guildhall.interactions.services import comment_create, expert_pick_set, item_recommend
from guildhall.notifications.services import review_pending_notify, review_result_notify
from guildhall.people.services import person_follow
from guildhall.qa.services import answer_accept, answer_create, question_create
from tests.conftest import login
from tests.factories import make_comment, make_item


@pytest.fixture
def cast(member, expert, outsider, community_manager, community, private_community):
    """The personas, and the public and the private community."""
    return SimpleNamespace(
        mia=member,
        eric=expert,
        olaf=outsider,
        carla=community_manager,
        community=community,
        private=private_community,
    )


def comment_on_my_item(cast):
    item = make_item(cast.mia, title="Pallet labels")
    comment_create(actor=cast.eric, item=item, body="Use GS1")
    return cast.mia, cast.eric, item, "Eric Expert commented on “Pallet labels”"


def reply_to_my_comment(cast):
    item = make_item(cast.olaf, title="Cycle counts")
    mine = make_comment(cast.mia, item, "Weekly")
    comment_create(actor=cast.eric, item=item, body="Daily", parent=mine)
    return cast.mia, cast.eric, item, "Eric Expert replied to your comment on “Cycle counts”"


def answer_to_my_question(cast):
    question = question_create(actor=cast.mia, community=cast.community, title="Safety stock?")
    answer_create(actor=cast.eric, item=question, body="Use service levels.")
    return cast.mia, cast.eric, question, "Eric Expert answered your question “Safety stock?”"


def my_answer_accepted(cast):
    question = question_create(actor=cast.mia, community=cast.community, title="Lead times?")
    answer = answer_create(actor=cast.eric, item=question, body="Measure them.")
    answer_accept(actor=cast.mia, answer=answer)
    return cast.eric, cast.mia, question, "Mia Member accepted your answer to “Lead times?”"


def mention(cast):
    item = make_item(cast.eric, title="Kanban sizing")
    comment_create(actor=cast.olaf, item=item, body="Ask @mia about it")
    return cast.mia, cast.olaf, item, "Olaf Outsider mentioned you in “Kanban sizing”"


def recommendation_to_me(cast):
    item = make_item(cast.eric, title="Dock scheduling")
    item_recommend(actor=cast.eric, item=item, to_user=cast.mia, note="Read this")
    return (
        cast.mia,
        cast.eric,
        item,
        "Eric Expert recommends “Dock scheduling” to you: “Read this”",
    )


def welcome(cast):
    welcome_send(actor=cast.eric, recipient=cast.mia, message="Glad you're here!")
    return cast.mia, cast.eric, None, "Eric Expert welcomed you: “Glad you're here!”"


def join_request_to_managers(cast):
    join_request_create(actor=cast.olaf, community=cast.private, accept_guidelines=True)
    return cast.carla, cast.olaf, cast.private, "Olaf Outsider asked to join Incident Review Board"


def expert_pick_of_my_item(cast):
    item = make_item(cast.mia, community=cast.community, title="Cross-docking")
    expert_pick_set(actor=cast.eric, item=item)
    return cast.mia, cast.eric, item, "Eric Expert made “Cross-docking” an expert pick"


def new_item_by_a_person_i_follow(cast):
    person_follow(actor=cast.mia, member=cast.eric)
    item = make_item(cast.eric, title="Forecast bias")
    return cast.mia, cast.eric, item, "Eric Expert, whom you follow, published “Forecast bias”"


def item_pending_review(cast):
    draft = content_item_create(
        actor=cast.mia, kind="post", community=cast.community, title="Lockout", publish=False
    )
    review_pending_notify(actor=cast.mia, item=draft, reviewer_ids=[cast.eric.pk])
    return cast.eric, cast.mia, draft, "“Lockout” by Mia Member is waiting for review"


def review_result(cast):
    item = make_item(cast.mia, community=cast.community, title="Hazmat labels")
    review_result_notify(actor=cast.eric, item=item, approved=True)
    return cast.mia, cast.eric, item, "Eric Expert approved “Hazmat labels”"


@pytest.mark.parametrize(
    ("act", "verb"),
    [
        (comment_on_my_item, "comment"),
        (reply_to_my_comment, "reply"),
        (answer_to_my_question, "answer"),
        (my_answer_accepted, "answer_accepted"),
        (mention, "mention"),
        (recommendation_to_me, "recommendation"),
        (welcome, "welcome"),
        (join_request_to_managers, "join_request"),
        (expert_pick_of_my_item, "expert_pick"),
        (new_item_by_a_person_i_follow, "followed_author_published"),
        (item_pending_review, "review_pending"),
        (review_result, "review_result"),
    ],
)
def test_each_type_reaches_the_api_and_the_centre(act, verb, cast, api, client, run_on_commit):
    with run_on_commit():
        recipient, actor, target, text = act(cast)

    [note] = api.as_(recipient).get("/api/v1/notifications").json()["items"]
    assert (note["type"], note["actor"], note["text"]) == (verb, actor.username, text)
    assert note["read"] is False
    if target is None:
        assert note["target"] is None
    elif isinstance(target, Community):
        assert (note["target"]["type"], note["target"]["slug"]) == ("community", target.slug)
    else:
        assert (note["target"]["type"], note["target"]["id"]) == ("item", target.pk)
    assert api.get("/api/v1/notifications/unread-count").json() == {"count": 1}
    # The actor is never told of their own act.
    theirs = api.as_(actor).get("/api/v1/notifications").json()["items"]
    assert verb not in [n["type"] for n in theirs]

    centre = login(client, recipient).get(reverse("notifications:list")).text
    assert escape(text) in centre
    assert f'href="{note["html_url"]}"' in centre
