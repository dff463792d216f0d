"""Moderation acts on members: a manager warns or suspends a member from posting; the member is
told, can't post until the date, and the audit trail keeps it."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from guildhall.core.exceptions import PermissionDenied, ValidationError
from guildhall.core.models import AuditEntry
from guildhall.moderation import acts
from guildhall.notifications.models import Notification
from tests.conftest import login
from tests.factories import make_item

pytestmark = pytest.mark.django_db


def _moderate_url(community, user):
    return reverse("moderation:member_moderate", args=[community.slug, user.username])


def _post_api(api, community, title="Pallet counts"):
    return api.post(
        "/api/v1/content",
        {"kind": "post", "community": community.slug, "title": title, "body": "Counted twice."},
    )


def test_a_suspended_member_is_told_why_and_until_when_and_cannot_post(
    api, community, community_manager, member, run_on_commit
):
    until = timezone.now() + timedelta(days=3)
    with run_on_commit():
        acts.posting_suspend(
            actor=community_manager,
            community=community,
            member=member,
            until=until,
            reason="Customer data in a post.",
        )
    told = Notification.objects.get(recipient=member, verb="moderation_act")
    assert told.data["act"] == "suspend" and told.data["reason"] == "Customer data in a post."
    answer = _post_api(api.as_(member), community)
    assert answer.status_code == 403
    detail = answer.json()["detail"]
    assert "You can't post in Supply Chain Practice until" in detail
    assert "Customer data in a post." in detail
    entry = AuditEntry.objects.get(action="posting_suspend")
    assert entry.actor == community_manager and entry.data["member"] == "mia"
    assert (
        "Customer data in a post."
        in login(api.client, member).get(reverse("moderation:my_history")).text
    )


def test_a_suspended_member_cannot_comment_either(community, community_manager, member, expert):
    item = make_item(expert, community=community, title="Cycle counting")
    acts.posting_suspend(
        actor=community_manager,
        community=community,
        member=member,
        until=timezone.now() + timedelta(days=1),
        reason="Cool down.",
    )
    from guildhall.content.permissions import check_comment_on_item

    with pytest.raises(PermissionDenied, match="Cool down"):
        check_comment_on_item(member, item)


def test_lifting_the_suspension_lets_them_post_again(api, community, community_manager, member):
    acts.posting_suspend(
        actor=community_manager,
        community=community,
        member=member,
        until=timezone.now() + timedelta(days=3),
        reason="Cool down.",
    )
    login(api.client, community_manager)
    page = api.client.get(_moderate_url(community, member)).text
    assert "Suspended from posting" in page and "Cool down." in page
    api.client.post(_moderate_url(community, member), {"act": "lift"})
    assert AuditEntry.objects.filter(action="posting_suspension_lift").exists()
    assert _post_api(api.as_(member), community).status_code == 201


def test_a_suspension_ends_by_itself(api, community, community_manager, member):
    acts.posting_suspend(
        actor=community_manager,
        community=community,
        member=member,
        until=timezone.now() + timedelta(days=1),
        reason="Cool down.",
    )
    acts.PostingSuspension.objects.update(until=timezone.now() - timedelta(seconds=1))
    assert _post_api(api.as_(member), community).status_code == 201


def test_a_suspension_elsewhere_does_not_count(
    api, community, private_community, community_manager, member
):
    acts.posting_suspend(
        actor=community_manager,
        community=private_community,
        member=member,
        until=timezone.now() + timedelta(days=1),
        reason="Cool down.",
    )
    assert _post_api(api.as_(member), community).status_code == 201


def test_managers_suspend_from_the_members_page(client, community, community_manager, member):
    login(client, community_manager)
    members = client.get(reverse("communities:members", args=[community.slug])).text
    assert _moderate_url(community, member) in members
    answer = client.post(
        _moderate_url(community, member),
        {"act": "suspend", "suspend-days": "7", "suspend-reason": "Off-topic posts."},
    )
    assert answer.status_code == 302
    suspension = acts.current_suspension(user=member, community=community)
    assert suspension.reason == "Off-topic posts." and suspension.by == community_manager
    assert timedelta(days=6) < suspension.until - timezone.now() <= timedelta(days=7)


def test_a_suspension_needs_a_reason_and_a_sensible_period(community, community_manager, member):
    later = timezone.now() + timedelta(days=1)
    with pytest.raises(ValidationError):
        acts.posting_suspend(
            actor=community_manager, community=community, member=member, until=later, reason=" "
        )
    with pytest.raises(ValidationError):
        acts.posting_suspend(
            actor=community_manager,
            community=community,
            member=member,
            until=timezone.now() - timedelta(days=1),
            reason="Late.",
        )
    with pytest.raises(ValidationError):
        acts.posting_suspend(
            actor=community_manager,
            community=community,
            member=member,
            until=timezone.now() + timedelta(days=400),
            reason="Long.",
        )


def test_only_managers_and_staff_moderate_members(
    client, community, community_manager, expert, member, staff
):
    later = timezone.now() + timedelta(days=1)
    for who in (expert, member):
        with pytest.raises(PermissionDenied):
            acts.posting_suspend(
                actor=who, community=community, member=member, until=later, reason="No."
            )
        with pytest.raises(PermissionDenied):
            acts.member_warn(actor=who, community=community, member=member, reason="No.")
        assert login(client, who).get(_moderate_url(community, member)).status_code == 404
    acts.member_warn(actor=staff, community=community, member=member, reason="Staff says so.")
    assert login(client, staff).get(_moderate_url(community, member)).status_code == 200


def test_managers_are_not_suspended_by_managers(community, community_manager, expert):
    from guildhall.communities.services import membership_role_set

    membership_role_set(actor=community_manager, community=community, member=expert, role="manager")
    with pytest.raises(PermissionDenied):
        acts.posting_suspend(
            actor=community_manager,
            community=community,
            member=expert,
            until=timezone.now() + timedelta(days=1),
            reason="No.",
        )


def test_outsiders_are_not_moderated_here(client, community, community_manager, outsider):
    with pytest.raises(ValidationError):
        acts.member_warn(actor=community_manager, community=community, member=outsider, reason="x")
    assert (
        login(client, community_manager).get(_moderate_url(community, outsider)).status_code == 404
    )


def test_a_warning_is_a_private_notification_with_the_reason(
    client, community, community_manager, member, expert, run_on_commit
):
    login(client, community_manager)
    with run_on_commit():
        answer = client.post(
            _moderate_url(community, member),
            {"act": "warn", "warn-reason": "Please keep customer names out."},
        )
    assert answer.status_code == 302
    told = Notification.objects.get(recipient=member, verb="moderation_act")
    assert told.data == {"act": "warn", "reason": "Please keep customer names out."}
    assert not Notification.objects.filter(recipient=expert, verb="moderation_act").exists()
    entry = AuditEntry.objects.get(action="member_warn")
    assert entry.data["reason"] == "Please keep customer names out."
    bell = login(client, member).get(reverse("notifications:list")).text
    assert (
        "warned you in Supply Chain Practice" in bell and "Please keep customer names out." in bell
    )
    audit_page = login(client, community_manager).get(reverse("moderation:audit")).text
    assert "Warned a member" in audit_page and "Please keep customer names out." in audit_page


def test_a_warning_without_a_reason_is_refused_on_the_page(
    client, community, community_manager, member
):
    login(client, community_manager)
    page = client.post(_moderate_url(community, member), {"act": "warn", "warn-reason": ""})
    assert page.status_code == 200 and "This field is required." in page.text
    assert not AuditEntry.objects.filter(action="member_warn").exists()


# --- Hiding and restoring items ---------------------------------------------------------------


def test_a_manager_hides_an_item_from_its_page_and_restores_it(
    client, community, community_manager, member, expert, run_on_commit
):
    item = make_item(member, community=community, title="Supplier price list")
    community.refresh_from_db()
    count, published_at = community.item_count, item.published_at
    login(client, community_manager)
    page = client.get(item.get_absolute_url()).text
    hide_url = reverse("moderation:item_hide", args=[item.pk])
    assert hide_url in page and "Hide this item" in page
    with run_on_commit():
        answer = client.post(hide_url, {"reason": "Confidential prices."})
    assert answer.status_code == 302
    item.refresh_from_db()
    community.refresh_from_db()
    assert item.status == "removed" and community.item_count == count - 1
    login(client, expert)
    assert client.get(item.get_absolute_url()).status_code == 404
    login(client, member)
    mine = client.get(item.get_absolute_url()).text
    assert "Hidden by a moderator" in mine and "Confidential prices." in mine
    told = Notification.objects.get(recipient=member, verb="moderation_act", item=item)
    assert told.data["act"] == "hide" and told.data["reason"] == "Confidential prices."
    login(client, community_manager)
    hidden = client.get(reverse("moderation:hidden", args=[community.slug])).text
    assert "Supplier price list" in hidden and "Confidential prices." in hidden
    client.post(reverse("moderation:item_restore", args=[item.pk]))
    item.refresh_from_db()
    community.refresh_from_db()
    assert item.status == "published" and item.published_at == published_at
    assert community.item_count == count
    login(client, expert)
    assert client.get(item.get_absolute_url()).status_code == 200
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"item_hide", "item_restore"} <= actions


def test_only_managers_and_staff_hide_items(client, community, member, expert, staff):
    item = make_item(member, community=community, title="Supplier price list")
    for who in (expert, member):
        login(client, who)
        assert "Hide this item" not in client.get(item.get_absolute_url()).text
        answer = client.post(reverse("moderation:item_hide", args=[item.pk]), {"reason": "x"})
        assert answer.status_code == 404
        with pytest.raises(PermissionDenied):
            acts.item_hide(actor=who, item=item, reason="x")
        assert client.get(reverse("moderation:hidden", args=[community.slug])).status_code == 404
    acts.item_hide(actor=staff, item=item, reason="Staff hides it.")
    item.refresh_from_db()
    assert item.status == "removed"


def test_hiding_needs_a_reason(client, community, community_manager, member):
    item = make_item(member, community=community, title="Supplier price list")
    login(client, community_manager)
    client.post(reverse("moderation:item_hide", args=[item.pk]), {"reason": " "})
    item.refresh_from_db()
    assert item.status == "published"


def test_the_hidden_list_is_empty_at_first(client, community, community_manager):
    page = login(client, community_manager).get(reverse("moderation:hidden", args=[community.slug]))
    assert page.status_code == 200 and "Nothing hidden" in page.text


# --- Moving items -----------------------------------------------------------------------------


def test_a_manager_moves_an_item_and_its_visibility_follows(
    client, community, private_community, community_manager, member, outsider, run_on_commit
):
    item = make_item(member, community=community, kind="discussion", title="Night shift handover")
    login(client, outsider)
    assert client.get(item.get_absolute_url()).status_code == 200
    login(client, community_manager)
    page = client.get(item.get_absolute_url()).text
    assert "Move to another community" in page and private_community.name in page
    with run_on_commit():
        client.post(
            reverse("moderation:item_move", args=[item.pk]),
            {"community": private_community.slug, "reason": "Belongs to the board."},
        )
    item.refresh_from_db()
    community.refresh_from_db()
    private_community.refresh_from_db()
    assert item.community == private_community and item.visibility == "community"
    assert private_community.item_count == 1 and community.item_count == 0
    login(client, outsider)
    assert client.get(item.get_absolute_url()).status_code == 404
    told = Notification.objects.get(recipient=member, verb="moderation_act", item=item)
    assert told.data["act"] == "move" and told.data["from"] == "Supply Chain Practice"
    moved = AuditEntry.objects.filter(action="item_move")
    assert {e.community_id for e in moved} == {community.pk, private_community.pk}


def test_moving_needs_managing_both_communities(community, community_manager, member, expert):
    from tests.factories import make_community

    theirs = make_community(expert, name="Quality Circle")
    item = make_item(member, community=community, kind="discussion", title="Night shift handover")
    with pytest.raises(PermissionDenied):
        acts.item_move(actor=community_manager, item=item, community=theirs)
    with pytest.raises(PermissionDenied):
        acts.item_move(actor=expert, item=item, community=theirs)
    item.refresh_from_db()
    assert item.community == community


def test_only_movable_kinds_move_and_not_into_a_private_community_the_author_is_not_in(
    community, community_manager, expert
):
    from tests.factories import make_community

    secret = make_community(community_manager, name="Secret Board", private=True)
    item = make_item(expert, community=community, kind="discussion", title="Night shift handover")
    with pytest.raises(ValidationError):
        acts.item_move(actor=community_manager, item=item, community=secret)
    other = make_community(community_manager, name="Warehouse")
    wiki_like = make_item(expert, community=community, kind="post", title="A post")
    acts.item_move(actor=community_manager, item=wiki_like, community=other)
    wiki_like.refresh_from_db()
    assert wiki_like.community == other


def test_a_wiki_page_is_not_moved(client, community, community_manager, expert):
    from guildhall.content.models import ContentItem
    from tests.factories import make_community

    other = make_community(community_manager, name="Warehouse")
    page = ContentItem.objects.create(
        kind="wiki",
        author=expert,
        community=community,
        title="Forklift checks",
        slug="forklift-checks",
        status="published",
        published_at=timezone.now(),
        last_activity_at=timezone.now(),
    )
    with pytest.raises(ValidationError):
        acts.item_move(actor=community_manager, item=page, community=other)
    assert acts.move_targets(viewer=community_manager, item=page) == []
