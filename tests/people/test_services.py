"""Profile edits, reporting lines and skills: only the member themselves (or staff) may write."""

import pytest

from guildhall.core.exceptions import PermissionDenied, ValidationError
from guildhall.core.models import Event
from guildhall.people.models import Profile, ProfileSkill, Skill
from guildhall.people.services import (
    member_create,
    profile_skill_remove,
    profile_skill_set,
    profile_update,
    skill_get_or_create,
)
from tests.factories import make_department, make_member


def profile_of(user) -> Profile:
    return Profile.objects.select_related("department", "manager").get(user=user)


# --- member_create ----------------------------------------------------------------------------


def test_member_create_makes_user_and_profile_with_rendered_bio(db):
    user = member_create(
        email="nina@example.com",
        username="nina",
        password="a-long-password",
        first_name="Nina",
        last_name="New",
        title="Planner",
        bio="I like **forecasts** <script>x</script>",
    )

    user.refresh_from_db()
    assert user.name == "Nina New"
    assert user.check_password("a-long-password")
    assert not user.is_staff
    profile = profile_of(user)
    assert profile.title == "Planner"
    assert "<strong>forecasts</strong>" in profile.bio_html
    assert "<script>" not in profile.bio_html


def test_member_create_staff_is_staff_and_superuser(db):
    user = member_create(email="root@example.com", username="root", password=None, is_staff=True)

    user.refresh_from_db()
    assert user.is_staff and user.is_superuser
    assert not user.has_usable_password()


# --- profile_update ---------------------------------------------------------------------------


def test_member_updates_own_profile(member):
    department = make_department("Logistics")

    profile_update(
        actor=member,
        member=member,
        first_name="  Mia ",
        last_name=" Morgan ",
        title="Senior analyst",
        department=department,
        location="Lyon",
        bio="Ask me about *routing*.",
    )

    member.refresh_from_db()
    assert (member.first_name, member.last_name) == ("Mia", "Morgan")
    profile = profile_of(member)
    assert profile.title == "Senior analyst"
    assert profile.department == department
    assert profile.location == "Lyon"
    assert profile.bio == "Ask me about *routing*."
    assert profile.bio_html == "<p>Ask me about <em>routing</em>.</p>\n"
    event = Event.objects.get(verb="edit_profile")
    assert event.actor == member and event.target_id == member.pk


def test_profile_update_leaves_unnamed_fields_alone(member):
    profile_update(actor=member, member=member, first_name="Mia", last_name="M", title="Lead")

    profile = profile_of(member)
    assert profile.title == "Lead"
    assert profile.location == ""
    assert profile.bio_html == ""


def test_staff_update_anyones_profile(staff, member):
    profile_update(
        actor=staff, member=member, first_name="Mia", last_name="Member", title="Team lead"
    )

    assert profile_of(member).title == "Team lead"
    assert Event.objects.get(verb="edit_profile").actor == staff


@pytest.mark.parametrize("persona", ["expert", "community_manager", "outsider"])
def test_others_cannot_update_a_profile(request, persona, member):
    actor = request.getfixturevalue(persona)

    with pytest.raises(PermissionDenied, match="only edit your own profile"):
        profile_update(
            actor=actor, member=member, first_name="Hacked", last_name="X", title="Pwned"
        )

    member.refresh_from_db()
    assert member.first_name == "Mia"
    assert profile_of(member).title == "Analyst"
    assert not Event.objects.filter(verb="edit_profile").exists()


def test_unknown_profile_field_is_refused(member):
    with pytest.raises(ValidationError, match="Unknown profile fields: is_staff"):
        profile_update(actor=member, member=member, first_name="Mia", last_name="M", is_staff=True)

    member.refresh_from_db()
    assert not member.is_staff


def test_manager_is_set(member, community_manager):
    profile_update(
        actor=member, member=member, first_name="Mia", last_name="M", manager=community_manager
    )

    assert profile_of(member).manager == community_manager


def test_member_cannot_report_to_themselves(member):
    with pytest.raises(ValidationError) as exc:
        profile_update(actor=member, member=member, first_name="Mia", last_name="M", manager=member)

    assert exc.value.message_dict == {"manager": ["A member cannot report to themselves."]}
    assert profile_of(member).manager is None


def test_two_person_reporting_loop_is_refused(staff, member, expert):
    profile_update(actor=staff, member=member, first_name="Mia", last_name="M", manager=expert)

    with pytest.raises(ValidationError, match="cannot report to themselves"):
        profile_update(actor=staff, member=expert, first_name="Eric", last_name="E", manager=member)

    assert profile_of(expert).manager is None
    assert profile_of(member).manager == expert


def test_longer_reporting_loop_is_refused(staff, member, expert, community_manager):
    # mia → eric → carla; carla → mia would close a loop.
    profile_update(actor=staff, member=member, first_name="Mia", last_name="M", manager=expert)
    profile_update(
        actor=staff, member=expert, first_name="Eric", last_name="E", manager=community_manager
    )

    with pytest.raises(ValidationError, match="cannot report to themselves"):
        profile_update(
            actor=staff, member=community_manager, first_name="Carla", last_name="M", manager=member
        )

    assert profile_of(community_manager).manager is None


