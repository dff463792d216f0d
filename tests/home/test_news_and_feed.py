"""Latest news and what's new on the home page: what each section picks, for whom, in which order,
and what's new's kind filter and "load more"."""

from datetime import timedelta

import pytest
from django.utils import timezone

from guildhall.news.models import NewsInfo
from guildhall.news.services import announcement_create
from guildhall.people.selectors import tag_get
from guildhall.people.services import person_follow, tag_follow
from tests.conftest import login
from tests.factories import add_member, make_community, make_item


def _titles(body, section: str) -> list[str]:
    return [item["title"] for item in body[section]]


@pytest.fixture
def elsewhere(outsider, expert):
    """A public community Mia does not belong to; Olaf manages it, Eric is a member."""
    place = make_community(outsider, name="Elsewhere")
    add_member(place, expert)
    return place


def test_latest_news_is_current_news_of_my_communities_and_the_company(
    api, staff, member, community_manager, community, private_community, elsewhere, outsider
):
    announcement_create(actor=staff, community=None, title="Company: canteen", body=".")
    expired = announcement_create(
        actor=community_manager, community=community, title="Expired: old audit", body="."
    )
    NewsInfo.objects.filter(item=expired).update(expires_at=timezone.now() - timedelta(hours=1))
    announcement_create(actor=outsider, community=elsewhere, title="Elsewhere: picnic", body=".")
    announcement_create(
        actor=community_manager, community=private_community, title="Private: board", body="."
    )
    announcement_create(
        actor=community_manager, community=community, title="Mine: S&OP moves", body="."
    )

    mine = _titles(api.as_(member).get("/api/v1/home").json(), "latest_news")
    assert mine == ["Mine: S&OP moves", "Private: board", "Company: canteen"]  # newest first

    # Olaf sees his own community's news and the company's, never the private board's.
    theirs = _titles(api.as_(outsider).get("/api/v1/home").json(), "latest_news")
    assert theirs == ["Elsewhere: picnic", "Company: canteen"]


def test_whats_new_is_my_communities_followed_people_and_tags(
    api, member, expert, outsider, community, private_community, community_manager, elsewhere
):
    make_item(expert, community=community, title="In my community")
    make_item(outsider, community=elsewhere, title="By a colleague I follow")
    make_item(expert, community=elsewhere, title="With a tag I follow", tags=["lean"])
    make_item(expert, community=elsewhere, title="Elsewhere, untagged")
    make_item(outsider, community=elsewhere, title="A draft of his", publish=False)
    make_item(expert, community=None, title="A company-wide blog post")
    make_item(community_manager, community=private_community, title="Private, by Carla")
    person_follow(actor=member, member=outsider)
    tag_follow(actor=member, tag=tag_get(slug="lean"))

    feed = _titles(api.as_(member).get("/api/v1/home").json(), "whats_new")
    assert feed == [
        "Private, by Carla",
        "A company-wide blog post",
        "With a tag I follow",
        "By a colleague I follow",
        "In my community",
    ]

    # Olaf follows Carla, but her private community's item stays with its members.
    person_follow(actor=outsider, member=community_manager)
    theirs = _titles(api.as_(outsider).get("/api/v1/home").json(), "whats_new")
    assert "Private, by Carla" not in theirs
    assert "A draft of his" not in theirs and "By a colleague I follow" in theirs


def test_whats_new_kind_filter_on_the_page(client, member, expert, community):
    make_item(expert, community=community, title="A discussion", kind="discussion")
    make_item(expert, community=community, title="A blog post")
    login(client, member)
    page = client.get("/", {"kind": "discussion"}).content.decode()
    feed = page[page.index('id="feed"') :]
    assert "A discussion" in feed and "A blog post" not in feed
    assert 'href="?kind=discussion" aria-current="page"' in page


def test_whats_new_loads_more_with_htmx(client, member, expert, community):
    for n in range(25):
        make_item(expert, community=community, title=f"Lesson {n:02d}")
    login(client, member)
    first = client.get("/").content.decode()
    assert "Lesson 24" in first and "Lesson 05" in first and "Lesson 04" not in first
    assert 'hx-get="?page=2"' in first

    more = client.get("/", {"page": 2}, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in more and "What's popular" not in more  # only the next cards
    assert [f"Lesson {n:02d}" in more for n in (4, 0, 5)] == [True, True, False]
    assert "Load more" not in more
    # Without JavaScript the same link opens page 2 of the whole home page.
    assert "Lesson 04" in client.get("/", {"page": 2}).content.decode()
