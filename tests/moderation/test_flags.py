"""Flags: members flag items and comments; enough of them hide an item until a reviewer decides."""

import pytest
from django.urls import reverse

from guildhall.content.models import ContentItem
from guildhall.core.exceptions import Conflict, RateLimited, ValidationError
from guildhall.moderation.flags import flag_create, flags_dismiss
from guildhall.moderation.models import Flag, Review
from guildhall.moderation.services import quality_policy_set, review_approve, review_reject
from guildhall.notifications.models import Notification
from guildhall.people.services import person_follow
from tests.conftest import login
from tests.factories import add_member, make_comment, make_item, make_member

pytestmark = pytest.mark.django_db


def _members(community, n, prefix="flagger"):
    people = [make_member(f"{prefix}{i}", name=f"Flagger {i}") for i in range(n)]
    for person in people:
        add_member(community, person)
    return people


def _item(author, community, title="Forecasting with moving averages"):
    return make_item(author, community=community, title=title)


def _hidden(item, flaggers, reason="inaccurate"):
    for person in flaggers:
        flag_create(actor=person, item=item, reason=reason)
    item.refresh_from_db()
    return item


def _feed(client, community) -> str:
    return client.get(reverse("communities:detail", args=[community.slug])).text


# --- Flagging ---------------------------------------------------------------------------------


def test_a_member_flags_an_item_from_its_page_and_only_reviewers_hear_of_it(
    client, community, member, expert
):
    item = _item(expert, community)
    login(client, member)
    page = client.get(item.get_absolute_url()).text
    assert "Send the flag" in page and 'for="flag-reason-' in page
    answer = client.post(
        reverse("moderation:item_flag", args=[item.pk]), {"reason": "outdated"}, follow=True
    )
    assert "reviewers will look at it. Only they see flags." in answer.text
    assert "You flagged this (Outdated)" in answer.text
    item.refresh_from_db()
    assert item.status == ContentItem.Status.PUBLISHED  # one flag hides nothing
    client.logout()
    login(client, make_member("cole"))
    assert "You flagged this" not in client.get(item.get_absolute_url()).text


def test_the_author_gets_no_flag_control(client, community, member):
    item = _item(member, community)
    assert "Send the flag" not in login(client, member).get(item.get_absolute_url()).text


def test_one_flag_per_member_and_other_needs_a_note(community, member, expert):
    item = _item(expert, community)
    with pytest.raises(ValidationError) as missing:
        flag_create(actor=member, item=item, reason="other")
    assert "note" in missing.value.message_dict
    with pytest.raises(ValidationError):
        flag_create(actor=member, item=item, reason="boring")
    flag_create(actor=member, item=item, reason="other", note="Uses last year's prices")
    with pytest.raises(Conflict):
        flag_create(actor=member, item=item, reason="spam")
    assert Flag.objects.filter(item=item).count() == 1


def test_a_second_flag_from_the_page_says_so(client, community, member, expert):
    item = _item(expert, community)
    flag_create(actor=member, item=item, reason="spam")
    login(client, member)
    answer = client.post(
        reverse("moderation:item_flag", args=[item.pk]), {"reason": "spam"}, follow=True
    )
    assert "You flagged this already" in answer.text


def test_outsiders_cannot_flag_what_they_cannot_see(client, private_community, member, outsider):
    item = _item(member, private_community)
    login(client, outsider)
    assert (
        client.post(reverse("moderation:item_flag", args=[item.pk]), {"reason": "spam"}).status_code
        == 404
    )
    assert not Flag.objects.exists()


def test_flagging_counts_against_the_write_rate(settings, community, member, expert):
    first, second = _item(expert, community, "One"), _item(expert, community, "Two")
    settings.GUILDHALL_WRITE_RATE_PER_MINUTE = 1
    flag_create(actor=member, item=first, reason="spam")
    with pytest.raises(RateLimited):
        flag_create(actor=member, item=second, reason="spam")


# --- Hiding -----------------------------------------------------------------------------------


def test_three_distinct_members_hide_an_item_for_review(client, community, expert):
    item = _item(expert, community)
    flaggers = _members(community, 3)
    _hidden(item, flaggers[:2])
    assert item.status == ContentItem.Status.PUBLISHED
    _hidden(item, flaggers[2:])
    assert item.status == ContentItem.Status.PENDING_REVIEW
    assert item.published_at is not None
    community.refresh_from_db()
    assert community.item_count == 0
    review = Review.objects.get(item=item, status=Review.Status.PENDING)
    assert review.reason == Review.Reason.FLAGGED
    # Hidden from other members: page 404, not in the community feed.
    colleague = make_member("cole")
    add_member(community, colleague)
    login(client, colleague)
    assert client.get(item.get_absolute_url()).status_code == 404
    assert item.title not in _feed(client, community)
    assert "Send the flag" not in client.get(reverse("home")).text
    client.logout()
    # Visible to the author and to the community's reviewers.
    login(client, expert)
    page = client.get(item.get_absolute_url())
    assert page.status_code == 200 and "Hidden for review" in page.text
    client.logout()
    login(client, community.memberships.get(role="manager").user)
    page = client.get(item.get_absolute_url()).text
    assert "Hidden for review" in page and "3 flags" in page and "Dismiss flags" in page


