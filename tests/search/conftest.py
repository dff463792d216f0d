import pytest

from guildhall.search.services import search_index_rebuild


@pytest.fixture
def reindex(db):
    """Rebuild the index from the database (test data made by factories queues nothing)."""
    return search_index_rebuild
