"""The audit trail as managers and staff read it (page, CSV, API), and members' own history."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from guildhall.communities.services import membership_role_set
from guildhall.core.models import AuditEntry
from guildhall.moderation.audit import AUDIT_ACTIONS
from guildhall.moderation.models import Review
from guildhall.moderation.services import quality_policy_set, review_reject
from tests.conftest import login
from tests.factories import make_community, make_item, make_member

pytestmark = pytest.mark.django_db

AUDIT = reverse("moderation:audit")


@pytest.fixture
def elsewhere(db):
    """Another community, managed by someone else, with an audited change."""
    boss = make_member("bob", name="Bob Boss")
    other = make_community(boss, name="Finance Circle")
    quality_policy_set(actor=boss, community=other, policy="post_moderated")
    return other


def test_a_manager_reads_their_communitys_entries_in_words_not_others(
    client, community, community_manager, expert, elsewhere
):
    membership_role_set(actor=community_manager, community=community, member=expert, role="member")
    page = login(client, community_manager).get(AUDIT)
    assert page.status_code == 200
    text = page.text
    assert "Changed a member&#x27;s role" in text or "Changed a member's role" in text
    assert "Carla Manager" in text and "from: expert" in text and "to: member" in text
    assert "Finance Circle" not in text and "Bob Boss" not in text


def test_staff_read_everything(client, community, community_manager, staff, elsewhere):
    quality_policy_set(actor=community_manager, community=community, policy="pre_moderated")
    text = login(client, staff).get(AUDIT).text
    assert "Finance Circle" in text and "Supply Chain Practice" in text
    assert "Set the quality policy" in text


def test_members_who_manage_nothing_get_404(client, community, member, expert, outsider):
    for user in (member, expert, outsider):
        assert login(client, user).get(AUDIT).status_code == 404
        assert client.get(reverse("moderation:audit_csv")).status_code == 404
    client.logout()
    assert client.get(AUDIT).status_code == 302  # sign in first


def test_filters_by_action_actor_community_and_dates(
    client, community, community_manager, expert, member, staff, elsewhere
):
    membership_role_set(actor=community_manager, community=community, member=member, role="expert")
    quality_policy_set(actor=staff, community=community, policy="pre_moderated")
    login(client, staff)
    by_action = client.get(AUDIT, {"action": "membership_role"}).text
    assert "<td>Changed a member" in by_action and "<td>Set the quality" not in by_action
    by_actor = client.get(AUDIT, {"actor": "admin"}).text
    assert "<td>Set the quality policy" in by_actor and "<td>Changed a member" not in by_actor
    by_community = client.get(AUDIT, {"community": elsewhere.slug}).text
    assert "Bob Boss</a>" in by_community and "Ada Admin</a>" not in by_community
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    assert "Nothing recorded" in client.get(AUDIT, {"since": tomorrow}).text
    today = timezone.localdate().isoformat()
    assert "Nothing recorded" not in client.get(AUDIT, {"since": today, "until": today}).text


def test_a_manager_cannot_filter_to_a_community_they_do_not_manage(
    client, community, community_manager, elsewhere
):
    login(client, community_manager)
    assert client.get(AUDIT, {"community": elsewhere.slug}).status_code == 404
    assert client.get(AUDIT, {"community": community.slug}).status_code == 200


def test_the_page_is_newest_first_and_paginated_in_few_queries(
    client, community, community_manager, expert, django_assert_max_num_queries
):
    for n in range(60):
        AuditEntry.objects.create(
            actor=community_manager,
            action="membership_role",
            target_type_id=_ct(community),
            target_id=community.pk,
            community_id=community.pk,
            data={"member": f"m{n}"},
        )
    login(client, community_manager)
    client.get(AUDIT)
    with django_assert_max_num_queries(12):
        page = client.get(AUDIT)
    assert page.text.index(">member: m59<") < page.text.index(">member: m58<")
    assert ">member: m9<" not in page.text and "Page 1 of 2" in page.text
    assert ">member: m9<" in client.get(AUDIT, {"page": 2}).text


def _ct(obj):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(obj).pk


def test_the_csv_has_the_pages_filters(client, community, community_manager, member, staff):
    membership_role_set(actor=community_manager, community=community, member=member, role="expert")
    quality_policy_set(actor=staff, community=community, policy="pre_moderated")
    login(client, community_manager)
    page = client.get(AUDIT, {"action": "membership_role"}).text
    assert f"{reverse('moderation:audit_csv')}?action=membership_role" in page
    answer = client.get(reverse("moderation:audit_csv"), {"action": "membership_role"})
    assert answer.status_code == 200 and answer["Content-Type"].startswith("text/csv")
    lines = b"".join(answer.streaming_content).decode().splitlines()
    assert lines[0].startswith("created_at,action,action_label,actor,target,community,data")
    assert len(lines) == 3  # Mia made an expert now, Eric when the community was set up
    assert all(",membership_role,Changed a member's role,carla," in line for line in lines[1:])
    assert "member: mia; from: member; to: expert" in lines[1]


def test_the_api_lists_a_managers_entries_and_nothing_for_members(
    api, community, community_manager, member, staff, elsewhere
):
    membership_role_set(actor=community_manager, community=community, member=member, role="expert")
    mine = api.as_(community_manager).get("/api/v1/audit").json()
    assert mine["count"] >= 1
    entry = next(e for e in mine["items"] if e["action"] == "membership_role")
    assert entry["actor"] == "carla" and entry["community"] == community.slug
    assert entry["target"] == "Supply Chain Practice" and entry["data"]["to"] == "expert"
    assert {e["community"] for e in mine["items"]} == {community.slug}
    everything = api.as_(staff).get("/api/v1/audit").json()
    assert elsewhere.slug in {e["community"] for e in everything["items"]}
    filtered = api.as_(staff).get("/api/v1/audit", {"action": "quality_policy_set"}).json()
    assert filtered["count"] == 1 and filtered["items"][0]["actor"] == "bob"
    assert api.as_(member).get("/api/v1/audit").json() == {"items": [], "count": 0}


def test_the_api_hides_private_communities_from_outsiders(api, outsider, private_community):
    path = "/api/v1/audit"
    assert api.as_(outsider).get(path, {"community": private_community.slug}).status_code == 404


def test_links_to_the_audit_trail_for_managers_only(client, community, community_manager, expert):
    detail = reverse("communities:detail", args=[community.slug])
    queue = reverse("moderation:community_queue", args=[community.slug])
    login(client, community_manager)
    assert "Audit trail" in client.get(detail).text
    assert "Audit trail" in client.get(queue).text
    login(client, expert)
    assert "Audit trail" not in client.get(detail).text
    assert "Audit trail" not in client.get(queue).text


def test_every_audit_action_the_code_writes_is_registered():
    src = Path(__file__).resolve().parents[2] / "src" / "guildhall"
    written = set()
    for path in src.rglob("*.py"):
        text = path.read_text()
        written |= set(re.findall(r'audit\(\s*\w+,\s*"(\w+)"', text))
        for a, b in re.findall(r'audit\(\s*\w+,\s*"(\w+)" if \w+ else "(\w+)"', text):
            written |= {a, b}
    written |= {f"review_{s}" for s in Review.Status.values if s != "pending"}
    assert written and written <= set(AUDIT_ACTIONS), written - set(AUDIT_ACTIONS)


# --- A member's own history -------------------------------------------------------------------


def test_a_member_sees_what_was_turned_down_and_why(client, pre_moderated, member, expert):
    item = make_item(member, community=pre_moderated, title="Lockout on the new press")
    review = Review.objects.get(item=item)
    review_reject(actor=expert, review=review, reason="unsafe", note="Isolate power first.")
    make_item(member, community=pre_moderated, title="Second thought")
    page = login(client, member).get(reverse("moderation:my_history"))
    assert page.status_code == 200
    assert "Lockout on the new press" in page.text and "Turned down" in page.text
    assert "Unsafe practice" in page.text and "Isolate power first." in page.text
    assert "Second thought" in page.text and "Waiting for a reviewer" in page.text
    assert reverse("moderation:my_history") in page.text  # the account menu links it


def test_others_do_not_see_a_members_history(client, pre_moderated, member, expert):
    make_item(member, community=pre_moderated, title="Lockout on the new press")
    page = login(client, expert).get(reverse("moderation:my_history"))
    assert "Lockout on the new press" not in page.text and "Nothing so far" in page.text


def test_history_leaves_out_private_communities_the_member_left(
    client, private_community, member, community_manager
):
    quality_policy_set(actor=community_manager, community=private_community, policy="pre_moderated")
    make_item(member, community=private_community, title="Incident notes")
    login(client, member)
    assert "Incident notes" in client.get(reverse("moderation:my_history")).text
    from guildhall.communities.services import membership_remove

    membership_remove(actor=community_manager, community=private_community, member=member)
    assert "Incident notes" not in client.get(reverse("moderation:my_history")).text


def test_history_needs_sign_in(client):
    assert client.get(reverse("moderation:my_history")).status_code == 302
