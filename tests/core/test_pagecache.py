"""Microcached pages: repeated views are served from the cache, yet every act shows at once."""

import time

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from guildhall.communities.services import membership_join, membership_remove
from guildhall.content.models import ContentItem
from guildhall.interactions.services import rating_set
from tests.factories import make_comment, make_item


@pytest.fixture
def page_cache_on(settings):
    settings.GUILDHALL_PAGE_CACHE_SECONDS = 30


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_a_repeated_view_is_served_from_the_cache(page_cache_on, community, member, expert):
    item = make_item(expert, community=community, title="Changeover checklist")
    client = signed_in(member)
    assert "Changeover checklist" in client.get(item.get_absolute_url()).text
    # A change that no act announces (an administrator's raw update) waits for the cache to expire.
    ContentItem.objects.filter(pk=item.pk).update(title="Renamed quietly")
    assert "Changeover checklist" in client.get(item.get_absolute_url()).text


@pytest.mark.django_db
def test_a_cached_hit_costs_only_the_session_and_user(
    page_cache_on, community, member, expert, django_assert_max_num_queries
):
    item = make_item(expert, community=community)
    for _ in range(20):
        make_comment(expert, item)
    client = signed_in(member)
    client.get(item.get_absolute_url())
    with django_assert_max_num_queries(2):
        assert client.get(item.get_absolute_url()).status_code == 200


@pytest.mark.django_db
def test_a_colleagues_comment_shows_at_once(page_cache_on, community, member, expert):
    item = make_item(expert, community=community)
    client = signed_in(member)
    client.get(item.get_absolute_url())
    make_comment(expert, item, body="Torque the bolts in a star pattern.")
    assert "Torque the bolts in a star pattern." in client.get(item.get_absolute_url()).text


@pytest.mark.django_db
def test_my_own_rating_shows_at_once(page_cache_on, community, member, expert):
    item = make_item(expert, community=community)
    client = signed_in(member)
    before = client.get(item.get_absolute_url()).text
    rating_set(actor=member, item=item, stars=4)
    after = client.get(item.get_absolute_url()).text
    assert after != before
    assert "4.0" in after


@pytest.mark.django_db
def test_losing_access_to_a_private_community_is_immediate(
    page_cache_on, private_community, community_manager, member
):
    item = make_item(community_manager, community=private_community, title="Near miss at dock 4")
    client = signed_in(member)
    assert client.get(item.get_absolute_url()).status_code == 200
    membership_remove(actor=community_manager, community=private_community, member=member)
    assert client.get(item.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_pages_are_not_cached_when_the_setting_is_off(community, member, expert):
    item = make_item(expert, community=community, title="Changeover checklist")
    client = signed_in(member)
    client.get(item.get_absolute_url())
    ContentItem.objects.filter(pk=item.pk).update(title="Renamed quietly")
    assert "Renamed quietly" in client.get(item.get_absolute_url()).text


@pytest.mark.django_db
def test_joining_shows_on_the_community_page_at_once(page_cache_on, community, outsider):
    client = signed_in(outsider)
    url = reverse("communities:detail", args=[community.slug])
    assert "Leave" not in client.get(url).text
    membership_join(actor=outsider, community=community, accept_guidelines=True)
    assert "Leave" in client.get(url).text


@pytest.mark.django_db
def test_my_own_post_shows_on_my_cached_home_at_once(page_cache_on, community, member):
    client = signed_in(member)
    assert "Forklift pre-use check" not in client.get(reverse("home")).text
    make_item(member, community=community, title="Forklift pre-use check")
    assert "Forklift pre-use check" in client.get(reverse("home")).text


@pytest.mark.django_db
def test_a_colleagues_post_reaches_a_cached_home_when_it_expires(
    page_cache_on, community, member, expert
):
    client = signed_in(member)
    client.get(reverse("home"))
    make_item(expert, community=community, title="Pallet wrapping tension")
    assert "Pallet wrapping tension" not in client.get(reverse("home")).text
    cache.clear()  # what the few seconds of GUILDHALL_PAGE_CACHE_SECONDS do
    assert "Pallet wrapping tension" in client.get(reverse("home")).text


@pytest.mark.django_db
def test_a_cached_home_costs_only_the_session_and_user(
    page_cache_on, community, member, expert, django_assert_max_num_queries
):
    for n in range(5):
        make_item(expert, community=community, title=f"Shift handover note {n}")
    client = signed_in(member)
    client.get(reverse("home"))
    with django_assert_max_num_queries(2):
        assert "Shift handover note 4" in client.get(reverse("home")).text


@pytest.mark.django_db
def test_leaving_a_private_community_empties_my_cached_home_of_it_at_once(
    page_cache_on, private_community, community_manager, member
):
    make_item(community_manager, community=private_community, title="Near miss at dock 4")
    client = signed_in(member)
    assert "Near miss at dock 4" in client.get(reverse("home")).text
    membership_remove(actor=community_manager, community=private_community, member=member)
    assert "Near miss at dock 4" not in client.get(reverse("home")).text


@pytest.mark.django_db
def test_an_expired_copy_is_renewed_by_one_request_while_others_are_served_it(
    page_cache_on, community, member, expert, monkeypatch, settings
):
    # A memory cache, whose keys this test can list to find the copy's renewal lock.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    item = make_item(expert, community=community, title="Changeover checklist")
    client = signed_in(member)
    client.get(item.get_absolute_url())
    ContentItem.objects.filter(pk=item.pk).update(title="Renamed quietly")  # no act: no bump
    later = time.time() + 31
    monkeypatch.setattr("guildhall.core.pagecache.time.time", lambda: later)

    copies = [key for key in cache._cache if ":pages:" in key]  # locmem's keys: ":1:<ours>"
    assert len(copies) == 1
    lock = copies[0].split(":", 2)[2] + ":renewing"
    cache.add(lock, 1)  # another request is rendering the page afresh
    assert "Changeover checklist" in client.get(item.get_absolute_url()).text  # the old copy

    cache.delete(lock)  # that request is done
    assert "Renamed quietly" in client.get(item.get_absolute_url()).text
    assert "Renamed quietly" in client.get(item.get_absolute_url()).text  # and kept
