from urllib.parse import urlencode

from django.shortcuts import render
from django.utils.formats import number_format
from django.utils.translation import gettext

from guildhall.search.forms import SearchForm
from guildhall.search.models import SearchEntry
from guildhall.search.selectors import search

PER_PAGE = 20
FILTER_FIELDS = ("kind", "community", "author", "tag", "from", "to")


def _tab_url(request, type: str) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    params["type"] = type
    return f"?{params.urlencode()}"


def count_label(count: int, exact: bool) -> str:
    """A tab's count: "57", "1,000", or "1,000+" when the count stopped at the bound."""
    shown = number_format(count, force_grouping=True)
    # Translators: a count of search results that stopped at its bound, e.g. "1,000+".
    return shown if exact else gettext("%(count)s+") % {"count": shown}


def _first_page_url(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return f"?{params.urlencode()}"


def _without_filters_url(q: str) -> str:
    return f"?{urlencode({'q': q})}"


def search_page(request):
    form = SearchForm(request.GET, viewer=request.user)
    q, filters = form.query()
    results = search(viewer=request.user, q=q, filters=filters)
    tabs = [
        {
            "type": value,
            "label": label,
            "count": count_label(results.type_count(value), results.type_count_exact(value)),
            "url": _tab_url(request, value),
        }
        for value, label in [("", gettext("Everything")), *SearchEntry.Type.choices]
    ]
    return render(
        request,
        "search/search.html",
        {
            "nav": "search",
            "form": form,
            "filter_fields_html": form.filter_fields_html(FILTER_FIELDS),
            "q": q,
            "filters": filters,
            "page": results.page(request.GET.get("page"), PER_PAGE) if q else None,
            "tabs": tabs,
            "type": filters.type,
            "without_filters_url": _without_filters_url(q),
            "first_page_url": _first_page_url(request),
        },
    )
