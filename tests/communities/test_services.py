"""Communities: creation, joining, leaving, roles, removal, join requests and visibility changes."""

import pytest
from django.http import Http404

from guildhall.communities.models import Community, JoinRequest, Membership
from guildhall.communities.permissions import (
    can_manage_community,
    can_view_community,
    membership_of,
)
from guildhall.communities.services import (
    community_by_join_token,
    community_create,
    community_update,
    join_request_create,
    join_request_decide,
    membership_join,
    membership_leave,
    membership_remove,
    membership_role_set,
)
from guildhall.content.models import ContentItem
from guildhall.content.selectors import content_items_visible_to
from guildhall.core.exceptions import PermissionDenied, ValidationError
from guildhall.core.models import AuditEntry, Event
from guildhall.notifications.models import Notification
from tests.factories import make_community, make_item, make_member


def fresh(community: Community) -> Community:
    community.refresh_from_db()
    community.__dict__.pop("_membership_cache", None)
    return community


def membership(community, user) -> Membership | None:
    return Membership.objects.filter(community=community, user=user).first()


def role(community, user) -> str | None:
    m = membership(community, user)
    return m.role if m else None


def assert_member_count_is_true(community) -> None:
    community.refresh_from_db()
    assert community.member_count == Membership.objects.filter(community=community).count()


def audits(action: str):
    return list(AuditEntry.objects.filter(action=action).order_by("id"))


@pytest.fixture
def private_with_guidelines(community_manager):
    return make_community(
        community_manager, name="Security Champions", private=True, guidelines="Keep it secret."
    )


# --- community_create ---------------------------------------------------------------------------


def test_creator_becomes_the_manager(member):
    community = community_create(
        actor=member,
        name="  Data Guild ",
        kind=Community.Kind.INTEREST,
        purpose="Share **queries**.",
        guidelines="Be *kind*.",
    )

    community.refresh_from_db()
    assert community.name == "Data Guild"
    assert community.slug == "data-guild"
    assert community.kind == "interest"
    assert community.visibility == "public"
    assert community.created_by == member
    assert community.member_count == 1
    assert community.item_count == 0
    assert community.purpose_html == "<p>Share <strong>queries</strong>.</p>\n"
    assert community.guidelines_html == "<p>Be <em>kind</em>.</p>\n"
    assert len(community.join_token) >= 40
    creator = membership(community, member)
    assert creator.role == Membership.Role.MANAGER
    assert creator.guidelines_accepted_at is not None
    assert [a.actor for a in audits("community_create")] == [member]
    assert Event.objects.filter(verb="create_community", community_id=community.pk).count() == 1


def test_a_name_whose_slug_is_taken_gets_a_unique_slug(member, expert):
    first = make_community(member, name="Data Guild")
    second = make_community(expert, name="Data-Guild!")

    assert (first.slug, second.slug) == ("data-guild", "data-guild-2")


def test_a_duplicate_name_is_refused_with_a_clear_message(member, expert):
    make_community(member, name="Data Guild")

    with pytest.raises(ValidationError) as exc:
        community_create(actor=expert, name=" data guild ")

    assert exc.value.message_dict == {
        "name": ["A community named “data guild” already exists: choose another name."]
    }
    assert Community.objects.count() == 1


def test_renaming_to_another_communitys_name_is_refused(member, community_manager, community):
    make_community(member, name="Data Guild")

    with pytest.raises(ValidationError) as exc:
        community_update(actor=community_manager, community=community, name="Data Guild")

    assert "already exists" in exc.value.message_dict["name"][0]
    community_update(actor=community_manager, community=community, name="SUPPLY chain practice")
    assert fresh(community).name == "SUPPLY chain practice"  # its own name, recased, is fine


@pytest.mark.parametrize(
    ("name", "slug"),
    [("Логистика", "logistika"), ("供应链", "gongyinglian"), ("Ασφάλεια", "asfaleia")],
)
def test_names_without_latin_letters_get_readable_slugs(member, name, slug):
    assert make_community(member, name=name).slug == slug


def test_chosen_slug_that_is_taken_is_refused(member):
    make_community(member, name="Data Guild")

    with pytest.raises(ValidationError) as exc:
        community_create(actor=member, name="Other", slug="data-guild")

    assert exc.value.message_dict == {"slug": ["That address is taken; choose another."]}
    assert Community.objects.count() == 1


