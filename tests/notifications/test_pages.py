"""The notification centre, the bell and its dropdown, and the settings page."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from guildhall.interactions.services import comment_create
from guildhall.notifications.models import Notification, NotificationPreference
from guildhall.notifications.services import notifications_deliver
from tests.conftest import login
from tests.factories import make_item, make_member


def comments_on_items_of(author, count: int, run_on_commit, actors=None):
    actors = actors or [make_member(f"reader{author.pk}x{count}", name="Rae Reader")]
    for n in range(count):
        item = make_item(author, title=f"Note {n}")
        for actor in actors:
            with run_on_commit():
                comment_create(actor=actor, item=item, body="Seen it")


def _queries(client, url: str) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_centre_lists_newest_first_unread_highlighted_and_filters(
    client, member, expert, run_on_commit
):
    comments_on_items_of(member, 3, run_on_commit, actors=[expert])
    oldest = Notification.objects.order_by("id").first()
    Notification.objects.filter(pk=oldest.pk).update(read_at=oldest.created_at)
    login(client, member)

    page = client.get(reverse("notifications:list")).content.decode()
    assert page.index("Note 2") < page.index("Note 1") < page.index("Note 0")
    assert page.count("notification-unread") == 2
    assert f'href="/notifications/{oldest.pk}/open/"' in page

    unread = client.get(reverse("notifications:list"), {"filter": "unread"}).content.decode()
    assert "Note 0" not in unread and "Note 2" in unread


def test_following_the_link_marks_read_and_leads_to_the_comment(
    client, member, expert, run_on_commit
):
    item = make_item(member)
    with run_on_commit():
        comment = comment_create(actor=expert, item=item, body="Hi")
    note = Notification.objects.get()
    login(client, member)

    response = client.get(reverse("notifications:open", args=[note.pk]))

    assert response.status_code == 302
    assert response["Location"] == f"{item.get_absolute_url()}#comment-{comment.pk}"
    note.refresh_from_db()
    assert note.read_at is not None


def test_someone_elses_notification_does_not_open(client, member, expert, run_on_commit):
    with run_on_commit():
        comment_create(actor=expert, item=make_item(member), body="Hi")
    login(client, expert)
    note = Notification.objects.get()
    assert client.get(reverse("notifications:open", args=[note.pk])).status_code == 404
    note.refresh_from_db()
    assert note.read_at is None


def test_mark_all_read_and_empty_states(client, member, expert, run_on_commit):
    comments_on_items_of(member, 2, run_on_commit, actors=[expert])
    login(client, member)
    assert "Mark all read" in client.get(reverse("notifications:list")).content.decode()

    response = client.post(reverse("notifications:read"))

    assert response.status_code == 302
    assert not Notification.objects.filter(read_at__isnull=True).exists()
    unread = client.get(reverse("notifications:list"), {"filter": "unread"}).content.decode()
    assert "No unread notifications" in unread
    login(client, expert)
    assert "all caught up" in client.get(reverse("notifications:list")).content.decode()


def test_mark_all_read_needs_csrf(member, expert, run_on_commit):
    from django.test import Client

    comments_on_items_of(member, 1, run_on_commit, actors=[expert])
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    assert client.post(reverse("notifications:read")).status_code == 403
    assert Notification.objects.filter(read_at__isnull=True).exists()


def test_bell_partial_and_dropdown(client, member, expert, outsider, run_on_commit):
    item = make_item(member, title="Pallet labels")
    for actor in (expert, outsider):
        with run_on_commit():
            comment_create(actor=actor, item=item, body="Hi")
    login(client, member)

    bell = client.get(reverse("notifications:bell"), headers={"HX-Request": "true"})
    assert 'aria-label="Notifications: 1 unread"' in bell.content.decode()
    assert 'class="bell-count" aria-hidden="true">1<' in bell.content.decode()
    assert "no-cache" in bell["Cache-Control"] or "max-age=0" in bell["Cache-Control"]
    # Polled every 20 s while visible (static/guildhall/bell.js sends the event).
    assert 'hx-trigger="bell-refresh from:body" data-poll-seconds="20"' in bell.content.decode()

    dropdown = client.get(reverse("notifications:dropdown")).content.decode()
    assert "Olaf Outsider and 1 other commented on “Pallet labels”" in dropdown
    assert "2 new" in dropdown


def test_bell_count_is_cached_between_polls(client, member, expert, run_on_commit):
    comments_on_items_of(member, 2, run_on_commit, actors=[expert])
    login(client, member)
    client.get(reverse("notifications:bell"))
    with CaptureQueriesContext(connection) as ctx:
        client.get(reverse("notifications:bell"))
    assert not any("notifications_notification" in q["sql"] for q in ctx.captured_queries)


@pytest.mark.parametrize("url", ["notifications:list", "notifications:dropdown"])
def test_query_counts_are_fixed(client, member, expert, run_on_commit, url):
    comments_on_items_of(member, 2, run_on_commit, actors=[expert])
    login(client, member)
    few = _queries(client, reverse(url))

    others = [make_member(f"crowd{i}", name=f"Crowd Person{i}") for i in range(3)]
    comments_on_items_of(member, 8, run_on_commit, actors=others)

    assert _queries(client, reverse(url)) == few


def test_centre_with_many_notifications_within_budget(
    client, member, run_on_commit, django_assert_max_num_queries
):
    comments_on_items_of(member, 12, run_on_commit)
    login(client, member)
    with django_assert_max_num_queries(14):
        client.get(reverse("notifications:list"))


def test_settings_page_lists_every_type_and_saves(client, member):
    login(client, member)
    page = client.get(reverse("notifications:preferences")).content.decode()
    assert "Comments on my items" in page and "Mentions of me" in page
    assert 'aria-label="Comments on my items: Email at once"' in page
    assert 'name="digest" value="weekly" checked' in page

    response = client.post(
        reverse("notifications:preferences"), {"type-comment": "off", "digest": "daily"}
    )

    assert response.status_code == 302
    assert NotificationPreference.objects.get(user=member, verb="comment").delivery == "off"
    page = client.get(reverse("notifications:preferences")).content.decode()
    assert 'name="type-comment" value="off" aria-label="Comments on my items: Off" checked' in page
    assert 'name="digest" value="daily" checked' in page


def test_settings_page_offers_only_types_that_can_happen(
    client, member, community_manager, private_community
):
    login(client, member)
    page = client.get(reverse("notifications:preferences")).content.decode()
    assert "Comments on my items" in page
    assert "Items waiting for my review" not in page  # reviews nothing
    assert "Review results of my items" in page  # posts where work may be reviewed
    assert "Requests to join a community I manage" not in page
    login(client, community_manager)  # manages a private community: people ask to join it
    page = client.get(reverse("notifications:preferences")).content.decode()
    assert "Requests to join a community I manage" in page
    assert "Items waiting for my review" in page  # a manager reviews


def test_settings_page_refuses_unknown_values(client, member):
    login(client, member)
    response = client.post(reverse("notifications:preferences"), {"type-comment": "pigeon"})
    assert response.status_code == 422
    assert not NotificationPreference.objects.exists()


def test_pages_need_sign_in(client):
    for name in ("notifications:list", "notifications:preferences"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_bell_on_pages_built_from_cached_fragments_is_never_behind(
    client, member, expert, community, run_on_commit
):
    mine = make_item(member, title="Pallet labels")
    login(client, member)
    community_page = reverse("communities:detail", args=[community.slug])
    for url in (reverse("home"), community_page):
        assert 'aria-label="Notifications"' in client.get(url).text  # fragments cached, no count

    # A comment on Mia's item elsewhere: nothing on these pages changed but her bell.
    with run_on_commit():
        comment_create(actor=expert, item=mine, body="Hi")
    for url in (reverse("home"), community_page):
        assert 'aria-label="Notifications: 1 unread"' in client.get(url).text

    client.post(reverse("notifications:read"))
    for url in (reverse("home"), community_page):
        assert 'aria-label="Notifications"' in client.get(url).text


def test_centre_pages_thirty_at_a_time_and_keeps_the_filter(client, member, expert):
    for n in range(31):  # welcomes are never grouped: 31 entries
        notifications_deliver(
            recipient_ids=[member.pk],
            verb="welcome",
            actor_id=expert.pk,
            item_id=None,
            community_id=None,
            data={"message": f"Hello number {n}"},
        )
    login(client, member)

    first = client.get(reverse("notifications:list"), {"filter": "unread"}).text
    assert first.count("notification-unread") == 30
    assert "Hello number 30" in first and "Hello number 0" not in first
    assert "Page 1 of 2" in first
    assert 'rel="next" href="?filter=unread&amp;page=2"' in first

    second = client.get(reverse("notifications:list"), {"filter": "unread", "page": 2}).text
    assert second.count("notification-unread") == 1
    assert "Hello number 0" in second and 'rel="prev"' in second


def test_bell_partials_after_the_session_ended_swap_no_sign_in_page(client):
    # A tab left open after signing out keeps polling: nothing must be swapped into the top bar.
    htmx = {"HX-Request": "true"}
    bell = client.get(reverse("notifications:bell"), headers=htmx)
    assert bell.status_code == 204 and bell.content == b""

    dropdown = client.get(reverse("notifications:dropdown"), headers=htmx)
    assert dropdown.status_code == 200
    assert "You are signed out" in dropdown.text and 'href="/accounts/login/"' in dropdown.text
