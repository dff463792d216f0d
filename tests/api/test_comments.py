"""/api/v1/content/{id}/comments."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from guildhall.content.models import ContentItem
from guildhall.interactions.models import Comment
from tests.api.conftest import bearer, field_error
from tests.api.test_content import XSS, assert_safe
from tests.factories import add_member, make_comment, make_item, make_member


@pytest.fixture
def pallets(expert, community):
    return make_item(expert, community=community, kind="discussion", title="Pallets")


@pytest.fixture
def outage(member, private_community):
    return make_item(member, community=private_community, title="Outage review")


def _url(item) -> str:
    return f"/api/v1/content/{item.pk}/comments"


def test_list_comments_with_replies(api, outsider, member, expert, pallets):
    first = make_comment(member, pallets, "Which size?")
    reply = make_comment(expert, pallets, "Euro pallets.", parent=first)
    response = api.as_(outsider).get(_url(pallets))
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    one, two = body["items"]
    assert one["id"] == first.pk and one["author"] == "mia" and one["parent"] is None
    assert one["body"] == "Which size?"
    assert one["body_html"] == "<p>Which size?</p>\n"
    assert one["is_deleted"] is False
    assert two["id"] == reply.pk and two["parent"] == first.pk and two["author"] == "eric"
    assert set(one) >= {"id", "author", "body", "body_html", "parent", "created_at"}


def test_comments_of_private_items_are_404_to_outsiders(api, member, outsider, staff, outage):
    make_comment(member, outage, "Root cause: DNS.")
    hidden = api.as_(outsider).get(_url(outage))
    missing = api.get("/api/v1/content/999999/comments")
    assert hidden.status_code == missing.status_code == 404
    assert hidden.json() == missing.json()
    assert api.as_(member).get(_url(outage)).json()["count"] == 1
    assert api.as_(staff).get(_url(outage)).json()["items"][0]["body"] == "Root cause: DNS."


def test_comments_pagination_and_queries(
    api, outsider, expert, community, pallets, django_assert_max_num_queries
):
    people = [make_member(f"c{n}") for n in range(5)]
    for person in people:
        add_member(community, person)
    for n in range(25):
        make_comment(people[n % 5], pallets, f"Comment {n}")
    api.as_(outsider)
    with CaptureQueriesContext(connection) as few:
        api.get(_url(pallets), {"limit": 1})
    with django_assert_max_num_queries(len(few)):
        body = api.get(_url(pallets), {"limit": 100}).json()
    assert body["count"] == len(body["items"]) == 25
    page = api.get(_url(pallets), {"limit": 10, "offset": 20}).json()
    assert [c["body"] for c in page["items"]] == [f"Comment {n}" for n in range(20, 25)]
    field_error(api.get(_url(pallets), {"limit": -1}), "limit")
    field_error(api.get(_url(pallets), {"offset": "two"}), "offset")


def test_list_needs_auth(client, pallets):
    assert client.get(_url(pallets)).status_code == 401


def test_post_comment(api, member, pallets):
    response = api.as_(member).post(_url(pallets), {"body": "Good **point**"})
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["author"] == "mia"
    assert body["body_html"] == "<p>Good <strong>point</strong></p>\n"
    assert body["parent"] is None
    comment = Comment.objects.get(pk=body["id"])
    assert comment.item == pallets and comment.author == member
    pallets.refresh_from_db()
    assert pallets.comment_count == 1
    assert api.get(f"/api/v1/content/{pallets.pk}").json()["comments"] == 1


def test_post_comment_by_token(client, expert, pallets):
    response = client.post(
        _url(pallets), {"body": "Thanks"}, content_type="application/json", **bearer(expert)
    )
    assert response.status_code == 201
    assert Comment.objects.filter(item=pallets, author=expert, body="Thanks").exists()


def test_reply_and_reply_to_reply_join_one_thread(api, member, expert, pallets):
    top = make_comment(member, pallets, "Question")
    reply = api.as_(expert).post(_url(pallets), {"body": "Answer", "parent": top.pk}).json()
    assert reply["parent"] == top.pk
    deeper = api.as_(member).post(_url(pallets), {"body": "Thanks", "parent": reply["id"]})
    assert deeper.json()["parent"] == top.pk
    assert Comment.objects.get(pk=deeper.json()["id"]).parent_id == top.pk


def test_comment_body_is_sanitised(api, member, pallets):
    body = api.as_(member).post(_url(pallets), {"body": XSS}).json()
    assert_safe(body["body_html"])
    assert body["body"] == XSS.strip()
    assert_safe(Comment.objects.get(pk=body["id"]).body_html)


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({}, "body"),
        ({"body": "   "}, "body"),
        ({"body": "x" * 20_001}, "body"),
        ({"body": 5}, "body"),
        ({"body": "Hi", "parent": "first"}, "parent"),
        ({"body": "Hi", "parent": 0}, "parent"),
        ({"body": "Hi", "parent": 10**30}, "parent"),
        ({"body": "Hi", "parent": 999_999}, "parent"),
    ],
)
def test_post_rejects_bad_input(api, member, pallets, payload, field):
    field_error(api.as_(member).post(_url(pallets), payload), field)
    assert not Comment.objects.exists()


def test_parent_from_another_item_or_hidden_item_is_422(api, member, expert, pallets, outage):
    other = make_comment(expert, make_item(expert, title="Elsewhere"), "Elsewhere")
    hidden = make_comment(member, outage, "Secret")
    api.as_(expert)
    assert "another item" in field_error(
        api.post(_url(pallets), {"body": "Hi", "parent": other.pk}), "parent"
    )
    # A comment on an item the caller cannot see answers like a missing one.
    assert field_error(
        api.post(_url(pallets), {"body": "Hi", "parent": hidden.pk}), "parent"
    ) == field_error(api.post(_url(pallets), {"body": "Hi", "parent": 999_999}), "parent")
    assert Comment.objects.filter(item=pallets).count() == 0


def test_outsider_cannot_comment_on_private_item(api, outsider, outage):
    response = api.as_(outsider).post(_url(outage), {"body": "Let me in"})
    assert response.status_code == 404
    assert not Comment.objects.exists()


def test_non_member_cannot_comment_in_community(api, outsider, pallets):
    response = api.as_(outsider).post(_url(pallets), {"body": "Hello"})
    assert response.status_code == 403
    assert response.json()["detail"] == "Join this community to post and comment in it."
    assert not Comment.objects.exists()


def test_drafts_take_no_comments(api, member, expert, community):
    draft = make_item(member, community=community, title="WIP", publish=False)
    assert api.as_(expert).post(_url(draft), {"body": "Early"}).status_code == 404
    response = api.as_(member).post(_url(draft), {"body": "Note to self"})
    assert response.status_code == 403
    assert ContentItem.objects.get(pk=draft.pk).comment_count == 0


def test_post_needs_auth(client, pallets):
    response = client.post(_url(pallets), {"body": "Hi"}, content_type="application/json")
    assert response.status_code == 401
    assert not Comment.objects.exists()
