"""What the API shows of notifications and preferences, and what it accepts."""

from datetime import datetime

from ninja import Schema
from pydantic import Field

from guildhall.core.api_support import ListParams
from guildhall.core.api_types import Id, ObjectIn, Text


class TargetOut(Schema):
    type: str  # "item" or "community"
    id: int | None  # the item's id (null for a community)
    slug: str | None  # the community's slug (null for an item)
    title: str
    html_url: str


class NotificationOut(Schema):
    id: int
    type: str  # the verb: "comment", "reply", "answer", "mention"...
    actor: str | None  # who acted last (username), null when nobody did
    # Everyone a grouped notification stands for (usernames, latest first) and how many acts.
    actors: list[str]
    count: int
    target: TargetOut | None
    text: str
    # Opening it in a browser marks it read and leads to what it is about.
    html_url: str
    created_at: datetime
    read: bool


class NotificationListOut(Schema):
    items: list[NotificationOut]
    count: int


class NotificationsQuery(ListParams):
    unread: bool = False


class UnreadCountOut(Schema):
    count: int


MAX_MARK_READ = 500  # a page of the centre is 30; "all": true marks any number


class MarkReadIn(ObjectIn):
    """Either `ids` (your notifications to mark read) or `"all": true`."""

    ids: list[Id] | None = Field(None, max_length=MAX_MARK_READ)
    all: bool = False


class MarkReadOut(Schema):
    marked: int  # how many were unread and are now read
    unread: int  # what is left unread


class TypePreference(Schema):
    type: Text
    label: str = ""  # ignored on input
    delivery: Text  # "app", "email", "digest" or "off"


class PreferencesOut(Schema):
    digest: str  # "daily", "weekly" or "never"
    types: list[TypePreference]


class PreferencesIn(ObjectIn):
    """Change only what you send: the digest frequency, some types, or both."""

    digest: Text | None = None
    types: list[TypePreference] | None = None
