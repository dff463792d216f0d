"""Wiki revisions in the API. Editing a page is PATCH /api/v1/content/{id} (content.api hands a
wiki page to `wiki.services.wiki_patch`): `body` and/or `title`, `summary`, `base_revision`;
409 with `latest_revision` when someone saved since the base revision."""

from ninja import Query, Router

from guildhall.content.hooks import attach_api_fields
from guildhall.content.schemas import ItemOut
from guildhall.content.selectors import content_item_get
from guildhall.core.api_support import ListParams, page
from guildhall.core.api_types import Id, errors
from guildhall.wiki.schemas import RevertIn, RevisionDetailOut, RevisionListOut
from guildhall.wiki.selectors import wiki_page_get, wiki_revision_get, wiki_revisions
from guildhall.wiki.services import wiki_page_revert

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
