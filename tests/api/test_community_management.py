"""What a community's settings and members pages do, through the API: edit the community, set
roles, remove members, decide join requests — the same services, checks and notices."""

from guildhall.communities.models import Community, JoinRequest, Membership
from guildhall.communities.services import join_request_create
from guildhall.core.models import AuditEntry
from guildhall.notifications.models import Notification


def put(api, path, data):
    return api.client.put(path, data, content_type="application/json")


def test_a_manager_edits_a_community_and_only_sent_fields_change(api, community_manager, community):
    response = api.as_(community_manager).patch(
        f"/api/v1/communities/{community.slug}", {"purpose": "Plan **well**."}
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["purpose_html"].strip() == "<p>Plan <strong>well</strong>.</p>"
    assert body["name"] == "Supply Chain Practice" and body["visibility"] == "public"


def test_editing_is_for_managers_and_checks_values(api, member, community_manager, community):
    path = f"/api/v1/communities/{community.slug}"
    assert api.as_(member).patch(path, {"name": "Mine now"}).status_code == 403
    bad = api.as_(community_manager).patch(path, {"visibility": "secret"})
    assert bad.status_code == 422 and "visibility" in bad.json()["errors"]
    empty = api.patch(path, {"name": ""})
    assert empty.status_code == 422 and "name" in empty.json()["errors"]
    community.refresh_from_db()
    assert community.name == "Supply Chain Practice"


def test_making_a_community_private_by_api_hides_it_from_outsiders(
    api, community_manager, outsider, community
):
    response = api.as_(community_manager).patch(
        f"/api/v1/communities/{community.slug}", {"visibility": "private"}
    )
    assert response.status_code == 200
    assert api.as_(outsider).get(f"/api/v1/communities/{community.slug}").status_code == 404
    assert api.patch(f"/api/v1/communities/{community.slug}", {"name": "x"}).status_code == 404


def test_roles_are_set_and_a_community_keeps_a_manager(api, community_manager, member, community):
    path = f"/api/v1/communities/{community.slug}/members"
    response = put(api.as_(community_manager), f"{path}/{member.username}", {"role": "expert"})
    assert response.status_code == 200, response.content
    assert response.json()["role"] == "expert"
    assert Membership.objects.get(community=community, user=member).role == "expert"
    assert AuditEntry.objects.filter(action="membership_role").exists()
    last = put(api, f"{path}/{community_manager.username}", {"role": "member"})
    assert last.status_code == 422 and "manager" in last.json()["detail"]
    assert put(api, f"{path}/{member.username}", {"role": "owner"}).status_code == 422
    assert put(api, f"{path}/nobody-here", {"role": "expert"}).status_code == 404
    assert put(api.as_(member), f"{path}/{member.username}", {"role": "manager"}).status_code == 403


def test_removing_a_member_tells_them(api, community_manager, member, community, run_on_commit):
    with run_on_commit():
        response = api.as_(community_manager).delete(
            f"/api/v1/communities/{community.slug}/members/{member.username}"
        )
    assert response.status_code == 204
    assert not Membership.objects.filter(community=community, user=member).exists()
    assert Notification.objects.filter(recipient=member, verb="membership_removed").exists()
    again = api.delete(f"/api/v1/communities/{community.slug}/members/{member.username}")
    assert again.status_code == 422


def test_join_requests_are_listed_and_decided_by_managers(
    api, community_manager, member, outsider, private_community, run_on_commit
):
    request = join_request_create(
        actor=outsider, community=private_community, accept_guidelines=True, message="Hi!"
    )
    path = f"/api/v1/communities/{private_community.slug}/join-requests"
    assert api.as_(member).get(path).status_code == 403
    assert api.as_(outsider).get(path).status_code == 404
    listed = api.as_(community_manager).get(path).json()
    assert listed["count"] == 1
    assert listed["items"][0] | {"created_at": None} == {
        "id": request.pk,
        "community": private_community.slug,
        "username": outsider.username,
        "name": "Olaf Outsider",
        "message": "Hi!",
        "status": "pending",
        "created_at": None,
        "decided_at": None,
    }
    assert api.as_(outsider).post(f"/api/v1/join-requests/{request.pk}/approve").status_code == 404
    with run_on_commit():
        approved = api.as_(community_manager).post(f"/api/v1/join-requests/{request.pk}/approve")
    assert approved.status_code == 200 and approved.json()["status"] == "approved"
    assert Membership.objects.filter(community=private_community, user=outsider).exists()
    assert Notification.objects.filter(recipient=outsider, verb="join_request_approved").exists()
    twice = api.post(f"/api/v1/join-requests/{request.pk}/decline")
    assert twice.status_code == 422
    assert api.post("/api/v1/join-requests/999999/decline").status_code == 404
    assert JoinRequest.objects.get(pk=request.pk).status == "approved"
    assert Community.objects.get(pk=private_community.pk).member_count == 3
