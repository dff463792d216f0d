"""Member interviews, leaders and the leadership blog (page + RSS feed)."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from guildhall.content.models import ContentItem
from guildhall.core.exceptions import PermissionDenied, ValidationError
from guildhall.core.models import AuditEntry, Event
from guildhall.interviews.models import Interview
from guildhall.interviews.selectors import latest_interviews
from guildhall.interviews.services import interview_create
from guildhall.notifications.models import Notification
from guildhall.people.models import Profile
from guildhall.people.services import profile_leader_set
from tests.conftest import login
from tests.factories import make_item, make_member


def _interview(
    actor,
    featured="eric",
    community=None,
    title="Five questions for Eric",
    body="**Q:** What do you do?\n\nA: Pumps.",
):
    return interview_create(
        actor=actor, community=community, title=title, body=body, data={"featured_member": featured}
    )


def _api_post(client, payload):
    return client.post("/api/v1/content", payload, content_type="application/json")


# --- interviews ------------------------------------------------------------------------------
def test_interview_features_member_and_notifies_them(member, expert, run_on_commit):
    with run_on_commit():
        item = _interview(member, featured="eric")
    item.refresh_from_db()
    assert Interview.objects.get(item=item).featured_member == expert
    note = Notification.objects.get(recipient=expert, verb="interviewed")
    assert note.item_id == item.pk and note.actor == member


def test_featured_member_outside_private_community_not_notified(
    member, outsider, private_community, run_on_commit
):
    with run_on_commit():
        item = _interview(member, featured="olaf", community=private_community)
    assert Interview.objects.get(item=item).featured_member == outsider
    assert not Notification.objects.filter(recipient=outsider).exists()


@pytest.mark.parametrize("name", ["", "   ", "nobody", None, 5, "a\x00b", "x" * 300])
def test_unknown_member_refused_nothing_saved(member, name):
    with pytest.raises(ValidationError) as exc:
        _interview(member, featured=name)
    assert "featured_member" in exc.value.message_dict
    assert not ContentItem.objects.exists() and not Interview.objects.exists()


def test_at_sign_is_accepted(member, expert):
    assert _interview(member, featured="@eric").interview.featured_member == expert


def test_interview_in_private_community_needs_membership(outsider, expert, private_community):
    from django.http import Http404

    with pytest.raises(Http404):
        _interview(outsider, community=private_community)


def test_item_page_shows_featured_member_card(client, member, expert):
    item = _interview(member)
    login(client, member)
    html = client.get(item.get_absolute_url(), follow=True).content.decode()
    assert "In this interview" in html and "Eric Expert" in html and "Senior engineer" in html
    assert 'href="/u/eric/"' in html


def test_profile_shows_featured_in_only_when_visible(
    client, member, expert, outsider, private_community, community_manager
):
    from tests.factories import add_member

    add_member(private_community, expert)
    _interview(member, title="Public chat with Eric")
    _interview(member, community=private_community, title="Private chat with Eric")
    login(client, outsider)
    html = client.get("/u/eric/").content.decode()
    assert "Featured in:" in html and "Public chat with Eric" in html
    assert "Private chat with Eric" not in html
    login(client, member)
    assert "Private chat with Eric" in client.get("/u/eric/").content.decode()


def test_create_interview_through_the_page(client, member, expert):
    login(client, member)
    assert client.get("/interviews/new/").status_code == 200
    response = client.post(
        "/interviews/new/",
        {
            "featured_member": "eric",
            "community": "",
            "title": "Meet Eric",
            "body": "**Q:** Why pumps?",
        },
    )
    assert response.status_code == 302
    assert Interview.objects.get(item__title="Meet Eric").featured_member == expert


def test_page_form_error_keeps_input(client, member):
    login(client, member)
    response = client.post(
        "/interviews/new/", {"featured_member": "ghost", "title": "Meet", "body": "long answers"}
    )
    html = response.content.decode()
    assert response.status_code == 200 and "No member has the username" in html
    assert "long answers" in html and not ContentItem.objects.exists()


def test_xss_in_interview(client, member, expert):
    item = _interview(
        member,
        title="<script>alert(1)</script>",
        body="<script>alert(2)</script><img src=x onerror=alert(3)>",
    )
    login(client, expert)
    for url in (item.get_absolute_url(), "/u/eric/"):
        html = client.get(url, follow=True).content.decode()
        assert "<script>alert" not in html and "<img src=x" not in html


def test_latest_interviews_respects_visibility(member, outsider, expert, private_community):
    _interview(member, title="Public")
    _interview(member, community=private_community, title="Private")
    assert [i.title for i in latest_interviews(member, 5)] == ["Private", "Public"]
    assert [i.title for i in latest_interviews(outsider, 5)] == ["Public"]
    assert latest_interviews(outsider, 5)[0].featured == expert


def test_api_create_interview(client, member, expert, run_on_commit):
    login(client, member)
    with run_on_commit():
        response = _api_post(
            client, {"kind": "interview", "title": "Meet Eric", "featured_member": "eric"}
        )
    assert response.status_code == 201, response.content
    assert Interview.objects.get(item_id=response.json()["id"]).featured_member == expert
    assert Notification.objects.filter(recipient=expert, verb="interviewed").count() == 1
    response = _api_post(client, {"kind": "interview", "title": "x", "featured_member": "ghost"})
    assert response.status_code == 422 and "featured_member" in response.content.decode()
    assert _api_post(client, {"kind": "interview", "title": "x"}).status_code == 422


def test_notification_renders(client, member, expert, run_on_commit):
    with run_on_commit():
        _interview(member)
    login(client, expert)
    response = client.get("/notifications/")
    assert "published an interview with you" in response.content.decode()


# --- leaders ---------------------------------------------------------------------------------
def test_staff_marks_leader_with_audit_and_event(staff, member):
    profile_leader_set(actor=staff, member=member, is_leader=True)
    assert Profile.objects.get(user=member).is_leader
    assert AuditEntry.objects.filter(action="leader_set", target_id=member.pk).count() == 1
    assert Event.objects.filter(verb="set_leader", actor=staff).count() == 1
    profile_leader_set(actor=staff, member=member, is_leader=False)
    assert not Profile.objects.get(user=member).is_leader


@pytest.mark.parametrize("who", ["member", "community_manager"])
def test_non_staff_cannot_mark_leaders(request, who, expert):
    with pytest.raises(PermissionDenied):
        profile_leader_set(actor=request.getfixturevalue(who), member=expert, is_leader=True)
    assert not Profile.objects.get(user=expert).is_leader


def test_toggle_on_profile_page(client, staff, member):
    login(client, member)
    assert "Mark as leader" not in client.get("/u/mia/").content.decode()
    assert client.post("/u/mia/leader/", {"is_leader": "1"}).status_code == 404
    assert not Profile.objects.get(user=member).is_leader
    login(client, staff)
    assert "Mark as leader" in client.get("/u/mia/").content.decode()
    response = client.post("/u/mia/leader/", {"is_leader": "1"})
    assert response.status_code == 302
    assert Profile.objects.get(user=member).is_leader
    assert "Remove from leaders" in client.get("/u/mia/").content.decode()
    assert client.get("/u/mia/leader/").status_code == 405


def test_admin_list_editable_and_actions(client, staff, member, expert):
    login(client, staff)
    profile = Profile.objects.get(user=member)
    response = client.post(
        "/admin/people/profile/",
        {
            "action": "mark_leaders",
            "_selected_action": [profile.pk, Profile.objects.get(user=expert).pk],
        },
    )
    assert response.status_code == 302
    assert Profile.objects.filter(is_leader=True).count() == 2
    assert AuditEntry.objects.filter(action="leader_set").count() == 2


# --- leadership blog -------------------------------------------------------------------------
@pytest.fixture
def leader(staff):
    ceo = make_member("ceo", name="Helen Harbour", title="Chief Executive Officer")
    profile_leader_set(actor=staff, member=ceo, is_leader=True)
    return ceo


def test_leadership_page_lists_leaders_posts_visibility_filtered(
    client, leader, member, outsider, private_community
):
    from tests.factories import add_member

    add_member(private_community, leader)
    make_item(leader, title="Why we're investing in the Leeds test rig")
    make_item(leader, community=private_community, title="Board-only numbers")
    make_item(member, title="Not a leader's post")
    login(client, outsider)
    html = client.get("/leadership/").content.decode()
    assert "Why we&#x27;re investing in the Leeds test rig" in html or "Leeds test rig" in html
    assert "Board-only numbers" not in html and "Not a leader&#x27;s post" not in html
    assert "Helen Harbour" in html
    login(client, member)
    assert "Board-only numbers" in client.get("/leadership/").content.decode()


def test_leadership_empty_state(client, member):
    login(client, member)
    html = client.get("/leadership/").content.decode()
    assert "No leadership posts yet" in html
    assert 'href="/leadership/"' in html  # the top nav link


def test_leadership_feed_has_only_company_wide_posts(client, leader, member, private_community):
    from tests.factories import add_member

    add_member(private_community, leader)
    make_item(leader, title="Our 2027 priorities", body="**Safety** first. <script>x</script>")
    make_item(leader, community=private_community, title="Board-only numbers")
    login(client, member)  # a member of the private community: still not in the feed
    response = client.get("/leadership/feed.xml")
    assert response.status_code == 200 and "xml" in response["Content-Type"]
    root = ET.fromstring(response.content)  # noqa: S314 - our own feed
    titles = [t.text for t in root.iter("title")]
    assert "Our 2027 priorities" in titles and "Board-only numbers" not in titles
    assert "<script>" not in response.content.decode().replace("&lt;script&gt;", "")


def test_leadership_feed_needs_sign_in_or_a_members_token(client, leader, member):
    make_item(leader, title="Our 2027 priorities")
    for url in ("/leadership/feed.xml", "/leadership/feed.xml?token=forged"):
        response = client.get(url)
        assert response.status_code == 404
        assert b"Our 2027 priorities" not in response.content


def test_a_feed_reader_subscribes_with_the_members_secret_url(client, leader, member):
    make_item(leader, title="Our 2027 priorities")
    login(client, member)
    page = client.get("/leadership/").content.decode()
    feed_url = re.search(r'href="(http://testserver/leadership/feed\.xml\?token=[^"]+)"', page)[1]
    client.logout()  # a feed reader: no session, only the address
    response = client.get(feed_url)
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - our own feed
    assert "Our 2027 priorities" in [t.text for t in root.iter("title")]
    assert client.head(feed_url).status_code == 200
    member.is_active = False  # a member who left the company: the address stops working
    member.save(update_fields=["is_active"])
    assert client.get(feed_url).status_code == 404


def test_leadership_query_count_fixed(client, staff, member):
    leaders = [make_member(f"lead{i}") for i in range(3)]
    for person in leaders:
        profile_leader_set(actor=staff, member=person, is_leader=True)
    make_item(leaders[0], title="first")
    login(client, member)

    def count():
        cache.clear()
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/leadership/").status_code == 200
        return len(ctx.captured_queries)

    small = count()
    for person in leaders:
        for n in range(4):
            make_item(person, title=f"{person.username} {n}")
    assert count() == small
