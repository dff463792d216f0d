"""Announcements: who may post where, expiry, the home and community panels, /news/, the API."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from guildhall.content.models import ContentItem
from guildhall.core.exceptions import PermissionDenied, ValidationError
from guildhall.news.models import NewsInfo
from guildhall.news.selectors import community_news, latest_news
from guildhall.news.services import announcement_create
from tests.conftest import login
from tests.factories import add_member, make_community, make_member


def _news(
    actor, community=None, title="Plant shutdown on 24 December", expires=None, body="Details."
):
    return announcement_create(
        actor=actor,
        community=community,
        title=title,
        body=body,
        data={"expires_at": expires},
    )


def _api_post(client, payload):
    return client.post("/api/v1/content", payload, content_type="application/json")


# --- who may post ----------------------------------------------------------------------------
def test_manager_posts_community_news(community_manager, community):
    item = _news(community_manager, community, expires="2099-01-31")
    item.refresh_from_db()
    info = NewsInfo.objects.get(item=item)
    assert item.kind == "announcement" and item.community == community
    assert info.is_pinned and info.expires_at.date().isoformat() == "2099-01-31"


@pytest.mark.parametrize("who", ["member", "expert", "outsider"])
def test_non_managers_cannot_post_community_news(request, community, who):
    with pytest.raises(PermissionDenied):
        _news(request.getfixturevalue(who), community)
    assert not ContentItem.objects.exists()


def test_staff_post_company_wide_news_and_in_communities_they_belong_to(staff, community):
    item = _news(staff)
    assert item.community is None
    with pytest.raises(PermissionDenied):  # content's rule: post only where you are a member
        _news(staff, community, title="Not a member")
    add_member(community, staff)
    assert _news(staff, community, title="Also here").community == community


def test_only_staff_post_company_wide(community_manager, community):
    with pytest.raises(PermissionDenied):
        _news(community_manager, None)


def test_outsider_gets_404_for_private_community(outsider, private_community):
    from django.http import Http404

    with pytest.raises(Http404):
        _news(outsider, private_community)


@pytest.mark.parametrize("value", ["tomorrow", "2020-01-01", "2020-01-01T10:00:00Z", 12, ["x"]])
def test_bad_or_past_expiry_refused(community_manager, community, value):
    with pytest.raises(ValidationError) as exc:
        _news(community_manager, community, expires=value)
    assert "expires_at" in exc.value.message_dict
    assert not ContentItem.objects.exists()


# --- "the newest stay on top until they expire" -------------------------------------------------
def test_latest_news_newest_first_not_expired_max_five(
    staff, member, community_manager, community, private_community
):
    old = _news(staff, title="Company-wide: old")
    expired = _news(community_manager, community, title="Expired one", expires="2099-01-01")
    NewsInfo.objects.filter(item=expired).update(expires_at=timezone.now() - timedelta(hours=1))
    private = _news(community_manager, private_community, title="Private community news")
    bob = make_member("bob")
    other = make_community(bob, name="Elsewhere")
    elsewhere = _news(bob, other, title="Not my community")
    newest = _news(community_manager, community, title="Newest")
    titles = [i.title for i in latest_news(member)]
    assert titles[0] == "Newest"
    assert "Expired one" not in titles and "Not my community" not in titles
    assert "Private community news" in titles and "Company-wide: old" in titles
    for n in range(6):
        _news(staff, title=f"More {n}")
    assert len(latest_news(member)) == 5
    assert old and private and elsewhere and newest


def test_outsider_never_sees_private_news(staff, community_manager, outsider, private_community):
    _news(community_manager, private_community, title="Private community news")
    assert latest_news(outsider) == []
    assert community_news(viewer=outsider, community=private_community) == []


def test_home_panel_and_community_panel(client, staff, member, community_manager, community):
    _news(staff, title="<script>alert(1)</script> Pay day moves")
    _news(community_manager, community, title="S&OP meeting moves to Thursday")
    login(client, member)
    home = client.get("/").content.decode()
    assert "Latest news" in home and "S&amp;OP meeting moves to Thursday" in home
    assert "<script>alert(1)</script>" not in home and "&lt;script&gt;" in home
    page = client.get(f"/c/{community.slug}/").content.decode()
    assert "Community news" in page and "S&amp;OP meeting moves to Thursday" in page
    assert "Pay day moves" not in page


def test_expired_news_leaves_the_panels_but_stays_in_archive(
    client, community_manager, member, community
):
    item = _news(community_manager, community, title="Canteen closed", expires="2099-01-01")
    NewsInfo.objects.filter(item=item).update(expires_at=timezone.now() - timedelta(days=1))
    login(client, member)
    home = client.get("/").content.decode()
    assert "news-panel" not in home  # the only news expired: no panel at all
    archive = client.get("/news/").content.decode()
    assert "Canteen closed" in archive and "Expired" in archive
    detail = client.get(item.get_absolute_url(), follow=True).content.decode()
    assert "Expired" in detail


def test_news_page_visibility_and_scope(
    client, staff, community_manager, member, outsider, private_community
):
    _news(community_manager, private_community, title="Private news")
    _news(staff, title="Company news")
    login(client, outsider)
    html = client.get("/news/").content.decode()
    assert "Company news" in html and "Private news" not in html
    login(client, member)
    assert "Private news" in client.get("/news/").content.decode()
    assert "Private news" not in client.get("/news/?scope=company").content.decode()


def test_news_empty_state(client, member):
    login(client, member)
    assert "No news yet" in client.get("/news/").content.decode()


def test_home_query_count_fixed_with_news(client, staff, member, community_manager, community):
    login(client, member)
    _news(staff, title="one")

    def count():
        cache.clear()
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/").status_code == 200
        return len(ctx.captured_queries)

    small = count()
    for n in range(6):
        _news(community_manager, community, title=f"n{n}")
    assert count() == small


# --- page form -------------------------------------------------------------------------------
def test_manager_posts_through_the_form(client, community_manager, community):
    login(client, community_manager)
    assert client.get("/news/new/").status_code == 200
    response = client.post(
        "/news/new/",
        {
            "community": community.slug,
            "title": "Audit next week",
            "body": "Be ready.",
            "expires_at": "2099-03-01",
        },
    )
    assert response.status_code == 302
    item = ContentItem.objects.get(title="Audit next week")
    assert item.community == community and item.news.expires_at is not None


def test_form_keeps_input_on_error(client, community_manager, community):
    login(client, community_manager)
    response = client.post(
        "/news/new/",
        {
            "community": community.slug,
            "title": "Audit",
            "body": "keep this text",
            "expires_at": "2001-01-01",
        },
    )
    html = response.content.decode()
    assert (
        response.status_code == 200 and "must be in the future" in html and "keep this text" in html
    )


def test_member_cannot_open_news_form(client, member, community):
    login(client, member)
    assert client.get("/news/new/").status_code == 403
    assert client.post("/news/new/", {"title": "x"}).status_code == 403


def test_manager_form_offers_only_managed_communities(client, community_manager, community, member):
    other = make_community(member, name="Mia's own")
    login(client, community_manager)
    html = client.get("/news/new/").content.decode()
    assert community.name in html and other.name not in html
    assert "Everyone in the company" not in html
    response = client.post("/news/new/", {"community": "", "title": "x"})
    assert response.status_code == 200 and not ContentItem.objects.filter(title="x").exists()


def test_kind_link_reaches_the_news_form(client, staff):
    login(client, staff)
    response = client.get("/content/new/?kind=announcement", follow=True)
    assert response.redirect_chain[-1][0] == "/news/new/"


# --- API -------------------------------------------------------------------------------------
def test_api_create_announcement(client, community_manager, community):
    login(client, community_manager)
    response = _api_post(
        client,
        {
            "kind": "announcement",
            "community": community.slug,
            "title": "Line 3 maintenance",
            "expires_at": "2099-05-01T17:00:00Z",
        },
    )
    assert response.status_code == 201, response.content
    item = ContentItem.objects.get(pk=response.json()["id"])
    assert item.news.expires_at.year == 2099


def test_api_non_manager_403(client, member, community):
    login(client, member)
    response = _api_post(
        client, {"kind": "announcement", "community": community.slug, "title": "x"}
    )
    assert response.status_code == 403
    response = _api_post(client, {"kind": "announcement", "title": "x", "expires_at": None})
    assert response.status_code == 403


def test_api_staff_company_wide_and_bad_expiry(client, staff):
    login(client, staff)
    assert (
        _api_post(
            client, {"kind": "announcement", "title": "Hello", "expires_at": None}
        ).status_code
        == 201
    )
    response = _api_post(client, {"kind": "announcement", "title": "Hello", "expires_at": "soon"})
    assert response.status_code == 422 and "expires_at" in response.content.decode()
