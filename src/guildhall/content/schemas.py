"""What the API shows of items and what it accepts to create and change them.

`ItemOut` reads only what `content.selectors.with_card_data` loads (author, community, tags), so
a page of items serialises without further queries. Its kind fields are those the registered kinds
declare (`Kind.api_schema`), so this module is imported once the apps are ready (by the URLconf).
"""

from datetime import datetime
from typing import Literal

from django.apps import apps
from ninja import Schema
from ninja.schema import DjangoGetter
from pydantic import ConfigDict, Field, model_validator

from guildhall.content import kinds
from guildhall.core.api_support import ListParams
from guildhall.core.api_types import ObjectIn, Text


def _extension_field(obj, name: str):
    """A field a kind or an engagement app adds (`content.hooks.attach_api_fields`)."""
    return getattr(obj, "api_fields", {}).get(name)


class _SharedItemOut(Schema):
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
    # Quality control: {"status": "pending" | "rejected" | "verified" | "due" | null,
    # "verified_by", "verified_at", "due_at", "replacement"}.
    quality: dict | None = None

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
    def resolve_quality(obj):
        return _extension_field(obj, "quality")


def _kind_field_resolver(name: str) -> staticmethod:
    def resolve(obj):
        return _extension_field(obj, name)

    return staticmethod(resolve)


def _item_out_with_kind_fields() -> type[Schema]:
    """`ItemOut`: the shared fields, then each registered kind's own (null on other kinds)."""
    if not apps.ready:
        raise RuntimeError("content.schemas needs every kind registered: import it after setup")
    declared = kinds.api_schema()
    namespace = {
        "__module__": __name__,
        "__annotations__": {name: annotation | None for name, (annotation, _) in declared.items()},
        **{name: Field(None, description=text) for name, (_, text) in declared.items()},
        **{f"resolve_{name}": _kind_field_resolver(name) for name in declared},
    }
    return type("ItemOut", (_SharedItemOut,), namespace)


ItemOut = _item_out_with_kind_fields()


class ItemListOut(Schema):
    items: list[ItemOut]
    count: int


class ItemQuery(ListParams):
    community: Text = ""  # a community's slug
    kind: Text = ""
    author: Text = ""  # a username
    tag: Text = ""
    # "draft": the caller's own drafts, last edited first (other filters still apply).
    status: Literal["published", "draft"] = "published"


class ItemIn(ObjectIn):
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


class ItemDeleteIn(ObjectIn):
    """The optional JSON body of DELETE /content/{id}."""

    reason: Text = ""