@pytest.mark.parametrize(
    ("fields", "error_field"),
    [
        ({"name": "   "}, "name"),
        ({"name": "X", "kind": "secret-society"}, "kind"),
        ({"name": "X", "visibility": "hidden"}, "visibility"),
    ],
)
def test_invalid_community_is_refused(member, fields, error_field):
    with pytest.raises(ValidationError) as exc:
        community_create(actor=member, **fields)

    assert error_field in exc.value.message_dict
    assert not Community.objects.exists()
    assert not Membership.objects.exists()


def test_only_staff_create_when_creation_is_restricted(settings, member, staff):
    settings.GUILDHALL_COMMUNITY_CREATION = "staff"

    with pytest.raises(PermissionDenied, match="Only administrators can create communities"):
        community_create(actor=member, name="Data Guild")
    community = community_create(actor=staff, name="Data Guild")

    assert list(Community.objects.values_list("pk", flat=True)) == [community.pk]


def test_community_by_join_token(private_community):
    assert community_by_join_token(token=private_community.join_token) == private_community
    assert community_by_join_token(token="nope") is None


# --- community_update ---------------------------------------------------------------------------


def test_manager_updates_the_community(community_manager, community):
    community_update(
        actor=community_manager,
        community=community,
        name="  Supply Chain  ",
        purpose="New *purpose*",
        kind="vertical",
    )

    community = fresh(community)
    assert community.name == "Supply Chain"
    assert community.kind == "vertical"
    assert community.purpose_html == "<p>New <em>purpose</em></p>\n"
    assert Event.objects.filter(verb="edit_community", actor=community_manager).count() == 1
    assert audits("community_visibility") == []


@pytest.mark.parametrize("persona", ["member", "expert", "outsider"])
def test_non_managers_cannot_update(request, persona, community):
    actor = request.getfixturevalue(persona)

    with pytest.raises(PermissionDenied, match="Only this community's managers"):
        community_update(actor=actor, community=community, name="Hijacked")

    assert fresh(community).name == "Supply Chain Practice"


def test_outsider_updating_a_private_community_gets_404(outsider, private_community):
    with pytest.raises(Http404):
        community_update(actor=outsider, community=private_community, name="Hijacked")

    assert fresh(private_community).name == "Incident Review Board"


def test_staff_update_any_community(staff, private_community):
    community_update(actor=staff, community=private_community, purpose="Staff wrote this")

    assert fresh(private_community).purpose == "Staff wrote this"


def test_update_refuses_unknown_fields(community_manager, community):
    with pytest.raises(ValidationError, match="Unknown fields: member_count"):
        community_update(actor=community_manager, community=community, member_count=999)

    assert fresh(community).member_count == 3


def test_update_refuses_an_empty_name(community_manager, community):
    with pytest.raises(ValidationError) as exc:
        community_update(actor=community_manager, community=community, name=" ")

    assert "name" in exc.value.message_dict
    assert fresh(community).name == "Supply Chain Practice"


def test_public_to_private_hides_its_items_from_outsiders(
    community_manager, member, outsider, community
):
    items = [make_item(member, community=community, title=f"Note {n}") for n in range(2)]
    elsewhere = make_item(member, title="Company-wide post")
    assert set(content_items_visible_to(outsider)) == {*items, elsewhere}

    community_update(actor=community_manager, community=community, visibility="private")

    assert fresh(community).visibility == "private"
    for item in items:
        item.refresh_from_db()
        assert item.visibility == ContentItem.Visibility.COMMUNITY
    elsewhere.refresh_from_db()
    assert elsewhere.visibility == ContentItem.Visibility.COMPANY
    assert list(content_items_visible_to(outsider)) == [elsewhere]
    assert set(content_items_visible_to(member)) == {*items, elsewhere}
    [entry] = audits("community_visibility")
    assert entry.actor == community_manager
    assert entry.target_id == community.pk and entry.community_id == community.pk
    assert entry.data == {"from": "public", "to": "private"}


def test_private_to_public_shows_its_items_to_everyone(
    community_manager, member, outsider, private_community
):
    item = make_item(member, community=private_community)
    assert item.visibility == ContentItem.Visibility.COMMUNITY
    assert not content_items_visible_to(outsider).filter(pk=item.pk).exists()

    community_update(actor=community_manager, community=private_community, visibility="public")

    item.refresh_from_db()
    assert item.visibility == ContentItem.Visibility.COMPANY
    assert content_items_visible_to(outsider).filter(pk=item.pk).exists()
    assert audits("community_visibility")[0].data == {"from": "private", "to": "public"}


