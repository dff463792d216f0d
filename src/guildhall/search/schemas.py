from datetime import date, datetime
from typing import Annotated, Literal

from django.urls import reverse
from ninja import Schema
from pydantic import Field

from guildhall.core.api_support import ListParams
from guildhall.core.api_types import Text


class SearchParams(ListParams):
    q: Text = ""
    type: Text = ""
    kind: Text = ""
    community: Text = ""
    author: Text = ""
    tag: Text = ""
    date_from: date | None = Field(None, alias="from")
    date_to: date | None = Field(None, alias="to")


# One schema per result type, told apart by `type`; field names are the contract's (an item's,
# a person's, a community's), plus `html_url` and `snippet` (HTML: the text escaped, the matched
# words in <mark>).


class ItemResultOut(Schema):
    type: Literal["item"]
    id: int
    kind: str
    title: str
    community: str | None  # slug
    author: str  # username
    tags: list[str]
    published_at: datetime | None
    matched_in_comment: bool  # found by the text of a comment (shown in `snippet`)
    html_url: str
    snippet: str


class PersonResultOut(Schema):
    type: Literal["person"]
    username: str
    name: str
    title: str
    department: str | None
    html_url: str
    snippet: str


class CommunityResultOut(Schema):
    type: Literal["community"]
    slug: str
    name: str
    kind: str
    visibility: str
    member_count: int
    html_url: str
    snippet: str


SearchResultOut = Annotated[
    ItemResultOut | PersonResultOut | CommunityResultOut, Field(discriminator="type")
]


def result_out(result) -> dict:
    """A `selectors.Result` as the fields of its type's schema (from what `search` loaded)."""
    obj = result.object
    out = {"type": result.type, "snippet": str(result.snippet)}
    if result.type == "item":
        return out | {
            "id": obj.pk,
            "kind": obj.kind,
            "title": obj.title,
            "community": obj.community.slug if obj.community else None,
            "author": obj.author.username,
            "tags": [tag.name for tag in obj.tags.all()],
            "published_at": obj.published_at,
            "matched_in_comment": result.matched_in_comment,
            "html_url": obj.get_absolute_url(),
        }
    if result.type == "person":
        profile = getattr(obj, "profile", None)
        department = profile.department if profile else None
        return out | {
            "username": obj.username,
            "name": obj.name,
            "title": profile.title if profile else "",
            "department": department.name if department else None,
            "html_url": reverse("people:profile", args=[obj.username]),
        }
    return out | {
        "slug": obj.slug,
        "name": obj.name,
        "kind": obj.kind,
        "visibility": obj.visibility,
        "member_count": obj.member_count,
        "html_url": reverse("communities:detail", args=[obj.slug]),
    }


class SearchListOut(Schema):
    items: list[SearchResultOut]
    count: int = Field(
        description="The number of matches, or the bound (1000) when there are more: see "
        "`count_exact`."
    )
    count_exact: bool = Field(
        description="False when the matches are more than the bound and `count` is the bound "
        '("1,000+"); the results page on past it.'
    )
