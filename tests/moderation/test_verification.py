"""The verification cycle of safety-critical knowledge, as members, experts and clients see it."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from guildhall.content.models import ContentItem
from guildhall.core.schedule import periodic_jobs
from guildhall.home.selectors import whats_popular
from guildhall.home.services import home_rollup_refresh
from guildhall.moderation.models import Review, Verification
from guildhall.moderation.services import quality_policy_set, review_approve
from guildhall.moderation.tasks import reverify_due
from guildhall.moderation.verification import item_mark_obsolete, item_verify
from guildhall.notifications.models import Notification
from guildhall.search.selectors import search
from guildhall.search.services import search_index_rebuild
from tests.conftest import login
from tests.factories import add_member, make_community, make_item, make_member

pytestmark = pytest.mark.django_db


def _verified(author, verifier, community, title="Lockout procedure for the press"):
    """An item approved and verified by `verifier` in a safety-critical community."""
    item = make_item(author, community=community, title=title)
    review_approve(actor=verifier, review=Review.objects.get(item=item), verify=True)
    item.refresh_from_db()
    return item


def _fall_due(item, days_ago: int = 1):
    Verification.objects.filter(item=item).update(due_at=timezone.now() - timedelta(days=days_ago))


# --- Verifying, with the community's interval or the item's own -------------------------------


def test_an_expert_verifies_with_the_communitys_interval_or_the_items_own(
    safety_critical, community_manager, member, expert
):
    quality_policy_set(actor=community_manager, community=safety_critical, reverify_days=90)
    item = _verified(member, expert, safety_critical)
    verification = Verification.objects.get(item=item)
    assert verification.verified_by == expert and verification.interval_days is None
    assert (verification.due_at - verification.verified_at).days == 90
    item_verify(actor=expert, item=item, interval_days=30)
    verification.refresh_from_db()
    assert verification.interval_days == 30
    assert (verification.due_at - verification.verified_at).days == 30


def test_only_the_communitys_experts_and_staff_verify_never_the_author(
    safety_critical, community_manager, member, expert, staff
):
    from guildhall.core.exceptions import PermissionDenied

    item = _verified(member, expert, safety_critical)
    for who in (member, community_manager):
        with pytest.raises(PermissionDenied):
            item_verify(actor=who, item=item)
    own = _verified(expert, community_manager, safety_critical, title="Expert's own procedure")
    with pytest.raises(PermissionDenied, match="Authors never verify"):
        item_verify(actor=expert, item=own)
    item_verify(actor=staff, item=own)
    assert Verification.objects.get(item=own).verified_by == staff


# --- Falling due: back to the queue, the verifier told, approval re-verifies -------------------


def test_a_due_item_returns_to_the_queue_once_and_its_verifier_is_told(
    client, safety_critical, member, expert, run_on_commit
):
    item = _verified(member, expert, safety_critical)
    _fall_due(item)
    with run_on_commit():
        reverify_due.enqueue()
        reverify_due.enqueue()  # idempotent: no second review while one waits
    reviews = Review.objects.filter(item=item, status=Review.Status.PENDING)
    assert [r.reason for r in reviews] == [Review.Reason.REVERIFICATION]
    item.refresh_from_db()
    assert item.status == ContentItem.Status.PUBLISHED  # still readable
    told = Notification.objects.filter(verb="reverification_due", item=item)
    assert [n.recipient for n in told] == [expert]
    colleague = make_member("cole")
    add_member(safety_critical, colleague)
    page = login(client, colleague).get(item.get_absolute_url()).text
    assert "Due for re-verification" in page
    client.logout()
    queue = reverse("moderation:community_queue", args=[safety_critical.slug])
    assert "Lockout procedure for the press" in login(client, expert).get(queue).text


def test_the_communitys_experts_are_told_when_the_verifier_is_gone(
    safety_critical, member, expert, staff, run_on_commit
):
    item = _verified(member, staff, safety_critical)
    staff.is_active = False
    staff.save(update_fields=["is_active"])
    _fall_due(item)
    with run_on_commit():
        reverify_due.enqueue()
    assert [n.recipient for n in Notification.objects.filter(verb="reverification_due")] == [expert]


def test_approving_a_reverification_verifies_again_with_a_new_due_date(
    safety_critical, member, expert, run_on_commit
):
    item = _verified(member, expert, safety_critical)
    item_verify(actor=expert, item=item, interval_days=60)
    _fall_due(item)
    reverify_due.enqueue()
    colleague = make_member("vera")
    add_member(safety_critical, colleague, role="expert")
    with run_on_commit():
        review_approve(actor=colleague, review=Review.objects.get(item=item, status="pending"))
    item.refresh_from_db()
    assert item.status == ContentItem.Status.PUBLISHED
    verification = Verification.objects.get(item=item)
    assert verification.verified_by == colleague and verification.due_at > timezone.now()
    assert (verification.due_at - verification.verified_at).days == 60  # its own interval kept
    assert not Notification.objects.filter(verb="review_result", item=item, recipient=member)


def test_the_task_is_registered_hourly():
    jobs = {job.name: job for job in periodic_jobs()}
    assert jobs["moderation.reverify_due"].every == timedelta(hours=1)


# --- Obsolete ----------------------------------------------------------------------------------


def test_an_obsolete_item_stays_readable_with_a_banner_to_its_replacement(
    client, safety_critical, member, expert
):
    old = _verified(member, expert, safety_critical, title="Old lockout procedure")
    new = _verified(member, expert, safety_critical, title="New lockout procedure")
    item_mark_obsolete(actor=expert, item=old, replacement=new)
    colleague = make_member("cole")
    add_member(safety_critical, colleague)
    page = login(client, colleague).get(old.get_absolute_url())
    assert page.status_code == 200
    assert "Obsolete — see" in page.text and new.get_absolute_url() in page.text
    feed = client.get(reverse("communities:detail", args=[safety_critical.slug])).text
    assert "Obsolete" in feed and "Verified by Eric Expert" in feed  # the cards' badges


def test_obsolete_items_drop_out_of_popular_and_rank_last_in_search(
    safety_critical, member, expert
):
    old = _verified(member, expert, safety_critical, title="Hydraulic press lockout")
    new = _verified(member, expert, safety_critical, title="Press lockout, revised")
    fans = [make_member(f"fan{i}") for i in range(3)]
    from guildhall.core.events import record

    for fan in fans:
        record(fan, "favourite", old, community=safety_critical)
    home_rollup_refresh()
    cache.clear()
    viewer = make_member("cole")
    assert old in whats_popular(viewer=viewer)
    item_mark_obsolete(actor=expert, item=old, replacement=new)
    cache.clear()
    assert old not in whats_popular(viewer=viewer)
    home_rollup_refresh()
    cache.clear()
    assert old not in whats_popular(viewer=viewer)
    search_index_rebuild()
    results = search(viewer=viewer, q="lockout").page(1, 20).items
    assert [r.object.pk for r in results] == [new.pk, old.pk]  # still found, ranked last
    assert results[1].object.badges == [("Obsolete", "badge-private")]


def test_a_replacement_must_be_another_item_its_readers_can_open(
    safety_critical, community_manager, member, expert, staff, private_community
):
    from guildhall.core.exceptions import ValidationError

    old = _verified(member, expert, safety_critical)
    secret = make_item(community_manager, community=private_community, title="Board minutes")
    for replacement in (old, secret):
        with pytest.raises(ValidationError):
            item_mark_obsolete(actor=expert, item=old, replacement=replacement)
    with pytest.raises(ValidationError, match="Its readers could not open"):  # staff see it
        item_mark_obsolete(actor=staff, item=old, replacement=secret)


# --- The API -----------------------------------------------------------------------------------


def test_api_verify_answers_the_quality_and_refuses_who_may_not(
    api, safety_critical, member, expert, outsider, private_community, community_manager
):
    item = _verified(member, expert, safety_critical)
    path = f"/api/v1/content/{item.pk}/verify"
    assert api.as_(member).post(path).status_code == 403
    answer = api.as_(expert).post(path, {"interval_days": 45})
    assert answer.status_code == 200, answer.content
    assert answer.json()["status"] == "verified" and answer.json()["verified_by"] == "eric"
    assert api.post(path, {"interval_days": 0}).status_code == 422
    hidden = make_item(community_manager, community=private_community, title="Private work")
    assert api.as_(outsider).post(f"/api/v1/content/{hidden.pk}/verify").status_code == 404
    assert api.as_(expert).post("/api/v1/content/999999/verify").status_code == 404


def test_api_obsolete_with_a_replacement_and_the_item_json_says_so(
    api, safety_critical, member, expert, outsider, private_community, community_manager
):
    old = _verified(member, expert, safety_critical, title="Old procedure")
    new = _verified(member, expert, safety_critical, title="New procedure")
    path = f"/api/v1/content/{old.pk}/obsolete"
    assert api.as_(member).post(path, {"replacement": new.pk}).status_code == 403
    api.as_(expert)
    assert api.post(path, {"replacement": old.pk}).status_code == 422
    assert api.post(path, {"replacement": 999999}).status_code == 422
    assert api.post(path, {}).status_code == 422
    answer = api.post(path, {"replacement": new.pk})
    assert answer.status_code == 200, answer.content
    assert answer.json()["status"] == "obsolete" and answer.json()["replacement"] == new.pk
    quality = api.as_(member).get(f"/api/v1/content/{old.pk}").json()["quality"]
    assert quality["status"] == "obsolete" and quality["replacement"] == new.pk
    hidden = make_item(community_manager, community=private_community, title="Private work")
    denied = api.as_(outsider).post(
        f"/api/v1/content/{hidden.pk}/obsolete", {"replacement": new.pk}
    )
    assert denied.status_code == 404


# --- The safety page -----------------------------------------------------------------------------


def test_the_safety_page_lists_verified_due_overdue_and_obsolete_for_members(
    client, safety_critical, member, expert, community_manager
):
    fresh = _verified(member, expert, safety_critical, title="Fresh procedure")
    due = _verified(member, expert, safety_critical, title="Due procedure")
    overdue = _verified(member, expert, safety_critical, title="Overdue procedure")
    gone = _verified(member, expert, safety_critical, title="Gone procedure")
    _fall_due(due, days_ago=3)
    _fall_due(overdue, days_ago=45)
    item_mark_obsolete(actor=expert, item=gone, replacement=fresh)
    url = reverse("moderation:safety", args=[safety_critical.slug])
    page = login(client, member).get(url).text
    assert "1 verified" in page and "1 due" in page and "1 overdue" in page
    assert "1 obsolete" in page
    assert f'id="verified-{fresh.pk}"' in page and f'id="due-{due.pk}"' in page
    assert f'id="overdue-{overdue.pk}"' in page and f'id="obsolete-{gone.pk}"' in page
    assert "overdue for re-verification" not in page  # the managers' alert
    detail = client.get(reverse("communities:detail", args=[safety_critical.slug])).text
    assert url in detail  # members find it on the community page
    client.logout()
    page = login(client, community_manager).get(url).text
    assert "1 item is overdue for re-verification" in page


def test_the_safety_page_is_404_for_outsiders_and_where_nothing_is_safety_critical(
    client, safety_critical, outsider, member, community_manager
):
    login(client, outsider)
    assert client.get(reverse("moderation:safety", args=[safety_critical.slug])).status_code == 404
    client.logout()
    plain = make_community(community_manager, name="Coffee Corner")
    add_member(plain, member)
    login(client, member)
    assert client.get(reverse("moderation:safety", args=[plain.slug])).status_code == 404
    assert client.get(reverse("moderation:safety", args=[safety_critical.slug])).status_code == 200


def test_the_safety_page_runs_a_fixed_number_of_queries(
    client, safety_critical, member, expert, django_assert_max_num_queries
):
    url = reverse("moderation:safety", args=[safety_critical.slug])
    _verified(member, expert, safety_critical, title="First")
    login(client, member)
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for n in range(8):
        item = _verified(member, expert, safety_critical, title=f"Procedure {n}")
        if n % 2:
            _fall_due(item, days_ago=n * 10)
    with django_assert_max_num_queries(len(few)):
        page = client.get(url)
    assert page.status_code == 200 and "Procedure 7" in page.text
