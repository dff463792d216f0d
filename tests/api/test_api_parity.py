"""Page capabilities the API offers too: comments edited and deleted, my drafts."""

from guildhall.interactions.models import Comment
from tests.factories import make_comment, make_item


def test_a_comment_is_edited_and_deleted_by_its_author_only(api, member, expert, community):
    item = make_item(expert, community=community, title="Cross-docking pilot")
    comment = make_comment(member, item, body="Typo hre")
    path = f"/api/v1/comments/{comment.pk}"
    assert api.as_(expert).patch(path, {"body": "Mine now"}).status_code == 403
    assert api.as_(member).patch(path, {"body": ""}).json()["errors"]["body"]
    edited = api.patch(path, {"body": "Typo **here**"})
    assert edited.status_code == 200
    assert edited.json()["body_html"].strip() == "<p>Typo <strong>here</strong></p>"
    assert api.as_(expert).delete(path).status_code == 403
    assert api.as_(member).delete(path).status_code == 204
    assert not Comment.objects.filter(pk=comment.pk).exists()
    assert api.delete(path).status_code == 404


def test_comments_in_a_private_community_are_404_to_outsiders(
    api, member, outsider, private_community
):
    item = make_item(member, community=private_community)
    comment = make_comment(member, item)
    assert (
        api.as_(outsider).patch(f"/api/v1/comments/{comment.pk}", {"body": "x"}).status_code == 404
    )
    assert api.delete(f"/api/v1/comments/{comment.pk}").status_code == 404


def test_status_draft_lists_only_my_own_drafts(api, member, expert, community):
    mine = make_item(member, community=community, title="My draft", publish=False)
    make_item(expert, community=community, title="Eric's draft", publish=False)
    make_item(member, community=community, title="Published one")
    drafts = api.as_(member).get("/api/v1/content?status=draft").json()
    assert [d["title"] for d in drafts["items"]] == ["My draft"] and drafts["count"] == 1
    assert drafts["items"][0]["id"] == mine.pk and drafts["items"][0]["status"] == "draft"
    published = api.get("/api/v1/content").json()
    assert [p["title"] for p in published["items"]] == ["Published one"]
    assert api.get("/api/v1/content?status=removed").status_code == 422
