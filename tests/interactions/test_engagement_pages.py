"""Engagement through the pages: forms that work without JavaScript, My favourites, expert
picks per community, "Shared here", the mention autocomplete, and fixed query counts."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from guildhall.content.models import ContentItem
from guildhall.content.services import content_item_update
from guildhall.interactions import services
from guildhall.interactions.models import ExpertPick, Favourite, Rating, Share
from guildhall.notifications.models import Notification
from tests.conftest import login
from tests.factories import add_member, make_community, make_item, make_member


@pytest.fixture
def item(expert, community):
    return make_item(expert, community=community, kind="discussion", title="Cycle counting")


@pytest.fixture
def secret(community_manager, private_community):
    return make_item(community_manager, community=private_community, title="Outage review")


def _post(client, url, data=None):
    return client.post(url, data or {})


def test_item_page_shows_rating_form_and_average(client, member, community_manager, item):
    services.rating_set(actor=community_manager, item=item, stars=5)
    login(client, member)
    html = client.get(item.get_absolute_url()).content.decode()
    assert "5.0</strong> average from 1 rating" in html
    assert "<legend>Your rating</legend>" in html
    assert html.count('type="radio"') == 5
    assert "☆ Favourite" in html


def test_rate_through_the_form_and_change_and_clear(client, member, item):
    login(client, member)
    response = _post(client, f"/content/{item.pk}/rate/", {"stars": "4"})
    assert response.status_code == 302 and response.url.endswith("#engagement")
    _post(client, f"/content/{item.pk}/rate/", {"stars": "2"})
    item.refresh_from_db()
    assert (item.rating_sum, item.rating_count) == (2, 1)
    html = client.get(item.get_absolute_url()).content.decode()
    assert "Your rating: 2 of 5" in html and 'value="2" checked' in html
    _post(client, f"/content/{item.pk}/rate/", {"action": "clear"})
    item.refresh_from_db()
    assert (item.rating_sum, item.rating_count) == (0, 0)


def test_htmx_rating_and_favourite_swap_the_section(client, member, item):
    login(client, member)
    response = client.post(f"/content/{item.pk}/rate/", {"stars": "4"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert 'id="engagement"' in html and "You rated this 4 stars." in html
    assert "4.0</strong> average from 1 rating" in html
    html = client.post(f"/content/{item.pk}/favourite/", HTTP_HX_REQUEST="true").content.decode()
    assert "Added to your favourites." in html and 'aria-pressed="true"' in html
    page = client.get(item.get_absolute_url()).content.decode()
    assert "You rated this" not in page  # the note was shown once, in the section


def test_bad_stars_show_a_message(client, member, item):
    login(client, member)
    response = client.post(f"/content/{item.pk}/rate/", {"stars": "9"}, follow=True)
    assert "Choose between 1 and 5 stars." in response.content.decode()
    assert not Rating.objects.exists()


def test_author_sees_no_rating_form(client, expert, item):
    login(client, expert)
    html = client.get(item.get_absolute_url()).content.decode()
    assert "Your rating" not in html
    client.post(f"/content/{item.pk}/rate/", {"stars": "5"})
    assert not Rating.objects.exists()


def test_outsider_gets_404_on_every_private_engagement_page(client, outsider, secret):
    login(client, outsider)
    for action, data in [
        ("rate", {"stars": "5"}),
        ("favourite", {}),
        ("share", {"to_user": "mia"}),
        ("pick", {"note": "x"}),
    ]:
        assert client.post(f"/content/{secret.pk}/{action}/", data).status_code == 404
    assert client.get(f"/c/{secret.community.slug}/picks/").status_code == 404
    assert not (Rating.objects.exists() or Favourite.objects.exists() or Share.objects.exists())


def test_favourite_toggle_and_my_favourites_page(client, member, expert, community, item):
    post = make_item(expert, community=community, kind="post", title="Shelf labels")
    login(client, member)
    _post(client, f"/content/{item.pk}/favourite/")
    _post(client, f"/content/{post.pk}/favourite/")
    html = client.get("/me/favourites/").content.decode()
    assert "Cycle counting" in html and "Shelf labels" in html
    assert "<title>My favourites" in html
    html = client.get("/me/favourites/?kind=post").content.decode()
    assert "Shelf labels" in html and "Cycle counting" not in html
    _post(client, f"/content/{post.pk}/favourite/")  # toggled off
    assert "Shelf labels" not in client.get("/me/favourites/").content.decode()
    assert "My favourites" in client.get("/").content.decode()  # in the user menu


def test_my_favourites_pages(client, member, expert, community):
    login(client, member)
    for n in range(23):
        services.favourite_add(
            actor=member, item=make_item(expert, community=community, title=f"Fav {n}")
        )
    first = client.get("/me/favourites/").content.decode()
    assert "Fav 22" in first and "Fav 2<" not in first and "Load more" in first
    second = client.get("/me/favourites/?page=2", HTTP_HX_REQUEST="true").content.decode()
    assert "Fav 2<" in second and "<html" not in second


def test_recommend_through_the_form(client, member, outsider, item, run_on_commit):
    login(client, member)
    with run_on_commit():
        response = client.post(
            f"/content/{item.pk}/share/",
            {"to_user": "@olaf", "note": "<script>alert(1)</script>"},
            follow=True,
        )
    assert "Recommended to Olaf Outsider." in response.content.decode()
    assert Notification.objects.filter(recipient=outsider, verb="recommendation").exists()
    login(client, outsider)
    html = client.get("/notifications/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_recommend_to_someone_who_cannot_see_it_says_so(client, member, outsider, secret):
    login(client, member)
    response = client.post(f"/content/{secret.pk}/share/", {"to_user": "olaf"}, follow=True)
    assert "can&#x27;t see this item" in response.content.decode()
    assert not Share.objects.exists()


def test_share_into_a_community_appears_there(client, member, community_manager, item):
    club = make_community(community_manager, name="Forklift club")
    add_member(club, member)
    login(client, member)
    html = client.get(item.get_absolute_url()).content.decode()
    assert 'option value="forklift-club"' in html
    response = client.post(
        f"/content/{item.pk}/share/",
        {"to_community": "forklift-club", "note": "<b>for the night shift</b>"},
        follow=True,
    )
    assert "Shared in Forklift club." in response.content.decode()
    html = client.get(f"/c/{club.slug}/").content.decode()
    assert "Shared here" in html and "Cycle counting" in html
    assert "&lt;b&gt;for the night shift&lt;/b&gt;" in html


def test_private_item_offers_no_share_into_communities(client, member, secret):
    login(client, member)
    html = client.get(secret.get_absolute_url()).content.decode()
    assert "Items from a private community stay in that community." in html


def test_expert_picks_through_the_page_and_list(client, expert, member, community):
    item = make_item(member, community=community, title="Good one")
    login(client, member)
    assert "Mark as expert pick" not in client.get(item.get_absolute_url()).content.decode()
    assert client.post(f"/content/{item.pk}/pick/", {"note": "x"}).status_code == 302
    assert not ExpertPick.objects.exists()

    login(client, expert)
    assert "Mark as expert pick" in client.get(item.get_absolute_url()).content.decode()
    client.post(f"/content/{item.pk}/pick/", {"note": "<img src=x onerror=alert(1)> Read first"})
    html = client.get(item.get_absolute_url()).content.decode()
    assert "★ Expert pick" in html and "&lt;img src=x onerror=alert(1)&gt; Read first" in html
    # The badge is on the cards too (the card cache follows the pick).
    assert "badge-pick" in client.get(f"/c/{community.slug}/").content.decode()
    picks = client.get(f"/c/{community.slug}/picks/").content.decode()
    assert "Good one" in picks and "Read first" in picks
    assert f"/c/{community.slug}/picks/" in client.get(f"/c/{community.slug}/").content.decode()

    client.post(f"/content/{item.pk}/pick/", {"action": "remove"})
    assert not ExpertPick.objects.exists()
    assert "badge-pick" not in client.get(f"/c/{community.slug}/").content.decode()


def test_card_shows_rating_and_favourites(client, member, community_manager, community, item):
    login(client, member)
    client.get(f"/c/{community.slug}/")  # cache the card
    services.rating_set(actor=member, item=item, stars=4)
    services.rating_set(actor=community_manager, item=item, stars=5)
    services.favourite_add(actor=member, item=item)
    html = client.get(f"/c/{community.slug}/").content.decode()
    assert "★ 4.5" in html and "♥ 1" in html


def test_linked_from_on_the_item_page(client, member, outsider, community, secret, item):
    source = make_item(member, community=community, title="Source post", body="x")
    content_item_update(actor=member, item=source, body=f"See [this]({item.get_absolute_url()})")
    content_item_update(actor=secret.author, item=secret, body=f"See [this](/content/{item.pk}/)")
    login(client, member)
    html = client.get(item.get_absolute_url()).content.decode()
    assert "Linked from" in html and "Source post" in html and "Outage review" in html
    login(client, outsider)
    html = client.get(item.get_absolute_url()).content.decode()
    assert "Source post" in html and "Outage review" not in html


def test_mention_links_to_the_profile(client, member, expert, community):
    item = make_item(expert, community=community, body="Thanks @mia! `@mia` <b>@mia</b>")
    login(client, member)
    html = client.get(item.get_absolute_url()).content.decode()
    assert '<a href="/u/mia/" rel="noopener noreferrer nofollow">@mia</a>' in html
    assert "<code>@mia</code>" in html


def test_people_suggest(client, member, expert):
    make_member("miles", name="Miles Davis")
    gone = make_member("mina", name="Mina Gone")
    gone.is_active = False
    gone.save()
    login(client, member)
    found = client.get("/people/suggest/?q=mi").json()["results"]
    assert [p["username"] for p in found] == ["mia", "miles"]
    assert client.get("/people/suggest/?q=Eric").json()["results"][0]["username"] == "eric"
    assert client.get("/people/suggest/?q=").json() == {"results": []}
    for n in range(10):
        make_member(f"mike{n}")
    assert len(client.get("/people/suggest/?q=mi").json()["results"]) == 8


def test_people_suggest_needs_sign_in(client, member):
    assert client.get("/people/suggest/?q=mi").status_code == 302


def test_mentions_script_is_loaded(client, member):
    login(client, member)
    assert 'src="/static/guildhall/mentions.js" defer' in client.get("/").content.decode()


# --- fixed query counts --------------------------------------------------------------------------


def _queries(client, url: str) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_item_page_query_count_fixed_with_engagement(
    client, member, expert, community_manager, community, item
):
    login(client, member)
    url = item.get_absolute_url()
    client.get(url)
    services.rating_set(actor=member, item=item, stars=4)
    services.favourite_add(actor=member, item=item)
    services.expert_pick_set(actor=community_manager, item=item, note="Top")
    make_item(member, community=community, body=f"[x](/content/{item.pk}/)")
    small = _queries(client, url)
    for n in range(15):
        person = make_member(f"fan{n}")
        add_member(community, person)
        services.rating_set(actor=person, item=item, stars=1 + n % 5)
        services.favourite_add(actor=person, item=item)
        make_item(person, community=community, body=f"[x](/content/{item.pk}/) @mia @fan0")
    assert ContentItem.objects.get(pk=item.pk).rating_count == 16
    assert _queries(client, url) == small


def test_favourites_and_picks_query_counts_fixed(client, member, expert, community):
    login(client, member)

    def grow(n):
        for i in range(n):
            it = make_item(expert, community=community, title=f"I{n}-{i}", tags=["a", f"t{i}"])
            services.favourite_add(actor=member, item=it)
            services.expert_pick_set(actor=expert, item=it, note="Good")

    grow(1)
    small = (_queries(client, "/me/favourites/"), _queries(client, f"/c/{community.slug}/picks/"))
    grow(12)
    assert (
        _queries(client, "/me/favourites/"),
        _queries(client, f"/c/{community.slug}/picks/"),
    ) == small
