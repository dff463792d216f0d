"""/api/v1/content: list, create, read, change and delete items of every kind.

Items in private communities exist only for the community's members (and staff): anyone else gets
404, exactly as for an item that does not exist. A community or author named in the input that the
caller cannot see answers 422 "no such community" / "no such member", the same answer as for one
that does not exist, so the API never reveals that a private community exists.
"""

import json

from django.db import transaction
from django.http import Http404
from ninja import Query, Router, Status
from ninja.errors import HttpError
from ninja.errors import ValidationError as SchemaValidationError
from pydantic import ValidationError as PydanticValidationError

from guildhall.communities.selectors import community_get
from guildhall.content import kinds, selectors, services
from guildhall.content.hooks import attach_api_fields
from guildhall.content.models import ContentItem
from guildhall.content.schemas import (
    ItemDeleteIn,
    ItemIn,
    ItemListOut,
    ItemOut,
    ItemPatch,
    ItemQuery,
)
from guildhall.core.api_support import page
from guildhall.core.api_types import Id, Text, errors
from guildhall.core.exceptions import ValidationError

router = Router(tags=["content"])


def _community(viewer, slug: str | None):
    """The community a slug names, or None for no slug; 422 when the viewer cannot see it."""
    if not slug:
        return None
    try:
        return community_get(viewer=viewer, slug=slug)
    except Http404:
        raise ValidationError({"community": "No such community."}) from None


def _author(viewer, username: str):
    if not username:
        return None
    try:
        return selectors.author_get(username=username)
    except Http404:
        raise ValidationError({"author": "No such member."}) from None


def _check_kind(kind: str) -> None:
    if kind and kinds.get(kind) is None:
        known = ", ".join(k.name for k in kinds.all_kinds())
        raise ValidationError({"kind": f"Unknown kind {kind!r}; choose one of: {known}."})


@router.get("", response={200: ItemListOut, **errors(401, 422)}, summary="Items")
def items_list(request, params: Query[ItemQuery]):
    """Published items the caller may see, newest first. Filters: `community` (slug), `kind`,
    `author` (username), `tag`; `status=draft` lists the caller's own drafts instead."""
    _check_kind(params.kind)
    items = selectors.content_feed(
        viewer=request.auth,
        community=_community(request.auth, params.community),
        kind=params.kind,
        author=_author(request.auth, params.author),
        tag=params.tag.lstrip("#").lower(),
        drafts_only=params.status == "draft",
    )
    found, count = page(items, limit=params.limit, offset=params.offset)
    return {"items": attach_api_fields(found), "count": count}


# The request body: JSON for every kind; multipart/form-data (file in `file`) for the kinds that
# are created with a file. Declared here because the handler reads the body itself.
_CREATE_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": ItemIn.model_json_schema()},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["kind", "title", "file"],
                    "properties": {
                        "kind": {"type": "string", "enum": ["episode", "document"]},
                        "community": {"type": "string"},
                        "title": {"type": "string"},
                        "body": {"type": "string"},
                        "tags": {"type": "string"},
                        "status": {"type": "string", "enum": ["draft", "published"]},
                        "file": {"type": "string", "format": "binary"},
                    },
                }
            },
        },
    }
}


def _create_input(request) -> tuple[ItemIn, object]:
    """The item to create and its file (multipart only), from either kind of body."""
    file = None
    if request.content_type == "multipart/form-data":
        raw = {key: request.POST.get(key) for key in request.POST}
        spec = kinds.get(raw.get("kind") or "")
        if spec is None or not spec.accepts_file:
            file_kinds = ", ".join(k.name for k in kinds.all_kinds() if k.accepts_file)
            raise HttpError(
                400, f"Send JSON; multipart/form-data is only for kinds with a file ({file_kinds})."
            )
        file = request.FILES.get("file")
    else:
        try:
            raw = json.loads(request.body or b"")
        except (ValueError, UnicodeDecodeError):
            raise HttpError(400, "Cannot parse request body") from None
    if not isinstance(raw, dict):
        raise HttpError(400, "Send a JSON object.")
    try:
        payload = ItemIn.model_validate(raw)
    except PydanticValidationError as exc:
        problems = json.loads(exc.json(include_url=False))
        for problem in problems:
            problem["loc"] = ["body", "payload", *problem.get("loc", [])]
        raise SchemaValidationError(problems) from None
    return payload, file


