"""The rules of notification types beyond their plain path (each type end to end is in
test_end_to_end.py): never for one's own act; never about an item the recipient can't see;
which types keep each act apart."""

import pytest

from guildhall.content.models import ContentItem
from guildhall.content.services import content_item_create, content_item_publish
from guildhall.home.services import welcome_send
from guildhall.interactions.services import comment_create
from guildhall.notifications import registry
from guildhall.notifications.selectors import notifications_for, rendered
from guildhall.notifications.services import review_pending_notify, review_result_notify
from guildhall.people.services import person_follow
from tests.factories import make_item


def texts(user) -> list[tuple[str, str]]:
    return [(e["notification"].verb, e["text"]) for e in rendered(notifications_for(viewer=user))]


def test_a_mention_in_a_private_community_never_reaches_a_non_member(
    member, outsider, community_manager, private_community, run_on_commit
):
    item = make_item(community_manager, community=private_community, title="Root cause")
    with run_on_commit():
        comment_create(actor=community_manager, item=item, body="@olaf and @mia, have a look")
    with run_on_commit():
        make_item(community_manager, community=private_community, body="Thanks @olaf")

    assert [verb for verb, _ in texts(member)] == ["mention"]
    assert not outsider.notifications.exists()  # not even a hidden row


def test_mentioning_myself_tells_nobody(member, run_on_commit):
    with run_on_commit():
        item = make_item(member, title="Notes to self", body="Remember, @mia")
        comment_create(actor=member, item=item, body="And again @mia")

    assert not member.notifications.exists()


def test_every_follower_hears_of_a_new_item(member, expert, outsider, run_on_commit):
    person_follow(actor=member, member=expert)
    person_follow(actor=outsider, member=expert)
    with run_on_commit():
        make_item(expert, title="Forecast bias")

    for follower in (member, outsider):
        assert texts(follower) == [
            ("followed_author_published", "Eric Expert, whom you follow, published “Forecast bias”")
        ]
    assert texts(expert) == []


def test_a_draft_tells_followers_when_published(member, expert, run_on_commit):
    person_follow(actor=member, member=expert)
    with run_on_commit():
        draft = content_item_create(actor=expert, kind="post", title="Draft", publish=False)
    assert texts(member) == []

    with run_on_commit():
        content_item_publish(actor=expert, item=draft)
    assert [verb for verb, _ in texts(member)] == ["followed_author_published"]


def test_followers_who_cannot_see_a_private_item_get_nothing(
    member, outsider, community_manager, private_community, run_on_commit
):
    person_follow(actor=member, member=community_manager)
    person_follow(actor=outsider, member=community_manager)
    with run_on_commit():
        make_item(community_manager, community=private_community, title="Root cause")

    assert [verb for verb, _ in texts(member)] == ["followed_author_published"]
    assert texts(outsider) == []
    assert not outsider.notifications.exists()


def test_review_pending_tells_the_reviewers_of_a_draft(member, expert, community, run_on_commit):
    # Moderation (a later issue) calls this when an item in a pre-moderated community waits.
    draft = content_item_create(
        actor=member, kind="post", community=community, title="Lockout steps", publish=False
    )
    with run_on_commit():
        review_pending_notify(actor=member, item=draft, reviewer_ids=[expert.pk, member.pk])

    assert texts(expert) == [
        ("review_pending", "“Lockout steps” by Mia Member is waiting for review")
    ]
    assert texts(member) == []  # never about one's own act


def test_review_pending_in_a_private_community_reaches_only_its_members(
    member, outsider, community_manager, private_community, run_on_commit
):
    draft = content_item_create(
        actor=member, kind="post", community=private_community, title="Near miss", publish=False
    )
    with run_on_commit():
        review_pending_notify(
            actor=member, item=draft, reviewer_ids=[community_manager.pk, outsider.pk]
        )

    assert [verb for verb, _ in texts(community_manager)] == ["review_pending"]
    assert texts(outsider) == []


@pytest.mark.parametrize(
    ("approved", "note", "status", "text"),
    [
        (True, "", ContentItem.Status.PUBLISHED, "Eric Expert approved “Hazmat labels”"),
        (
            False,
            "Cite the regulation",
            ContentItem.Status.REJECTED,
            "Eric Expert did not approve “Hazmat labels”: “Cite the regulation”",
        ),
    ],
)
def test_review_result_tells_the_author(
    member, expert, community, run_on_commit, approved, note, status, text
):
    item = content_item_create(
        actor=member, kind="post", community=community, title="Hazmat labels", publish=False
    )
    # Moderation will set the state; the author sees their own item whatever its state.
    ContentItem.objects.filter(pk=item.pk).update(status=status)
    with run_on_commit():
        review_result_notify(actor=expert, item=item, approved=approved, note=note)

    assert texts(member) == [("review_result", text)]


def test_welcomes_are_never_grouped(member, expert, outsider, run_on_commit):
    for actor in (expert, outsider):
        with run_on_commit():
            welcome_send(actor=actor, recipient=member, message="Glad you're here!")

    # Each welcome is its own entry: it carries its own message.
    assert texts(member) == [
        ("welcome", "Olaf Outsider welcomed you: “Glad you're here!”"),
        ("welcome", "Eric Expert welcomed you: “Glad you're here!”"),
    ]


def test_every_registered_verb_has_a_human_label():
    for spec in registry.verbs():
        assert spec.label and spec.label != spec.name.replace("_", " ").capitalize(), spec.name
