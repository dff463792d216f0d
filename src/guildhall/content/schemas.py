"""What the API shows of items and what it accepts to create and change them.

`ItemOut` reads only what `content.selectors.with_card_data` loads (author, community, tags), so
a page of items serialises without further queries.
"""

from datetime import datetime
from typing import Literal

from ninja import Schema
from ninja.schema import DjangoGetter
from pydantic import ConfigDict, model_validator

from guildhall.core.api_support import ListParams
from guildhall.core.api_types import Text


def _extension_field(obj, name: str):
    """A field a kind or an engagement app adds (`content.hooks.attach_api_fields`)."""
    return getattr(obj, "api_fields", {}).get(name)


class ItemOut(Schema):
    id: int
    kind: str
    title: str
    slug: str
    body: str
    # The body rendered from Markdown and sanitised: safe to insert into a page.
    body_html: str
    status: str
    community: str | None
    author: str
    author_name: str
    tags: list[str]
    created_at: datetime
    updated_at: datetime
    published_at: datetime | None
    views: int
    comments: int
    html_url: str
    # Engagement, on every kind.
    rating_average: float | None = None
    rating_count: int = 0
    favourites: int = 0
    expert_pick: dict | None = None
    # Kind fields: null on kinds they don't belong to.
    answer_count: int | None = None  # question
    accepted_answer: int | None = None  # question: the accepted answer's id
    revision: int | None = None  # wiki: the latest revision's number
    duration_seconds: int | None = None  # episode
    audio_url: str | None = None  # episode
    file_url: str | None = None  # document
    size: int | None = None  # document, in bytes
    mime_type: str | None = None  # document
    url: str | None = None  # pin: the link it pins

    @staticmethod
    def resolve_community(obj) -> str | None:
        return obj.community.slug if obj.community_id else None

    @staticmethod
    def resolve_author(obj) -> str:
        return obj.author.username

    @staticmethod
    def resolve_author_name(obj) -> str:
        return obj.author.name

    @staticmethod
    def resolve_tags(obj) -> list[str]:
        return [tag.name for tag in obj.tags.all()]

    @staticmethod
    def resolve_views(obj) -> int:
        return obj.view_count

    @staticmethod
    def resolve_comments(obj) -> int:
        return obj.comment_count

    @staticmethod
    def resolve_html_url(obj) -> str:
        return obj.get_absolute_url()

    @staticmethod
    def resolve_rating_average(obj) -> float | None:
        return round(obj.rating_sum / obj.rating_count, 2) if obj.rating_count else None

    @staticmethod
    def resolve_rating_count(obj) -> int:
        return obj.rating_count

    @staticmethod
    def resolve_favourites(obj) -> int:
        return obj.favourite_count

    @staticmethod
    def resolve_expert_pick(obj):
        return _extension_field(obj, "expert_pick")

    @staticmethod
    def resolve_answer_count(obj):
        return _extension_field(obj, "answer_count")

    @staticmethod
    def resolve_accepted_answer(obj):
        return _extension_field(obj, "accepted_answer")

    @staticmethod
    def resolve_revision(obj):
        return _extension_field(obj, "revision")

    @staticmethod
    def resolve_duration_seconds(obj):
        return _extension_field(obj, "duration_seconds")

    @staticmethod
    def resolve_audio_url(obj):
        return _extension_field(obj, "audio_url")

    @staticmethod
    def resolve_file_url(obj):
        return _extension_field(obj, "file_url")

    @staticmethod
    def resolve_size(obj):
        return _extension_field(obj, "size")

    @staticmethod
    def resolve_mime_type(obj):
        return _extension_field(obj, "mime_type")

    @staticmethod
    def resolve_url(obj):
        return _extension_field(obj, "url")


class ItemListOut(Schema):
    items: list[ItemOut]
    count: int


class ItemQuery(ListParams):
    community: Text = ""  # a community's slug
    kind: Text = ""
    author: Text = ""  # a username
    tag: Text = ""


class ItemIn(Schema):
    """The shared fields; a kind's own fields (a pin's `url`...) come alongside and reach the
    kind's create service as `data`."""

    model_config = ConfigDict(extra="allow")

    @model_validator(mode="wrap")
    @classmethod
    def _run_root_validator(cls, values, handler, info):
        # ninja's Schema validates through a DjangoGetter, which drops the extra fields (a pin's
        # `url`...): validate a plain dict as it is, so they reach the kind's service as `data`.
        if isinstance(values, dict):
            return handler(values)
        return handler(DjangoGetter(values, cls, info.context))

    kind: Text
    # A community's slug, or null for a personal item (a blog post, for instance).
    community: Text | None = None
    title: Text
    body: Text = ""
    # A list of tags, or one string of tags separated by commas or spaces.
    tags: list[Text] | Text = []
    status: Literal["draft", "published"] = "published"


class ItemPatch(Schema):
    """Only the fields sent change. `status: "published"` publishes a draft."""

    title: Text | None = None
    body: Text | None = None
    tags: list[Text] | Text | None = None
    status: Literal["published"] | None = None
    summary: Text | None = None  # wiki: what this edit changed
    base_revision: int | None = None  # wiki: the revision the edit starts from


class ItemDeleteIn(Schema):
    """The optional JSON body of DELETE /content/{id}."""

    reason: Text = ""
