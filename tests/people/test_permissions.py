"""Every check_* in people.permissions: an allow and a deny test per persona."""

import pytest
from django.contrib.auth.models import AnonymousUser

from guildhall.core.exceptions import PermissionDenied
from guildhall.people.permissions import can_edit_profile, check_edit_profile


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
