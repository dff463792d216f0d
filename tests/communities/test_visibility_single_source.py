"""A community made private by any path — the service, its settings page, the API, the Django
admin —
hides its items from outsiders on every surface at once: item page, API list and detail, home,
search (page and API) and notifications. The items' copy of the visibility always agrees with
the community."""

import pytest

from guildhall.communities.models import Community
from guildhall.communities.services import community_update
from guildhall.content.models import ContentItem
from guildhall.interviews.selectors import leadership_feed_url
from guildhall.notifications.services import notify
from guildhall.people.services import profile_leader_set
from guildhall.search.services import search_entries_sync
from tests.api.conftest import bearer
from tests.conftest import login
from tests.factories import make_community, make_item

TITLE = "Quarterly incident canary findings"


def _by_service(client, actor, community):
    community_update(actor=actor, community=community, visibility="private")


def _settings(community, **changes) -> dict:
    fields = ("name", "kind", "visibility", "purpose", "guidelines")
    return {**{f: getattr(community, f) for f in fields}, **changes}


# The admin's read-only membership inline still posts its (empty) management form.
ADMIN_INLINE = {"memberships-TOTAL_FORMS": "0", "memberships-INITIAL_FORMS": "0"}


def _by_settings_page(client, actor, community):
    login(client, actor)
    response = client.post(f"/c/{community.slug}/edit/", _settings(community, visibility="private"))
    assert response.status_code == 302, response.content


def _by_admin(client, actor, community):
    login(client, actor)
    response = client.post(
        f"/admin/communities/community/{community.pk}/change/",
        {**_settings(community, visibility="private"), **ADMIN_INLINE},
    )
    assert response.status_code == 302, response.content.decode()[:2000]


def _by_api(client, actor, community):
    response = client.patch(
        f"/api/v1/communities/{community.slug}",
        {"visibility": "private"},
        content_type="application/json",
        **bearer(actor),
    )
    assert response.status_code == 200, response.content


PATHS = [_by_service, _by_settings_page, _by_api, _by_admin]


@pytest.mark.parametrize("make_private", PATHS, ids=["service", "page", "api", "admin"])
def test_made_private_by_any_path_hides_items_everywhere(
    client, django_capture_on_commit_callbacks, staff, member, outsider, community, make_private
):
    profile_leader_set(actor=staff, member=member, is_leader=True)  # into the leadership RSS
    item = make_item(member, community=community, title=TITLE, body="Canary body text.")
    leadership_rss = leadership_feed_url(viewer=outsider)
    assert TITLE in client.get(leadership_rss).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        search_entries_sync(type="item", ids=[item.pk])
        notify(recipient_ids=[outsider.pk], verb="mention", actor=member, item=item)
    assert client.get(f"/api/v1/content/{item.pk}", **bearer(outsider)).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        make_private(client, staff, community)
    client.logout()

    community.refresh_from_db()
    assert community.visibility == Community.Visibility.PRIVATE
    # One source of truth: the items' copy agrees with their community.
    assert set(community.items.values_list("visibility", flat=True)) == {
        ContentItem.Visibility.COMMUNITY
    }
    as_outsider = bearer(outsider)
    assert client.get(f"/api/v1/content/{item.pk}", **as_outsider).status_code == 404
    listed = client.get("/api/v1/content?limit=100", **as_outsider).json()
    assert TITLE not in str(listed)
    found = client.get("/api/v1/search?q=canary", **as_outsider).json()
    assert found["count"] == 0
    notes = client.get("/api/v1/notifications", **as_outsider).json()
    assert TITLE not in str(notes)
    assert client.get("/api/v1/notifications/unread-count", **as_outsider).json()["count"] == 0

    # Feeds: the community's podcast feed is gone for the outsider, and the leadership blog's
    # RSS no longer carries the item.
    assert client.get(f"/c/{community.slug}/podcast.xml", **as_outsider).status_code == 404
    assert TITLE not in client.get(leadership_rss).content.decode()

    login(client, outsider)
    assert client.get(item.get_absolute_url()).status_code == 404
    assert client.get(f"/c/{community.slug}/podcast.xml").status_code == 404
    assert TITLE not in client.get("/").content.decode()
    assert TITLE not in client.get("/search/?q=canary").content.decode()
    assert TITLE not in client.get("/notifications/").content.decode()

    # The member still sees it.
    assert client.get(f"/api/v1/content/{item.pk}", **bearer(member)).status_code == 200


def test_admin_shows_memberships_without_changing_them(client, staff, member, community):
    login(client, staff)
    page = client.get(f"/admin/communities/community/{community.pk}/change/").content.decode()
    assert "Mia Member" in page
    assert 'name="memberships-0-role"' not in page  # read-only: roles change on the pages
    assert "/delete/" not in page  # deleting would delete every item in it


def test_admin_refuses_a_duplicate_name_with_a_message(client, staff, community):
    other = make_community(staff, name="Quality Circle")
    login(client, staff)
    response = client.post(
        f"/admin/communities/community/{other.pk}/change/",
        {**_settings(other, name=community.name.upper()), **ADMIN_INLINE},
    )
    assert response.status_code == 200
    assert "already exists" in response.content.decode()
    other.refresh_from_db()
    assert other.name == "Quality Circle"
