"""On PostgreSQL a search's statements are planned for each word: a prepared statement would
fall back to one generic plan after five runs, and a rare word's plan makes a common word walk
the whole index (bench/README.md)."""

import pytest
from django.db import connection
from django.urls import reverse

from tests.conftest import login
from tests.factories import make_item

pytestmark = pytest.mark.django_db


def _prepared(like: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE %s", [like]
        )
        return cursor.fetchone()[0]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared statements: PostgreSQL")
def test_search_statements_are_never_prepared(client, member, community, reindex):
    make_item(member, community=community, title="Gasket torque", body="Zanzibarite gasket.")
    reindex()
    login(client, member)
    for word in ["zanzibarite"] * 7 + ["gasket"] * 3:
        assert "torque" in client.get(reverse("search:search"), {"q": word}).text
    assert _prepared("%AS walk_0%") == 0
    assert _prepared("%ts_rank%") == 0
    assert _prepared("%content_contentitem%") > 0  # statements outside search still are
