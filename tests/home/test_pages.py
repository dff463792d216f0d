"""The home page as members see it: sections, staff settings, welcome, tags, empty states."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from guildhall.home.models import HomeSection
from guildhall.interactions.services import rating_set
from guildhall.news.services import announcement_create
from guildhall.notifications.models import Notification
from guildhall.people.selectors import tag_get
from guildhall.people.services import person_follow, tag_follow
from tests.conftest import login
from tests.factories import add_member, make_comment, make_community, make_item, make_member
from tests.home.test_api import home_data  # noqa: F401 - the shared crafted organisation

HEADINGS = {
    "latest_news": "Latest news",
    "whats_new": "What's new",
    "whats_popular": "What's popular",
    "whos_new": "Who's new",
    "whos_popular": "Who's popular",
    "for_you": "For you",
}


def test_home_shows_every_section(client, home_data, member, staff):  # noqa: F811
    announcement_create(actor=staff, community=None, title="Canteen opens Monday", body="Yes.")
    login(client, member)
    page = client.get("/").content.decode()
    for heading in HEADINGS.values():
        assert f">{heading}</h2>" in page, heading
    assert "Canteen opens Monday" in page  # latest news
    assert "Secret plan" in page  # popular, in Mia's private community
    assert "Nina Newcomer" in page and "Welcome Nina Newcomer" in page  # who's new
    assert "Meet Eric" in page and "1 accepted answer" in page  # who's popular
    assert "Hydraulics: bleed order?" in page and "My open one" in page  # for you


def test_outsider_sees_no_private_item_anywhere(client, home_data, outsider):  # noqa: F811
    login(client, outsider)
    page = client.get("/").content.decode()
    assert "Secret plan" not in page and "Seal tip" in page


def test_popular_tabs_work_with_and_without_htmx(client, home_data, member):  # noqa: F811
    login(client, member)
    page = client.get("/?window=30").content.decode()
    assert 'aria-current="page">30 days' in page
    partial = client.get("/?section=whats_popular&window=30", HTTP_HX_REQUEST="true")
    text = partial.content.decode()
    assert "<html" not in text and "Secret plan" in text and "What's popular" in text


def test_staff_order_and_disable_sections(client, home_data, member):  # noqa: F811
    HomeSection.objects.filter(key="whats_popular").update(enabled=False)
    HomeSection.objects.filter(key="whats_new").update(position=1)
    HomeSection.objects.get(key="for_you").save()  # clears the cached settings, as the admin does
    login(client, member)
    page = client.get("/").content.decode()
    assert HEADINGS["whats_popular"] not in page
    assert page.index(HEADINGS["whats_new"]) < page.index(">For you<")


def test_staff_edit_sections_in_the_admin(client, staff):
    login(client, staff)
    page = client.get("/admin/home/homesection/")
    assert page.status_code == 200 and b"Who&#x27;s popular" in page.content
    rows = list(HomeSection.objects.order_by("position"))
    data = {
        "form-TOTAL_FORMS": len(rows),
        "form-INITIAL_FORMS": len(rows),
        "form-MIN_NUM_FORMS": 0,
        "form-MAX_NUM_FORMS": 1000,
        "_save": "Save",
    }
    for n, row in enumerate(rows):
        data |= {
            f"form-{n}-id": row.pk,
            f"form-{n}-position": row.position,
            f"form-{n}-enabled": "on" if row.key != "whos_new" else "",
        }
    assert client.post("/admin/home/homesection/", data).status_code == 302
    assert not HomeSection.objects.get(key="whos_new").enabled
    client.force_login(staff)
    assert HEADINGS["whos_new"] not in client.get("/").content.decode()


def test_newcomer_empty_states(client, outsider):
    login(client, outsider)
    page = client.get("/").content.decode()
    assert "Welcome to Guildhall" in page and "Find a community" in page
    assert "Your feed is empty" in page  # what's new
    assert "Complete your profile" in page and "Find people to follow" in page
    assert "Add your skills" in page  # for you
    assert "Nobody new in your communities" in page
    assert "Nothing is trending this week yet" in page
    assert "Members show here when their answers get accepted" in page


def test_welcome_from_the_page_once(client, member, community, run_on_commit):
    newcomer = make_member("nina", name="Nina Newcomer")
    add_member(community, newcomer)
    login(client, member)
    with run_on_commit():
        response = client.post("/welcome/nina/", HTTP_HX_REQUEST="true")
    assert "✓ Welcomed" in response.content.decode()
    assert Notification.objects.filter(recipient=newcomer, verb="welcome").count() == 1
    again = client.post("/welcome/nina/", follow=True).content.decode()
    assert "You already welcomed Nina Newcomer." in again
    assert "✓ Welcomed" in client.get("/").content.decode()


def test_tag_page_has_a_follow_button(client, member, expert, community):
    make_item(expert, community=community, title="Seal tip", tags=["seals"])
    login(client, member)
    page = client.get("/?tag=seals").content.decode()
    assert "Tagged #seals" in page and "Follow #seals" in page and "Seal tip" in page
    tag_follow(actor=member, tag=tag_get(slug="seals"))
    assert "Following #seals" in client.get("/?tag=seals").content.decode()
    assert client.get("/?tag=nothing-yet").status_code == 200


def test_whats_new_has_followed_people_and_tags(client, member, outsider, expert):
    elsewhere = make_community(outsider, name="Elsewhere")
    add_member(elsewhere, expert)
    make_item(outsider, community=elsewhere, title="From a colleague I follow")
    make_item(expert, community=elsewhere, title="Tagged with what I follow", tags=["lean"])
    make_item(expert, community=elsewhere, title="Neither")
    person_follow(actor=member, member=outsider)
    tag_follow(actor=member, tag=tag_get(slug="lean"))
    login(client, member)
    page = client.get("/").content.decode()
    assert "From a colleague I follow" in page and "Tagged with what I follow" in page
    assert "Neither" not in page


def _queries(client) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/").status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_full_home_page_runs_in_fixed_queries(client, rollup, home_data, member, community):  # noqa: F811
    login(client, member)
    small = _queries(client)
    for n in range(8):
        person = make_member(f"crowd{n}")
        add_member(community, person)
        item = make_item(person, community=community, kind="question", tags=["x", f"t{n}"])
        rating_set(actor=member, item=item, stars=5)
        make_comment(member, item, "Useful.")
    rollup()
    assert _queries(client) == small
