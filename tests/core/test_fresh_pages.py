"""Pages are built from fragments cached for every member (or for one), yet every act shows at
once: the fragments' keys carry the versions and generations the acts move on."""

import re

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from guildhall.communities.models import Membership
from guildhall.communities.selectors import viewer_memberships
from guildhall.communities.services import (
    community_update,
    membership_join,
    membership_remove,
    membership_role_set,
)
from guildhall.content.models import Tag
from guildhall.content.services import content_item_delete, content_item_update
from guildhall.interactions.services import rating_set
from guildhall.people.services import person_follow, tag_follow
from tests.factories import make_comment, make_community, make_item, make_member


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_a_colleagues_comment_shows_at_once(community, member, expert):
    item = make_item(expert, community=community)
    client = signed_in(member)
    client.get(item.get_absolute_url())
    make_comment(expert, item, body="Torque the bolts in a star pattern.")
    assert "Torque the bolts in a star pattern." in client.get(item.get_absolute_url()).text


@pytest.mark.django_db
def test_an_edit_shows_at_once_to_everyone(community, member, expert):
    item = make_item(expert, community=community, title="Changeover checklist")
    client = signed_in(member)
    assert "Changeover checklist" in client.get(item.get_absolute_url()).text
    content_item_update(actor=expert, item=item, title="Changeover checklist, v2", tags=["lean"])
    page = client.get(item.get_absolute_url()).text
    assert "Changeover checklist, v2" in page and "#lean" in page


@pytest.mark.django_db
def test_my_own_rating_shows_at_once(community, member, expert):
    item = make_item(expert, community=community)
    client = signed_in(member)
    before = client.get(item.get_absolute_url()).text
    rating_set(actor=member, item=item, stars=4)
    after = client.get(item.get_absolute_url()).text
    assert after != before
    assert "4.0" in after


