"""Episode and document item pages, and the episodes page, keep a fixed query count."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from guildhall.documents.services import document_create
from guildhall.podcasts.services import episode_create
from tests.factories import make_comment
from tests.media import pdf_bytes, upload, wav_bytes


def _queries(client, url: str) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def _episode(expert, community, n=0):
    return episode_create(
        actor=expert, community=community, title=f"Tip {n}", file=upload("t.wav", wav_bytes(0.2))
    )


def test_episode_and_document_pages_with_many_comments(client, member, expert, community):
    episode = _episode(expert, community)
    document = document_create(
        actor=expert, community=community, title="Doc", file=upload("d.pdf", pdf_bytes())
    )
    client.force_login(member)
    for item in (episode, document):
        make_comment(member, item)
        small = _queries(client, item.get_absolute_url())
        for _ in range(30):
            make_comment(expert, item)
        assert _queries(client, item.get_absolute_url()) == small


def test_episodes_page_query_count_is_fixed(client, member, expert, community):
    client.force_login(member)
    _episode(expert, community)
    url = f"/c/{community.slug}/episodes/"
    small = _queries(client, url)
    for n in range(8):
        _episode(expert, community, n)
    assert _queries(client, url) == small
