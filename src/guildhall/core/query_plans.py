"""Queries whose best plan depends on their values, planned for each run.

With prepared statements (settings: DB_PREPARED_STATEMENTS), PostgreSQL plans a statement for
its values five times and may then keep one generic plan for every value. For a search that is
wrong: a rare word's cheap plans make the generic plan look good, and the next common word then
walks the index with it (300 ms instead of 10 at 200,000 items, bench/README.md)."""

from contextlib import contextmanager

from django.db import connections


@contextmanager
def planned_for_each_run(*aliases: str):
    """Within this block, the connections to these databases prepare no statement."""
    raw = []
    for alias in dict.fromkeys(aliases):
        connection = connections[alias]
        if connection.vendor == "postgresql":
            connection.ensure_connection()
            raw.append(connection.connection)
    before = [conn.prepare_threshold for conn in raw]
    for conn in raw:
        conn.prepare_threshold = None
    try:
        yield
    finally:
        for conn, threshold in zip(raw, before, strict=True):
            conn.prepare_threshold = threshold
