from datetime import date

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


class SearchResultOut(Schema):
    """One result; which identifying fields are set depends on `type`."""

    type: str  # "item", "person" or "community"
    html_url: str
    snippet: str  # HTML: the user's text escaped, the matched words in <mark>
    # item
    id: int | None = None
    kind: str | None = None
    community: str | None = None  # slug
    author: str | None = None  # username
    matched_in_comment: bool | None = None
    # item (its title) or person (their job title)
    title: str | None = None
    # person
    username: str | None = None
    # person or community
    name: str | None = None
    # community
    slug: str | None = None


def result_out(result) -> dict:
    """A `selectors.Result` as the fields of `SearchResultOut`."""
    obj = result.object
    out = {"type": result.type, "snippet": str(result.snippet)}
    if result.type == "item":
        return out | {
            "id": obj.pk,
            "kind": obj.kind,
            "title": obj.title,
            "html_url": obj.get_absolute_url(),
            "community": obj.community.slug if obj.community else None,
            "author": obj.author.username,
            "matched_in_comment": result.matched_in_comment,
        }
    if result.type == "person":
        profile = getattr(obj, "profile", None)
        return out | {
            "username": obj.username,
            "name": obj.name,
            "title": profile.title if profile else "",
            "html_url": reverse("people:profile", args=[obj.username]),
        }
    return out | {
        "slug": obj.slug,
        "name": obj.name,
        "html_url": reverse("communities:detail", args=[obj.slug]),
    }


class SearchListOut(Schema):
    items: list[SearchResultOut]
    count: int
