"""GET /api/v1/search: the search page's results as JSON."""

from ninja import Query, Router

from guildhall.core.api_support import page
from guildhall.core.api_types import errors
from guildhall.core.exceptions import ValidationError
from guildhall.search.schemas import SearchListOut, SearchParams, result_out
from guildhall.search.selectors import Filters, search, with_tags

router = Router(tags=["search"])


@router.get("/search", response={200: SearchListOut, **errors(401, 422)}, summary="Search")
def search_list(request, params: Query[SearchParams]):
    """Items of every kind (with their answers, wiki text, document text and comments), people
    and communities matching `q`, most relevant first with a boost for recent items. `q` takes
    words (all must match), `"a phrase"` and `word*` (a prefix). Filters: `type` (`item`,
    `person`, `community`), `kind`, `community` (slug), `author` (username), `tag` (slug),
    `from` / `to` (dates, inclusive); a filter other than `type` limits results to items.
    Each result has `type` (`item`, `person` or `community`), that type's identifying fields
    and a `snippet` (HTML: the text escaped, the matched words in `<mark>`). Private items are
    found only by their community's members. `count` stops at 1,000: past it `count` is 1000
    and `count_exact` false, and the results still page on with `offset` (until a page comes
    back shorter than `limit`)."""
    if not params.q.strip():
        raise ValidationError({"q": "Type something to search for."})
    results = search(
        viewer=request.auth,
        q=params.q,
        filters=Filters(
            type=params.type,
            kind=params.kind,
            community=params.community,
            author=params.author,
            tag=params.tag,
            date_from=params.date_from,
            date_to=params.date_to,
        ),
    )
    found, count = page(results, limit=params.limit, offset=params.offset)
    return {
        "items": [result_out(r) for r in with_tags(found)],
        "count": count,
        "count_exact": results.count_exact(),
    }
