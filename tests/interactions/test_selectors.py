"""Reading comments: threads one level deep, in order, behind the item's visibility."""

import pytest
from django.core.cache import cache
from django.http import Http404

from guildhall.interactions.fragments import attach_fragments
from guildhall.interactions.selectors import comment_get, comment_threads, comments_of
from guildhall.interactions.services import comment_delete
from tests.factories import make_comment, make_item


@pytest.fixture
def item(member, community):
    return make_item(member, community=community, kind="discussion", title="Pallet labels")


def test_threads_group_replies_under_their_top_level_comment(member, expert, item):
    first = make_comment(expert, item, "First")
    second = make_comment(member, item, "Second")
    reply_a = make_comment(member, item, "Reply A", parent=first)
    reply_b = make_comment(expert, item, "Reply B", parent=reply_a)  # joins first's thread

    threads = comment_threads(viewer=member, item=item)

    assert threads == [first, second]
    assert threads[0].thread_replies == [reply_a, reply_b]
    assert threads[1].thread_replies == []


def test_threads_keep_a_deleted_placeholder_with_its_replies(member, expert, item):
    top = make_comment(expert, item, "Question")
    reply = make_comment(member, item, "Answer", parent=top)
    comment_delete(actor=expert, comment=top)

    [thread] = comment_threads(viewer=member, item=item)

    assert thread.pk == top.pk and thread.is_deleted and thread.body == ""
    assert thread.thread_replies == [reply]


def test_threads_load_in_fixed_queries(member, expert, item, django_assert_max_num_queries):
    for n in range(5):
        top = make_comment(expert, item, f"Top {n}")
        make_comment(member, item, f"Reply {n}", parent=top)

    cache.clear()
    with django_assert_max_num_queries(2):  # the thread, then the text of uncached comments
        threads = comment_threads(viewer=member, item=item)
        attach_fragments([c for t in threads for c in [t, *t.thread_replies]])
    assert [t.fragment.count("Eric Expert") for t in threads] == [1] * 5
    assert all("Mia Member" in t.thread_replies[0].fragment for t in threads)


def test_comments_of_a_private_item_are_hidden_from_outsiders(outsider, member, private_community):
    private_item = make_item(member, community=private_community)
    make_comment(member, private_item, "Internal")

    with pytest.raises(Http404):
        comments_of(viewer=outsider, item=private_item)
    with pytest.raises(Http404):
        comment_threads(viewer=outsider, item=private_item)


def test_comment_get_checks_the_item(outsider, member, private_community):
    private_item = make_item(member, community=private_community)
    comment = make_comment(member, private_item, "Internal")

    assert comment_get(viewer=member, pk=comment.pk) == comment
    with pytest.raises(Http404):
        comment_get(viewer=outsider, pk=comment.pk)


def test_comment_get_unknown_is_404(member):
    with pytest.raises(Http404, match="No such comment"):
        comment_get(viewer=member, pk=999_999)
