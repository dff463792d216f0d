"""What the API shows of communities and their memberships, and what it accepts."""

from datetime import datetime
from typing import Annotated, Literal

from ninja import Schema
from pydantic import Field

from guildhall.core.api_support import ListParams
from guildhall.core.api_types import ObjectIn, Text


class CommunityOut(Schema):
    slug: str
    name: str
    kind: str
    visibility: str
    member_count: int
    item_count: int
    purpose: str
    purpose_html: str
    guidelines: str
    guidelines_html: str
    created_at: datetime
    # The caller's role here ("member", "expert", "manager"), or null when not a member.
    my_role: str | None = None


class CommunityListOut(Schema):
    items: list[CommunityOut]
    count: int


class CommunityQuery(ListParams):
    q: Text = ""
    kind: Text = ""


class CommunityIn(ObjectIn):
    name: Annotated[Text, Field(max_length=120)]
    kind: Text = "horizontal"
    visibility: Text = "public"
    purpose: Text = ""
    guidelines: Text = ""
    # The address (/c/<slug>/); made from the name when left out.
    slug: Annotated[str, Field(max_length=80, pattern=r"^[-a-zA-Z0-9_]*$")] = ""


class CommunityPatchIn(ObjectIn):
    """Only the fields sent change (managers and staff)."""

    name: Annotated[Text, Field(min_length=1, max_length=120)] | None = None
    kind: Literal["horizontal", "vertical", "interest"] | None = None
    visibility: Literal["public", "private"] | None = None
    purpose: Text | None = None
    guidelines: Text | None = None
    # With new `guidelines`: a material change, members accept them again before contributing.
    guidelines_material: bool = False


class RoleIn(ObjectIn):
    role: Literal["member", "expert", "manager"]


class _PersonInCommunity(Schema):
    """A row naming a community and a person (a membership, a request to join)."""

    community: str
    username: str

    @staticmethod
    def resolve_community(obj) -> str:
        return obj.community.slug

    @staticmethod
    def resolve_username(obj) -> str:
        return obj.user.username


class JoinRequestOut(_PersonInCommunity):
    id: int
    name: str
    message: str
    status: str
    created_at: datetime
    decided_at: datetime | None

    @staticmethod
    def resolve_name(obj) -> str:
        return obj.user.name


class JoinRequestListOut(Schema):
    items: list[JoinRequestOut]
    count: int


class JoinIn(ObjectIn):
    accept_guidelines: bool = False


class MembershipOut(_PersonInCommunity):
    role: str
    joined_at: datetime
    guidelines_accepted_at: datetime | None


class MemberOut(Schema):
    """One member of a community, as the members list shows them."""

    username: str
    name: str
    title: str
    department: str | None
    role: str
    joined_at: datetime

    @staticmethod
    def resolve_username(obj) -> str:
        return obj.user.username

    @staticmethod
    def resolve_name(obj) -> str:
        return obj.user.name

    @staticmethod
    def resolve_title(obj) -> str:
        profile = getattr(obj.user, "profile", None)
        return profile.title if profile else ""

    @staticmethod
    def resolve_department(obj) -> str | None:
        profile = getattr(obj.user, "profile", None)
        return profile.department.name if profile and profile.department else None


class MemberListOut(Schema):
    items: list[MemberOut]
    count: int


class MemberQuery(ListParams):
    # Only members with this role: "member", "expert" or "manager".
    role: Text = ""