# --- membership_join ----------------------------------------------------------------------------


def test_join_requires_accepting_the_guidelines(outsider, community):
    with pytest.raises(ValidationError) as exc:
        membership_join(actor=outsider, community=community, accept_guidelines=False)

    assert exc.value.message_dict == {
        "accept_guidelines": ["Read and accept the community's guidelines to join."]
    }
    assert membership(community, outsider) is None
    assert fresh(community).member_count == 3


def test_join_with_guidelines_accepted(outsider, community):
    joined = membership_join(actor=outsider, community=community, accept_guidelines=True)

    joined.refresh_from_db()
    assert joined.role == Membership.Role.MEMBER
    assert joined.guidelines_accepted_at is not None
    assert fresh(community).member_count == 4
    assert_member_count_is_true(community)


def test_join_without_guidelines_needs_no_acceptance(outsider, community_manager):
    community = make_community(community_manager, name="No Rules")

    membership_join(actor=outsider, community=community, accept_guidelines=False)

    assert role(community, outsider) == "member"
    assert fresh(community).member_count == 2


def test_join_twice_is_refused(member, community):
    with pytest.raises(ValidationError, match="already a member"):
        membership_join(actor=member, community=community, accept_guidelines=True)

    assert fresh(community).member_count == 3


def test_outsider_cannot_join_a_private_community_it_cannot_see(outsider, private_community):
    with pytest.raises(Http404):
        membership_join(actor=outsider, community=private_community, accept_guidelines=True)

    assert membership(private_community, outsider) is None
    assert fresh(private_community).member_count == 2


def test_private_community_cannot_be_joined_directly_even_by_staff(staff, private_community):
    with pytest.raises(ValidationError, match="This community is private: ask to join"):
        membership_join(actor=staff, community=private_community, accept_guidelines=True)

    assert membership(private_community, staff) is None


# --- membership_leave ---------------------------------------------------------------------------


def test_member_leaves(member, community):
    membership_leave(actor=member, community=community)

    assert membership(community, member) is None
    assert fresh(community).member_count == 2


def test_non_member_cannot_leave(outsider, community):
    with pytest.raises(ValidationError, match="not a member"):
        membership_leave(actor=outsider, community=community)

    assert fresh(community).member_count == 3


def test_last_manager_cannot_leave(community_manager, community):
    with pytest.raises(ValidationError, match="at least one manager"):
        membership_leave(actor=community_manager, community=community)

    assert role(community, community_manager) == "manager"
    assert fresh(community).member_count == 3
    assert not Event.objects.filter(verb="leave").exists()


def test_manager_leaves_when_another_manager_remains(community_manager, expert, community):
    membership_role_set(actor=community_manager, community=community, member=expert, role="manager")

    membership_leave(actor=community_manager, community=community)

    assert membership(community, community_manager) is None
    assert role(community, expert) == "manager"


def test_leaving_a_private_community_takes_away_its_sight(member, private_community):
    assert can_view_community(member, private_community)

    membership_leave(actor=member, community=private_community)

    # The same object, as a page would hold it after the leave.
    assert membership_of(member, private_community) is None
    assert not can_view_community(member, private_community)


def test_rejoin_after_leaving_with_the_same_object(member, community):
    membership_leave(actor=member, community=community)

    membership_join(actor=member, community=community, accept_guidelines=True)

    assert role(community, member) == "member"
    assert_member_count_is_true(community)


# --- membership_role_set ------------------------------------------------------------------------


def test_manager_sets_a_role_with_audit_and_event(community_manager, member, community):
    updated = membership_role_set(
        actor=community_manager, community=community, member=member, role="expert"
    )

    updated.refresh_from_db()
    assert updated.role == "expert"
    [entry] = AuditEntry.objects.filter(action="membership_role", data__member="mia")
    assert entry.actor == community_manager
    assert entry.target_id == community.pk and entry.community_id == community.pk
    assert entry.data == {"member": "mia", "from": "member", "to": "expert"}
    [event] = Event.objects.filter(verb="set_role", data__member="mia")
    assert event.actor == community_manager and event.community_id == community.pk


def test_staff_set_roles_without_being_members(staff, member, private_community):
    membership_role_set(actor=staff, community=private_community, member=member, role="manager")

    assert role(private_community, member) == "manager"
    assert audits("membership_role")[-1].actor == staff


