"""Reads about communities: private ones exist only for their members and staff."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from guildhall.communities.models import Community
from guildhall.communities.selectors import (
    communities_list,
    communities_visible_to,
    community_get,
    community_leaders,
    community_members,
    join_request_pending_for,
    join_requests_pending,
    memberships_of,
)
from guildhall.communities.services import (
    join_request_create,
    join_request_decide,
    membership_join,
)
from tests.factories import make_community, make_member


def slugs(qs) -> set[str]:
    return {c.slug for c in qs}


@pytest.fixture
def both(community, private_community):
    return community, private_community


def test_outsider_sees_only_public_communities(both, outsider):
    assert slugs(communities_visible_to(outsider)) == {"supply-chain-practice"}


def test_member_sees_public_and_their_private_communities(both, member):
    assert slugs(communities_visible_to(member)) == {
        "supply-chain-practice",
        "incident-review-board",
    }


def test_member_does_not_see_other_private_communities(both, member, expert):
    make_community(expert, name="Expert Lounge", private=True)

    assert "expert-lounge" not in slugs(communities_visible_to(member))
    assert "expert-lounge" in slugs(communities_visible_to(expert))


def test_staff_see_every_community(both, staff):
    make_community(make_member(), name="Hidden Lab", private=True)

    assert slugs(communities_visible_to(staff)) == {
        "supply-chain-practice",
        "incident-review-board",
        "hidden-lab",
    }


def test_anonymous_sees_no_community(both):
    assert list(communities_visible_to(AnonymousUser())) == []


def test_community_get_answers_404_to_outsiders_on_private(both, outsider, member):
    with pytest.raises(Http404, match="No such community"):
        community_get(viewer=outsider, slug="incident-review-board")

    assert community_get(viewer=member, slug="incident-review-board").is_private
    assert community_get(viewer=outsider, slug="supply-chain-practice").name == (
        "Supply Chain Practice"
    )


def test_community_get_unknown_slug_is_404(member):
    with pytest.raises(Http404):
        community_get(viewer=member, slug="nope")


def test_communities_list_orders_by_size_then_name(both, member, expert):
    small = make_community(expert, name="Aardvark Club")

    listed = [c.slug for c in communities_list(viewer=member)]

    # 3 members, then 2, then 1 (the new one).
    assert listed == ["supply-chain-practice", "incident-review-board", small.slug]


def test_communities_list_filters(both, member, outsider, expert):
    make_community(
        expert,
        name="Forecasting Fans",
        kind=Community.Kind.INTEREST,
        purpose="Talk about demand signals",
    )

    assert [c.slug for c in communities_list(viewer=member, q="forecasting")] == [
        "forecasting-fans"
    ]
    assert [c.slug for c in communities_list(viewer=member, q="DEMAND signals")] == [
        "forecasting-fans"
    ]
    assert [c.slug for c in communities_list(viewer=member, kind="interest")] == [
        "forecasting-fans"
    ]
    assert slugs(communities_list(viewer=member, mine=True)) == {
        "supply-chain-practice",
        "incident-review-board",
    }
    assert list(communities_list(viewer=outsider, mine=True)) == []
    # A search never reaches a private community the viewer cannot see.
    assert list(communities_list(viewer=outsider, q="incident")) == []


def test_memberships_of_shows_only_communities_the_viewer_may_see(both, member, outsider):
    assert [m.community.slug for m in memberships_of(viewer=member, member=member)] == [
        "incident-review-board",
        "supply-chain-practice",
    ]
    assert [m.community.slug for m in memberships_of(viewer=outsider, member=member)] == [
        "supply-chain-practice"
    ]


def test_community_members_with_role_filter(community, member, expert, community_manager):
    everyone = community_members(viewer=member, community=community)
    experts = community_members(viewer=member, community=community, role="expert")

    assert [m.user.username for m in everyone] == ["carla", "eric", "mia"]
    assert [m.user for m in experts] == [expert]


def test_community_members_of_a_private_community_are_hidden_from_outsiders(
    private_community, outsider, member, staff
):
    assert list(community_members(viewer=outsider, community=private_community)) == []
    assert len(community_members(viewer=member, community=private_community)) == 2
    assert len(community_members(viewer=staff, community=private_community)) == 2


def test_community_leaders_lists_managers_then_experts(community, expert, community_manager):
    leaders = community_leaders(community=community)

    assert [(m.user, m.role) for m in leaders] == [
        (community_manager, "manager"),
        (expert, "expert"),
    ]


def test_pending_join_requests(private_community, outsider, community_manager):
    other = make_member()
    first = join_request_create(actor=outsider, community=private_community, accept_guidelines=True)
    second = join_request_create(actor=other, community=private_community, accept_guidelines=True)
    join_request_decide(actor=community_manager, join_request=second, approve=False)

    assert list(join_requests_pending(community=private_community)) == [first]
    assert join_request_pending_for(viewer=outsider, community=private_community) == first
    assert join_request_pending_for(viewer=other, community=private_community) is None


def test_member_count_in_lists_follows_joins(community, outsider):
    membership_join(actor=outsider, community=community, accept_guidelines=True)

    [listed] = communities_list(viewer=outsider, q="supply")
    assert listed.member_count == 4
