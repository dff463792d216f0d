"""Digest emails: who is due (daily, weekly, never), what a digest holds and leaves out, empty
digests not sent, and the unsubscribe link that works without signing in."""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from guildhall.content.services import content_item_create
from guildhall.home.services import home_rollup_refresh
from guildhall.interactions.services import comment_create
from guildhall.notifications.digests import digest_content, members_due
from guildhall.notifications.emails import unsubscribe_token
from guildhall.notifications.models import DigestSubscription
from guildhall.notifications.services import digests_send_due, notification_preferences_set
from guildhall.people.services import profile_skill_set
from guildhall.qa.services import question_create
from tests.factories import make_comment, make_community, make_item, make_member

NOW = timezone.now()


def joined(user, days_ago: float):
    get_user_model().objects.filter(pk=user.pk).update(date_joined=NOW - timedelta(days=days_ago))


def subscribe(user, frequency: str, covered_days_ago: float | None):
    covered = None if covered_days_ago is None else NOW - timedelta(days=covered_days_ago)
    DigestSubscription.objects.update_or_create(
        user=user, defaults={"frequency": frequency, "covered_until": covered}
    )


def due() -> set[str]:
    return set(members_due(now=NOW).values_list("username", flat=True))


def test_weekly_by_default_counted_from_joining(db):
    old, new = make_member("old"), make_member("new")
    joined(old, 8)
    joined(new, 2)
    assert due() == {"old"}


@pytest.mark.parametrize(
    ("frequency", "covered_days_ago", "is_due"),
    [
        ("daily", 1, True),
        ("daily", 0.99, True),  # within the hourly job's slack
        ("daily", 0.9, False),
        ("weekly", 7, True),
        ("weekly", 3, False),
        ("never", 30, False),
    ],
)
def test_daily_and_weekly_due(db, frequency, covered_days_ago, is_due):
    member = make_member("sam")
    joined(member, 60)
    subscribe(member, frequency, covered_days_ago)
    assert due() == ({"sam"} if is_due else set())


def test_inactive_members_get_no_digest(db):
    member = make_member("gone")
    joined(member, 60)
    get_user_model().objects.filter(pk=member.pk).update(is_active=False)
    assert due() == set()


@pytest.fixture
def mias_week(member, expert, outsider, community, community_manager, run_on_commit):
    """Mia belongs to Supply Chain Practice and declares the skill "Forecasting"."""
    profile_skill_set(actor=member, member=member, name="Forecasting", level=3)
    since = NOW - timedelta(days=7)
    fresh = make_item(expert, community=community, title="Dock door scheduling")
    make_item(member, community=community, title="Mia's own post")
    secret = make_item(
        community_manager,
        community=_private_without_mia(community_manager),
        title="Board minutes",
    )
    question = question_create(actor=expert, community=community, title="Forecasting bias?")
    mine = make_item(member, title="Label printers")
    notification_preferences_set(actor=member, deliveries={"mention": "app"})
    with run_on_commit():
        comment_create(actor=expert, item=mine, body="Good one")  # "comment": digest
    with run_on_commit():
        comment_create(actor=expert, item=fresh, body="Thoughts, @mia?")  # "mention": app only
    return {"since": since, "fresh": fresh, "secret": secret, "question": question}


def _private_without_mia(manager):
    return make_community(manager, name="Board Room", private=True)


def test_digest_content(member, mias_week):
    content = digest_content(member=member, since=mias_week["since"])

    titles = [item.title for item in content["whats_new"]]
    assert "Dock door scheduling" in titles
    assert "Board minutes" not in titles  # a private community Mia is not in
    assert "Mia's own post" not in titles
    assert [item.title for item in content["unanswered"]] == ["Forecasting bias?"]
    assert [e["text"] for e in content["notifications"]] == [
        "Eric Expert commented on “Label printers”"  # set to the digest; the mention is not
    ]


def test_items_before_the_period_are_left_out(member, mias_week):
    # NOW is taken at import: the fixture's items are published later, so measure from now.
    content = digest_content(member=member, since=timezone.now() + timedelta(minutes=1))
    assert content["whats_new"] == []
    assert content["notifications"] == []
    assert [item.title for item in content["unanswered"]] == ["Forecasting bias?"]


def test_an_empty_digest_is_not_sent_but_the_period_is_covered(db):
    quiet = make_member("quiet")
    joined(quiet, 30)

    assert digests_send_due(now=NOW) == 0

    assert mail.outbox == []
    subscription = DigestSubscription.objects.get(user=quiet)
    assert subscription.covered_until == NOW and subscription.last_sent_at is None
    assert due() == set()