def test_the_communitys_threshold_applies(community, community_manager, expert):
    quality_policy_set(actor=community_manager, community=community, flags_to_hide=1)
    item = _hidden(_item(expert, community), _members(community, 1))
    assert item.status == ContentItem.Status.PENDING_REVIEW


def test_an_experts_unsafe_flag_hides_at_once_a_members_does_not(community, member, expert):
    by_member = _hidden(
        _item(community.memberships.get(role="manager").user, community), [member], "unsafe"
    )
    assert by_member.status == ContentItem.Status.PUBLISHED
    author = _members(community, 1, "author")[0]
    by_expert = _hidden(_item(author, community, "Bypass the interlock"), [expert], "unsafe")
    assert by_expert.status == ContentItem.Status.PENDING_REVIEW


def test_the_queue_shows_the_flags_count_and_reasons(client, api, community, expert):
    author = _members(community, 1, "author")[0]
    item = _item(author, community)
    flaggers = _members(community, 3)
    flag_create(actor=flaggers[0], item=item, reason="unsafe")
    _hidden(item, flaggers[1:], "outdated")
    login(client, expert)
    queue = client.get(reverse("moderation:community_queue", args=[community.slug])).text
    assert "3 flags" in queue and "Unsafe practice (1)" in queue and "Outdated (2)" in queue
    entries = api.as_(expert).get("/api/v1/review-queue").json()["items"]
    assert [(e["reason"], e["flags"]) for e in entries] == [("flagged", 3)]


def test_the_queue_reads_flags_in_a_fixed_number_of_queries(client, api, community, expert):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    flaggers = _members(community, 3)
    page = reverse("moderation:community_queue", args=[community.slug])

    def queries_with(n_items, start):
        for n in range(start, start + n_items):
            author = _members(community, 1, f"author{n}-")[0]
            _hidden(_item(author, community, f"Item {n}"), flaggers)
        api.as_(expert).get("/api/v1/review-queue")
        client.get(page)
        with CaptureQueriesContext(connection) as by_api:
            answer = api.get("/api/v1/review-queue")
        with CaptureQueriesContext(connection) as by_page:
            assert "3 flags" in client.get(page).text
        assert {e["flags"] for e in answer.json()["items"]} == {3}
        return len(by_api), len(by_page)

    assert queries_with(1, 0) == queries_with(3, 1)


# --- Decisions --------------------------------------------------------------------------------


def test_approving_restores_the_item_without_announcing_it_again(
    client, community, expert, run_on_commit
):
    author = _members(community, 1, "author")[0]
    follower = make_member("fran")
    person_follow(actor=follower, member=author)
    with run_on_commit():
        item = _item(author, community)
    published_at = item.published_at
    assert (
        Notification.objects.filter(recipient=follower, verb="followed_author_published").count()
        == 1
    )
    flaggers = _members(community, 3)
    with run_on_commit():
        _hidden(item, flaggers)
        review = Review.objects.get(item=item, status=Review.Status.PENDING)
        review_approve(actor=expert, review=review)
    item.refresh_from_db()
    assert item.status == ContentItem.Status.PUBLISHED and item.published_at == published_at
    community.refresh_from_db()
    assert community.item_count == 1
    assert (
        Notification.objects.filter(recipient=follower, verb="followed_author_published").count()
        == 1
    )
    assert set(Flag.objects.values_list("status", flat=True)) == {"dismissed"}
    results = Notification.objects.filter(verb="flag_result")
    assert sorted(n.recipient_id for n in results) == sorted(p.pk for p in flaggers)
    login(client, flaggers[0])
    assert "was dismissed" in client.get(reverse("notifications:list")).text
    client.logout()
    login(client, make_member("cole"))
    assert client.get(item.get_absolute_url()).status_code == 200


def test_rejecting_keeps_it_hidden_and_upholds_the_flags(client, community, expert, run_on_commit):
    author = _members(community, 1, "author")[0]
    item = _item(author, community)
    flaggers = _members(community, 3)
    with run_on_commit():
        _hidden(item, flaggers)
        review = Review.objects.get(item=item, status=Review.Status.PENDING)
        review_reject(actor=expert, review=review, reason="other", note="Private reviewer remark")
    item.refresh_from_db()
    assert item.status == ContentItem.Status.REJECTED
    assert set(Flag.objects.values_list("status", flat=True)) == {"upheld"}
    login(client, flaggers[0])
    assert client.get(item.get_absolute_url()).status_code == 404
    notices = client.get(reverse("notifications:list")).text
    assert "was upheld" in notices and "Private reviewer remark" not in notices
    client.logout()
    login(client, author)
    assert "Private reviewer remark" in client.get(item.get_absolute_url()).text


