"""A member's notifications: never about what they can no longer see; unread counts; words."""

from guildhall.communities.services import (
    community_update,
    join_request_create,
    join_request_decide,
    membership_join,
    membership_leave,
)
from guildhall.content.services import content_item_delete
from guildhall.interactions.services import comment_create
from guildhall.notifications.models import Notification
from guildhall.notifications.selectors import notifications_for, rendered, unread_count
from guildhall.notifications.services import notifications_mark_read
from tests.factories import make_comment, make_item


def verbs(qs) -> list[str]:
    return [n.verb for n in qs]


def test_notifications_newest_first(member, expert, community, run_on_commit):
    item = make_item(member, community=community)
    other = make_item(member, community=community)
    with run_on_commit():
        first = comment_create(actor=expert, item=item, body="One")
    with run_on_commit():
        second = comment_create(actor=expert, item=other, body="Two")

    listed = list(notifications_for(viewer=member))

    assert [n.data["comment_id"] for n in listed] == [second.pk, first.pk]
    assert unread_count(viewer=member) == 2


def test_leaving_a_private_community_hides_its_notifications(
    member, community_manager, private_community, run_on_commit
):
    item = make_item(community_manager, community=private_community, title="Postmortem")
    mine = make_comment(member, item, "My take")
    with run_on_commit():
        comment_create(actor=community_manager, item=item, body="Thanks", parent=mine)
    assert verbs(notifications_for(viewer=member)) == ["reply"]
    assert unread_count(viewer=member) == 1

    membership_leave(actor=member, community=private_community)

    assert list(notifications_for(viewer=member)) == []
    assert unread_count(viewer=member) == 0
    assert Notification.objects.filter(recipient=member).count() == 1  # kept, just not shown


def test_a_community_made_private_hides_notifications_from_non_members(
    member, outsider, community_manager, community, run_on_commit
):
    post = make_item(outsider, title="Olaf's blog post")  # company-wide: stays visible
    item = make_item(member, community=community, title="Public discussion")
    membership_join(actor=outsider, community=community, accept_guidelines=True)
    olafs = make_comment(outsider, item, "Olaf's comment")
    with run_on_commit():
        comment_create(actor=member, item=post, body="Nice post")
    with run_on_commit():
        comment_create(actor=member, item=item, body="Answer", parent=olafs)
    membership_leave(actor=outsider, community=community)
    assert unread_count(viewer=outsider) == 2  # public: still visible after leaving

    community_update(actor=community_manager, community=community, visibility="private")

    assert [n.item for n in notifications_for(viewer=outsider)] == [post]
    assert unread_count(viewer=outsider) == 1


def test_notifications_about_deleted_items_disappear(member, expert, run_on_commit):
    item = make_item(expert)
    with run_on_commit():
        comment_create(actor=expert, item=item, body="Over to @mia")
    assert unread_count(viewer=member) == 1  # now cached for the bell

    content_item_delete(actor=expert, item=item)

    assert list(notifications_for(viewer=member)) == []
    assert not Notification.objects.exists()
    assert unread_count(viewer=member) == 0


def test_join_request_notifications(community_manager, outsider, private_community, run_on_commit):
    with run_on_commit():
        request = join_request_create(
            actor=outsider, community=private_community, accept_guidelines=True
        )
    assert verbs(notifications_for(viewer=community_manager)) == ["join_request"]

    with run_on_commit():
        join_request_decide(actor=community_manager, join_request=request, approve=False)

    # Declined: Olaf cannot see the community, yet learns the answer.
    assert verbs(notifications_for(viewer=outsider)) == ["join_request_declined"]


def test_approved_join_request_notification_is_visible(
    community_manager, outsider, private_community, run_on_commit
):
    request = join_request_create(
        actor=outsider, community=private_community, accept_guidelines=True
    )
    with run_on_commit():
        join_request_decide(actor=community_manager, join_request=request, approve=True)

    assert verbs(notifications_for(viewer=outsider)) == ["join_request_approved"]


def test_unread_only_and_unread_count_follow_mark_read(member, expert, run_on_commit):
    with run_on_commit():
        comment_create(actor=expert, item=make_item(member), body="One")
    with run_on_commit():
        comment_create(actor=expert, item=make_item(member), body="Two")
    first = Notification.objects.filter(recipient=member).order_by("id").first()

    notifications_mark_read(actor=member, ids=[first.pk])

    assert unread_count(viewer=member) == 1
    assert len(notifications_for(viewer=member, unread_only=True)) == 1
    assert len(notifications_for(viewer=member)) == 2
    notifications_mark_read(actor=member)
    assert unread_count(viewer=member) == 0


def test_others_notifications_are_never_listed(member, expert, run_on_commit):
    item = make_item(member)
    with run_on_commit():
        comment_create(actor=expert, item=item, body="Hi")

    assert list(notifications_for(viewer=expert)) == []
    assert unread_count(viewer=expert) == 0


def test_rendered_gives_words_and_links(
    member, expert, community_manager, outsider, private_community, run_on_commit
):
    item = make_item(member, title="Pallet labels")
    with run_on_commit():
        comment = comment_create(actor=expert, item=item, body="Hi")
    with run_on_commit():
        join_request_create(actor=outsider, community=private_community, accept_guidelines=True)

    [for_mia] = rendered(notifications_for(viewer=member))
    [for_carla] = rendered(notifications_for(viewer=community_manager))

    assert for_mia["text"] == "Eric Expert commented on “Pallet labels”"
    assert for_mia["url"].endswith(f"#comment-{comment.pk}")
    assert for_mia["url"].startswith(f"/content/{item.pk}/")
    assert for_carla["text"] == "Olaf Outsider asked to join Incident Review Board"
    assert private_community.slug in for_carla["url"]


def test_notifications_at_the_same_instant_keep_a_stable_newest_first_order(
    member, expert, run_on_commit
):
    item = make_item(member)
    for body in ("One", "Two", "Three"):
        with run_on_commit():
            comment_create(actor=expert, item=item, body=body)
    same = Notification.objects.filter(recipient=member).first().created_at
    Notification.objects.filter(recipient=member).update(created_at=same)

    listed = [n.pk for n in notifications_for(viewer=member)]

    assert listed == sorted(listed, reverse=True)
