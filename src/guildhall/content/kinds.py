"""The registry of item kinds. Kind apps register themselves; `content` imports none of them.

A kind is a row of `ContentItem` plus, for some kinds, a table of its own (one-to-one or many rows
per item). Everything a kind adds to the shared pages and API goes through its `Kind` entry:

- `create_url`: the name of the kind's own "new" page (episodes upload a file, wikis live in a
  community's wiki...). Kinds without one are written with the shared form at /content/new/.
- `create`: `create(actor=, community=, title=, body=, tags=, publish=, data=, file=) -> item`, the
  kind's service creating the item and its own rows in one transaction; used by the API and the
  shared form. Default: `content.services.content_item_create`.
- `can_create(user, community) -> bool`: who may create this kind there (default: any member,
  already checked by the shared rules).
- `detail_template` + `detail_context(request, item) -> dict`: a partial shown on the item page
  under the body, with the context it needs (loaded in a fixed number of queries).
- `api_fields(items) -> {item_id: {field: value}}`: the kind's fields in the item JSON, for a
  whole page of items at once; `api_schema` declares them for the OpenAPI document,
  `{field: (type, description)}` (null on items of other kinds).
- `render(body, item) -> html`: the kind's own Markdown rendering (e.g. wiki links), sanitised.
- `edit_url`: the name of the kind's own edit page (takes the item's pk); /content/<id>/edit/
  sends there. `update(actor=, item=, data=) -> item`: the kind's own change service, used by
  PATCH /api/v1/content/{id} with the fields sent (wiki pages: revisions, 409 when stale).
- `accepts_file`: the kind is created with an uploaded file (episodes, documents): the API's
  POST /content then takes multipart/form-data with the file in `file`.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Kind:
    name: str  # the API's and the database's name: "post", "discussion"...
    label: str
    label_plural: str
    description: str
    community_required: bool  # False: may be published without a community (personal blog)
    create_url: str = ""
    create: Callable[..., Any] | None = None
    can_create: Callable[[Any, Any], bool] | None = None
    detail_template: str = ""
    detail_context: Callable[[Any, Any], dict] | None = None
    api_fields: Callable[[list], dict[int, dict]] | None = None
    api_schema: dict[str, tuple[Any, str]] = field(default_factory=dict)
    render: Callable[[str, Any], str] | None = None
    edit_url: str = ""
    update: Callable[..., Any] | None = None
    accepts_file: bool = False
    # A manager may move its items to another community (content_item_move): only kinds whose
    # own rows keep no copy of the community (a wiki page's place in its wiki does) say True.
    movable: bool = False


_kinds: dict[str, Kind] = {}


def register(kind: Kind) -> None:
    _kinds[kind.name] = kind


def get(name: str) -> Kind | None:
    return _kinds.get(name)


def all_kinds() -> list[Kind]:
    return list(_kinds.values())


def choices() -> list[tuple[str, str]]:
    return [(k.name, k.label) for k in _kinds.values()]


def shared_form_choices() -> list[tuple[str, str]]:
    """Kinds written with the shared form (no page of their own)."""
    return [(k.name, k.label) for k in _kinds.values() if not k.create_url]


def label(name: str) -> str:
    kind = _kinds.get(name)
    return kind.label if kind else name.capitalize()


def api_schema() -> dict[str, tuple[Any, str]]:
    """Every kind's item fields, `{field: (type, description)}`; a field two kinds declare must
    have one type."""
    merged: dict[str, tuple[Any, str]] = {}
    for kind in _kinds.values():
        for name, (annotation, description) in kind.api_schema.items():
            known = merged.setdefault(name, (annotation, f"{kind.name}: {description}"))
            if known[0] != annotation:
                raise TypeError(f"the item field {name!r} has two types: {known[0]}, {annotation}")
    return merged


def api_fields(items: list) -> dict[int, dict]:
    """Kind fields for a page of items: one batch per kind present."""
    fields: dict[int, dict] = {}
    by_kind: dict[str, list] = {}
    for item in items:
        by_kind.setdefault(item.kind, []).append(item)
    for name, group in by_kind.items():
        kind = _kinds.get(name)
        if kind and kind.api_fields:
            fields.update(kind.api_fields(group))
    return fields
