"""Grouping of unread repeats, and each delivery preference: off, in the app, email, digest."""

from django.core import mail

from guildhall.communities.services import membership_leave
from guildhall.interactions.services import comment_create
from guildhall.notifications.emails import send_notification_emails
from guildhall.notifications.models import Notification
from guildhall.notifications.selectors import notifications_for, rendered, unread_count
from guildhall.notifications.services import (
    notification_preferences_set,
    notifications_deliver,
    notifications_mark_read,
)
from tests.factories import make_comment, make_item, make_member


def entries(user) -> list[str]:
    return [e["text"] for e in rendered(notifications_for(viewer=user))]


def test_repeats_on_one_item_are_one_entry_while_unread(member, expert, outsider, run_on_commit):
    item = make_item(member, title="Pallet labels")
    pat = make_member("pat", name="Pat Planner")
    for actor in (expert, outsider, pat, expert):
        with run_on_commit():
            comment_create(actor=actor, item=item, body="Me too")

    [entry] = rendered(notifications_for(viewer=member))
    assert entry["text"] == "Eric Expert and 2 others commented on “Pallet labels”"
    assert entry["notification"].count == 4
    assert entry["actors"] == ["eric", "pat", "olaf"]  # latest first, each once
    assert unread_count(viewer=member) == 1  # what the member sees


def test_a_busy_items_entry_names_the_latest_actors_and_counts_them_all(member, expert):
    others = [make_member(f"reader{n}") for n in range(Notification.MAX_ACTORS + 4)]
    item = make_item(member, title="Pallet labels")
    for actor in [*others, expert, others[-1]]:
        notifications_deliver(
            recipient_ids=[member.pk],
            verb="comment",
            actor_id=actor.pk,
            item_id=item.pk,
            community_id=None,
            data={},
        )

    [entry] = rendered(notifications_for(viewer=member))
    latest = others[-1].name  # Eric and every reader once: the latest and len(others) others
    assert entry["text"] == f"{latest} and {len(others)} others commented on “Pallet labels”"
    assert entry["notification"].count == len(others) + 2
    assert len(entry["actors"]) == Notification.MAX_ACTORS
    assert entry["actors"][:3] == [others[-1].username, "eric", others[-2].username]


def test_the_grouped_entry_links_to_the_first_new_comment(member, expert, outsider, run_on_commit):
    item = make_item(member)
    with run_on_commit():
        first = comment_create(actor=expert, item=item, body="One")
    with run_on_commit():
        comment_create(actor=outsider, item=item, body="Two")

    [entry] = rendered(notifications_for(viewer=member))
    assert entry["url"].endswith(f"#comment-{first.pk}")


def test_after_reading_a_repeat_starts_a_new_entry(member, expert, outsider, run_on_commit):
    item = make_item(member, title="Pallet labels")
    with run_on_commit():
        comment_create(actor=expert, item=item, body="One")
    notifications_mark_read(actor=member)
    with run_on_commit():
        comment_create(actor=outsider, item=item, body="Two")

    assert entries(member) == [
        "Olaf Outsider commented on “Pallet labels”",
        "Eric Expert commented on “Pallet labels”",
    ]
    assert unread_count(viewer=member) == 1


def test_different_items_and_verbs_are_not_grouped(member, expert, run_on_commit):
    first, second = make_item(member, title="A"), make_item(member, title="B")
    with run_on_commit():
        comment_create(actor=expert, item=first, body="x")
    with run_on_commit():
        comment_create(actor=expert, item=second, body="y")

    assert entries(member) == [
        "Eric Expert commented on “B”",
        "Eric Expert commented on “A”",
    ]


def test_off_creates_nothing(member, expert, run_on_commit):
    notification_preferences_set(actor=member, deliveries={"comment": "off"})
    with run_on_commit():
        comment_create(actor=expert, item=make_item(member), body="Hi")

    assert not Notification.objects.filter(recipient=member).exists()
    assert mail.outbox == []


def test_in_the_app_only_sends_no_email(member, expert, run_on_commit):
    notification_preferences_set(actor=member, deliveries={"comment": "app"})
    with run_on_commit():
        comment_create(actor=expert, item=make_item(member), body="Hi")

    assert len(entries(member)) == 1
    assert mail.outbox == []


def test_email_at_once_sends_plain_text_and_html(member, expert, run_on_commit, settings):
    settings.GUILDHALL_SITE_URL = "https://guildhall.example.com"
    notification_preferences_set(actor=member, deliveries={"comment": "email"})
    item = make_item(member, title="Pallet labels & barcodes")
    with run_on_commit():
        comment_create(actor=expert, item=item, body="Hi")

    [message] = mail.outbox
    note = Notification.objects.get(recipient=member)
    assert message.to == ["mia@example.com"]
    assert message.subject == "Eric Expert commented on “Pallet labels & barcodes”"
    link = f"https://guildhall.example.com/notifications/{note.pk}/open/"
    assert link in message.body
    assert "Pallet labels & barcodes" in message.body  # plain text: not HTML-escaped
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    assert f'href="{link}"' in html
    assert "Pallet labels &amp; barcodes" in html
    assert "https://guildhall.example.com/settings/notifications/" in html


def test_each_repeat_is_emailed_when_email_is_chosen(member, expert, outsider, run_on_commit):
    notification_preferences_set(actor=member, deliveries={"comment": "email"})
    item = make_item(member, title="Labels")
    for actor in (expert, outsider):
        with run_on_commit():
            comment_create(actor=actor, item=item, body="Hi")

    assert [m.subject for m in mail.outbox] == [
        "Eric Expert commented on “Labels”",
        "Olaf Outsider and 1 other commented on “Labels”",
    ]


def test_digest_notifications_show_in_the_app_without_email(member, expert, run_on_commit):
    notification_preferences_set(actor=member, deliveries={"comment": "digest"})
    with run_on_commit():
        comment_create(actor=expert, item=make_item(member), body="Hi")

    assert len(entries(member)) == 1
    assert mail.outbox == []


def test_defaults_apply_without_a_choice(member, expert, community, run_on_commit):
    # "comment" goes to the digest by default: no email; "mention" is emailed at once.
    with run_on_commit():
        comment_create(actor=expert, item=make_item(member), body="Hi")
    assert mail.outbox == []
    with run_on_commit():
        comment_create(actor=expert, item=make_item(expert), body="Over to @mia")
    assert [m.subject for m in mail.outbox] == [
        f"Eric Expert mentioned you in “{Notification.objects.latest('id').item.title}”"
    ]


def test_no_email_about_an_item_the_member_can_no_longer_see(
    member, community_manager, private_community, run_on_commit
):
    notification_preferences_set(actor=member, deliveries={"reply": "email"})
    item = make_item(community_manager, community=private_community)
    mine = make_comment(member, item, "Mine")
    with run_on_commit():
        comment_create(actor=community_manager, item=item, body="Hi", parent=mine)
    assert len(mail.outbox) == 1
    note = Notification.objects.get(recipient=member)

    # Mia left before a queued email was sent: it is not sent.
    membership_leave(actor=member, community=private_community)
    assert send_notification_emails(notification_ids=[note.pk]) == 0
    assert len(mail.outbox) == 1
