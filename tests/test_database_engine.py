"""The database the suite runs on is the one CI asked for (no quiet fall-back to SQLite)."""

import os

import pytest
from django.db import connection


@pytest.mark.django_db
def test_runs_on_the_expected_database():
    expected = os.environ.get("GUILDHALL_EXPECT_DB")
    if not expected:
        pytest.skip("GUILDHALL_EXPECT_DB not set: any database will do")
    assert connection.vendor == expected, (
        f"GUILDHALL_EXPECT_DB={expected} but the tests ran on {connection.vendor} "
        f"(DATABASE_URL={os.environ.get('DATABASE_URL', 'unset')})"
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)