@router.post(
    "",
    response={201: ItemOut, **errors(400, 401, 403, 422)},
    summary="Create an item",
    openapi_extra=_CREATE_BODY,
)
def item_create(request):
    """Create an item, published unless `"status": "draft"`. `community` is a slug the caller
    belongs to, or null for a personal item of a kind that allows it (`post`).

    Kinds created with a file (`episode`, `document`) take `multipart/form-data` instead of
    JSON: the same fields as form fields (`tags` as one comma-separated string) and the file in
    `file`, e.g. `curl -F kind=episode -F community=maintenance -F title=... -F file=@tip.mp3`."""
    payload, file = _create_input(request)
    item = services.item_create_of_kind(
        actor=request.auth,
        kind=payload.kind,
        community=_community(request.auth, payload.community),
        title=payload.title,
        body=payload.body,
        tags=payload.tags,
        publish=payload.status == ContentItem.Status.PUBLISHED,
        data=payload.dict(exclude={"kind", "community", "title", "body", "tags", "status"}),
        file=file,
    )
    return Status(201, _one(request.auth, item.pk))


@router.get("/{id}", response={200: ItemOut, **errors(401, 404, 422)}, summary="One item")
def item_detail(request, id: Id):
    """An item the caller may see (their own drafts included). Reading it here does not count
    as a view."""
    return _one(request.auth, id)


def _one(viewer, pk: int):
    return attach_api_fields([selectors.content_item_get(viewer=viewer, pk=pk)])[0]


@router.patch(
    "/{id}", response={200: ItemOut, **errors(401, 403, 404, 409, 422)}, summary="Change an item"
)
def item_update(request, id: Id, payload: ItemPatch):
    """Change the title, body or tags (only the fields sent), and/or publish a draft with
    `"status": "published"`. The author, community managers and staff may do this.

    Wiki pages: members who may edit the wiki send `body` (and/or `title`), `summary` and
    `base_revision`, the revision their edit starts from; when someone saved since, nothing is
    saved and the answer is 409 with `latest_revision`."""
    item = selectors.content_item_get(viewer=request.auth, pk=id)
    fields = payload.dict(exclude_unset=True)
    spec = kinds.get(item.kind)
    if spec is not None and spec.update is not None:  # e.g. wiki: a revision, 409 when stale
        item = spec.update(actor=request.auth, item=item, data=fields)
        return _one(request.auth, item.pk)
    fields.pop("summary", None)
    fields.pop("base_revision", None)
    publish = fields.pop("status", None) == ContentItem.Status.PUBLISHED
    with transaction.atomic():
        if fields or not publish:
            item = services.content_item_update(actor=request.auth, item=item, **fields)
        if publish:
            item = services.content_item_publish(actor=request.auth, item=item)
    return _one(request.auth, item.pk)


@router.delete(
    "/{id}", response={204: None, **errors(401, 403, 404, 422)}, summary="Delete an item"
)
def item_delete(request, id: Id, reason: Text = ""):
    """Deleting someone else's item (a manager, staff) needs a `reason` (this query parameter or
    a JSON body `{"reason": "..."}`): the author is told it. Without one: 422."""
    item = selectors.content_item_get(viewer=request.auth, pk=id)
    reason = reason or _body_reason(request)
    services.content_item_delete(actor=request.auth, item=item, reason=reason)
    return Status(204, None)


def _body_reason(request) -> str:
    # ninja reads no body on DELETE, and most HTTP clients send none: it is optional here.
    if not request.body:
        return ""
    try:
        raw = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        raise HttpError(400, "Cannot parse request body") from None
    try:
        return ItemDeleteIn.model_validate(raw).reason
    except PydanticValidationError:
        raise ValidationError({"reason": "Give the reason as text, in a JSON object."}) from None
