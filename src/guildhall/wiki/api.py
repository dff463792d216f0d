"""Wiki revisions in the API. Editing a page is PATCH /api/v1/content/{id} (content.api hands a
wiki page to `wiki.services.wiki_patch`): `body` and/or `title`, `summary`, `base_revision`;
409 with `latest_revision` when someone saved since the base revision."""

from ninja import Query, Router

from guildhall.communities.selectors import community_get
from guildhall.content.hooks import attach_api_fields
from guildhall.content.schemas import ItemOut
from guildhall.content.selectors import content_item_get
from guildhall.core.api_support import ListParams, page
from guildhall.core.api_types import Id, Text, errors
from guildhall.wiki.permissions import wiki_editors
from guildhall.wiki.schemas import (
    DiffOut,
    DiffQuery,
    RevertIn,
    RevisionDetailOut,
    RevisionListOut,
    WikiSettingsIO,
)
from guildhall.wiki.selectors import wiki_diff, wiki_page_get, wiki_revision_get, wiki_revisions
from guildhall.wiki.services import wiki_page_revert, wiki_settings_set

router = Router(tags=["wiki"])


@router.get(
    "/content/{id}/revisions",
    response={200: RevisionListOut, **errors(401, 404, 422)},
    summary="A wiki page's revisions",
)
def revisions_list(request, id: Id, params: Query[ListParams]):
    """Newest first: number, title, summary, author (username), created_at."""
    item = wiki_page_get(viewer=request.auth, pk=id)
    found, count = page(wiki_revisions(item=item), limit=params.limit, offset=params.offset)
    return {"items": found, "count": count}


@router.get(
    "/content/{id}/revisions/{number}",
    response={200: RevisionDetailOut, **errors(401, 404, 422)},
    summary="One revision of a wiki page",
)
def revision_detail(request, id: Id, number: Id):
    item = wiki_page_get(viewer=request.auth, pk=id)
    return wiki_revision_get(item=item, number=number)


@router.post(
    "/content/{id}/revert",
    response={200: ItemOut, **errors(401, 403, 404, 422)},
    summary="Revert a wiki page to a revision",
)
def revert(request, id: Id, payload: RevertIn):
    """Saves a new revision with the title and text of `revision` (summary "Reverted to
    revision n"); answers the page, whose `revision` is the new number."""
    item = wiki_page_get(viewer=request.auth, pk=id)
    wiki_page_revert(actor=request.auth, item=item, revision=payload.revision)
    return attach_api_fields([content_item_get(viewer=request.auth, pk=item.pk)])[0]


@router.get(
    "/content/{id}/diff",
    response={200: DiffOut, **errors(401, 404, 422)},
    summary="What changed between two revisions",
)
def revision_diff(request, id: Id, params: Query[DiffQuery]):
    """`?from=2&to=5` (to: the latest by default; from: the revision before `to`)."""
    item = wiki_page_get(viewer=request.auth, pk=id)
    diff = wiki_diff(item=item, from_number=params.from_, to_number=params.to)
    return {
        "from_revision": diff.old.number,
        "to_revision": diff.new.number,
        "added": diff.added,
        "removed": diff.removed,
        "rows": diff.rows,
    }


@router.get(
    "/communities/{slug}/wiki-settings",
    response={200: WikiSettingsIO, **errors(401, 404)},
    summary="Who may edit a community's wiki",
)
def wiki_settings_get(request, slug: Text):
    community = community_get(viewer=request.auth, slug=slug)
    return {"editors": wiki_editors(community)}


@router.put(
    "/communities/{slug}/wiki-settings",
    response={200: WikiSettingsIO, **errors(401, 403, 404, 422)},
    summary="Choose who may edit a community's wiki",
)
def wiki_settings_put(request, slug: Text, payload: WikiSettingsIO):
    """Managers (and staff): `{"editors": "members"}` or `{"editors": "experts"}`."""
    community = community_get(viewer=request.auth, slug=slug)
    wiki_settings_set(actor=request.auth, community=community, editors=payload.editors)
    return {"editors": payload.editors}
