"""The shared item services: create, publish, update, delete, view counting, tags."""

import time

import pytest
from django.http import Http404

from guildhall.communities.models import Community
from guildhall.communities.services import membership_leave
from guildhall.content.models import ContentItem, Tag
from guildhall.content.services import (
    MAX_TAGS,
    content_item_create,
    content_item_delete,
    content_item_publish,
    content_item_update,
    content_item_view,
    parse_tags,
)
from guildhall.core.exceptions import PermissionDenied, ValidationError
from guildhall.core.models import Event
from tests.factories import make_community, make_item


def item_count(community) -> int:
    return Community.objects.get(pk=community.pk).item_count


def tag_slugs(item) -> list[str]:
    return sorted(item.tags.values_list("slug", flat=True))


# --- create -----------------------------------------------------------------------------------


def test_post_without_a_community_is_a_company_wide_blog_post(member):
    item = content_item_create(
        actor=member, kind="post", title="  Lessons from peak season ", body="**Plan** early."
    )

    item.refresh_from_db()
    assert item.kind == "post"
    assert item.author == member
    assert item.community is None
    assert item.title == "Lessons from peak season"
    assert item.slug == "lessons-from-peak-season"
    assert item.body_html == "<p><strong>Plan</strong> early.</p>\n"
    assert item.status == ContentItem.Status.PUBLISHED
    assert item.visibility == ContentItem.Visibility.COMPANY
    assert item.published_at is not None
    assert item.last_activity_at == item.published_at
    assert (item.view_count, item.comment_count) == (0, 0)


def test_item_in_a_public_community_is_company_visible_and_counted(member, community):
    item = content_item_create(actor=member, kind="discussion", title="Q", community=community)

    item.refresh_from_db()
    assert item.community == community
    assert item.visibility == ContentItem.Visibility.COMPANY
    assert item_count(community) == 1


def test_item_in_a_private_community_is_community_visible(member, private_community):
    item = content_item_create(
        actor=member, kind="discussion", title="Postmortem", community=private_community
    )

    item.refresh_from_db()
    assert item.visibility == ContentItem.Visibility.COMMUNITY
    assert item_count(private_community) == 1


def test_discussion_requires_a_community(member):
    with pytest.raises(ValidationError) as exc:
        content_item_create(actor=member, kind="discussion", title="Homeless")

    assert exc.value.message_dict == {"community": ["A discussion belongs to a community."]}
    assert not ContentItem.objects.exists()


def test_unknown_kind_is_refused(member):
    with pytest.raises(ValidationError) as exc:
        content_item_create(actor=member, kind="podcast-ish", title="Nope")

    [message] = exc.value.message_dict["kind"]
    assert message.startswith("Unknown kind 'podcast-ish'; choose one of:")
    assert "post" in message and "discussion" in message
    assert not ContentItem.objects.exists()


@pytest.mark.parametrize("persona", ["outsider", "staff"])
def test_non_member_cannot_post_in_a_community(request, persona, community):
    actor = request.getfixturevalue(persona)

    with pytest.raises(PermissionDenied, match="Join this community to post"):
        content_item_create(actor=actor, kind="discussion", title="Hi", community=community)

    assert not ContentItem.objects.exists()
    assert item_count(community) == 0


def test_outsider_posting_in_a_private_community_gets_404(outsider, private_community):
    with pytest.raises(Http404):
        content_item_create(actor=outsider, kind="post", title="Hi", community=private_community)

    assert not ContentItem.objects.exists()


@pytest.mark.parametrize(
    ("title", "message"),
    [
        ("", "Give your item a title."),
        ("    ", "Give your item a title."),
        ("x" * 201, "Keep the title to 200 characters at most."),
    ],
)
def test_title_is_validated(member, title, message):
    with pytest.raises(ValidationError) as exc:
        content_item_create(actor=member, kind="post", title=title)

    assert exc.value.message_dict == {"title": [message]}
    assert not ContentItem.objects.exists()


@pytest.mark.parametrize("title", ["x" * 200, "  " + "x" * 200 + "   "])
def test_title_of_200_characters_is_accepted(member, title):
    item = content_item_create(actor=member, kind="post", title=title)

    assert ContentItem.objects.get(pk=item.pk).title == "x" * 200


