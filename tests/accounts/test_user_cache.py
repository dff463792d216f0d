"""The signed-in member's row comes from the shared cache, and never outlives a change to it."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import PASSWORD


@pytest.fixture
def user_cache_on(settings):
    settings.GUILDHALL_USER_CACHE_SECONDS = 300


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _member_loads(queries) -> list[str]:
    """The queries that read accounts' rows (the directory page itself lists none of them from
    the user table with a LIMIT 21, which is how `get(pk=...)` reads one)."""
    return [
        q["sql"]
        for q in queries.captured_queries
        if "accounts_user" in q["sql"] and "LIMIT 21" in q["sql"]
    ]


@pytest.mark.django_db
def test_pages_after_the_first_skip_loading_the_member(user_cache_on, member):
    client = signed_in(member)
    url = reverse("people:directory")
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert _member_loads(queries) == []


@pytest.mark.django_db
def test_a_member_signed_in_on_the_sign_in_page_is_cached_too(user_cache_on, member):
    client = Client()
    answer = client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    assert answer.status_code == 302
    url = reverse("people:directory")
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert _member_loads(queries) == []


@pytest.mark.django_db
def test_a_password_change_still_signs_out_other_sessions(user_cache_on, member):
    other_device = signed_in(member)
    url = reverse("people:directory")
    assert other_device.get(url).status_code == 200
    member.set_password("a-new-long-passphrase")
    member.save()
    response = other_device.get(url)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


@pytest.mark.django_db
def test_a_deactivated_member_is_signed_out_at_once(user_cache_on, member):
    client = signed_in(member)
    url = reverse("people:directory")
    client.get(url)
    member.is_active = False
    member.save()
    assert client.get(url).status_code == 302
