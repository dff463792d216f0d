"""Every check_* in wiki.permissions: allow and deny, over the personas."""

import pytest
from django.http import Http404

from guildhall.core.exceptions import PermissionDenied
from guildhall.wiki.permissions import check_edit_wiki, check_edit_wiki_page, check_manage_wiki
from guildhall.wiki.services import wiki_settings_set
from tests.wiki.conftest import make_page


@pytest.fixture
def experts_only(community_manager, community):
    wiki_settings_set(actor=community_manager, community=community, editors="experts")
    return community


@pytest.mark.parametrize("who", ["member", "expert", "community_manager", "staff"])
def test_check_edit_wiki_allows_members_and_staff(request, who, community):
    check_edit_wiki(request.getfixturevalue(who), community)


def test_check_edit_wiki_asks_outsiders_to_join(outsider, community):
    with pytest.raises(PermissionDenied, match="Join this community to edit its wiki"):
        check_edit_wiki(outsider, community)


@pytest.mark.parametrize("who", ["expert", "community_manager"])
def test_check_edit_wiki_for_experts_allows_experts_and_managers(request, who, experts_only):
    check_edit_wiki(request.getfixturevalue(who), experts_only)


def test_check_edit_wiki_for_experts_denies_members(member, experts_only):
    with pytest.raises(PermissionDenied, match="Only this community's experts and managers"):
        check_edit_wiki(member, experts_only)


def test_check_edit_wiki_hides_a_private_community(outsider, private_community):
    with pytest.raises(Http404):
        check_edit_wiki(outsider, private_community)


def test_check_edit_wiki_page_allows_a_member(expert, page):
    check_edit_wiki_page(expert, page)


def test_check_edit_wiki_page_asks_outsiders_to_join(outsider, page):
    with pytest.raises(PermissionDenied, match="Join this community"):
        check_edit_wiki_page(outsider, page)


def test_check_edit_wiki_page_hides_a_private_page(outsider, member, private_community):
    private_page = make_page(member, private_community, title="Incident runbook")
    with pytest.raises(Http404):
        check_edit_wiki_page(outsider, private_page)


@pytest.mark.parametrize("who", ["community_manager", "staff"])
def test_check_manage_wiki_allows_managers_and_staff(request, who, community):
    check_manage_wiki(request.getfixturevalue(who), community)


@pytest.mark.parametrize("who", ["member", "expert", "outsider"])
def test_check_manage_wiki_denies_everyone_else(request, who, community):
    with pytest.raises(PermissionDenied, match="Only this community's managers"):
        check_manage_wiki(request.getfixturevalue(who), community)


def test_check_manage_wiki_hides_a_private_community(outsider, private_community):
    with pytest.raises(Http404):
        check_manage_wiki(outsider, private_community)
