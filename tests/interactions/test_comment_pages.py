"""An item page's comments, as members see them: threads one level deep, a page at a time
with "Show more comments", the viewer's own edit and delete links, never a stale copy."""

import re

import pytest
from django.urls import reverse

from guildhall.interactions import comment_pages
from guildhall.interactions.services import comment_delete, comment_update
from tests.conftest import login
from tests.factories import make_comment, make_item


@pytest.fixture
def item(member, community):
    return make_item(member, community=community, kind="discussion", title="Pallet labels")


def _comment_ids(html: str) -> list[int]:
    return [int(pk) for pk in re.findall(r'id="comment-(\d+)"', html)]


def _page(client, item, **query) -> str:
    response = client.get(item.get_absolute_url(), query)
    assert response.status_code == 200
    return response.content.decode()


def test_replies_sit_under_their_thread_in_order(client, member, expert, item):
    first = make_comment(expert, item, "First")
    second = make_comment(member, item, "Second")
    reply_a = make_comment(member, item, "Reply A", parent=first)
    reply_b = make_comment(expert, item, "Reply B", parent=reply_a)  # joins first's thread
    login(client, member)

    html = _page(client, item)

    assert _comment_ids(html) == [first.pk, reply_a.pk, reply_b.pk, second.pk]
    thread = html[html.index(f'id="comment-{first.pk}"') : html.index(f'id="comment-{second.pk}"')]
    assert 'class="comment-replies"' in thread and "Reply B" in thread


def test_a_deleted_comment_keeps_its_place_and_replies(client, member, expert, item):
    top = make_comment(expert, item, "Question")
    reply = make_comment(member, item, "Answer", parent=top)
    comment_delete(actor=expert, comment=top)
    login(client, member)

    html = _page(client, item)

    assert "This comment was deleted." in html and "Question" not in html
    assert _comment_ids(html) == [top.pk, reply.pk]
    assert f"reply_to={top.pk}" not in html  # nothing to answer any more


def test_only_my_own_comments_carry_edit_and_delete(client, member, expert, item):
    mine = make_comment(member, item, "Mine")
    theirs = make_comment(expert, item, "Theirs")
    login(client, member)

    html = _page(client, item)

    assert f"/comments/{mine.pk}/edit/" in html and f"/comments/{mine.pk}/delete/" in html
    assert f"/comments/{theirs.pk}/edit/" not in html
    assert f"/comments/{theirs.pk}/delete/" not in html
    assert f"reply_to={theirs.pk}" in html and f"reply_to={mine.pk}" in html


def test_the_shared_copy_never_leaks_one_members_links_to_another(client, member, expert, item):
    mine = make_comment(member, item, "Mine")
    theirs = make_comment(expert, item, "Theirs")
    login(client, member)
    _page(client, item)  # the member's visit fills the shared copy

    login(client, expert)
    html = _page(client, item)

    assert f"/comments/{theirs.pk}/edit/" in html
    assert f"/comments/{mine.pk}/edit/" not in html
    assert "<!--own-actions" not in html


def test_staff_may_delete_every_comment_but_edit_only_their_own(client, staff, member, item):
    theirs = make_comment(member, item, "Theirs")
    login(client, staff)

    html = _page(client, item)

    assert f"/comments/{theirs.pk}/delete/" in html
    assert f"/comments/{theirs.pk}/edit/" not in html


def test_who_may_not_comment_sees_no_reply_links(client, outsider, member, item):
    comment = make_comment(member, item, "Inside view")
    login(client, outsider)  # a public community they have not joined

    html = _page(client, item)

    assert "Inside view" in html
    assert f"reply_to={comment.pk}" not in html
    assert "to comment." in html  # "Join <community> to comment."