def test_reporting_chain_without_loop_is_accepted(staff, member, expert, community_manager):
    profile_update(actor=staff, member=member, first_name="Mia", last_name="M", manager=expert)

    profile_update(
        actor=staff, member=community_manager, first_name="Carla", last_name="M", manager=member
    )

    assert profile_of(community_manager).manager == member


def test_manager_can_be_cleared(staff, member, expert):
    profile_update(actor=staff, member=member, first_name="Mia", last_name="M", manager=expert)

    profile_update(actor=staff, member=member, first_name="Mia", last_name="M", manager=None)

    assert profile_of(member).manager is None


def test_profile_is_created_when_missing(db):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(username="bare", email="bare@example.com")

    profile_update(actor=user, member=user, first_name="Bare", last_name="Bones", title="New")

    assert profile_of(user).title == "New"


# --- skills -----------------------------------------------------------------------------------


def test_skill_is_set_with_a_level(member):
    entry = profile_skill_set(actor=member, member=member, name="  Demand   Planning ", level=4)

    entry.refresh_from_db()
    assert entry.level == ProfileSkill.Level.ADVANCED
    assert entry.skill.name == "Demand Planning"
    assert entry.skill.slug == "demand-planning"
    assert entry.profile == profile_of(member)
    event = Event.objects.get(verb="set_skill")
    assert event.data == {"skill": "demand-planning", "level": 4}


def test_setting_a_skill_again_updates_its_level(member):
    profile_skill_set(actor=member, member=member, name="SQL", level=1)

    profile_skill_set(actor=member, member=member, name="sql", level=5)

    entries = ProfileSkill.objects.filter(profile__user=member)
    assert [(e.skill.slug, e.level) for e in entries] == [("sql", 5)]
    assert Skill.objects.filter(slug="sql").count() == 1


def test_skills_are_shared_between_members(member, expert):
    profile_skill_set(actor=member, member=member, name="Python", level=2)
    profile_skill_set(actor=expert, member=expert, name="python", level=5)

    assert Skill.objects.count() == 1
    assert ProfileSkill.objects.filter(skill__slug="python").count() == 2


@pytest.mark.parametrize("level", [0, 6, -1, 99])
def test_skill_level_outside_1_to_5_is_refused(member, level):
    with pytest.raises(ValidationError) as exc:
        profile_skill_set(actor=member, member=member, name="SQL", level=level)

    assert "level" in exc.value.message_dict
    assert not ProfileSkill.objects.exists()


@pytest.mark.parametrize(
    ("name", "message"),
    [("   ", "Name the skill."), ("!!!", "Use letters or digits in the skill's name.")],
)
def test_skill_needs_a_usable_name(member, name, message):
    with pytest.raises(ValidationError) as exc:
        profile_skill_set(actor=member, member=member, name=name, level=3)

    assert exc.value.message_dict == {"skill": [message]}
    assert not Skill.objects.exists()


def test_others_cannot_set_a_members_skills(outsider, member):
    with pytest.raises(PermissionDenied):
        profile_skill_set(actor=outsider, member=member, name="SQL", level=5)

    assert not ProfileSkill.objects.exists()


def test_staff_can_set_a_members_skills(staff, member):
    profile_skill_set(actor=staff, member=member, name="SQL", level=3)

    assert ProfileSkill.objects.get(profile__user=member).level == 3


def test_skill_is_removed(member):
    kept = profile_skill_set(actor=member, member=member, name="Excel", level=3)
    gone = profile_skill_set(actor=member, member=member, name="SQL", level=3)

    profile_skill_remove(actor=member, member=member, skill_id=gone.skill_id)

    remaining = ProfileSkill.objects.filter(profile__user=member)
    assert [e.pk for e in remaining] == [kept.pk]
    assert Skill.objects.filter(pk=gone.skill_id).exists()  # the skill stays for others
    event = Event.objects.get(verb="remove_skill")
    assert event.actor == member and event.target_id == member.pk
    assert event.data == {"skill_id": gone.skill_id}


def test_removing_a_skill_the_member_lacks_changes_and_logs_nothing(member):
    skill = skill_get_or_create(name="COBOL")

    profile_skill_remove(actor=member, member=member, skill_id=skill.pk)

    assert not Event.objects.filter(verb="remove_skill").exists()


def test_removing_only_touches_that_members_skill(member, expert):
    entry = profile_skill_set(actor=member, member=member, name="SQL", level=3)
    profile_skill_set(actor=expert, member=expert, name="SQL", level=5)

    profile_skill_remove(actor=member, member=member, skill_id=entry.skill_id)

    assert list(ProfileSkill.objects.values_list("profile__user__username", "level")) == [
        ("eric", 5)
    ]


def test_others_cannot_remove_a_members_skill(outsider, member):
    entry = profile_skill_set(actor=member, member=member, name="SQL", level=3)

    with pytest.raises(PermissionDenied):
        profile_skill_remove(actor=outsider, member=member, skill_id=entry.skill_id)

    assert ProfileSkill.objects.filter(pk=entry.pk).exists()
    assert not Event.objects.filter(verb="remove_skill").exists()


def test_skill_get_or_create_reuses_by_slug(db):
    first = skill_get_or_create(name="Machine Learning")
    second = skill_get_or_create(name="machine-learning")

    assert first.pk == second.pk
    assert second.name == "Machine Learning"


def test_make_member_helper_gives_each_member_a_profile(db):
    person = make_member(title="Buyer")

    assert profile_of(person).title == "Buyer"
