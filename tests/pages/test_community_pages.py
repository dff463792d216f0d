import pytest
from django.urls import reverse

from guildhall.communities.models import Community, JoinRequest, Membership
from guildhall.core.models import AuditEntry
from tests.conftest import login
from tests.factories import make_item


def test_join_requires_accepting_guidelines(client, outsider, community):
    login(client, outsider)
    page = client.get(reverse("communities:join", args=[community.slug]))
    assert b"Be kind. No customer data." in page.content
    refused = client.post(reverse("communities:join", args=[community.slug]), {})
    assert b"accept the community" in refused.content
    assert not Membership.objects.filter(community=community, user=outsider).exists()
    client.post(reverse("communities:join", args=[community.slug]), {"accept_guidelines": "on"})
    membership = Membership.objects.get(community=community, user=outsider)
    assert membership.guidelines_accepted_at is not None
    community.refresh_from_db()
    assert community.member_count == 4


def test_leave_after_confirmation(client, member, community):
    login(client, member)
    assert b"Leave" in client.get(reverse("communities:leave", args=[community.slug])).content
    assert Membership.objects.filter(community=community, user=member).exists()
    client.post(reverse("communities:leave", args=[community.slug]))
    assert not Membership.objects.filter(community=community, user=member).exists()


@pytest.mark.parametrize(
    "path", ["communities:detail", "communities:members", "communities:join", "communities:leave"]
)
def test_private_community_is_404_for_outsiders(client, outsider, private_community, path):
    login(client, outsider)
    assert client.get(reverse(path, args=[private_community.slug])).status_code == 404


def test_private_community_items_are_404_and_unlisted_for_outsiders(
    client, outsider, member, staff, private_community
):
    item = make_item(
        member, community=private_community, kind="discussion", title="Near miss at dock 4"
    )
    login(client, outsider)
    assert client.get(item.get_absolute_url()).status_code == 404
    assert b"Incident Review Board" not in client.get(reverse("communities:list")).content
    assert b"Near miss" not in client.get(f"/u/{member.username}/").content
    for viewer in (member, staff):
        client.force_login(viewer)
        assert client.get(item.get_absolute_url()).status_code == 200
        assert b"Incident Review Board" in client.get(reverse("communities:list")).content


def test_manager_changes_roles_and_removes_members_with_audit(
    client, community_manager, member, community
):
    login(client, community_manager)
    audits_before = AuditEntry.objects.filter(action="membership_role").count()
    client.post(
        reverse("communities:member_role", args=[community.slug, member.username]),
        {"role": "expert"},
    )
    assert Membership.objects.get(community=community, user=member).role == "expert"
    assert AuditEntry.objects.filter(action="membership_role").count() == audits_before + 1
    confirm = client.get(
        reverse("communities:member_remove", args=[community.slug, member.username])
    )
    assert b"Remove member" in confirm.content
    client.post(reverse("communities:member_remove", args=[community.slug, member.username]))
    assert not Membership.objects.filter(community=community, user=member).exists()


def test_member_cannot_change_roles(client, member, expert, community):
    login(client, member)
    response = client.post(
        reverse("communities:member_role", args=[community.slug, expert.username]),
        {"role": "member"},
    )
    assert response.status_code == 403
    assert Membership.objects.get(community=community, user=expert).role == "expert"


def test_last_manager_is_told_to_appoint_another(client, community_manager, community):
    login(client, community_manager)
    response = client.post(reverse("communities:leave", args=[community.slug]), follow=True)
    assert b"appoint another manager first" in response.content
    assert Membership.objects.filter(community=community, user=community_manager).exists()


def test_private_join_link_request_and_approval(
    client, outsider, community_manager, private_community, run_on_commit
):
    link = reverse("communities:request_join", args=[private_community.join_token])
    login(client, outsider)
    assert b"Incident Review Board" in client.get(link).content
    with run_on_commit():
        client.post(link, {"accept_guidelines": "on", "message": "I run the night shift"})
    join_request = JoinRequest.objects.get(user=outsider)
    assert b"A community manager will decide soon" in client.get(link).content

    client.force_login(community_manager)
    requests_page = client.get(reverse("communities:requests", args=[private_community.slug]))
    assert b"I run the night shift" in requests_page.content
    assert b"Olaf Outsider asked to join" in client.get(reverse("notifications:list")).content
    with run_on_commit():
        client.post(
            reverse("communities:request_decide", args=[private_community.slug, join_request.pk]),
            {"decision": "approve"},
        )
    assert Membership.objects.filter(community=private_community, user=outsider).exists()
    client.force_login(outsider)
    assert (
        client.get(reverse("communities:detail", args=[private_community.slug])).status_code == 200
    )
    assert (
        b"You are now a member of Incident Review Board"
        in client.get(reverse("notifications:list")).content
    )


def test_unknown_join_link_is_404(client, outsider):
    login(client, outsider)
    assert client.get("/c/join/not-a-token/").status_code == 404


def test_create_and_edit_community(client, member):
    login(client, member)
    client.post(
        reverse("communities:create"),
        {
            "name": "Lean Circle",
            "kind": "horizontal",
            "visibility": "public",
            "purpose": "Kaizen",
            "guidelines": "",
        },
    )
    community = Community.objects.get(slug="lean-circle")
    assert Membership.objects.get(community=community, user=member).role == "manager"
    client.post(
        reverse("communities:edit", args=[community.slug]),
        {
            "name": "Lean Circle",
            "kind": "horizontal",
            "visibility": "private",
            "purpose": "Kaizen",
            "guidelines": "",
        },
    )
    community.refresh_from_db()
    assert community.is_private


def test_community_search_and_empty_state(client, member, community):
    login(client, member)
    assert b"Supply Chain Practice" in client.get("/communities/?q=supply").content
    empty = client.get("/communities/?q=zzzz").content
    assert b"No communities found" in empty