@pytest.mark.parametrize("persona", ["member", "expert", "outsider"])
def test_non_managers_cannot_set_roles(request, persona, member, community):
    actor = request.getfixturevalue(persona)

    with pytest.raises(PermissionDenied):
        membership_role_set(actor=actor, community=community, member=member, role="manager")

    assert role(community, member) == "member"
    assert not AuditEntry.objects.filter(action="membership_role", data__member="mia").exists()


def test_outsider_setting_a_role_in_a_private_community_gets_404(
    outsider, member, private_community
):
    with pytest.raises(Http404):
        membership_role_set(
            actor=outsider, community=private_community, member=member, role="manager"
        )

    assert role(private_community, member) == "member"


def test_unknown_role_is_refused(community_manager, member, community):
    with pytest.raises(ValidationError) as exc:
        membership_role_set(
            actor=community_manager, community=community, member=member, role="owner"
        )

    assert "role" in exc.value.message_dict
    assert role(community, member) == "member"


def test_role_of_a_non_member_cannot_be_set(community_manager, outsider, community):
    with pytest.raises(ValidationError, match="is not a member of this community"):
        membership_role_set(
            actor=community_manager, community=community, member=outsider, role="expert"
        )

    assert membership(community, outsider) is None


def test_last_manager_cannot_be_demoted(community_manager, staff, community):
    for actor in (community_manager, staff):
        with pytest.raises(ValidationError, match="at least one manager"):
            membership_role_set(
                actor=actor, community=community, member=community_manager, role="member"
            )

    assert role(community, community_manager) == "manager"
    assert not AuditEntry.objects.filter(action="membership_role", data__member="carla").exists()


def test_manager_demoted_when_another_manager_remains(community_manager, expert, community):
    membership_role_set(actor=community_manager, community=community, member=expert, role="manager")

    membership_role_set(actor=expert, community=community, member=community_manager, role="member")

    assert role(community, community_manager) == "member"
    assert role(community, expert) == "manager"


def test_setting_the_same_role_changes_and_logs_nothing(community_manager, expert, community):
    before_audit = AuditEntry.objects.count()
    before_events = Event.objects.count()

    membership_role_set(actor=community_manager, community=community, member=expert, role="expert")

    assert AuditEntry.objects.count() == before_audit
    assert Event.objects.count() == before_events


def test_demoted_manager_loses_management_at_once(community_manager, expert, member, community):
    membership_role_set(actor=community_manager, community=community, member=expert, role="manager")
    assert can_manage_community(community_manager, community)

    membership_role_set(actor=expert, community=community, member=community_manager, role="member")

    # The same community object, as the rest of the request holds it.
    assert not can_manage_community(community_manager, community)
    with pytest.raises(PermissionDenied):
        membership_remove(actor=community_manager, community=community, member=member)
    assert membership(community, member) is not None


def _notification_texts(user) -> list[str]:
    from guildhall.notifications.selectors import notifications_for, rendered

    return [e["text"] for e in rendered(notifications_for(viewer=user))]


def test_changed_guidelines_are_told_to_members_and_audited(
    community_manager, member, expert, community, run_on_commit
):
    with run_on_commit():
        community_update(actor=community_manager, community=community, purpose="Same rules")
    assert not audits("community_guidelines_edit")

    with run_on_commit():
        community_update(actor=community_manager, community=community, guidelines="Cite sources.")

    text = "The guidelines of Supply Chain Practice changed: please read them again"
    assert _notification_texts(member) == _notification_texts(expert) == [text]
    assert _notification_texts(community_manager) == []  # not told of their own act
    [entry] = audits("community_guidelines_edit")
    assert entry.actor == community_manager


# --- membership_remove --------------------------------------------------------------------------


def test_manager_removes_a_member_with_audit(community_manager, member, community):
    membership_remove(actor=community_manager, community=community, member=member)

    assert membership(community, member) is None
    assert fresh(community).member_count == 2
    [entry] = audits("membership_remove")
    assert entry.actor == community_manager and entry.data == {"member": "mia"}
    assert Event.objects.filter(verb="remove_member", actor=community_manager).count() == 1


