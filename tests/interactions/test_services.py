"""Comments: create, reply one level deep, counters, notifications, edit and delete."""

import pytest
from django.http import Http404

from guildhall.communities.services import membership_join
from guildhall.content.models import ContentItem
from guildhall.core.exceptions import PermissionDenied, ValidationError
from guildhall.core.models import Event
from guildhall.interactions.models import Comment
from guildhall.interactions.services import comment_create, comment_delete, comment_update
from guildhall.notifications.models import Notification
from tests.factories import make_comment, make_item, make_member


@pytest.fixture
def item(member, community):
    """Mia's discussion in the public community."""
    return make_item(member, community=community, kind="discussion", title="Pallet labels")


def comment_count(item) -> int:
    return ContentItem.objects.get(pk=item.pk).comment_count


def notes(**filters) -> list[tuple[str, str]]:
    return sorted((n.recipient.username, n.verb) for n in Notification.objects.filter(**filters))


# --- create -------------------------------------------------------------------------------------


def test_comment_is_created_rendered_and_counted(expert, item):
    before = ContentItem.objects.get(pk=item.pk).last_activity_at

    comment = comment_create(actor=expert, item=item, body="  Use **GS1** labels.  ")

    comment.refresh_from_db()
    assert comment.item == item and comment.author == expert
    assert comment.parent is None
    assert comment.body == "Use **GS1** labels."
    assert comment.body_html == "<p>Use <strong>GS1</strong> labels.</p>\n"
    assert not comment.is_deleted
    item.refresh_from_db()
    assert item.comment_count == 1
    assert item.last_activity_at > before


def test_comment_body_is_sanitised(expert, item):
    comment = comment_create(actor=expert, item=item, body="<img src=x onerror=alert(1)>")

    assert "<img" not in Comment.objects.get(pk=comment.pk).body_html


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("", "Write something before posting your comment."),
        ("   \n ", "Write something before posting your comment."),
        ("x" * 20_001, "Keep comments under 20,000 characters."),
    ],
)
def test_comment_body_is_validated(expert, item, body, message):
    with pytest.raises(ValidationError) as exc:
        comment_create(actor=expert, item=item, body=body)

    assert exc.value.message_dict == {"body": [message]}
    assert not Comment.objects.exists()
    assert comment_count(item) == 0


def test_comment_notifies_the_item_author(expert, member, item, run_on_commit):
    with run_on_commit():
        comment = comment_create(actor=expert, item=item, body="Nice.")

    [note] = Notification.objects.all()
    assert (note.recipient, note.verb, note.actor, note.item) == (member, "comment", expert, item)
    assert note.data == {"comment_id": comment.pk}
    assert note.read_at is None


def test_author_commenting_on_own_item_is_not_notified(member, item, run_on_commit):
    with run_on_commit():
        comment_create(actor=member, item=item, body="Update: fixed.")

    assert not Notification.objects.exists()
    assert comment_count(item) == 1


def test_no_notification_before_the_transaction_commits(expert, item, run_on_commit):
    comment_create(actor=expert, item=item, body="Nice.")

    assert not Notification.objects.exists()  # queued on commit, never inline


# --- replies ------------------------------------------------------------------------------------


def test_reply_attaches_to_its_parent_and_notifies_the_parent_author(
    member, expert, community_manager, item, run_on_commit
):
    top = make_comment(expert, item, "Use GS1.")

    with run_on_commit():
        reply = comment_create(actor=community_manager, item=item, body="Agreed.", parent=top)

    assert Comment.objects.get(pk=reply.pk).parent_id == top.pk
    assert comment_count(item) == 2
    assert notes(data__comment_id=reply.pk) == [("eric", "reply"), ("mia", "comment")]


def test_reply_to_a_reply_joins_the_top_level_thread(member, expert, community_manager, item):
    top = make_comment(expert, item, "Use GS1.")
    reply = make_comment(community_manager, item, "Agreed.", parent=top)

    nested = comment_create(actor=member, item=item, body="Thanks both.", parent=reply)

    nested.refresh_from_db()
    assert nested.parent_id == top.pk
    assert Comment.objects.filter(parent__parent__isnull=False).count() == 0
    assert comment_count(item) == 3


def test_reply_to_a_reply_notifies_who_was_answered_and_the_thread_starter(
    member, expert, community_manager, community, item, run_on_commit
):
    other = make_member()
    top = make_comment(expert, item, "Use GS1.")
    reply = make_comment(community_manager, item, "Agreed.", parent=top)
    membership_join(actor=other, community=community, accept_guidelines=True)

    with run_on_commit():
        nested = comment_create(actor=other, item=item, body="@carla why?", parent=reply)

    assert notes(data__comment_id=nested.pk) == [
        ("carla", "reply"),
        ("eric", "reply"),
        ("mia", "comment"),
    ]


def test_reply_to_the_item_authors_comment_notifies_them_once(member, expert, item, run_on_commit):
    top = make_comment(member, item, "Any ideas?")

    with run_on_commit():
        reply = comment_create(actor=expert, item=item, body="Yes.", parent=top)

    assert notes(data__comment_id=reply.pk) == [("mia", "reply")]


def test_replying_to_oneself_notifies_only_the_item_author(member, expert, item, run_on_commit):
    top = make_comment(expert, item, "First thought.")

    with run_on_commit():
        reply = comment_create(actor=expert, item=item, body="Second thought.", parent=top)

    assert notes(data__comment_id=reply.pk) == [("mia", "comment")]


def test_parent_from_another_item_is_refused(member, expert, community, item):
    elsewhere = make_item(member, community=community, title="Other")
    foreign = make_comment(expert, elsewhere, "Elsewhere.")

    with pytest.raises(ValidationError) as exc:
        comment_create(actor=expert, item=item, body="Hi", parent=foreign)

    assert exc.value.message_dict == {"parent": ["That comment belongs to another item."]}
    assert comment_count(item) == 0


