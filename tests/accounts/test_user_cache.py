"""The signed-in member's row comes from the shared cache, and never outlives a change to it."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse


@pytest.fixture
def user_cache_on(settings):
    settings.GUILDHALL_USER_CACHE_SECONDS = 300


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_pages_after_the_first_skip_loading_the_member(user_cache_on, member):
    client = signed_in(member)
    url = reverse("people:directory")
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    member_loads = [
        q["sql"]
        for q in queries.captured_queries
        if "accounts_user" in q["sql"] and f"= {member.pk}" in q["sql"] and "LIMIT 21" in q["sql"]
    ]
    assert member_loads == []


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
