import re

from django.urls import reverse

from guildhall.content.models import ContentItem
from guildhall.core.models import Event
from guildhall.interactions.models import Comment
from guildhall.notifications.models import Notification
from tests.conftest import login
from tests.factories import make_comment, make_item


def test_write_preview_then_publish_a_post(client, member):
    login(client, member)
    form = {
        "kind": "post",
        "community": "",
        "title": "Lessons from the Q3 stock count",
        "body": "We found **three** issues.",
        "tags": "inventory, lessons",
    }
    preview = client.post(reverse("content:create"), {**form, "action": "preview"})
    assert preview.status_code == 200
    assert b"<strong>three</strong>" in preview.content
    assert not ContentItem.objects.exists()  # preview saves nothing

    response = client.post(reverse("content:create"), {**form, "action": "publish"})
    item = ContentItem.objects.get()
    assert response.status_code == 302 and response["Location"] == item.get_absolute_url()
    assert item.status == "published" and item.community is None
    assert sorted(t.slug for t in item.tags.all()) == ["inventory", "lessons"]
    page = client.get(item.get_absolute_url())
    assert b"Lessons from the Q3 stock count" in page.content


def test_save_draft_is_private_until_published(client, member, outsider):
    login(client, member)
    client.post(
        reverse("content:create"),
        {"kind": "post", "title": "Half-baked idea", "body": "tbd", "action": "draft"},
    )
    item = ContentItem.objects.get()
    assert item.status == "draft"
    assert b"Half-baked idea" in client.get(reverse("content:drafts")).content
    client.force_login(outsider)
    assert client.get(item.get_absolute_url()).status_code == 404
    client.force_login(member)
    client.post(reverse("content:publish", args=[item.pk]))
    item.refresh_from_db()
    assert item.status == "published"
    client.force_login(outsider)
    assert client.get(item.get_absolute_url()).status_code == 200


def test_invalid_form_keeps_what_was_typed(client, member):
    login(client, member)
    response = client.post(
        reverse("content:create"),
        {"kind": "post", "title": "", "body": "My long text", "action": "publish"},
    )
    assert response.status_code == 200
    assert b"My long text" in response.content
    assert b"This field is required" in response.content
    assert not ContentItem.objects.exists()


def test_discussion_needs_a_community_with_a_clear_message(client, member):
    login(client, member)
    response = client.post(
        reverse("content:create"),
        {"kind": "discussion", "title": "Q", "body": "b", "action": "publish"},
    )
    assert b"belongs to a community" in response.content
    assert not ContentItem.objects.exists()


