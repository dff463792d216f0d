"""Who's new (with welcome) and who's popular (interviews, helpfulness from the rollup)."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from guildhall.communities.models import Membership
from guildhall.core.exceptions import PermissionDenied, ValidationError
from guildhall.core.models import Event
from guildhall.home.models import MemberHelpfulness, Welcome
from guildhall.home.selectors import helpful_members, whos_new, whos_popular
from guildhall.home.services import welcome_send
from guildhall.interactions.services import expert_pick_set, rating_set
from guildhall.interviews.services import interview_create
from guildhall.notifications.models import Notification
from guildhall.qa.services import answer_accept, answer_create, question_create
from tests.factories import add_member, make_community, make_department, make_item, make_member


def usernames(people):
    return [p.username for p in people]


def backdate_join(community, user, days: int) -> None:
    Membership.objects.filter(community=community, user=user).update(
        joined_at=timezone.now() - timedelta(days=days)
    )


# --- Who's new -----------------------------------------------------------------------------------


def test_whos_new_has_community_and_department_joins_newest_first_never_self(
    member, community, expert, community_manager
):
    dept = make_department("Finance")
    member.profile.department = dept
    member.profile.save(update_fields=["department"])
    backdate_join(community, expert, 60)  # joined long ago
    backdate_join(community, community_manager, 60)
    backdate_join(community, member, 2)  # the viewer's own join is never listed
    newcomer = make_member("nina", name="Nina Newcomer")
    add_member(community, newcomer)
    backdate_join(community, newcomer, 3)
    colleague = make_member("dan", name="Dan Desk", department=dept)
    stranger = make_member("sam", name="Sam Elsewhere", department=make_department("Sales"))
    people = whos_new(viewer=member)
    assert usernames(people) == ["dan", "nina"]
    assert people[0].joined_where == "Finance"
    assert people[1].joined_where == "Supply Chain Practice"
    assert stranger.username not in usernames(people)
    assert colleague.username in usernames(people)


def test_whos_new_leaves_out_other_communities_and_old_colleagues(member, community, outsider):
    elsewhere = make_community(outsider, name="Elsewhere")
    newcomer = make_member("nina")
    add_member(elsewhere, newcomer)
    old_colleague = make_member("otto")
    get_user_model().objects.filter(pk=old_colleague.pk).update(
        date_joined=timezone.now() - timedelta(days=90)
    )
    assert "nina" not in usernames(whos_new(viewer=member))
    assert "otto" not in usernames(whos_new(viewer=member))


def test_welcome_once_notifies_and_records(member, community, run_on_commit):
    newcomer = make_member("nina", name="Nina Newcomer")
    add_member(community, newcomer)
    assert whos_new(viewer=member)[0].welcomed is False
    with run_on_commit():
        welcome_send(actor=member, recipient=newcomer, message="  Welcome,   Nina! ")
    welcome = Welcome.objects.get(sender=member, recipient=newcomer)
    assert welcome.message == "Welcome, Nina!"
    note = Notification.objects.get(recipient=newcomer, verb="welcome")
    assert note.actor == member
    assert Event.objects.filter(actor=member, verb="welcome", target_id=newcomer.pk).exists()
    assert whos_new(viewer=member)[0].welcomed is True
    with pytest.raises(ValidationError, match="already welcomed Nina"):
        welcome_send(actor=member, recipient=newcomer)
    assert Welcome.objects.count() == 1


def test_welcome_has_a_default_message_and_limits(member, expert):
    welcome = welcome_send(actor=member, recipient=expert)
    assert "Eric" in welcome.message
    with pytest.raises(PermissionDenied):
        welcome_send(actor=member, recipient=member)
    with pytest.raises(ValidationError):
        welcome_send(actor=expert, recipient=member, message="x" * 281)


# --- Who's popular -------------------------------------------------------------------------------


@pytest.fixture
def helpfulness_data(member, expert, community, community_manager, outsider):
    """Eric has an accepted answer; Carla's item got two good ratings; Olaf posted a lot and
    was viewed a lot, but nobody recognised any of it."""
    question = question_create(actor=member, community=community, title="Pump seals?", body="?")
    answer = answer_create(actor=expert, item=question, body="Use the PX kit.")
    answer_accept(actor=member, answer=answer)
    rated = make_item(community_manager, community=community, title="Seal checklist")
    rating_set(actor=member, item=rated, stars=5)
    rating_set(actor=expert, item=rated, stars=4)
    for n in range(15):
        item = make_item(outsider, title=f"Olaf's post {n}")
        item.view_count = 500
        item.save(update_fields=["view_count"])
        rating_set(actor=member, item=item, stars=2)  # not a good rating
    return {"question": question, "rated": rated}


def test_helpfulness_ranks_recognition_never_raw_counts(rollup, helpfulness_data, member):
    rollup()
    ranking = helpful_members(viewer=member)
    assert usernames(r.user for r in ranking) == ["eric", "carla"]
    assert ranking[0].accepted_answers == 1 and ranking[0].score == 10
    assert ranking[1].good_ratings == 2
    assert not MemberHelpfulness.objects.filter(user__username="olaf").exists()


def test_helpfulness_per_community_and_expert_picks(rollup, member, expert, community):
    other = make_community(expert, name="Maintenance")
    add_member(other, member)
    item = make_item(member, community=other, title="Grease intervals")
    expert_pick_set(actor=expert, item=item)
    rollup()
    assert usernames(r.user for r in helpful_members(viewer=member, community=other)) == ["mia"]
    assert helpful_members(viewer=member, community=community) == []
    grouped = whos_popular(viewer=member)["communities"]
    assert [(c.name, usernames(r.user for r in rows)) for c, rows in grouped] == [
        ("Maintenance", ["mia"])
    ]


def test_private_community_helpfulness_stays_inside(
    rollup, member, outsider, community_manager, private_community
):
    question = question_create(
        actor=community_manager, community=private_community, title="Line 3?", body="?"
    )
    answer = answer_create(actor=member, item=question, body="The seal.")
    answer_accept(actor=community_manager, answer=answer)
    rollup()
    assert helpful_members(viewer=outsider) == []  # company-wide counts public work only
    assert helpful_members(viewer=outsider, community=private_community) == []
    assert usernames(r.user for r in helpful_members(viewer=member, community=private_community))


def test_featured_members_are_the_latest_interviews(staff, expert, community, member, outsider):
    interview_create(
        actor=staff,
        community=None,
        title="Five minutes with Eric",
        body="On pumps.",
        data={"featured_member": expert.username},
    )
    featured = whos_popular(viewer=member)["featured"]
    assert [(i.title, i.featured.username) for i in featured] == [
        ("Five minutes with Eric", "eric")
    ]


@pytest.mark.parametrize("extra", [0, 8])
def test_people_sections_run_in_fixed_queries(
    rollup, helpfulness_data, member, community, extra, django_assert_max_num_queries
):
    for n in range(extra):
        person = make_member(f"new{n}")
        add_member(community, person)
        make_item(person, community=community)
        rating_set(actor=member, item=make_item(person, community=community), stars=5)
    rollup()
    with django_assert_max_num_queries(8):
        people = whos_new(viewer=member)
        [(p.name, p.profile.title, p.joined_where) for p in people]
        popular = whos_popular(viewer=member)
        [(r.user.name, r.user.profile.title) for r in popular["company"]]
        [(c.name, [r.user.name for r in rows]) for c, rows in popular["communities"]]