def test_removed_member_loses_a_private_community(
    community_manager, member, private_community, run_on_commit
):
    with run_on_commit():
        membership_remove(actor=community_manager, community=private_community, member=member)

    # Told, although the community is now hidden from them.
    assert _notification_texts(member) == [
        f"Carla Manager removed you from {private_community.name}"
    ]

    with pytest.raises(Http404):
        membership_join(actor=member, community=fresh(private_community), accept_guidelines=True)
    assert not can_view_community(member, private_community)


@pytest.mark.parametrize("persona", ["member", "expert", "outsider"])
def test_non_managers_cannot_remove(request, persona, member, expert, community):
    actor = request.getfixturevalue(persona)
    target = expert if persona == "member" else member

    with pytest.raises(PermissionDenied):
        membership_remove(actor=actor, community=community, member=target)

    assert membership(community, target) is not None
    assert fresh(community).member_count == 3


def test_last_manager_cannot_be_removed(staff, community_manager, community):
    with pytest.raises(ValidationError, match="at least one manager"):
        membership_remove(actor=staff, community=community, member=community_manager)

    assert role(community, community_manager) == "manager"
    assert fresh(community).member_count == 3
    assert audits("membership_remove") == []


def test_removing_a_non_member_is_refused(community_manager, outsider, community):
    with pytest.raises(ValidationError, match="is not a member"):
        membership_remove(actor=community_manager, community=community, member=outsider)

    assert fresh(community).member_count == 3


def test_member_count_stays_true_across_join_leave_remove(
    community_manager, member, expert, outsider, community
):
    extra = [make_member() for _ in range(3)]
    for person in [outsider, *extra]:
        membership_join(actor=person, community=community, accept_guidelines=True)
    assert fresh(community).member_count == 7

    membership_leave(actor=member, community=community)
    membership_leave(actor=extra[0], community=community)
    membership_remove(actor=community_manager, community=community, member=extra[1])
    membership_remove(actor=community_manager, community=community, member=expert)
    with pytest.raises(ValidationError):
        membership_leave(actor=community_manager, community=community)
    membership_join(actor=member, community=community, accept_guidelines=True)

    assert fresh(community).member_count == 4
    assert_member_count_is_true(community)


# --- join requests ------------------------------------------------------------------------------


def test_outsider_asks_to_join_and_managers_are_notified(
    community_manager, outsider, member, private_community, run_on_commit, staff
):
    second_manager = make_member()
    Membership.objects.create(community=private_community, user=second_manager, role="manager")

    with run_on_commit():
        request = join_request_create(
            actor=outsider,
            community=private_community,
            accept_guidelines=False,
            message="  Let me in  ",
        )

    request.refresh_from_db()
    assert request.status == JoinRequest.Status.PENDING
    assert request.user == outsider and request.message == "Let me in"
    assert request.decided_by is None and request.decided_at is None
    notified = Notification.objects.filter(verb="join_request").order_by("recipient_id")
    assert {n.recipient for n in notified} == {community_manager, second_manager}
    for n in notified:
        assert n.actor == outsider
        assert n.community == private_community
        assert n.data == {"request_id": request.pk}
    assert not Notification.objects.filter(recipient__in=[member, staff, outsider]).exists()
    assert Event.objects.filter(verb="request_join", actor=outsider).count() == 1
    assert membership(private_community, outsider) is None


def test_join_request_needs_the_guidelines_accepted(outsider, private_with_guidelines):
    with pytest.raises(ValidationError) as exc:
        join_request_create(
            actor=outsider, community=private_with_guidelines, accept_guidelines=False
        )

    assert "accept_guidelines" in exc.value.message_dict
    assert not JoinRequest.objects.exists()

    join_request_create(actor=outsider, community=private_with_guidelines, accept_guidelines=True)
    assert JoinRequest.objects.filter(user=outsider).count() == 1


def test_duplicate_pending_join_request_is_refused(outsider, private_community):
    join_request_create(actor=outsider, community=private_community, accept_guidelines=True)

    with pytest.raises(ValidationError, match="already waiting"):
        join_request_create(actor=outsider, community=private_community, accept_guidelines=True)

    assert JoinRequest.objects.filter(user=outsider).count() == 1


def test_join_request_to_a_public_community_is_refused(outsider, community):
    with pytest.raises(ValidationError, match="This community is public: join it directly"):
        join_request_create(actor=outsider, community=community, accept_guidelines=True)

    assert not JoinRequest.objects.exists()


