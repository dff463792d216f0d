from datetime import datetime
from typing import Literal

from ninja import Schema
from pydantic import Field

from guildhall.core.api_types import Id, ObjectIn


class RevisionOut(Schema):
    number: int
    title: str
    summary: str
    author: str | None
    created_at: datetime
    reverted_to: int | None = None

    @staticmethod
    def resolve_author(obj) -> str | None:
        return obj.author.username if obj.author_id else None


class RevisionDetailOut(RevisionOut):
    body: str


class RevisionListOut(Schema):
    items: list[RevisionOut]
    count: int


class RevertIn(ObjectIn):
    revision: int


class DiffRowOut(Schema):
    # "equal", "delete", "insert", "replace", or "fold" (unchanged lines left out).
    kind: str
    old_no: int | None
    old: str
    new_no: int | None
    new: str


class DiffOut(Schema):
    """Line by line from revision `from_revision` to `to_revision`, with a few lines of context."""

    from_revision: int
    to_revision: int
    added: int
    removed: int
    rows: list[DiffRowOut]


class DiffQuery(Schema):
    # Revision numbers; `to` defaults to the latest, `from` to the one before `to`.
    to: Id | None = None
    from_: Id | None = Field(None, alias="from")


class WikiSettingsIO(Schema):
    # Who may edit the community's wiki: every member, or its experts and managers only.
    editors: Literal["members", "experts"]
