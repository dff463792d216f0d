"""Every check_* in people.permissions: an allow and a deny test per persona."""

import pytest
from django.contrib.auth.models import AnonymousUser

from guildhall.core.exceptions import PermissionDenied, ValidationError
from guildhall.people.permissions import (
    can_edit_profile,
    check_edit_profile,
    check_endorse_skill,
    check_invite_experts,
    check_set_leader,
)
from guildhall.qa.services import answer_create
from tests.people.conftest import ask


@pytest.mark.parametrize("persona", ["member", "staff"])
def test_check_edit_profile_allows_self_and_staff(request, persona, member):
    actor = request.getfixturevalue(persona)

    check_edit_profile(actor, member)  # does not raise
    assert can_edit_profile(actor, member)


@pytest.mark.parametrize("persona", ["expert", "community_manager", "outsider"])
def test_check_edit_profile_denies_other_members(request, persona, member):
    actor = request.getfixturevalue(persona)

    with pytest.raises(PermissionDenied, match="You can only edit your own profile"):
        check_edit_profile(actor, member)
    assert not can_edit_profile(actor, member)


def test_check_edit_profile_denies_anonymous(member):
    with pytest.raises(PermissionDenied):
        check_edit_profile(AnonymousUser(), member)


def test_staff_profile_is_not_editable_by_a_member(member, staff):
    with pytest.raises(PermissionDenied):
        check_edit_profile(member, staff)


# --- check_set_leader, check_endorse_skill, check_invite_experts --------------------------------


def test_check_set_leader_allows_staff(staff):
    check_set_leader(staff)


@pytest.mark.parametrize("persona", ["member", "community_manager"])
def test_check_set_leader_denies_members(request, persona):
    with pytest.raises(PermissionDenied, match="Only administrators can mark members as leaders"):
        check_set_leader(request.getfixturevalue(persona))


def test_check_endorse_skill_allows_endorsing_a_colleague(expert, member):
    check_endorse_skill(expert, member)


def test_check_endorse_skill_denies_endorsing_oneself(member):
    with pytest.raises(ValidationError, match="You cannot endorse your own skills"):
        check_endorse_skill(member, member)


def test_check_invite_experts_allows_the_asker_of_an_unanswered_question(member, community):
    check_invite_experts(member, ask(member, community))


def test_check_invite_experts_denies_other_members(expert, member, community):
    with pytest.raises(PermissionDenied, match="Only the asker of an unanswered question"):
        check_invite_experts(expert, ask(member, community))


def test_check_invite_experts_denies_once_the_question_is_answered(expert, member, community):
    question = ask(member, community)
    answer_create(actor=expert, item=question, body="Use last winter's curve.")
    with pytest.raises(PermissionDenied, match="Only the asker of an unanswered question"):
        check_invite_experts(member, question)