@pytest.mark.parametrize("change", ["edit", "delete", "new"])
def test_a_change_to_the_comments_shows_at_once(client, member, expert, item, change):
    comment = make_comment(expert, item, "Before the change")
    login(client, member)
    assert "Before the change" in _page(client, item)

    if change == "edit":
        comment_update(actor=expert, comment=comment, body="After the change")
    elif change == "delete":
        comment_delete(actor=expert, comment=comment)
    else:
        make_comment(expert, item, "A new voice")
    html = _page(client, item)

    assert {
        "edit": "After the change" in html and "Before the change" not in html,
        "delete": "Before the change" not in html,
        "new": "A new voice" in html and "Before the change" in html,
    }[change]


@pytest.fixture
def three_per_page(monkeypatch):
    monkeypatch.setattr(comment_pages, "THREADS_PER_PAGE", 3)


def test_long_threads_come_a_page_at_a_time(client, member, expert, item, three_per_page):
    tops = [make_comment(expert, item, f"Thread {n}") for n in range(7)]
    reply = make_comment(member, item, "A reply on page two", parent=tops[4])
    login(client, member)
    more_url = reverse("interactions:comment_page", args=[item.pk])

    first = _page(client, item)
    assert _comment_ids(first) == [t.pk for t in tops[:3]]
    assert "Show more comments" in first and f'hx-get="{more_url}?page=2"' in first
    assert '<h2 id="comments-heading">8 comments</h2>' in first  # the count is of them all

    second = client.get(more_url, {"page": 2}, headers={"HX-Request": "true"})
    assert second.status_code == 200
    assert _comment_ids(second.content.decode()) == [tops[3].pk, tops[4].pk, reply.pk, tops[5].pk]
    assert "?page=3" in second.content.decode()

    last = client.get(more_url, {"page": 3}, headers={"HX-Request": "true"}).content.decode()
    assert _comment_ids(last) == [tops[6].pk]
    assert "Show more comments" not in last


def test_show_more_works_without_javascript(client, member, expert, item, three_per_page):
    tops = [make_comment(expert, item, f"Thread {n}") for n in range(5)]
    login(client, member)
    more_url = reverse("interactions:comment_page", args=[item.pk])

    response = client.get(more_url, {"page": 2})
    assert response.status_code == 302
    assert response["Location"] == f"{item.get_absolute_url()}?comments_page=2#comments"
    html = _page(client, item, comments_page=2)
    assert _comment_ids(html) == [t.pk for t in tops[3:]]
    assert f"?comments_page=2&amp;reply_to={tops[3].pk}" in html


def test_a_new_comment_on_a_later_page_is_shown_there(client, member, expert, item, three_per_page):
    for n in range(4):
        make_comment(expert, item, f"Thread {n}")
    login(client, member)

    response = client.post(
        reverse("interactions:comment_create", args=[item.pk]), {"body": "Late to the party"}
    )

    assert response.status_code == 302
    assert "?comments_page=2#comment-" in response["Location"]
    assert "Late to the party" in client.get(response["Location"]).content.decode()


def test_more_comments_of_a_private_item_are_hidden_from_outsiders(
    client, outsider, member, private_community
):
    secret = make_item(member, community=private_community, title="Internal")
    make_comment(member, secret, "Internal note")
    login(client, outsider)

    response = client.get(
        reverse("interactions:comment_page", args=[secret.pk]), headers={"HX-Request": "true"}
    )

    assert response.status_code == 404


@pytest.mark.parametrize("wanted", ["999999", "abc", "deleted", "elsewhere"])
def test_a_reply_link_to_no_live_comment_here_just_shows_the_page(
    client, member, expert, item, community, wanted
):
    comment = make_comment(expert, item, "Still here")
    gone = make_comment(expert, item, "To be deleted")
    make_comment(member, item, "A reply keeps it in place", parent=gone)
    comment_delete(actor=expert, comment=gone)
    other = make_comment(expert, make_item(expert, community=community), "On another item")
    reply_to = {"deleted": gone.pk, "elsewhere": other.pk}.get(wanted, wanted)
    login(client, member)

    html = _page(client, item, reply_to=reply_to)

    assert "Still here" in html and f"reply_to={comment.pk}" in html
    assert "Replying to" not in html