def test_body_is_limited(member):
    with pytest.raises(ValidationError) as exc:
        content_item_create(actor=member, kind="post", title="Long", body="a" * 100_001)

    assert "body" in exc.value.message_dict
    assert not ContentItem.objects.exists()


def test_body_is_sanitised(member):
    item = make_item(member, body="<script>alert(1)</script> [x](javascript:alert(1))")

    item.refresh_from_db()
    assert "<script>" not in item.body_html
    assert "href" not in item.body_html
    assert item.body == "<script>alert(1)</script> [x](javascript:alert(1))"


# --- tags ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Forecasting, #Safety  lean", ["forecasting", "safety", "lean"]),
        (["Supply Chain", "supply-chain", "#supply chain"], ["supply-chain"]),
        ("a,,b  ,a", ["a", "b"]),
        ("", []),
        (None, []),
        ("###, !!!", []),
        (["x" * 80], ["x" * 50]),
    ],
)
def test_parse_tags_normalises_and_deduplicates(value, expected):
    assert parse_tags(value) == expected


def test_parse_tags_allows_ten_and_refuses_eleven():
    assert len(parse_tags([f"t{n}" for n in range(MAX_TAGS)])) == 10

    with pytest.raises(ValidationError) as exc:
        parse_tags([f"t{n}" for n in range(MAX_TAGS + 1)])

    assert exc.value.message_dict == {"tags": ["Use at most 10 tags."]}


def test_duplicates_do_not_count_towards_the_limit():
    tags = parse_tags([f"t{n}" for n in range(10)] + ["T1", "#t2"])

    assert len(tags) == 10


def test_item_is_created_with_its_tags(member):
    item = make_item(member, tags="Forecasting, #safety")

    assert tag_slugs(item) == ["forecasting", "safety"]
    assert set(Tag.objects.values_list("name", flat=True)) == {"forecasting", "safety"}


def test_tags_are_shared_between_items(member, expert):
    make_item(member, tags=["lean"])
    make_item(expert, tags=["lean", "kaizen"])

    assert Tag.objects.count() == 2
    assert Tag.objects.get(slug="lean").items.count() == 2


def test_eleven_tags_refuse_the_whole_item(member):
    with pytest.raises(ValidationError):
        make_item(member, tags=[f"t{n}" for n in range(11)])

    assert not ContentItem.objects.exists()
    assert not Tag.objects.exists()


# --- drafts and publishing ----------------------------------------------------------------------


def test_draft_is_not_published_nor_counted(member, community):
    item = make_item(member, community=community, publish=False)

    item.refresh_from_db()
    assert item.status == ContentItem.Status.DRAFT
    assert item.published_at is None
    assert item_count(community) == 0


def test_publish_a_draft(member, community):
    item = make_item(member, community=community, publish=False)

    content_item_publish(actor=member, item=item)

    item.refresh_from_db()
    assert item.status == ContentItem.Status.PUBLISHED
    assert item.published_at is not None
    assert item_count(community) == 1


def test_publishing_twice_counts_once(member, community):
    item = make_item(member, community=community, publish=False)

    content_item_publish(actor=member, item=item)
    content_item_publish(actor=member, item=item)

    assert item_count(community) == 1
    assert Event.objects.filter(verb="publish", target_id=item.pk).count() == 1


def test_turned_down_work_outside_a_community_never_goes_live_by_itself(member):
    item = make_item(member, publish=False)
    ContentItem.objects.filter(pk=item.pk).update(status="rejected")
    item.refresh_from_db()
    with pytest.raises(ValidationError, match="goes back to its reviewers"):
        content_item_publish(actor=member, item=item)
    assert ContentItem.objects.get(pk=item.pk).status == "rejected"


@pytest.mark.parametrize("status", ["removed", "pending_review"])
def test_only_drafts_can_be_published(member, status):
    item = make_item(member, publish=False)
    ContentItem.objects.filter(pk=item.pk).update(status=status)
    item.refresh_from_db()

    with pytest.raises(ValidationError, match="Only drafts can be published"):
        content_item_publish(actor=member, item=item)

    assert ContentItem.objects.get(pk=item.pk).status == status


@pytest.mark.parametrize("persona", ["expert", "community_manager", "staff", "outsider"])
def test_others_cannot_publish_someones_draft(request, persona, member, community):
    actor = request.getfixturevalue(persona)
    item = make_item(member, community=community, publish=False)

    with pytest.raises(Http404):  # a draft does not exist for anyone but its author
        content_item_publish(actor=actor, item=item)

    assert ContentItem.objects.get(pk=item.pk).status == "draft"


