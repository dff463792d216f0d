"""The event log: every act writes exactly one Event, with actor, target and community."""

from contextlib import contextmanager

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db.models import Max

from guildhall.communities.models import Community
from guildhall.communities.services import (
    membership_join,
    membership_leave,
    membership_role_set,
)
from guildhall.content.models import ContentItem
from guildhall.content.services import (
    content_item_create,
    content_item_publish,
    content_item_update,
    content_item_view,
)
from guildhall.core.events import audit, record
from guildhall.core.models import AuditEntry, Event
from guildhall.interactions.services import comment_create
from tests.factories import PASSWORD, make_community, make_item


@contextmanager
def new_events():
    """The Event rows written inside the block, oldest first."""
    before = Event.objects.aggregate(m=Max("id"))["m"] or 0
    captured: list[Event] = []
    yield captured
    captured.extend(Event.objects.filter(id__gt=before).order_by("id"))


def target_of(event: Event):
    return event.target_type.get_object_for_this_type(pk=event.target_id)


def assert_one(events: list[Event], *, verb: str, actor, target, community) -> Event:
    assert [e.verb for e in events] == [verb]
    event = events[0]
    assert event.actor_id == actor.pk
    assert event.target_type == ContentType.objects.get_for_model(target)
    assert event.target_id == target.pk
    assert event.community_id == (community.pk if community is not None else None)
    return event


# --- record() and audit() themselves ---------------------------------------------------------


def test_record_stores_actor_verb_target_community_and_data(member, community):
    event = record(member, "join", community, community=community, data={"via": "test"})

    event.refresh_from_db()
    assert event.actor == member
    assert event.verb == "join"
    assert target_of(event) == community
    assert event.community_id == community.pk
    assert event.data == {"via": "test"}
    assert event.created_at is not None


def test_record_without_target_or_community(member):
    event = record(member, "search")

    event.refresh_from_db()
    assert event.target_type is None and event.target_id is None
    assert event.community_id is None
    assert event.data == {}


def test_record_by_an_anonymous_visitor_keeps_no_actor(member):
    event = record(AnonymousUser(), "view", member)

    event.refresh_from_db()
    assert event.actor is None
    assert event.target_id == member.pk


def test_audit_stores_action_target_and_data(staff, community):
    entry = audit(
        staff,
        "community_visibility",
        community,
        community=community,
        data={"from": "public", "to": "private"},
    )

    entry.refresh_from_db()
    assert entry.actor == staff
    assert entry.action == "community_visibility"
    assert entry.target_type.get_object_for_this_type(pk=entry.target_id) == community
    assert entry.community_id == community.pk
    assert entry.data == {"from": "public", "to": "private"}


def test_audit_by_anonymous_keeps_no_actor(community):
    entry = audit(AnonymousUser(), "system_change", community)

    assert AuditEntry.objects.get(pk=entry.pk).actor is None


# --- every act writes exactly one event ------------------------------------------------------


def test_sign_in_writes_one_sign_in_event(client, member):
    with new_events() as events:
        response = client.post("/accounts/login/", {"login": member.email, "password": PASSWORD})

    assert response.status_code == 302
    assert_one(events, verb="sign_in", actor=member, target=member, community=None)


def test_failed_sign_in_writes_no_event(client, member):
    with new_events() as events:
        client.post("/accounts/login/", {"login": member.email, "password": "wrong-password"})

    assert events == []


def test_view_writes_one_view_event(member, expert, community):
    item = make_item(member, community=community, kind="discussion")

    with new_events() as events:
        content_item_view(actor=expert, item=item)

    assert_one(events, verb="view", actor=expert, target=item, community=community)


def test_repeated_views_within_the_hour_write_one_event(member, expert, community):
    item = make_item(member, community=community)

    with new_events() as events:
        for _ in range(3):
            content_item_view(actor=expert, item=item)

    assert [e.verb for e in events] == ["view"]


def test_publish_writes_one_publish_event(member, community):
    with new_events() as events:
        item = content_item_create(
            actor=member, kind="discussion", title="Forecasting", community=community
        )

    event = assert_one(events, verb="publish", actor=member, target=item, community=community)
    assert event.data == {"kind": "discussion"}


def test_draft_then_publish_writes_create_draft_then_publish(member, community):
    with new_events() as drafted:
        item = content_item_create(
            actor=member, kind="post", title="Draft", community=community, publish=False
        )
    with new_events() as published:
        content_item_publish(actor=member, item=item)

    assert_one(drafted, verb="create_draft", actor=member, target=item, community=community)
    assert_one(published, verb="publish", actor=member, target=item, community=community)


def test_publishing_twice_writes_no_second_event(member):
    item = make_item(member)

    with new_events() as events:
        content_item_publish(actor=member, item=item)

    assert events == []


def test_edit_writes_one_edit_event(member, community):
    item = make_item(member, community=community)

    with new_events() as events:
        content_item_update(actor=member, item=item, title="Better title")

    assert_one(events, verb="edit", actor=member, target=item, community=community)


def test_comment_writes_one_comment_event(member, expert, community):
    item = make_item(member, community=community)

    with new_events() as events:
        comment = comment_create(actor=expert, item=item, body="Nice.")

    event = assert_one(events, verb="comment", actor=expert, target=item, community=community)
    assert event.data == {"comment_id": comment.pk}


def test_join_writes_one_join_event(outsider, community):
    with new_events() as events:
        membership_join(actor=outsider, community=community, accept_guidelines=True)

    assert_one(events, verb="join", actor=outsider, target=community, community=community)


def test_leave_writes_one_leave_event(member, community):
    with new_events() as events:
        membership_leave(actor=member, community=community)

    assert_one(events, verb="leave", actor=member, target=community, community=community)


def test_role_change_writes_one_set_role_event(community_manager, member, community):
    with new_events() as events:
        membership_role_set(
            actor=community_manager, community=community, member=member, role="expert"
        )

    event = assert_one(
        events, verb="set_role", actor=community_manager, target=community, community=community
    )
    assert event.data == {"member": member.username, "from": "member", "to": "expert"}


def test_create_community_writes_one_event(member):
    with new_events() as events:
        community = make_community(member, name="Data Guild")

    assert_one(events, verb="create_community", actor=member, target=community, community=community)


@pytest.mark.parametrize("n_acts", [1, 4])
def test_event_counts_per_verb_over_a_session(member, expert, outsider, community, n_acts):
    """A run of acts leaves exactly one event per act, counted per verb."""
    with new_events() as events:
        membership_join(actor=outsider, community=community, accept_guidelines=True)
        items = [make_item(member, community=community, title=f"Post {n}") for n in range(n_acts)]
        for item in items:
            content_item_view(actor=expert, item=item)
            content_item_view(actor=expert, item=item)  # counted once
            comment_create(actor=expert, item=item, body="Good one.")
            content_item_update(actor=member, item=item, body="Edited.")
        membership_leave(actor=outsider, community=community)

    counts: dict[str, int] = {}
    for event in events:
        counts[event.verb] = counts.get(event.verb, 0) + 1
    assert counts == {
        "join": 1,
        "publish": n_acts,
        "view": n_acts,
        "comment": n_acts,
        "edit": n_acts,
        "leave": 1,
    }
    assert all(e.community_id == community.pk for e in events)
    assert ContentItem.objects.filter(community=community).count() == n_acts
    assert Community.objects.get(pk=community.pk).member_count == 3
