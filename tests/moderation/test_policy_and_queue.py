"""A community's quality policy page, post-moderation, and the review queue at scale."""

import pytest
from django.urls import reverse

from guildhall.content.models import ContentItem
from guildhall.moderation.models import Review
from guildhall.moderation.selectors import quality_policy_of
from guildhall.moderation.services import quality_policy_set
from tests.conftest import login
from tests.factories import add_member, make_item, make_member

pytestmark = pytest.mark.django_db


def test_a_manager_sets_the_policy_on_its_page_and_members_cannot(
    client, community, community_manager, member
):
    url = reverse("moderation:policy", args=[community.slug])
    assert login(client, member).get(url).status_code == 404
    client.logout()
    login(client, community_manager)
    assert "Quality policy" in client.get(url).text
    form = {
        "policy": "post_moderated",
        "first_contributions_reviewed": "2",
        "reverify_days": "90",
        "flags_to_hide": "3",
    }
    assert client.post(url, {**form, "reverify_days": "0"}).status_code == 200  # kept, with errors
    assert quality_policy_of(community).pk is None
    page = client.post(url, form, follow=True).text
    assert "The quality policy is saved." in page
    policy = quality_policy_of(community)
    assert policy.policy == "post_moderated" and policy.reverify_days == 90


def test_a_newcomers_first_contributions_are_published_and_reviewed_after(
    community, community_manager, member
):
    quality_policy_set(
        actor=community_manager,
        community=community,
        policy="post_moderated",
        first_contributions_reviewed=2,
    )
    items = [make_item(member, community=community, title=f"Tip {n}") for n in range(3)]
    assert all(item.status == ContentItem.Status.PUBLISHED for item in items)
    reviewed = set(
        Review.objects.filter(reason=Review.Reason.FIRST_CONTRIBUTIONS).values_list(
            "item__title", flat=True
        )
    )
    assert reviewed == {"Tip 0", "Tip 1"}


def test_turning_down_a_published_first_contribution_takes_it_out_of_the_feed(
    client, community, community_manager, member, expert
):
    quality_policy_set(actor=community_manager, community=community, policy="post_moderated")
    item = make_item(member, community=community, title="Skip the torque check")
    review = Review.objects.get(item=item)
    login(client, expert)
    client.post(reverse("moderation:act", args=[review.pk, "reject"]), {"reason": "unsafe"})
    client.logout()
    reader = make_member("cole")
    add_member(community, reader)
    login(client, reader)
    feed = client.get(reverse("communities:detail", args=[community.slug])).text
    assert "Skip the torque check" not in feed
    assert client.get(item.get_absolute_url()).status_code == 404


def test_reviewers_see_the_count_in_the_top_bar_and_it_follows_their_decisions(
    client, pre_moderated, member, expert
):
    item = make_item(member, community=pre_moderated, title="Forklift charging")
    login(client, expert)
    assert "1 to review" in client.get(reverse("home")).text
    client.post(reverse("moderation:act", args=[Review.objects.get(item=item).pk, "approve"]))
    assert "to review</a>" not in client.get(reverse("home")).text
    client.logout()
    assert "to review</a>" not in login(client, member).get(reverse("home")).text


def test_the_queue_page_runs_a_fixed_number_of_queries_whatever_its_length(
    client, pre_moderated, expert, django_assert_max_num_queries
):
    authors = [make_member(f"author{n}") for n in range(3)]
    for author in authors:
        add_member(pre_moderated, author)
    url = reverse("moderation:queue")
    login(client, expert)

    def queue_with(extra: int) -> str:
        for n in range(extra):
            make_item(authors[n % 3], community=pre_moderated, title=f"Procedure {n}")
        client.get(url)
        with django_assert_max_num_queries(8):
            return client.get(url).text

    assert "Procedure 0" in queue_with(2)
    page = queue_with(30)
    assert page.count('class="card review"') == 25  # a page of the queue
    assert "32 waiting" in page


def test_the_community_page_leads_its_reviewers_to_the_queue_and_managers_to_the_policy(
    client, community, community_manager, expert, member
):
    page = reverse("communities:detail", args=[community.slug])
    queue = reverse("moderation:community_queue", args=[community.slug])
    policy = reverse("moderation:policy", args=[community.slug])
    html = login(client, community_manager).get(page).text
    assert queue in html and policy in html
    client.logout()
    html = login(client, expert).get(page).text
    assert queue in html and policy not in html
    client.logout()
    assert queue not in login(client, member).get(page).text


def test_the_safety_link_follows_a_policy_change_at_once(
    client, community, community_manager, member
):
    page = reverse("communities:detail", args=[community.slug])
    safety = reverse("moderation:safety", args=[community.slug])
    login(client, member)
    assert safety not in client.get(page).text
    quality_policy_set(actor=community_manager, community=community, safety_critical=True)
    assert safety in client.get(page).text
    quality_policy_set(actor=community_manager, community=community, safety_critical=False)
    assert safety not in client.get(page).text