def test_a_reviewer_dismisses_the_flags_from_the_item_page(
    client, community, expert, run_on_commit
):
    author = _members(community, 1, "author")[0]
    item = _hidden(_item(author, community), _members(community, 3))
    review = Review.objects.get(item=item, status=Review.Status.PENDING)
    login(client, expert)
    with run_on_commit():
        answer = client.post(
            reverse("moderation:act", args=[review.pk, "dismiss_flags"]), follow=True
        )
    assert "Flags dismissed" in answer.text
    item.refresh_from_db()
    assert item.status == ContentItem.Status.PUBLISHED
    assert Notification.objects.filter(verb="flag_result").count() == 3


def test_members_cannot_dismiss_flags(community, member, expert):
    author = _members(community, 1, "author")[0]
    item = _hidden(_item(author, community), _members(community, 3))
    review = Review.objects.get(item=item, status=Review.Status.PENDING)
    from guildhall.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        flags_dismiss(actor=member, review=review)
    flags_dismiss(actor=expert, review=review)


def test_members_whose_last_three_flags_were_dismissed_no_longer_hide(community, expert):
    serial, *others = _members(community, 3)
    for n in range(3):
        author = _members(community, 1, f"author{n}-")[0]
        item = _hidden(_item(author, community, f"Fine item {n}"), [serial, *others])
        assert item.status == ContentItem.Status.PENDING_REVIEW
        flags_dismiss(actor=expert, review=Review.objects.get(item=item, status="pending"))
    # serial's (and the others') last three flags were dismissed: their flags weigh nothing.
    fresh = _members(community, 2, "fresh")
    author = _members(community, 1, "author-last")[0]
    item = _hidden(_item(author, community, "Last item"), [serial, *fresh])
    assert Flag.objects.get(flagger=serial, item=item).weight == 0
    assert item.status == ContentItem.Status.PUBLISHED
    item = _hidden(item, _members(community, 1, "third"))
    assert item.status == ContentItem.Status.PENDING_REVIEW


# --- The API ----------------------------------------------------------------------------------


def test_the_api_flags_items_and_comments(api, community, member, expert):
    item = _item(expert, community)
    comment = make_comment(expert, item)
    api.as_(member)
    answer = api.post(f"/api/v1/content/{item.pk}/flags", {"reason": "inaccurate", "note": "x"})
    assert answer.status_code == 201, answer.content
    flag = Flag.objects.get(target_type="item")
    assert answer.json() == {
        "id": flag.pk,
        "reason": "inaccurate",
        "status": "open",
        "target": {"type": "item", "id": item.pk},
    }
    answer = api.post(f"/api/v1/comments/{comment.pk}/flags", {"reason": "harassment"})
    assert answer.status_code == 201, answer.content
    assert answer.json()["target"] == {"type": "comment", "id": comment.pk}
    assert api.post(f"/api/v1/comments/{comment.pk}/flags", {"reason": "spam"}).status_code == 409
    assert api.post(f"/api/v1/content/{item.pk}/flags", {"reason": "spam"}).status_code == 409


def test_the_api_answers_404_422_and_429(api, settings, private_community, member, outsider):
    item = _item(member, private_community)
    comment = make_comment(member, item)
    api.as_(outsider)
    assert api.post(f"/api/v1/content/{item.pk}/flags", {"reason": "spam"}).status_code == 404
    assert api.post(f"/api/v1/comments/{comment.pk}/flags", {"reason": "spam"}).status_code == 404
    assert api.post("/api/v1/content/999999/flags", {"reason": "spam"}).status_code == 404
    colleague = make_member("cole")
    add_member(private_community, colleague)
    api.as_(colleague)
    assert api.post(f"/api/v1/content/{item.pk}/flags", {"reason": "boring"}).status_code == 422
    missing = api.post(f"/api/v1/content/{item.pk}/flags", {"reason": "other"})
    assert missing.status_code == 422 and "note" in missing.json()["detail"]
    settings.GUILDHALL_WRITE_RATE_PER_MINUTE = 1
    assert api.post(f"/api/v1/content/{item.pk}/flags", {"reason": "spam"}).status_code == 201
    answer = api.post(f"/api/v1/comments/{comment.pk}/flags", {"reason": "spam"})
    assert answer.status_code == 429


def test_a_published_items_page_reads_no_quality_rows_once_warm(
    client, community, member, expert, django_assert_max_num_queries
):
    item = make_item(expert, community=community, title="Gasket torque")
    login(client, member)
    client.get(item.get_absolute_url())
    client.get(item.get_absolute_url())
    # The member (the user cache is off in tests); the flag control, the verification and the
    # rest come from what is kept.
    with django_assert_max_num_queries(1):
        assert "Flag" in client.get(item.get_absolute_url()).text
