from datetime import datetime
from typing import Annotated

from ninja import Schema
from pydantic import Field

from guildhall.core.api_support import ListParams
from guildhall.core.api_types import ObjectIn, Text


class AnswerOut(Schema):
    id: int
    question: int
    author: str
    author_name: str
    # Markdown as written, and rendered + sanitised (safe to insert into a page).
    body: str
    body_html: str
    score: int
    is_accepted: bool
    created_at: datetime
    updated_at: datetime
    # The caller's own vote: 1, -1 or 0 (present in lists and after voting).
    my_vote: int = 0

    @staticmethod
    def resolve_question(obj) -> int:
        return obj.item_id

    @staticmethod
    def resolve_author(obj) -> str:
        return obj.author.username

    @staticmethod
    def resolve_author_name(obj) -> str:
        return obj.author.name

    @staticmethod
    def resolve_my_vote(obj) -> int:
        return getattr(obj, "my_vote", 0)


class AnswerListOut(Schema):
    items: list[AnswerOut]
    count: int


class AnswerIn(ObjectIn):
    body: Text


class VoteIn(ObjectIn):
    # 1 up, -1 down; 0 clears the caller's vote. Strict: true/false are not votes.
    value: Annotated[int, Field(strict=True, ge=-1, le=1)]


class QuestionsQuery(ListParams):
    # true: only answered questions; false: only unanswered ones; left out: all.
    answered: bool | None = None
    community: Text = ""  # a community's slug; company-wide when left out
