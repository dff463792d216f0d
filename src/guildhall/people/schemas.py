"""What the API shows of people and departments.

Resolvers read only what `people.selectors._people_base` loads (profile, department, manager and
skill levels), so a page of people serialises without further queries.
"""

from datetime import datetime
from typing import Annotated

from ninja import Schema
from pydantic import Field

from guildhall.core.api_support import ListParams
from guildhall.core.api_types import ObjectIn, Text


def _profile(user):
    # A user made outside the services (e.g. `createsuperuser`) may have no profile yet.
    return getattr(user, "profile", None)


class SkillLevelOut(Schema):
    name: str
    slug: str
    level: int
    level_label: str

    @staticmethod
    def resolve_name(obj) -> str:
        return obj.skill.name

    @staticmethod
    def resolve_slug(obj) -> str:
        return obj.skill.slug

    @staticmethod
    def resolve_level_label(obj) -> str:
        return obj.get_level_display()


class PersonOut(Schema):
    username: str
    name: str
    title: str
    department: str | None
    department_slug: str | None
    manager: str | None
    skills: list[str]
    skill_levels: list[SkillLevelOut]
    location: str
    bio: str
    bio_html: str
    follower_count: int
    following_count: int

    @staticmethod
    def resolve_title(obj) -> str:
        profile = _profile(obj)
        return profile.title if profile else ""

    @staticmethod
    def resolve_department(obj) -> str | None:
        profile = _profile(obj)
        return profile.department.name if profile and profile.department else None

    @staticmethod
    def resolve_department_slug(obj) -> str | None:
        profile = _profile(obj)
        return profile.department.slug if profile and profile.department else None

    @staticmethod
    def resolve_manager(obj) -> str | None:
        profile = _profile(obj)
        return profile.manager.username if profile and profile.manager else None

    @staticmethod
    def resolve_skills(obj) -> list[str]:
        profile = _profile(obj)
        return [entry.skill.name for entry in profile.skill_levels.all()] if profile else []

    @staticmethod
    def resolve_skill_levels(obj) -> list:
        profile = _profile(obj)
        return list(profile.skill_levels.all()) if profile else []

    @staticmethod
    def resolve_location(obj) -> str:
        profile = _profile(obj)
        return profile.location if profile else ""

    @staticmethod
    def resolve_bio(obj) -> str:
        profile = _profile(obj)
        return profile.bio if profile else ""

    @staticmethod
    def resolve_bio_html(obj) -> str:
        profile = _profile(obj)
        return profile.bio_html if profile else ""

    @staticmethod
    def resolve_follower_count(obj) -> int:
        profile = _profile(obj)
        return profile.follower_count if profile else 0

    @staticmethod
    def resolve_following_count(obj) -> int:
        profile = _profile(obj)
        return profile.following_count if profile else 0


class PersonDetailOut(PersonOut):
    followed: bool  # whether the caller follows this person
    is_leader: bool  # their blog posts form the leadership blog

    @staticmethod
    def resolve_is_leader(obj) -> bool:
        profile = _profile(obj)
        return bool(profile and profile.is_leader)


class MeOut(PersonOut):
    email: str
    is_staff: bool


class PersonListOut(Schema):
    items: list[PersonOut]
    count: int


class PeopleQuery(ListParams):
    q: Text = ""
    department: Text = ""
    skill: Text = ""


class DepartmentOut(Schema):
    slug: str
    name: str
    description: str
    parent: str | None
    head: str | None
    member_count: int

    @staticmethod
    def resolve_parent(obj) -> str | None:
        return obj.parent.slug if obj.parent_id else None

    @staticmethod
    def resolve_head(obj) -> str | None:
        return obj.head.username if obj.head_id else None


class DepartmentListOut(Schema):
    items: list[DepartmentOut]
    count: int


class FollowOut(Schema):
    username: str
    following: bool
    follower_count: int


class TagFollowOut(Schema):
    tag: str
    following: bool


class EndorsementOut(Schema):
    username: str
    skill: str
    endorsed: bool
    endorsement_count: int


class ExpertsQuery(ListParams):
    topic: Text = ""


class ExpertOut(Schema):
    username: str
    name: str
    title: str
    department: str | None
    score: float
    evidence: list[str]

    @staticmethod
    def resolve_username(obj) -> str:
        return obj.user.username

    @staticmethod
    def resolve_name(obj) -> str:
        return obj.user.name

    @staticmethod
    def resolve_title(obj) -> str:
        return PersonOut.resolve_title(obj.user)

    @staticmethod
    def resolve_department(obj) -> str | None:
        return PersonOut.resolve_department(obj.user)


class ExpertListOut(Schema):
    items: list[ExpertOut]
    count: int


class MePatchIn(ObjectIn):
    """Only the fields sent change. `department` is a department's slug, `manager` a username
    (null clears either)."""

    first_name: Annotated[Text, Field(min_length=1, max_length=150)] | None = None
    last_name: Annotated[Text, Field(max_length=150)] | None = None
    title: Annotated[Text, Field(max_length=120)] | None = None
    location: Annotated[Text, Field(max_length=120)] | None = None
    bio: Annotated[Text, Field(max_length=20_000)] | None = None
    department: Text | None = None
    manager: Text | None = None


class SkillLevelIn(ObjectIn):
    # 1 learning, 2 practising, 3 proficient, 4 advanced, 5 expert.
    level: Annotated[int, Field(ge=1, le=5, strict=True)]


class FollowingOut(Schema):
    """The colleagues the caller follows (most recent first) and the tags they follow."""

    items: list[PersonOut]
    count: int
    tags: list[str]


class DepartmentDetailOut(DepartmentOut):
    sub_departments: list[str]


class ExpertInviteIn(ObjectIn):
    # Usernames of the experts to ask (the question's asker invites; a few per question).
    experts: Annotated[list[Text], Field(min_length=1, max_length=10)]


class ExpertInvitationOut(Schema):
    expert: str
    created_at: datetime

    @staticmethod
    def resolve_expert(obj) -> str:
        return obj.expert.username


class ExpertInvitationListOut(Schema):
    items: list[ExpertInvitationOut]
    count: int
