from datetime import datetime

from ninja import Schema


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


class RevertIn(Schema):
    revision: int
