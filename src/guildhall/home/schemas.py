"""What GET /api/v1/home answers: items as the content API shows them, people as the people API
does, each with why it is in its section."""

from datetime import datetime

from ninja import Schema
from pydantic import Field

from guildhall.content.schemas import ItemOut
from guildhall.core.api_types import ObjectIn, Text
from guildhall.people.schemas import PersonOut


class HomeQuery(Schema):
    kind: Text = ""  # what's new and what's popular: only this kind
    window: int = 7  # what's popular: 7 or 30 days
    limit: int = 20  # what's new: how many (1 to 100)


class PopularItemOut(ItemOut):
    trend_score: float


class ForYouItemOut(ItemOut):
    reason: str  # "matches_your_skills" or "your_open_question"


class HomePersonOut(PersonOut):
    reason: str  # "joined", "interview" or "helpfulness"
    joined_at: datetime | None = None  # joined: when
    joined_where: str | None = None  # joined: the community or department
    welcomed: bool | None = None  # joined: whether the caller already welcomed them
    interview: int | None = None  # interview: the interview item's id
    score: float | None = None  # helpfulness: the score
    evidence: list[str] = Field(default_factory=list)  # helpfulness: what makes the score
    community: str | None = None  # helpfulness: the community's slug, null for company-wide

    @staticmethod
    def resolve_community(obj) -> str | None:
        community = getattr(obj, "community", None)
        return community.slug if community is not None else None


class HomeOut(Schema):
    sections: list[str]  # the sections staff enabled, in their order
    latest_news: list[ItemOut]
    whats_new: list[ItemOut]
    whats_popular: list[PopularItemOut]
    whos_new: list[HomePersonOut]
    whos_popular: list[HomePersonOut]
    for_you: list[ForYouItemOut]


class WelcomeIn(ObjectIn):
    message: Text = ""  # optional: a default greeting is sent without one


class WelcomeOut(Schema):
    recipient: str
    message: str
    created_at: datetime

    @staticmethod
    def resolve_recipient(obj) -> str:
        return obj.recipient.username