@pytest.mark.django_db
def test_losing_access_to_a_private_community_is_immediate(
    private_community, community_manager, member
):
    item = make_item(community_manager, community=private_community, title="Near miss at dock 4")
    client = signed_in(member)
    assert client.get(item.get_absolute_url()).status_code == 200
    membership_remove(actor=community_manager, community=private_community, member=member)
    assert client.get(item.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_joining_shows_on_the_community_page_and_home_at_once(community, outsider):
    client = signed_in(outsider)
    url = reverse("communities:detail", args=[community.slug])
    assert "Leave" not in client.get(url).text
    assert community.name not in client.get(reverse("home")).text
    membership_join(actor=outsider, community=community, accept_guidelines=True)
    assert "Leave" in client.get(url).text
    assert community.name in client.get(reverse("home")).text  # "Your communities"


@pytest.mark.django_db
def test_a_new_expert_shows_among_the_community_leaders_at_once(
    community, community_manager, member
):
    client = signed_in(member)
    url = reverse("communities:detail", args=[community.slug])
    newcomer = make_member("nina", name="Nina Newexpert")
    membership_join(actor=newcomer, community=community, accept_guidelines=True)
    assert "Nina Newexpert" not in client.get(url).text
    membership_role_set(
        actor=community_manager, community=community, member=newcomer, role="expert"
    )
    assert "Nina Newexpert" in client.get(url).text


@pytest.mark.django_db
def test_my_own_post_shows_on_my_home_at_once(community, member):
    client = signed_in(member)
    assert "Forklift pre-use check" not in client.get(reverse("home")).text
    make_item(member, community=community, title="Forklift pre-use check")
    assert "Forklift pre-use check" in client.get(reverse("home")).text


@pytest.mark.django_db
def test_a_colleagues_post_shows_on_my_home_at_once(community, member, expert):
    client = signed_in(member)
    client.get(reverse("home"))
    make_item(expert, community=community, title="Pallet wrapping tension")
    assert "Pallet wrapping tension" in client.get(reverse("home")).text


@pytest.mark.django_db
def test_following_a_colleague_brings_their_posts_home_at_once(member, outsider):
    make_item(outsider, title="Month-end close, in five steps")  # on their blog
    client = signed_in(member)
    client.get(reverse("home"))
    person_follow(actor=member, member=outsider)
    assert "Month-end close, in five steps" in client.get(reverse("home")).text


@pytest.mark.django_db
def test_leaving_a_private_community_empties_my_home_of_it_at_once(
    private_community, community_manager, member
):
    make_item(community_manager, community=private_community, title="Near miss at dock 4")
    client = signed_in(member)
    assert "Near miss at dock 4" in client.get(reverse("home")).text
    membership_remove(actor=community_manager, community=private_community, member=member)
    assert "Near miss at dock 4" not in client.get(reverse("home")).text


@pytest.mark.django_db
def test_a_home_with_its_sections_cached_runs_three_queries(
    community, member, expert, django_assert_max_num_queries
):
    for n in range(5):
        make_item(expert, community=community, title=f"Shift handover note {n}")
    client = signed_in(member)
    client.get(reverse("home"))
    # The feed's rows, the member's profile and the member (the user cache is off in tests);
    # sections and fragments come from the cache.
    with django_assert_max_num_queries(3):
        assert "Shift handover note 4" in client.get(reverse("home")).text


@pytest.mark.django_db
def test_a_community_turned_private_shows_on_its_items_at_once(
    community, community_manager, member
):
    item = make_item(community_manager, community=community, title="Dock rota")
    client = signed_in(member)
    assert "badge-private" not in client.get(item.get_absolute_url()).text
    community_update(actor=community_manager, community=community, visibility="private")
    assert "badge-private" in client.get(item.get_absolute_url()).text


@pytest.mark.django_db
def test_a_membership_written_outside_the_services_opens_the_community_at_once(
    private_community, community_manager, outsider
):
    item = make_item(community_manager, community=private_community, title="Dock 4 rota")
    client = signed_in(outsider)
    assert client.get(item.get_absolute_url()).status_code == 404  # their communities, kept
    Membership.objects.create(community=private_community, user=outsider)  # e.g. the admin
    assert "Dock 4 rota" in client.get(item.get_absolute_url()).text
    Membership.objects.filter(community=private_community, user=outsider).delete()
    assert client.get(item.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_a_join_rolled_back_leaves_no_membership_behind_in_the_cache(
    private_community, community_manager, outsider
):
    item = make_item(community_manager, community=private_community, title="Dock 4 rota")
    client = signed_in(outsider)
    client.get(reverse("home"))

    class Undone(Exception):
        pass

    with pytest.raises(Undone), transaction.atomic():
        Membership.objects.create(community=private_community, user=outsider)
        assert private_community.pk in viewer_memberships(outsider)  # read inside: not kept
        raise Undone
    assert client.get(item.get_absolute_url()).status_code == 404
    assert (
        client.get(reverse("communities:detail", args=[private_community.slug])).status_code == 404
    )


@pytest.mark.django_db
def test_a_link_from_another_item_shows_on_the_linked_page_at_once(community, member, expert):
    target = make_item(expert, community=community, title="Lock-out procedure")
    source = make_item(expert, community=community, title="Night shift notes")
    client = signed_in(member)
    assert "Linked from" not in client.get(target.get_absolute_url()).text
    content_item_update(
        actor=expert, item=source, body=f"See [the procedure]({target.get_absolute_url()})."
    )
    page = client.get(target.get_absolute_url()).text
    assert "Linked from" in page and "Night shift notes" in page


@pytest.mark.django_db
def test_each_session_of_a_member_welcomes_with_its_own_token(community, member):
    newcomer = make_member("newcomer")
    membership_join(actor=newcomer, community=community, accept_guidelines=True)
    browsers = [Client(enforce_csrf_checks=True) for _ in range(2)]
    for browser in browsers:
        browser.force_login(member)
    pages = [browser.get(reverse("home")).text for browser in browsers]
    welcome = reverse("home_welcome", args=[newcomer.username])
    in_the_form = (
        re.escape(welcome)
        + r'[^>]*>\s*<input type="hidden" name="csrfmiddlewaretoken" value="([^"]+)"'
    )
    tokens = [re.search(in_the_form, page)[1] for page in pages]
    # The second browser's cached section is not the first one's: its token is its own.
    answer = browsers[1].post(welcome, {"csrfmiddlewaretoken": tokens[1]})
    assert answer.status_code == 302
    assert "You welcomed" in browsers[1].get(reverse("home")).text


@pytest.mark.django_db
def test_a_community_feed_shared_by_its_members_shows_each_act_at_once(community, member, expert):
    item = make_item(expert, community=community, title="Pump seal swap")
    page = reverse("communities:detail", args=[community.slug])
    reader, writer = signed_in(member), signed_in(expert)
    assert "Pump seal swap" in reader.get(page).text and "Pump seal swap" in writer.get(page).text
    comments = re.compile(r' (\d+)<span class="visually-hidden"> comments')
    assert comments.findall(reader.get(page).text) == ["0"]
    make_comment(expert, item, body="Done on line 2.")
    assert comments.findall(reader.get(page).text) == ["1"]
    make_item(expert, community=community, title="Gasket inventory")
    assert "Gasket inventory" in reader.get(page).text
    content_item_update(actor=expert, item=item, title="Pump seal swap, revised")
    assert "Pump seal swap, revised" in reader.get(page).text


def _home(client) -> str:
    return client.get(reverse("home")).text


@pytest.mark.django_db
def test_a_comment_shows_in_the_count_on_my_home_at_once(community, member, expert):
    item = make_item(expert, community=community, title="Dock door seals")
    reader = signed_in(member)
    comments = re.compile(r' (\d+)<span class="visually-hidden"> comments')
    assert comments.findall(_home(reader)) == ["0"]
    make_comment(expert, item, body="Replaced on door 3.")
    assert comments.findall(_home(reader)) == ["1"]


@pytest.mark.django_db
def test_a_deleted_item_leaves_my_home_at_once(community, member, expert):
    item = make_item(expert, community=community, title="Old lockout procedure")
    reader = signed_in(member)
    assert "Old lockout procedure" in _home(reader)
    content_item_delete(actor=expert, item=item, reason="Superseded")
    assert "Old lockout procedure" not in _home(reader)


@pytest.mark.django_db
def test_a_tag_i_follow_added_outside_the_services_brings_the_item_home_at_once(member, outsider):
    finance = make_community(outsider, name="Finance Practice")  # open; the member is not in it
    item = make_item(outsider, community=finance, title="Kaizen board, week 12")
    tag_follow(actor=member, tag=Tag.objects.create(name="kaizen", slug="kaizen"))
    reader = signed_in(member)
    assert "Kaizen board, week 12" not in _home(reader)
    item.tags.add(Tag.objects.get(slug="kaizen"))  # as a data migration would
    assert "Kaizen board, week 12" in _home(reader)


@pytest.mark.django_db
def test_the_second_page_of_my_home_follows_the_first(community, member, expert):
    for n in range(21):
        make_item(expert, community=community, title=f"Toolbox talk {n:02}")
    reader = signed_in(member)
    first = _home(reader)
    second = reader.get(reverse("home"), {"page": 2}).text
    assert "Toolbox talk 20" in first and "Toolbox talk 01" in first
    assert "Toolbox talk 00" in second and "Toolbox talk 00" not in first
