import pytest
from django.urls import reverse

from guildhall.accounts.models import Invitation
from tests.conftest import login
from tests.factories import make_comment, make_item

MODELS = [
    "accounts_user",
    "accounts_apitoken",
    "accounts_invitation",
    "people_department",
    "people_skill",
    "people_profile",
    "communities_community",
    "communities_joinrequest",
    "content_contentitem",
    "content_tag",
    "core_event",
    "core_auditentry",
]


@pytest.mark.parametrize("model", MODELS)
def test_staff_can_open_every_admin_list(client, staff, member, community, model):
    make_comment(member, make_item(member, community=community, kind="discussion"), "Hi")
    login(client, staff)
    assert client.get(reverse(f"admin:{model}_changelist")).status_code == 200


def test_members_cannot_use_the_admin(client, member):
    login(client, member)
    response = client.get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_staff_invites_by_email_and_the_link_opens_sign_up(client, staff, settings):
    settings.GUILDHALL_SIGNUP_DOMAINS = []
    login(client, staff)
    client.post(reverse("admin:accounts_invitation_add"), {"email": "new.hire@partner.org"})
    invitation = Invitation.objects.get()
    client.logout()
    response = client.get(f"/accounts/invite/{invitation.token}/", follow=True)
    assert b'name="email"' in response.content
    client.post(
        "/accounts/signup/",
        {
            "email": "new.hire@partner.org",
            "username": "newhire",
            "password1": "a-long-safe-passphrase",
            "password2": "a-long-safe-passphrase",
        },
    )
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None
