"""Notifications are queued on commit, never sent to the actor, and marked read by their owner."""

from guildhall.notifications.models import Notification
from guildhall.notifications.services import notifications_mark_read, notify
from guildhall.notifications.tasks import deliver_notifications
from tests.factories import make_item


def test_notify_delivers_once_the_transaction_commits(member, expert, outsider, run_on_commit):
    item = make_item(member)

    with run_on_commit():
        notify(
            recipient_ids=[expert.pk, outsider.pk],
            verb="comment",
            actor=member,
            item=item,
            data={"comment_id": 7},
        )
        assert not Notification.objects.exists()

    rows = Notification.objects.order_by("recipient_id")
    assert [(n.recipient, n.actor, n.verb, n.item, n.data) for n in rows] == [
        (expert, member, "comment", item, {"comment_id": 7}),
        (outsider, member, "comment", item, {"comment_id": 7}),
    ]
    assert all(n.read_at is None for n in rows)


def test_notify_never_tells_the_actor_and_deduplicates(member, expert, run_on_commit):
    with run_on_commit():
        notify(recipient_ids=[member.pk, expert.pk, expert.pk], verb="comment", actor=member)

    assert list(Notification.objects.values_list("recipient__username", flat=True)) == ["eric"]


def test_notify_with_only_the_actor_queues_nothing(member, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        notify(recipient_ids=[member.pk], verb="comment", actor=member)

    assert callbacks == []
    assert not Notification.objects.exists()


def test_notify_about_a_community(community_manager, outsider, community, run_on_commit):
    with run_on_commit():
        notify(
            recipient_ids=[community_manager.pk],
            verb="join_request",
            actor=outsider,
            community=community,
        )

    note = Notification.objects.get()
    assert (note.community, note.item, note.data) == (community, None, {})


def test_deliver_task_writes_one_row_per_recipient(member, expert, outsider):
    count = deliver_notifications.call(
        recipient_ids=[expert.pk, outsider.pk],
        verb="reply",
        actor_id=member.pk,
        item_id=None,
        community_id=None,
        data={},
    )

    assert count == 2
    assert Notification.objects.filter(verb="reply", actor=member).count() == 2


def _three_for(recipient, actor):
    # A verb that never groups: three rows.
    for _ in range(3):
        deliver_notifications.call(
            recipient_ids=[recipient.pk],
            verb="join_request_approved",
            actor_id=actor.pk,
            item_id=None,
            community_id=None,
            data={},
        )
    return list(Notification.objects.filter(recipient=recipient).order_by("id"))


def test_mark_one_read(member, expert):
    first, second, third = _three_for(member, expert)

    changed = notifications_mark_read(actor=member, ids=[second.pk])

    assert changed == 1
    for n in (first, second, third):
        n.refresh_from_db()
    assert first.read_at is None and third.read_at is None
    assert second.read_at is not None


def test_mark_all_read(member, expert):
    _three_for(member, expert)
    theirs = _three_for(expert, member)

    changed = notifications_mark_read(actor=member)

    assert changed == 3
    assert not Notification.objects.filter(recipient=member, read_at__isnull=True).exists()
    assert Notification.objects.filter(pk__in=[n.pk for n in theirs], read_at=None).count() == 3


def test_marking_someone_elses_notification_changes_nothing(member, expert):
    theirs = _three_for(expert, member)

    changed = notifications_mark_read(actor=member, ids=[n.pk for n in theirs])

    assert changed == 0
    assert Notification.objects.filter(recipient=expert, read_at__isnull=True).count() == 3


def test_marking_again_keeps_the_first_read_time(member, expert):
    first, *_ = _three_for(member, expert)
    notifications_mark_read(actor=member, ids=[first.pk])
    first.refresh_from_db()
    read_at = first.read_at

    assert notifications_mark_read(actor=member, ids=[first.pk]) == 0
    first.refresh_from_db()
    assert first.read_at == read_at


def test_a_delivery_for_a_vanished_item_or_member_is_skipped_quietly(member, expert, outsider):
    item = make_item(expert, title="Torque settings for line 4")
    item_id, gone_id = item.pk, outsider.pk
    item.delete()
    outsider.delete()

    for_the_item = deliver_notifications.call(
        recipient_ids=[expert.pk],
        verb="comment",
        actor_id=member.pk,
        item_id=item_id,
        community_id=None,
        data={},
    )
    from_a_vanished_actor = deliver_notifications.call(
        recipient_ids=[expert.pk, gone_id],
        verb="reply",
        actor_id=gone_id,
        item_id=None,
        community_id=None,
        data={},
    )

    assert for_the_item == 0
    assert from_a_vanished_actor == 1
    note = Notification.objects.get()
    assert (note.recipient, note.actor, note.actor_ids) == (expert, None, [])
