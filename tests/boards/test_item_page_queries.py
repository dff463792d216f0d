"""The item pages of pins, announcements and interviews run a fixed number of queries."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from guildhall.boards.services import pin_create
from guildhall.interviews.services import interview_create
from guildhall.news.services import announcement_create
from tests.conftest import login
from tests.factories import make_comment, make_item


def _count(client, url: str) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_kind_item_pages_fixed_query_count(client, member, expert, community_manager, community):
    target = make_item(member, community=community, title="Target")
    items = [
        pin_create(
            actor=member,
            community=community,
            title="Pin",
            data={"url": f"/content/{target.pk}/"},
        ),
        announcement_create(
            actor=community_manager, community=community, title="News", data={"expires_at": None}
        ),
        interview_create(
            actor=member, community=community, title="Meet Eric", data={"featured_member": "eric"}
        ),
    ]
    login(client, member)
    for item in items:
        url = item.get_absolute_url()
        make_comment(expert, item)
        small = _count(client, url)
        for n in range(10):
            make_comment(expert if n % 2 else community_manager, item, f"Comment {n}")
        assert _count(client, url) == small, item.kind