# --- who may comment ----------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["outsider", "staff"])
def test_non_member_cannot_comment_on_a_community_item(request, persona, item):
    with pytest.raises(PermissionDenied, match="Join this community"):
        comment_create(actor=request.getfixturevalue(persona), item=item, body="Hi")

    assert not Comment.objects.exists()
    assert comment_count(item) == 0


def test_outsider_cannot_comment_on_a_private_item(outsider, member, private_community):
    private_item = make_item(member, community=private_community)

    with pytest.raises(Http404):
        comment_create(actor=outsider, item=private_item, body="Hi")

    assert not Comment.objects.exists()


def test_anyone_may_comment_on_a_company_blog_post(outsider, member, run_on_commit):
    post = make_item(member, title="My blog")

    with run_on_commit():
        comment_create(actor=outsider, item=post, body="Great post.")

    assert comment_count(post) == 1
    assert notes() == [("mia", "comment")]


def test_comment_on_a_draft_is_refused(member, community):
    draft = make_item(member, community=community, publish=False)

    with pytest.raises(PermissionDenied, match="Comments open once the item is published"):
        comment_create(actor=member, item=draft, body="Note to self")

    assert comment_count(draft) == 0


def test_others_commenting_on_a_draft_get_404(expert, member, community):
    draft = make_item(member, community=community, publish=False)

    with pytest.raises(Http404):
        comment_create(actor=expert, item=draft, body="Hi")


# --- edit ---------------------------------------------------------------------------------------


def test_author_edits_own_comment(expert, item):
    comment = make_comment(expert, item, "Typo here.")

    comment_update(actor=expert, comment=comment, body="No *typo* here.")

    comment.refresh_from_db()
    assert comment.body == "No *typo* here."
    assert comment.body_html == "<p>No <em>typo</em> here.</p>\n"
    event = Event.objects.get(verb="edit_comment")
    assert event.actor == expert and event.data == {"comment_id": comment.pk}


@pytest.mark.parametrize("persona", ["member", "community_manager", "staff"])
def test_nobody_else_edits_a_comment(request, persona, expert, item):
    comment = make_comment(expert, item, "Mine.")

    with pytest.raises(PermissionDenied, match="only change your own comments"):
        comment_update(actor=request.getfixturevalue(persona), comment=comment, body="Yours.")

    assert Comment.objects.get(pk=comment.pk).body == "Mine."


def test_edit_validates_the_body(expert, item):
    comment = make_comment(expert, item, "Mine.")

    with pytest.raises(ValidationError):
        comment_update(actor=expert, comment=comment, body="  ")

    assert Comment.objects.get(pk=comment.pk).body == "Mine."


def test_deleted_comment_cannot_be_edited(expert, member, item):
    top = make_comment(expert, item, "Mine.")
    make_comment(member, item, "Reply.", parent=top)
    comment_delete(actor=expert, comment=top)
    top.refresh_from_db()

    with pytest.raises(PermissionDenied):
        comment_update(actor=expert, comment=top, body="Back from the dead")

    assert Comment.objects.get(pk=top.pk).body == ""


# --- delete -------------------------------------------------------------------------------------


def test_author_deletes_own_comment(expert, item):
    comment = make_comment(expert, item, "Oops.")
    pk = comment.pk

    comment_delete(actor=expert, comment=comment)

    assert not Comment.objects.filter(pk=pk).exists()
    assert comment_count(item) == 0
    event = Event.objects.get(verb="delete_comment")
    assert event.actor == expert and event.data == {"comment_id": pk}


def test_staff_delete_any_comment(staff, expert, item):
    comment = make_comment(expert, item, "Spam.")
    pk = comment.pk

    comment_delete(actor=staff, comment=comment)

    assert not Comment.objects.filter(pk=pk).exists()
    assert comment_count(item) == 0


@pytest.mark.parametrize("persona", ["member", "community_manager"])
def test_others_cannot_delete_a_comment(request, persona, expert, item):
    comment = make_comment(expert, item, "Mine.")

    with pytest.raises(PermissionDenied, match="only delete your own comments"):
        comment_delete(actor=request.getfixturevalue(persona), comment=comment)

    assert Comment.objects.filter(pk=comment.pk).exists()
    assert comment_count(item) == 1


def test_deleting_a_comment_with_replies_leaves_a_placeholder(expert, member, item):
    top = make_comment(expert, item, "Question?")
    reply = make_comment(member, item, "Answer.", parent=top)

    comment_delete(actor=expert, comment=top)

    top.refresh_from_db()
    assert top.is_deleted
    assert top.body == "" and top.body_html == ""
    assert Comment.objects.get(pk=reply.pk).parent_id == top.pk
    assert comment_count(item) == 1


def test_deleting_a_reply_removes_it(expert, member, item):
    top = make_comment(expert, item, "Question?")
    reply = make_comment(member, item, "Answer.", parent=top)
    reply_pk = reply.pk

    comment_delete(actor=member, comment=reply)

    assert not Comment.objects.filter(pk=reply_pk).exists()
    assert Comment.objects.get(pk=top.pk).is_deleted is False
    assert comment_count(item) == 1


def test_a_placeholder_cannot_be_deleted_again(expert, member, staff, item):
    top = make_comment(expert, item, "Question?")
    make_comment(member, item, "Answer.", parent=top)
    comment_delete(actor=expert, comment=top)
    top.refresh_from_db()

    for actor in (expert, staff):
        with pytest.raises(PermissionDenied):
            comment_delete(actor=actor, comment=top)

    assert comment_count(item) == 1