def test_script_in_body_never_reaches_the_page(client, member):
    login(client, member)
    item = make_item(
        member, title="XSS", body='<script>alert(1)</script><img src=x onerror="alert(2)">'
    )
    html = client.get(item.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html
    assert not re.search(r"<[a-z][^>]*\bonerror=", html)  # as escaped text it is harmless


def test_view_count_shown_and_counted_once_per_member(client, member, expert):
    item = make_item(expert, title="Forklift checklist")
    login(client, member)
    client.get(item.get_absolute_url())
    response = client.get(item.get_absolute_url())
    item.refresh_from_db()
    assert item.view_count == 1
    assert b"1 view" in response.content
    assert Event.objects.filter(verb="view", actor=member).count() == 1


def test_slugless_url_redirects_to_canonical(client, member):
    item = make_item(member, title="Good title")
    login(client, member)
    response = client.get(f"/content/{item.pk}/")
    assert response.status_code == 302 and response["Location"] == item.get_absolute_url()


def test_edit_and_delete_with_confirmation(client, member, community):
    item = make_item(member, community=community, kind="discussion", title="Old title")
    login(client, member)
    client.post(
        reverse("content:edit", args=[item.pk]),
        {"title": "New title", "body": "new", "tags": "x", "action": "save"},
    )
    item.refresh_from_db()
    assert item.title == "New title"
    confirm = client.get(reverse("content:delete", args=[item.pk]))
    assert b"cannot be undone" in confirm.content
    assert ContentItem.objects.filter(pk=item.pk).exists()  # GET deletes nothing
    response = client.post(reverse("content:delete", args=[item.pk]))
    assert response["Location"] == f"/c/{community.slug}/"
    assert not ContentItem.objects.filter(pk=item.pk).exists()


def test_a_manager_deleting_anothers_item_gives_a_reason(
    client, member, community_manager, community
):
    item = make_item(member, community=community, kind="discussion", title="Old rota")
    login(client, community_manager)
    confirm = client.get(reverse("content:delete", args=[item.pk])).content.decode()
    assert "Why do you delete it? Its author is told." in confirm
    response = client.post(reverse("content:delete", args=[item.pk]), {"reason": ""})
    assert response.status_code == 422
    assert "This field is required." in response.content.decode()
    assert ContentItem.objects.filter(pk=item.pk).exists()
    response = client.post(reverse("content:delete", args=[item.pk]), {"reason": "Outdated"})
    assert response["Location"] == f"/c/{community.slug}/"
    assert not ContentItem.objects.filter(pk=item.pk).exists()


def test_others_cannot_edit_or_delete(client, member, outsider):
    item = make_item(member, title="Mine")
    login(client, outsider)
    assert client.get(reverse("content:edit", args=[item.pk])).status_code == 404
    assert client.post(reverse("content:delete", args=[item.pk])).status_code == 404
    assert ContentItem.objects.filter(pk=item.pk).exists()


def test_comment_reply_edit_delete_and_bell(client, member, expert, community, run_on_commit):
    item = make_item(member, community=community, kind="discussion", title="Labels?")
    login(client, expert)
    with run_on_commit():
        response = client.post(
            reverse("interactions:comment_create", args=[item.pk]), {"body": "Use *GS1*"}
        )
    comment = Comment.objects.get()
    assert response["Location"].endswith(f"#comment-{comment.pk}")
    with run_on_commit():
        client.post(
            reverse("interactions:comment_create", args=[item.pk]),
            {"body": "More detail", "parent": comment.pk},
        )
    assert Comment.objects.filter(parent=comment).count() == 1

    client.force_login(member)
    page = client.get("/").content.decode()
    # The comment and the follow-up in its thread: one entry while unread, for two acts.
    assert 'class="bell-count" aria-hidden="true">1<' in page
    [grouped] = Notification.objects.filter(recipient=member, verb="comment")
    assert grouped.count == 2
    assert not Notification.objects.filter(recipient=expert).exists()  # never for one's own act
    notifications = client.get(reverse("notifications:list")).content.decode()
    assert "Eric Expert commented on “Labels?”" in notifications
    client.post(reverse("notifications:read"))
    assert 'class="bell-count"' not in client.get("/").content.decode()

    client.force_login(expert)
    client.post(reverse("interactions:comment_edit", args=[comment.pk]), {"body": "Use GS1-128"})
    comment.refresh_from_db()
    assert comment.body == "Use GS1-128"
    client.post(reverse("interactions:comment_delete", args=[comment.pk]))
    comment.refresh_from_db()
    assert comment.is_deleted  # it has a reply, so it stays as a placeholder
    assert b"This comment was deleted." in client.get(item.get_absolute_url()).content


def test_empty_comment_is_refused_with_message(client, member, community):
    item = make_item(member, community=community, kind="discussion", title="Q")
    login(client, member)
    response = client.post(reverse("interactions:comment_create", args=[item.pk]), {"body": "  "})
    assert response.status_code == 422
    assert not Comment.objects.exists()


def test_cannot_edit_someone_elses_comment(client, member, expert, community):
    item = make_item(member, community=community, kind="discussion", title="Q")
    comment = make_comment(expert, item, "Mine")
    login(client, member)
    response = client.post(reverse("interactions:comment_edit", args=[comment.pk]), {"body": "x"})
    assert response.status_code == 403
    comment.refresh_from_db()
    assert comment.body == "Mine"


def test_non_member_sees_join_prompt_instead_of_comment_form(client, outsider, member, community):
    item = make_item(member, community=community, kind="discussion", title="Q")
    login(client, outsider)
    page = client.get(item.get_absolute_url()).content.decode()
    assert "to comment" in page and 'name="body"' not in page
    response = client.post(reverse("interactions:comment_create", args=[item.pk]), {"body": "hi"})
    assert response.status_code == 403


def test_too_many_comments_get_a_friendly_429(client, member, community, settings):
    item = make_item(member, community=community, kind="discussion", title="Q")
    settings.GUILDHALL_WRITE_RATE_PER_MINUTE = 2
    login(client, member)
    url = reverse("interactions:comment_create", args=[item.pk])
    statuses = [client.post(url, {"body": f"c{n}"}).status_code for n in range(3)]
    assert statuses == [302, 302, 429]
    assert Comment.objects.count() == 2


def test_reply_link_turns_the_form_into_a_reply(client, member, expert, community):
    item = make_item(member, community=community, kind="discussion", title="Cross-docking?")
    question = make_comment(expert, item, "Which sites do it?")
    login(client, member)
    page = client.get(f"{item.get_absolute_url()}?reply_to={question.pk}").content.decode()
    assert "Replying to Eric Expert" in page
    assert f'name="parent" value="{question.pk}"' in page
    client.post(
        reverse("interactions:comment_create", args=[item.pk]),
        {"body": "Leeds and Gdańsk", "parent": question.pk},
    )
    assert Comment.objects.get(body="Leeds and Gdańsk").parent == question
    plain = client.get(item.get_absolute_url()).content.decode()
    assert "Replying to" not in plain and f"?reply_to={question.pk}#comment-form" in plain


def test_a_reply_to_another_items_comment_says_why_it_was_refused(
    client, member, expert, community
):
    item = make_item(member, community=community, kind="discussion", title="Labels?")
    elsewhere = make_item(member, community=community, kind="discussion", title="Pallets")
    foreign = make_comment(expert, elsewhere, "Elsewhere.")
    login(client, expert)
    refusals = {foreign.pk: "That comment belongs to another item.", "x": "Enter a whole number."}
    for parent, reason in refusals.items():
        response = client.post(
            reverse("interactions:comment_create", args=[item.pk]),
            {"body": "Crafted reply", "parent": parent},
        )
        assert response.status_code == 422
        html = response.content.decode()
        assert f'<div class="form-errors" role="alert"><p>{reason}</p></div>' in html
        assert "Crafted reply" in html  # what the member typed is kept
    assert not Comment.objects.filter(item=item).exists()
