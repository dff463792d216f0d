"""Every check_* in home.permissions: allow and deny."""

import pytest
from django.contrib.auth.models import AnonymousUser

from guildhall.core.exceptions import PermissionDenied
from guildhall.home.permissions import check_welcome_member


@pytest.mark.parametrize("who", ["expert", "outsider", "staff"])
def test_check_welcome_member_allows_welcoming_a_colleague(request, who, member):
    check_welcome_member(request.getfixturevalue(who), member)


def test_check_welcome_member_denies_welcoming_oneself(member):
    with pytest.raises(PermissionDenied, match="welcome other members only"):
        check_welcome_member(member, member)


def test_check_welcome_member_denies_anonymous_and_inactive(member, outsider):
    outsider.is_active = False
    outsider.save(update_fields=["is_active"])
    with pytest.raises(PermissionDenied, match="welcome other members only"):
        check_welcome_member(AnonymousUser(), member)
    with pytest.raises(PermissionDenied, match="welcome other members only"):
        check_welcome_member(member, outsider)