def test_author_who_left_the_community_cannot_publish_there(member, community):
    item = make_item(member, community=community, publish=False)
    membership_leave(actor=member, community=community)

    with pytest.raises(PermissionDenied, match="Join this community"):
        content_item_publish(actor=member, item=item)

    assert ContentItem.objects.get(pk=item.pk).status == "draft"
    assert item_count(community) == 0


# --- update -------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["member", "community_manager", "staff"])
def test_author_manager_and_staff_may_update(request, persona, member, community):
    actor = request.getfixturevalue(persona)
    item = make_item(member, community=community, title="Old", tags="a b")

    content_item_update(actor=actor, item=item, title=" New title ", body="_new_", tags="c")

    item.refresh_from_db()
    assert item.title == "New title"
    assert item.slug == "new-title"
    assert item.body == "_new_"
    assert item.body_html == "<p><em>new</em></p>\n"
    assert tag_slugs(item) == ["c"]
    assert item.author == member  # the author stays
    assert Event.objects.get(verb="edit", target_id=item.pk).actor == actor


@pytest.mark.parametrize("persona", ["expert", "outsider"])
def test_others_cannot_update(request, persona, member, community):
    actor = request.getfixturevalue(persona)
    item = make_item(member, community=community, title="Original")

    with pytest.raises(PermissionDenied, match="Only the author or a community manager"):
        content_item_update(actor=actor, item=item, title="Defaced")

    item.refresh_from_db()
    assert item.title == "Original"
    assert not Event.objects.filter(verb="edit").exists()


def test_manager_of_another_community_cannot_update(member, community, expert):
    make_community(expert, name="Expert Club")  # eric manages another community
    item = make_item(member, title="Original")  # company-wide post, no community

    with pytest.raises(PermissionDenied):
        content_item_update(actor=expert, item=item, title="Defaced")

    assert ContentItem.objects.get(pk=item.pk).title == "Original"


def test_outsider_updating_a_private_item_gets_404(outsider, member, private_community):
    item = make_item(member, community=private_community, title="Secret")

    with pytest.raises(Http404):
        content_item_update(actor=outsider, item=item, title="Defaced")

    assert ContentItem.objects.get(pk=item.pk).title == "Secret"


def test_update_keeps_what_is_not_given(member):
    item = make_item(member, title="Keep", body="Body", tags="a b")

    content_item_update(actor=member, item=item, body="New body")

    item.refresh_from_db()
    assert item.title == "Keep"
    assert item.body == "New body"
    assert tag_slugs(item) == ["a", "b"]


def test_update_can_clear_tags(member):
    item = make_item(member, tags="a b")

    content_item_update(actor=member, item=item, tags="")

    assert tag_slugs(item) == []


def test_update_validates_the_title(member):
    item = make_item(member, title="Keep")

    with pytest.raises(ValidationError) as exc:
        content_item_update(actor=member, item=item, title="  ")

    assert "title" in exc.value.message_dict
    assert ContentItem.objects.get(pk=item.pk).title == "Keep"


def test_update_refuses_eleven_tags(member):
    item = make_item(member, tags="a")

    with pytest.raises(ValidationError):
        content_item_update(actor=member, item=item, title="Changed", tags=list("abcdefghijk"))

    item.refresh_from_db()
    assert item.title != "Changed"
    assert tag_slugs(item) == ["a"]


# --- delete -------------------------------------------------------------------------------------


def test_deleting_a_published_item_lowers_the_community_count(member, community):
    kept = make_item(member, community=community)
    gone = make_item(member, community=community)
    gone_pk = gone.pk
    assert item_count(community) == 2

    content_item_delete(actor=member, item=gone)

    assert not ContentItem.objects.filter(pk=gone_pk).exists()
    assert ContentItem.objects.filter(pk=kept.pk).exists()
    assert item_count(community) == 1
    event = Event.objects.get(verb="delete")
    assert event.actor == member and event.target_id == gone_pk
    assert event.data["author"] == member.pk and event.data["title"] == gone.title


