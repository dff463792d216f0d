"""Reading comments behind the item's visibility (the page of threads: test_comment_pages)."""

import pytest
from django.http import Http404

from guildhall.interactions.selectors import comment_get, comments_of
from tests.factories import make_comment, make_item


@pytest.fixture
def item(member, community):
    return make_item(member, community=community, kind="discussion", title="Pallet labels")


def test_comments_of_a_private_item_are_hidden_from_outsiders(outsider, member, private_community):
    private_item = make_item(member, community=private_community)
    make_comment(member, private_item, "Internal")

    with pytest.raises(Http404):
        comments_of(viewer=outsider, item=private_item)


def test_comment_get_checks_the_item(outsider, member, private_community):
    private_item = make_item(member, community=private_community)
    comment = make_comment(member, private_item, "Internal")

    assert comment_get(viewer=member, pk=comment.pk) == comment
    with pytest.raises(Http404):
        comment_get(viewer=outsider, pk=comment.pk)


def test_comment_get_unknown_is_404(member):
    with pytest.raises(Http404, match="No such comment"):
        comment_get(viewer=member, pk=999_999)
