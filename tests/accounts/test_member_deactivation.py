"""A member leaves through deactivation, never deletion: the admin offers no delete (it would
take colleagues' work with it), and a deactivated member can no longer sign in or use tokens
while everything written stays."""

import pytest

from guildhall.accounts.services import api_token_create, member_active_set
from guildhall.core.exceptions import PermissionDenied, ValidationError
from guildhall.core.models import AuditEntry
from guildhall.interactions.models import Comment
from guildhall.people.services import profile_skill_set
from tests.conftest import login
from tests.factories import make_comment, make_item


def test_admin_has_no_delete_for_members_only_deactivation(client, staff, member):
    login(client, staff)
    change = client.get(f"/admin/accounts/user/{member.pk}/change/").content.decode()
    assert f"/admin/accounts/user/{member.pk}/delete/" not in change
    assert client.get(f"/admin/accounts/user/{member.pk}/delete/").status_code == 403
    listing = client.get("/admin/accounts/user/").content.decode()
    assert "delete_selected" not in listing and "deactivate_members" in listing


def test_deactivating_keeps_everyones_work_and_stops_sign_in_and_tokens(
    client, staff, member, expert, community
):
    item = make_item(member, community=community, title="Pallet wrapping guide")
    make_comment(expert, item, body="We use 250% pre-stretch.")
    token = api_token_create(user=member)
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 200

    login(client, staff)
    response = client.post(
        "/admin/accounts/user/",
        {"action": "deactivate_members", "_selected_action": [member.pk]},
        follow=True,
    )
    assert "1 member deactivated" in response.content.decode()
    client.logout()

    member.refresh_from_db()
    assert member.is_active is False
    assert item.__class__.objects.filter(pk=item.pk).exists()
    assert Comment.objects.filter(item=item, author=expert).exists()
    assert AuditEntry.objects.filter(action="member_deactivate", target_id=member.pk).exists()
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 401
    signin = client.post(
        "/accounts/login/", {"login": member.email, "password": "guildhall"}, follow=True
    )
    assert not signin.wsgi_request.user.is_authenticated


def test_unticking_active_in_the_admin_goes_through_the_service(client, staff, member):
    api_token_create(user=member)
    login(client, staff)
    page = client.get(f"/admin/accounts/user/{member.pk}/change/")
    form = page.context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and not isinstance(v, list)}
    data.update(
        {
            "username": member.username,
            "email": member.email,
            "date_joined_0": member.date_joined.strftime("%Y-%m-%d"),
            "date_joined_1": member.date_joined.strftime("%H:%M:%S"),
        }
    )
    data.pop("is_active", None)  # unticked
    data.pop("last_login", None)
    response = client.post(f"/admin/accounts/user/{member.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    member.refresh_from_db()
    assert member.is_active is False
    assert not member.api_tokens.exists()
    assert AuditEntry.objects.filter(action="member_deactivate").count() == 1


def test_only_staff_deactivate_and_never_themselves(staff, member):
    with pytest.raises(PermissionDenied):
        member_active_set(actor=member, user=staff, active=False)
    with pytest.raises(ValidationError):
        member_active_set(actor=staff, user=staff, active=False)
    member_active_set(actor=staff, user=member, active=False)
    member_active_set(actor=staff, user=member, active=True)
    member.refresh_from_db()
    assert member.is_active is True


def test_the_admin_deletes_no_item_or_profile(client, staff, member, community):
    item = make_item(member, community=community, title="Kept")
    login(client, staff)
    assert client.get(f"/admin/content/contentitem/{item.pk}/delete/").status_code == 403
    profile_pk = member.profile.pk
    assert client.get(f"/admin/people/profile/{profile_pk}/delete/").status_code == 403
    assert "delete_selected" not in client.get("/admin/content/contentitem/").content.decode()
    entry = profile_skill_set(actor=member, member=member, name="Forecasting", level=4)
    assert client.get(f"/admin/people/skill/{entry.skill_id}/delete/").status_code == 403
    assert "delete_selected" not in client.get("/admin/people/skill/").content.decode()
