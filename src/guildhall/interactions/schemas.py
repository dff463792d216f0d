"""What the API shows of comments and what it accepts."""

from datetime import datetime
from typing import Annotated

from ninja import Schema
from pydantic import Field

from guildhall.content.schemas import ItemOut
from guildhall.core.api_types import Id, ObjectIn, Text


class CommentOut(Schema):
    id: int
    author: str
    author_name: str
    body: str
    # The body rendered from Markdown and sanitised: safe to insert into a page.
    body_html: str
    # The top-level comment this one replies to (threads are one level deep), or null.
    parent: int | None
    is_deleted: bool
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_author(obj) -> str:
        return obj.author.username

    @staticmethod
    def resolve_author_name(obj) -> str:
        return obj.author.name

    @staticmethod
    def resolve_parent(obj) -> int | None:
        return obj.parent_id


class CommentListOut(Schema):
    items: list[CommentOut]
    count: int


class CommentIn(ObjectIn):
    body: Annotated[Text, Field(min_length=1, max_length=20_000)]
    # Reply to this comment (a reply to a reply joins the same thread).
    parent: Id | None = None


class CommentPatchIn(ObjectIn):
    body: Annotated[Text, Field(min_length=1, max_length=20_000)]


class RatingIn(ObjectIn):
    stars: int  # 1 to 5


class RatingOut(Schema):
    stars: int | None  # the caller's rating, null once cleared
    rating_average: float | None
    rating_count: int


class FavouriteOut(Schema):
    favourite: bool  # whether the item is now one of the caller's favourites
    favourites: int  # how many members favourited it


class ShareIn(ObjectIn):
    """Exactly one of `to_user` (a username: a recommendation, they are notified) and
    `to_community` (a slug of a community you belong to)."""

    to_user: Text | None = None
    to_community: Text | None = None
    note: Text = ""


class ShareOut(Schema):
    id: int
    item: int
    to_user: str | None
    to_community: str | None
    note: str
    created_at: datetime

    @staticmethod
    def resolve_item(obj) -> int:
        return obj.item_id

    @staticmethod
    def resolve_to_user(obj) -> str | None:
        return obj.to_user.username if obj.to_user_id else None

    @staticmethod
    def resolve_to_community(obj) -> str | None:
        return obj.to_community.slug if obj.to_community_id else None


class ExpertPickIn(ObjectIn):
    note: Text = ""


class ExpertPickOut(Schema):
    by: str | None
    note: str
    created_at: datetime

    @staticmethod
    def resolve_by(obj) -> str | None:
        return obj.picked_by.username if obj.picked_by_id else None


class CommunityPickOut(ExpertPickOut):
    """An item a community's expert or manager recommends, with who picked it and why."""

    item: ItemOut


class CommunityPickListOut(Schema):
    items: list[CommunityPickOut]
    count: int