def test_deleting_a_draft_leaves_the_count_alone(member, community):
    make_item(member, community=community)
    draft = make_item(member, community=community, publish=False)

    content_item_delete(actor=member, item=draft)

    assert item_count(community) == 1


@pytest.mark.parametrize("persona", ["community_manager", "staff"])
def test_manager_and_staff_may_delete_with_a_reason_the_author_reads(
    request, persona, member, community, run_on_commit
):
    from guildhall.core.models import AuditEntry
    from guildhall.notifications.selectors import notifications_for, rendered

    item = make_item(member, community=community, title="Old rota")
    pk = item.pk
    deleter = request.getfixturevalue(persona)

    with pytest.raises(ValidationError) as exc:
        content_item_delete(actor=deleter, item=item, reason="  ")
    assert exc.value.message_dict == {
        "reason": ["Say why you delete this item: its author is told."]
    }
    assert ContentItem.objects.filter(pk=pk).exists()

    with run_on_commit():
        content_item_delete(actor=deleter, item=item, reason="Out of date since May.")

    assert not ContentItem.objects.filter(pk=pk).exists()
    assert item_count(community) == 0
    [entry] = AuditEntry.objects.filter(action="item_delete")
    assert (entry.actor, entry.target_id, entry.community_id) == (deleter, pk, community.pk)
    assert entry.data["reason"] == "Out of date since May."
    assert entry.data["title"] == "Old rota"
    assert [e["text"] for e in rendered(notifications_for(viewer=member))] == [
        f"{deleter.name} deleted your “Old rota” from Supply Chain Practice: "
        "“Out of date since May.”"
    ]


def test_deleting_ones_own_item_needs_no_reason_and_tells_nobody(member, community):
    from guildhall.core.models import AuditEntry

    content_item_delete(actor=member, item=make_item(member, community=community))

    assert not AuditEntry.objects.filter(action="item_delete").exists()
    assert not member.notifications.exists()


@pytest.mark.parametrize("persona", ["expert", "outsider"])
def test_others_cannot_delete(request, persona, member, community):
    item = make_item(member, community=community)

    with pytest.raises(PermissionDenied):
        content_item_delete(actor=request.getfixturevalue(persona), item=item)

    assert ContentItem.objects.filter(pk=item.pk).exists()
    assert item_count(community) == 1


# --- views --------------------------------------------------------------------------------------


def test_view_is_counted_once_per_member_per_hour(member, expert, outsider, community):
    item = make_item(member, community=community)

    for _ in range(3):
        content_item_view(actor=expert, item=item)
    content_item_view(actor=outsider, item=item)

    item.refresh_from_db()
    assert item.view_count == 2
    views = Event.objects.filter(verb="view", target_id=item.pk)
    assert sorted(e.actor.username for e in views) == ["eric", "olaf"]
    assert all(e.community_id == community.pk for e in views)


def test_view_is_counted_again_after_the_hour(settings, member, expert, monkeypatch):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    start = time.time()
    item = make_item(member)
    monkeypatch.setattr(time, "time", lambda: start)
    content_item_view(actor=expert, item=item)
    monkeypatch.setattr(time, "time", lambda: start + 1800)
    content_item_view(actor=expert, item=item)
    monkeypatch.setattr(time, "time", lambda: start + 3601)
    content_item_view(actor=expert, item=item)

    item.refresh_from_db()
    assert item.view_count == 2
    assert Event.objects.filter(verb="view", actor=expert).count() == 2


def test_view_updates_the_object_in_hand(member, expert):
    item = make_item(member)

    content_item_view(actor=expert, item=item)

    assert item.view_count == 1


def test_drafts_are_not_counted_when_their_author_looks(member):
    item = make_item(member, publish=False)

    content_item_view(actor=member, item=item)

    assert ContentItem.objects.get(pk=item.pk).view_count == 0
    assert not Event.objects.filter(verb="view").exists()


def test_outsider_cannot_view_a_private_item(outsider, member, private_community):
    item = make_item(member, community=private_community)

    with pytest.raises(Http404):
        content_item_view(actor=outsider, item=item)

    assert ContentItem.objects.get(pk=item.pk).view_count == 0
    assert not Event.objects.filter(verb="view").exists()


def test_others_cannot_view_a_draft(member, expert):
    item = make_item(member, publish=False)

    with pytest.raises(Http404):
        content_item_view(actor=expert, item=item)
