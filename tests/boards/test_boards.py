"""Resource boards: pins through the service, the pages and the API; privacy; hostile input."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from guildhall.boards.models import Pin
from guildhall.boards.services import pin_create
from guildhall.content.models import ContentItem
from guildhall.core.exceptions import PermissionDenied, ValidationError
from tests.conftest import login
from tests.factories import add_member, make_item, make_member


def _pin(
    author,
    community,
    title="ISO 9001:2015 text",
    url="https://www.iso.org/standard/62085.html",
    body="The standard itself.",
):
    return pin_create(actor=author, community=community, title=title, body=body, data={"url": url})


def _api_post(client, payload):
    return client.post("/api/v1/content", payload, content_type="application/json")


# --- service -----------------------------------------------------------------------------------
def test_member_pins_a_link(member, community):
    item = _pin(member, community)
    item.refresh_from_db()
    assert item.kind == "pin" and item.status == "published" and item.community == community
    pin = Pin.objects.get(item=item)
    assert pin.url == "https://www.iso.org/standard/62085.html" and pin.linked_item is None


def test_note_without_link(member, community):
    item = _pin(
        member, community, title="Ask Eric before ordering seals", url="", body="He keeps a list."
    )
    assert Pin.objects.get(item=item).url == ""


def test_pin_links_to_an_item(member, community):
    target = make_item(member, community=community, title="Seal kit guide")
    item = _pin(member, community, url=f"/content/{target.pk}/seal-kit-guide/")
    pin = Pin.objects.get(item=item)
    assert pin.linked_item == target and pin.url == f"/content/{target.pk}/"


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(document.cookie)",
        "data:text/html,<script>alert(1)</script>",
        "ftp://files.example.com/x",
        "mailto:someone@example.com",
        "https://",
        "not a url",
        "https://exa mple.com/",
        "//evil.example.com/",
        "https://example.com/" + "a" * 2000,
    ],
)
def test_bad_urls_are_refused_and_nothing_saved(member, community, url):
    with pytest.raises(ValidationError) as exc:
        _pin(member, community, url=url)
    assert "url" in exc.value.message_dict
    assert not ContentItem.objects.filter(kind="pin").exists()
    assert not Pin.objects.exists()


def test_link_to_private_item_refused_for_outsider(member, outsider, community, private_community):
    secret = make_item(member, community=private_community, title="Secret")
    add_member(community, outsider)
    with pytest.raises(ValidationError) as exc:
        _pin(outsider, community, url=f"/content/{secret.pk}/")
    assert exc.value.message_dict["url"] == ["There is no item at that address."]
    with pytest.raises(ValidationError):
        _pin(outsider, community, url="/content/999999/")


def test_outsider_cannot_pin(outsider, community):
    with pytest.raises(PermissionDenied):
        _pin(outsider, community)


def test_pin_needs_a_community(member):
    with pytest.raises(ValidationError):
        pin_create(actor=member, community=None, title="x", data={"url": "https://a.example"})


def test_xss_in_title_and_note_is_inert(client, member, community):
    item = _pin(
        member,
        community,
        title="<script>alert('t')</script>",
        body="<img src=x onerror=alert(1)> [click](javascript:alert(2))",
        url='https://example.com/"><script>alert(3)</script>',
    )
    login(client, member)
    for url in (f"/c/{community.slug}/board/", item.get_absolute_url()):
        html = client.get(url, follow=True).content.decode()
        assert "<script>alert" not in html
        assert "<img src=x" not in html
        assert 'href="javascript:' not in html


# --- pages -------------------------------------------------------------------------------------
def test_board_page_lists_pins_and_sorts(client, member, community):
    old = _pin(member, community, title="Older pin")
    new = _pin(member, community, title="Newer pin")
    ContentItem.objects.filter(pk=old.pk).update(favourite_count=5)
    login(client, member)
    html = client.get(f"/c/{community.slug}/board/").content.decode()
    assert html.index("Newer pin") < html.index("Older pin")
    html = client.get(f"/c/{community.slug}/board/?sort=favourites").content.decode()
    assert html.index("Older pin") < html.index("Newer pin")
    assert client.get(f"/c/{community.slug}/board/?sort=bogus").status_code == 200
    assert new.pk


def test_board_empty_state(client, member, outsider, community):
    login(client, member)
    html = client.get(f"/c/{community.slug}/board/").content.decode()
    assert "No pins yet" in html and "Add the first pin" in html
    login(client, outsider)
    html = client.get(f"/c/{community.slug}/board/").content.decode()
    assert "Join Supply Chain Practice to pin" in html


def test_community_page_links_to_board(client, member, community):
    login(client, member)
    html = client.get(f"/c/{community.slug}/").content.decode()
    assert f"/c/{community.slug}/board/" in html


def test_linked_item_shown_only_when_visible(
    client, member, outsider, community, private_community, community_manager
):
    secret = make_item(member, community=private_community, title="Private incident notes")
    _pin(member, community, title="See the incident notes", url=f"/content/{secret.pk}/")
    login(client, member)
    html = client.get(f"/c/{community.slug}/board/").content.decode()
    assert "Private incident notes" in html
    login(client, outsider)
    html = client.get(f"/c/{community.slug}/board/").content.decode()
    assert "See the incident notes" in html
    assert "Private incident notes" not in html
    assert "An item you can&#x27;t see" in html or "An item you can't see" in html


def test_create_pin_through_the_page(client, member, community):
    login(client, member)
    url = f"/c/{community.slug}/board/pin/"
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "title": "Supplier portal",
            "url": "https://suppliers.example.com/",
            "body": "Log in with SSO.",
        },
    )
    assert response.status_code == 302 and response["Location"] == f"/c/{community.slug}/board/"
    pin = Pin.objects.get(item__title="Supplier portal")
    assert pin.url == "https://suppliers.example.com/" and pin.item.author == member


def test_bad_url_on_the_page_keeps_the_input(client, member, community):
    login(client, member)
    response = client.post(
        f"/c/{community.slug}/board/pin/",
        {"title": "Keep me", "url": "javascript:alert(1)", "body": "my careful note"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Use a web address starting with https://" in html
    assert "my careful note" in html and 'value="Keep me"' in html
    assert not Pin.objects.exists()


def test_kind_create_link_reaches_the_board_form(client, member, community):
    login(client, member)
    response = client.get(f"/content/new/?kind=pin&community={community.slug}", follow=True)
    assert response.redirect_chain[-1][0] == f"/c/{community.slug}/board/pin/"
    assert client.get("/pins/new/").status_code == 200


def test_outsider_cannot_open_pin_form(client, outsider, community):
    login(client, outsider)
    assert client.get(f"/c/{community.slug}/board/pin/").status_code == 403


def test_private_board_is_404_for_outsiders(client, member, outsider, staff, private_community):
    item = _pin(member, private_community, title="Private pin")
    login(client, outsider)
    assert client.get(f"/c/{private_community.slug}/board/").status_code == 404
    assert client.get(f"/c/{private_community.slug}/board/pin/").status_code == 404
    assert client.get(item.get_absolute_url()).status_code == 404
    for user in (member, staff):
        login(client, user)
        assert "Private pin" in client.get(f"/c/{private_community.slug}/board/").content.decode()


def test_item_page_shows_the_link(client, member, community):
    item = _pin(member, community)
    login(client, member)
    html = client.get(item.get_absolute_url(), follow=True).content.decode()
    assert 'href="https://www.iso.org/standard/62085.html"' in html
    assert 'rel="noopener noreferrer nofollow"' in html


def test_board_query_count_is_fixed(client, member, community):
    target = make_item(member, community=community, title="Target")
    for n in range(2):
        _pin(member, community, title=f"a{n}", url=f"/content/{target.pk}/")
    login(client, member)

    def count():
        cache.clear()
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(f"/c/{community.slug}/board/").status_code == 200
        return len(ctx.captured_queries)

    small = count()
    for n in range(8):
        _pin(member, community, title=f"b{n}", url=f"/content/{target.pk}/" if n % 2 else "")
    assert count() == small


# --- API ---------------------------------------------------------------------------------------
def test_api_create_pin(client, member, community):
    login(client, member)
    response = _api_post(
        client,
        {
            "kind": "pin",
            "community": community.slug,
            "title": "ISO 9001",
            "body": "x",
            "url": "https://www.iso.org/standard/62085.html",
        },
    )
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["kind"] == "pin" and data["url"] == "https://www.iso.org/standard/62085.html"
    listed = client.get(f"/api/v1/content?kind=pin&community={community.slug}").json()
    assert listed["count"] == 1 and listed["items"][0]["url"] == data["url"]
    assert client.get("/api/v1/content?kind=post").json()["count"] == 0


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", 42, ["https://a.example"], "https://a\x00b.example"]
)
def test_api_refuses_bad_url(client, member, community, url):
    login(client, member)
    response = _api_post(
        client, {"kind": "pin", "community": community.slug, "title": "x", "url": url}
    )
    assert response.status_code == 422
    assert "url" in response.content.decode()
    assert not ContentItem.objects.exists()


def test_api_pin_needs_community_and_membership(
    client, member, outsider, community, private_community
):
    login(client, member)
    assert (
        _api_post(client, {"kind": "pin", "title": "x", "url": "https://a.example"}).status_code
        == 422
    )
    login(client, outsider)
    assert (
        _api_post(client, {"kind": "pin", "community": community.slug, "title": "x"}).status_code
        == 403
    )
    response = _api_post(client, {"kind": "pin", "community": private_community.slug, "title": "x"})
    assert response.status_code == 422  # "no such community": a private one stays hidden


def test_api_private_pin_404_for_outsider(client, member, outsider, private_community):
    item = _pin(member, private_community)
    login(client, outsider)
    assert client.get(f"/api/v1/content/{item.pk}").status_code == 404
    login(client, member)
    assert client.get(f"/api/v1/content/{item.pk}").json()["url"].startswith("https://")


def test_pin_without_url_has_empty_url_in_api(client, member, community):
    item = _pin(member, community, url="")
    login(client, member)
    assert client.get(f"/api/v1/content/{item.pk}").json()["url"] == ""
    other = make_member("zed")
    assert other.pk
