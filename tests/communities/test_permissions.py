"""Every check_* in communities.permissions: allow and deny, over the personas."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from guildhall.communities.permissions import (
    can_create_community,
    can_join_community,
    can_manage_community,
    can_post_in_community,
    can_view_community,
    check_create_community,
    check_manage_community,
    check_post_in_community,
    check_view_community,
    role_of,
)
from guildhall.core.exceptions import PermissionDenied


def persona(request, name):
    return AnonymousUser() if name == "anonymous" else request.getfixturevalue(name)


# --- check_view_community -------------------------------------------------------------------


@pytest.mark.parametrize("who", ["member", "expert", "community_manager", "outsider", "staff"])
def test_check_view_community_allows_everyone_signed_in_on_public(request, who, community):
    check_view_community(persona(request, who), community)
    assert can_view_community(persona(request, who), community)


@pytest.mark.parametrize("who", ["member", "community_manager", "staff"])
def test_check_view_community_allows_members_and_staff_on_private(request, who, private_community):
    check_view_community(persona(request, who), private_community)


@pytest.mark.parametrize("who", ["outsider", "expert", "anonymous"])
def test_check_view_community_answers_404_to_others_on_private(request, who, private_community):
    with pytest.raises(Http404, match="No such community"):
        check_view_community(persona(request, who), private_community)
    assert not can_view_community(persona(request, who), private_community)


def test_check_view_community_denies_anonymous_on_public(community):
    with pytest.raises(Http404):
        check_view_community(AnonymousUser(), community)


# --- check_create_community -----------------------------------------------------------------


@pytest.mark.parametrize("who", ["member", "outsider", "staff"])
def test_check_create_community_allows_members_when_open(request, who, settings, db):
    settings.GUILDHALL_COMMUNITY_CREATION = "members"

    check_create_community(persona(request, who))
    assert can_create_community(persona(request, who))


def test_check_create_community_allows_staff_when_restricted(staff, settings):
    settings.GUILDHALL_COMMUNITY_CREATION = "staff"

    check_create_community(staff)


@pytest.mark.parametrize("who", ["member", "community_manager", "anonymous"])
def test_check_create_community_denies_members_when_restricted(request, who, settings, db):
    settings.GUILDHALL_COMMUNITY_CREATION = "staff"

    with pytest.raises(PermissionDenied, match="Only administrators can create communities"):
        check_create_community(persona(request, who))


def test_check_create_community_denies_anonymous_when_open(db, settings):
    settings.GUILDHALL_COMMUNITY_CREATION = "members"

    with pytest.raises(PermissionDenied):
        check_create_community(AnonymousUser())


# --- check_manage_community -----------------------------------------------------------------


@pytest.mark.parametrize("who", ["community_manager", "staff"])
@pytest.mark.parametrize("which", ["community", "private_community"])
def test_check_manage_community_allows_managers_and_staff(request, who, which, db):
    community = request.getfixturevalue(which)

    check_manage_community(persona(request, who), community)
    assert can_manage_community(persona(request, who), community)


@pytest.mark.parametrize("who", ["member", "expert", "outsider"])
def test_check_manage_community_denies_others_on_public(request, who, community):
    with pytest.raises(PermissionDenied, match="Only this community's managers can do that"):
        check_manage_community(persona(request, who), community)
    assert not can_manage_community(persona(request, who), community)


def test_check_manage_community_denies_member_of_private(member, private_community):
    with pytest.raises(PermissionDenied):
        check_manage_community(member, private_community)


@pytest.mark.parametrize("who", ["outsider", "anonymous"])
def test_check_manage_community_hides_private_from_outsiders(request, who, private_community):
    with pytest.raises(Http404):
        check_manage_community(persona(request, who), private_community)


# --- check_post_in_community ----------------------------------------------------------------


@pytest.mark.parametrize("who", ["member", "expert", "community_manager"])
def test_check_post_in_community_allows_members(request, who, community):
    check_post_in_community(persona(request, who), community)
    assert can_post_in_community(persona(request, who), community)


def test_check_post_in_community_allows_member_of_private(member, private_community):
    check_post_in_community(member, private_community)


@pytest.mark.parametrize("who", ["outsider", "staff"])
def test_check_post_in_community_denies_non_members_of_public(request, who, community):
    with pytest.raises(PermissionDenied, match="Join this community to post"):
        check_post_in_community(persona(request, who), community)
    assert not can_post_in_community(persona(request, who), community)


@pytest.mark.parametrize("who", ["outsider", "expert", "anonymous"])
def test_check_post_in_community_hides_private_from_outsiders(request, who, private_community):
    with pytest.raises(Http404):
        check_post_in_community(persona(request, who), private_community)


# --- can_join_community and role_of -----------------------------------------------------------


def test_can_join_community(community, private_community, outsider, member):
    assert can_join_community(outsider, community)
    assert not can_join_community(member, community)  # already in
    assert not can_join_community(outsider, private_community)  # ask instead
    assert not can_join_community(AnonymousUser(), community)


def test_role_of(community, member, expert, community_manager, outsider):
    assert role_of(member, community) == "member"
    assert role_of(expert, community) == "expert"
    assert role_of(community_manager, community) == "manager"
    assert role_of(outsider, community) is None
    assert role_of(AnonymousUser(), community) is None
