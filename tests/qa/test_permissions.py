"""Every check_* in qa.permissions: allow and deny, over the personas."""

import pytest
from django.http import Http404

from guildhall.core.exceptions import PermissionDenied
from guildhall.qa.permissions import (
    check_accept_answer,
    check_answer_question,
    check_delete_answer,
    check_edit_answer,
    check_vote_answer,
)
from tests.factories import make_item
from tests.qa.conftest import answer


@pytest.fixture
def erics_answer(expert, question):
    """Eric's answer to Mia's question in the public community."""
    return answer(expert, question)


@pytest.fixture
def private_answer(member, community_manager, private_question):
    return answer(community_manager, private_question)


# --- check_answer_question ----------------------------------------------------------------------


@pytest.mark.parametrize("who", ["expert", "community_manager", "member"])
def test_check_answer_question_allows_the_communitys_members(request, who, question):
    check_answer_question(request.getfixturevalue(who), question)


def test_check_answer_question_asks_outsiders_to_join(outsider, question):
    with pytest.raises(PermissionDenied, match="Join this community to answer"):
        check_answer_question(outsider, question)


def test_check_answer_question_hides_a_private_question(outsider, private_question):
    with pytest.raises(Http404):
        check_answer_question(outsider, private_question)


def test_check_answer_question_refuses_items_that_are_not_questions(expert, member, community):
    discussion = make_item(member, community=community, kind="discussion")
    with pytest.raises(PermissionDenied, match="Only questions take answers"):
        check_answer_question(expert, discussion)


# --- check_vote_answer --------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["member", "community_manager"])
def test_check_vote_answer_allows_other_members(request, who, erics_answer):
    check_vote_answer(request.getfixturevalue(who), erics_answer)


def test_check_vote_answer_refuses_a_vote_on_ones_own_answer(expert, erics_answer):
    with pytest.raises(PermissionDenied, match="your own answer"):
        check_vote_answer(expert, erics_answer)


def test_check_vote_answer_asks_outsiders_to_join(outsider, erics_answer):
    with pytest.raises(PermissionDenied, match="Join this community to vote"):
        check_vote_answer(outsider, erics_answer)


def test_check_vote_answer_hides_a_private_answer(outsider, private_answer):
    with pytest.raises(Http404):
        check_vote_answer(outsider, private_answer)


# --- check_accept_answer ------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["member", "expert", "community_manager", "staff"])
def test_check_accept_answer_allows_the_asker_leaders_and_staff(request, who, erics_answer):
    check_accept_answer(request.getfixturevalue(who), erics_answer)


def test_check_accept_answer_denies_other_members(outsider, erics_answer):
    with pytest.raises(PermissionDenied, match="Only the asker"):
        check_accept_answer(outsider, erics_answer)


def test_check_accept_answer_hides_a_private_answer(outsider, private_answer):
    with pytest.raises(Http404):
        check_accept_answer(outsider, private_answer)


# --- check_edit_answer / check_delete_answer ----------------------------------------------------


def test_check_edit_answer_allows_its_author(expert, erics_answer):
    check_edit_answer(expert, erics_answer)


@pytest.mark.parametrize("who", ["member", "community_manager", "staff"])
def test_check_edit_answer_denies_everyone_else(request, who, erics_answer):
    with pytest.raises(PermissionDenied, match="Only the answer's author"):
        check_edit_answer(request.getfixturevalue(who), erics_answer)


def test_check_edit_answer_hides_a_private_answer(outsider, private_answer):
    with pytest.raises(Http404):
        check_edit_answer(outsider, private_answer)


@pytest.mark.parametrize("who", ["expert", "community_manager", "staff"])
def test_check_delete_answer_allows_the_author_managers_and_staff(request, who, erics_answer):
    check_delete_answer(request.getfixturevalue(who), erics_answer)


@pytest.mark.parametrize("who", ["member", "outsider"])
def test_check_delete_answer_denies_other_members(request, who, erics_answer):
    with pytest.raises(PermissionDenied, match="author or a community manager"):
        check_delete_answer(request.getfixturevalue(who), erics_answer)
