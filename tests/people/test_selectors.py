"""The directory: search by name, title, department and skill; departments with member counts."""

import pytest
from django.http import Http404

from guildhall.people.models import Profile
from guildhall.people.selectors import (
    department_get,
    departments_list,
    direct_reports,
    people_list,
    person_get,
    skills_in_use,
)
from guildhall.people.services import profile_skill_remove, profile_skill_set, profile_update
from tests.factories import make_department


@pytest.fixture
def everyone(staff, community_manager, expert, member, outsider):
    return [staff, community_manager, expert, member, outsider]


def usernames(people) -> list[str]:
    return [p.username for p in people]


def place(user, department):
    Profile.objects.filter(user=user).update(department=department)


def deactivate(user):
    user.is_active = False
    user.save(update_fields=["is_active"])


def test_directory_lists_active_members_by_first_name(everyone, member):
    assert usernames(people_list(viewer=member)) == ["admin", "carla", "eric", "mia", "olaf"]


def test_directory_hides_deactivated_members(everyone, member, outsider):
    deactivate(outsider)

    assert "olaf" not in usernames(people_list(viewer=member))
    with pytest.raises(Http404):
        person_get(viewer=member, username="olaf")


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("mia", ["mia"]),  # first name, any case
        ("EXPERT", ["eric"]),  # last name
        ("olaf", ["olaf"]),  # username
        ("engineer", ["eric"]),  # profile title
        ("eric senior", ["eric"]),  # every word must match
        ("eric analyst", []),
        ("zzz", []),
        ("", ["admin", "carla", "eric", "mia", "olaf"]),
    ],
)
def test_directory_search_by_name_and_title(everyone, member, q, expected):
    assert usernames(people_list(viewer=member, q=q)) == expected


def test_directory_filter_by_department_slug(everyone, member, expert, community_manager):
    logistics = make_department("Logistics")
    finance = make_department("Finance")
    place(member, logistics)
    place(expert, logistics)
    place(community_manager, finance)

    assert usernames(people_list(viewer=member, department="logistics")) == ["eric", "mia"]
    assert usernames(people_list(viewer=member, department="finance")) == ["carla"]
    assert usernames(people_list(viewer=member, department="nowhere")) == []


def test_directory_filter_by_skill_slug_or_name(everyone, member, expert):
    profile_skill_set(actor=member, member=member, name="Demand Planning", level=2)
    profile_skill_set(actor=expert, member=expert, name="Demand Planning", level=5)
    profile_skill_set(actor=expert, member=expert, name="SQL", level=4)

    assert usernames(people_list(viewer=member, skill="demand-planning")) == ["eric", "mia"]
    assert usernames(people_list(viewer=member, skill="demand planning")) == ["eric", "mia"]
    assert usernames(people_list(viewer=member, skill="sql")) == ["eric"]
    assert usernames(people_list(viewer=member, skill="cobol")) == []


def test_directory_filters_combine(everyone, member, expert):
    logistics = make_department("Logistics")
    place(member, logistics)
    profile_skill_set(actor=member, member=member, name="SQL", level=2)
    profile_skill_set(actor=expert, member=expert, name="SQL", level=5)

    result = people_list(viewer=member, q="mia", department="logistics", skill="sql")

    assert usernames(result) == ["mia"]


def test_directory_rows_carry_profile_and_skills_in_fixed_queries(
    everyone, member, expert, django_assert_max_num_queries
):
    profile_skill_set(actor=expert, member=expert, name="SQL", level=5)
    profile_skill_set(actor=expert, member=expert, name="Python", level=3)

    with django_assert_max_num_queries(2):
        people = list(people_list(viewer=member))
        skills = {p.username: [str(s) for s in p.profile.skill_levels.all()] for p in people}

    assert skills["eric"] == ["SQL (Expert)", "Python (Practitioner)"]
    assert skills["mia"] == []


def test_person_get_finds_by_username(member, expert):
    person = person_get(viewer=member, username="eric")

    assert person == expert
    assert person.profile.title == "Senior engineer"


def test_person_get_unknown_is_404(member):
    with pytest.raises(Http404, match="No such member"):
        person_get(viewer=member, username="nobody")


def test_direct_reports_are_active_people_reporting_to_the_person(
    staff, community_manager, member, expert, outsider
):
    for person in (member, expert, outsider):
        profile_update(
            actor=staff,
            member=person,
            first_name=person.first_name,
            last_name=person.last_name,
            manager=community_manager,
        )
    deactivate(outsider)

    reports = direct_reports(viewer=member, person=community_manager)

    assert usernames(reports) == ["eric", "mia"]
    assert direct_reports(viewer=member, person=member) == []


def test_departments_count_their_active_members(everyone, member, expert, outsider, staff):
    logistics = make_department("Logistics", head=expert)
    make_department("Finance")
    place(member, logistics)
    place(expert, logistics)
    place(outsider, logistics)
    deactivate(outsider)

    counts = {d.slug: d.member_count for d in departments_list(viewer=member)}

    assert counts == {"finance": 0, "logistics": 2}


def test_department_get_by_slug_with_count_and_head(member, expert):
    logistics = make_department("Logistics", head=expert, description="Moves things.")
    make_department("Inbound", parent=logistics)
    place(member, logistics)

    department = department_get(viewer=member, slug="logistics")

    assert department.pk == logistics.pk
    assert department.member_count == 1
    assert department.head == expert
    assert [c.slug for c in department.children.all()] == ["inbound"]


def test_department_get_unknown_is_404(member):
    with pytest.raises(Http404, match="No such department"):
        department_get(viewer=member, slug="nowhere")


def test_skills_in_use_lists_only_skills_someone_has(member, expert):
    profile_skill_set(actor=member, member=member, name="SQL", level=2)
    unused = profile_skill_set(actor=expert, member=expert, name="Fortran", level=2)
    profile_skill_remove(actor=expert, member=expert, skill_id=unused.skill_id)

    assert [s.slug for s in skills_in_use()] == ["sql"]