def test_member_cannot_ask_to_join_again(member, private_community):
    with pytest.raises(ValidationError, match="already a member"):
        join_request_create(actor=member, community=private_community, accept_guidelines=True)

    assert not JoinRequest.objects.exists()


def test_approving_makes_the_requester_a_member_and_tells_them(
    community_manager, outsider, private_community, run_on_commit
):
    request = join_request_create(
        actor=outsider, community=private_community, accept_guidelines=True
    )

    with run_on_commit():
        join_request_decide(actor=community_manager, join_request=request, approve=True)

    request.refresh_from_db()
    assert request.status == JoinRequest.Status.APPROVED
    assert request.decided_by == community_manager
    assert request.decided_at is not None
    joined = membership(private_community, outsider)
    assert joined.role == "member" and joined.guidelines_accepted_at is not None
    assert fresh(private_community).member_count == 3
    assert_member_count_is_true(private_community)
    [note] = Notification.objects.filter(recipient=outsider)
    assert note.verb == "join_request_approved"
    assert note.actor == community_manager and note.community == private_community
    [entry] = audits("join_request_decide")
    assert entry.data == {"member": "olaf", "approved": True}
    assert can_view_community(outsider, fresh(private_community))


def test_declining_leaves_the_requester_outside_and_tells_them(
    community_manager, outsider, private_community, run_on_commit
):
    request = join_request_create(
        actor=outsider, community=private_community, accept_guidelines=True
    )

    with run_on_commit():
        join_request_decide(actor=community_manager, join_request=request, approve=False)

    request.refresh_from_db()
    assert request.status == JoinRequest.Status.DECLINED
    assert request.decided_by == community_manager
    assert membership(private_community, outsider) is None
    assert fresh(private_community).member_count == 2
    assert list(Notification.objects.filter(recipient=outsider).values_list("verb", flat=True)) == [
        "join_request_declined"
    ]
    assert audits("join_request_decide")[0].data == {"member": "olaf", "approved": False}


def test_a_decided_request_cannot_be_decided_again(community_manager, outsider, private_community):
    request = join_request_create(
        actor=outsider, community=private_community, accept_guidelines=True
    )
    join_request_decide(actor=community_manager, join_request=request, approve=False)

    with pytest.raises(ValidationError, match="already been decided"):
        join_request_decide(actor=community_manager, join_request=request, approve=True)

    assert membership(private_community, outsider) is None
    assert JoinRequest.objects.get(pk=request.pk).status == "declined"


def test_after_a_decline_the_requester_may_ask_again(
    community_manager, outsider, private_community
):
    first = join_request_create(actor=outsider, community=private_community, accept_guidelines=True)
    join_request_decide(actor=community_manager, join_request=first, approve=False)

    join_request_create(actor=outsider, community=private_community, accept_guidelines=True)

    assert list(
        JoinRequest.objects.filter(user=outsider).order_by("id").values_list("status", flat=True)
    ) == ["declined", "pending"]


def test_a_plain_member_cannot_decide(member, outsider, private_community):
    request = join_request_create(
        actor=outsider, community=private_community, accept_guidelines=True
    )

    with pytest.raises(PermissionDenied):
        join_request_decide(actor=member, join_request=request, approve=True)

    assert JoinRequest.objects.get(pk=request.pk).status == "pending"
    assert membership(private_community, outsider) is None


def test_an_outsider_cannot_decide(outsider, private_community):
    other = make_member()
    request = join_request_create(actor=other, community=private_community, accept_guidelines=True)

    with pytest.raises(Http404):
        join_request_decide(actor=outsider, join_request=request, approve=True)

    assert JoinRequest.objects.get(pk=request.pk).status == "pending"


def test_staff_decide_requests(staff, outsider, private_community):
    request = join_request_create(
        actor=outsider, community=private_community, accept_guidelines=True
    )

    join_request_decide(actor=staff, join_request=request, approve=True)

    assert role(private_community, outsider) == "member"


def test_approved_member_gets_their_own_join_event(outsider, community_manager, private_community):
    join_request = join_request_create(
        actor=outsider, community=private_community, accept_guidelines=True
    )
    join_request_decide(actor=community_manager, join_request=join_request, approve=True)
    assert (
        Event.objects.filter(verb="join", actor=outsider, community_id=private_community.pk).count()
        == 1
    )


def test_a_community_called_join_gets_an_address_that_works(member):
    community = make_community(member, name="Join")
    assert community.slug == "join-community"
