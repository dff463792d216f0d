"""A pre-moderated community: nothing shows to other members until a reviewer approves it."""

import pytest
from django.urls import reverse

from guildhall.content.models import ContentItem
from guildhall.moderation.models import Review
from guildhall.moderation.services import member_trust_set, quality_policy_set
from guildhall.notifications.models import Notification
from tests.conftest import login
from tests.factories import add_member, make_item, make_member

pytestmark = pytest.mark.django_db


def _post(author, community, title="Lockout on the new press"):
    return make_item(author, community=community, title=title)


def test_a_members_post_waits_for_review_and_shows_to_nobody_else(
    client, pre_moderated, member, expert, run_on_commit
):
    colleague = make_member("cole", name="Cole Colleague")
    add_member(pre_moderated, colleague)
    with run_on_commit():
        item = _post(member, pre_moderated)
    item.refresh_from_db()
    assert item.status == ContentItem.Status.PENDING_REVIEW and item.published_at is None
    assert "Awaiting review" in login(client, member).get(item.get_absolute_url()).text
    client.logout()
    login(client, colleague)
    assert client.get(item.get_absolute_url()).status_code == 404
    assert "Lockout on the new press" not in client.get(reverse("home")).text
    community_page = reverse("communities:detail", args=[pre_moderated.slug])
    assert "Lockout on the new press" not in client.get(community_page).text
    assert not Notification.objects.filter(recipient=colleague).exists()
    assert Notification.objects.filter(recipient=expert, verb="review_pending", item=item).exists()


def test_a_reviewer_approves_from_the_queue_and_everyone_sees_it(
    client, pre_moderated, member, expert, run_on_commit
):
    item = _post(member, pre_moderated)
    login(client, expert)
    queue = client.get(reverse("moderation:community_queue", args=[pre_moderated.slug])).text
    assert "Lockout on the new press" in queue and "Pre-moderated community" in queue
    review = Review.objects.get(item=item)
    with run_on_commit():
        answer = client.post(reverse("moderation:act", args=[review.pk, "approve"]))
    assert answer.status_code == 302
    item.refresh_from_db()
    assert item.status == ContentItem.Status.PUBLISHED and item.published_at is not None
    client.logout()
    login(client, make_member("cole"))
    assert client.get(item.get_absolute_url()).status_code == 200
    result = Notification.objects.get(recipient=member, verb="review_result", item=item)
    assert result.data["approved"] is True


def test_turned_down_work_stays_with_its_author_with_the_reason_and_can_go_back(
    client, pre_moderated, member, expert
):
    item = _post(member, pre_moderated)
    review = Review.objects.get(item=item)
    login(client, expert)
    client.post(
        reverse("moderation:act", args=[review.pk, "reject"]),
        {"reason": "unsafe", "note": "Isolate the hydraulics first."},
    )
    client.logout()
    page = login(client, member).get(item.get_absolute_url()).text
    assert "Unsafe practice" in page and "Isolate the hydraulics first." in page
    assert "Resubmit for review" in page
    client.post(reverse("content:publish", args=[item.pk]))
    item.refresh_from_db()
    assert item.status == ContentItem.Status.PENDING_REVIEW
    assert Review.objects.filter(item=item, status=Review.Status.PENDING).count() == 1


def test_members_have_no_queue_and_cannot_decide(client, pre_moderated, member, outsider):
    colleague = make_member("cole")
    add_member(pre_moderated, colleague)
    item = _post(colleague, pre_moderated)
    review = Review.objects.get(item=item)
    url = reverse("moderation:community_queue", args=[pre_moderated.slug])
    for who in (member, outsider):
        login(client, who)
        assert client.get(url).status_code == 404
        assert (
            client.post(reverse("moderation:act", args=[review.pk, "approve"])).status_code == 404
        )
        client.logout()
    item.refresh_from_db()
    assert item.status == ContentItem.Status.PENDING_REVIEW


def test_reviewers_and_trusted_members_skip_pre_moderation_but_not_where_it_is_safety_critical(
    pre_moderated, community_manager, member
):
    assert _post(community_manager, pre_moderated).status == ContentItem.Status.PUBLISHED
    member_trust_set(actor=community_manager, community=pre_moderated, member=member, trusted=True)
    assert _post(member, pre_moderated).status == ContentItem.Status.PUBLISHED
    quality_policy_set(actor=community_manager, community=pre_moderated, safety_critical=True)
    assert _post(member, pre_moderated).status == ContentItem.Status.PENDING_REVIEW
    assert _post(community_manager, pre_moderated).status == ContentItem.Status.PENDING_REVIEW


def test_authors_never_review_their_own_work(client, safety_critical, community_manager):
    item = _post(community_manager, safety_critical, title="Manager's own procedure")
    review = Review.objects.get(item=item)
    login(client, community_manager)
    url = reverse("moderation:community_queue", args=[safety_critical.slug])
    assert "Manager's own procedure" not in client.get(url).text
    page = client.post(reverse("moderation:act", args=[review.pk, "verify"]), follow=True).text
    assert "Authors never review their own work" in page
    item.refresh_from_db()
    assert item.status == ContentItem.Status.PENDING_REVIEW


def test_approving_safety_critical_knowledge_verifies_it_for_everyone_to_see(
    client, safety_critical, member, expert
):
    item = _post(member, safety_critical)
    review = Review.objects.get(item=item)
    login(client, expert)
    client.post(reverse("moderation:act", args=[review.pk, "verify"]))
    client.logout()
    page = login(client, make_member("cole")).get(item.get_absolute_url()).text
    assert "Verified by Eric Expert on" in page