def test_due_digest_is_sent_with_both_parts_and_unsubscribe(member, mias_week, settings):
    settings.GUILDHALL_SITE_URL = "https://gh.example.com"
    get_user_model().objects.update(date_joined=NOW - timedelta(days=30))
    notification_preferences_set(actor=member, digest="daily")
    for other in get_user_model().objects.exclude(pk=member.pk):
        notification_preferences_set(actor=other, digest="never")

    assert digests_send_due(now=NOW) == 1

    [message] = mail.outbox
    assert message.to == ["mia@example.com"]
    assert message.subject == "Your Guildhall digest"
    fresh = mias_week["fresh"]
    assert f"https://gh.example.com{fresh.get_absolute_url()}" in message.body
    assert "Board minutes" not in message.body
    assert "Forecasting bias?" in message.body
    assert "Eric Expert commented on “Label printers”" in message.body
    [(html, _)] = message.alternatives
    assert "Dock door scheduling" in html and "Board minutes" not in html
    unsubscribe = f"https://gh.example.com/notifications/unsubscribe/{unsubscribe_token(member)}/"
    assert unsubscribe in message.body and unsubscribe in html
    assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # Sent once for the period.
    assert digests_send_due(now=NOW + timedelta(hours=1)) == 0
    assert DigestSubscription.objects.get(user=member).last_sent_at == NOW


def test_unsubscribe_works_signed_out(member):
    url = f"/notifications/unsubscribe/{unsubscribe_token(member)}/"
    client = Client(enforce_csrf_checks=True)

    page = client.get(url)
    assert page.status_code == 200
    assert b"Stop digest emails?" in page.content
    assert not DigestSubscription.objects.filter(user=member).exists()

    done = client.post(url)  # a mail client's one-click POST carries no CSRF token
    assert done.status_code == 200
    assert "won't get digest emails" in done.content.decode()
    assert DigestSubscription.objects.get(user=member).frequency == "never"


@pytest.mark.parametrize(
    "tamper", [lambda t: t[:-2] + "xx", lambda t: "nonsense", lambda t: t + "a"]
)
def test_tampered_unsubscribe_tokens_are_refused(member, tamper):
    url = f"/notifications/unsubscribe/{tamper(unsubscribe_token(member))}/"
    for response in (Client().get(url), Client().post(url)):
        assert response.status_code == 404
        assert "This link does not work" in response.text
        assert "Unsubscribe</button>" not in response.text
    assert not DigestSubscription.objects.filter(user=member).exists()


def test_a_token_stops_working_when_the_email_changes(member):
    token = unsubscribe_token(member)
    get_user_model().objects.filter(pk=member.pk).update(email="mia.new@example.com")
    assert Client().get(f"/notifications/unsubscribe/{token}/").status_code == 404


def test_a_draft_is_not_in_anyones_digest(member, expert, community):
    content_item_create(
        actor=expert, kind="post", community=community, title="Unfinished", publish=False
    )
    content = digest_content(member=member, since=NOW - timedelta(days=1))
    assert content is None


def test_the_scheduled_job_sends_the_digests(member, mias_week):
    listing = StringIO()
    call_command("periodic", "--list", stdout=listing)
    assert "notifications.digests: every 1:00:00" in listing.getvalue()
    get_user_model().objects.update(date_joined=NOW - timedelta(days=30))
    for other in get_user_model().objects.exclude(pk=member.pk):
        notification_preferences_set(actor=other, digest="never")

    call_command("periodic", stdout=StringIO())  # queues the due jobs; tests run tasks at once

    assert [m.to for m in mail.outbox] == [["mia@example.com"]]
    assert "Dock door scheduling" in mail.outbox[0].body


def test_whats_popular_comes_from_the_members_communities_and_company_wide(
    member, expert, community_manager, mias_week
):
    elsewhere = make_community(community_manager, name="Warehouse Guild")  # Mia is not in it
    racking = make_item(community_manager, community=elsewhere, title="Racking layouts")
    company_wide = make_item(expert, title="Travel policy explained")
    for item in (racking, company_wide, mias_week["fresh"], mias_week["secret"]):
        make_comment(community_manager, item, "Useful")
    home_rollup_refresh()
    cache.clear()  # the home selectors cache a member's sections briefly

    # Measured from now: these items are not new, only popular.
    content = digest_content(member=member, since=timezone.now() + timedelta(minutes=1))

    popular = {item.title for item in content["whats_popular"]}
    assert popular == {"Dock door scheduling", "Travel policy explained"}
