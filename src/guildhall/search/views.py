from urllib.parse import urlencode

from django.shortcuts import render

from guildhall.core.pagination import paginate
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


def _without_filters_url(q: str) -> str:
    return f"?{urlencode({'q': q})}"


def search_page(request):
    form = SearchForm(request.GET, viewer=request.user)
    q, filters = form.query()
    results = search(viewer=request.user, q=q, filters=filters)
    counts = results.type_counts()
    tabs = [
        {"type": value, "label": label, "count": count, "url": _tab_url(request, value)}
        for value, label, count in [
            ("", "Everything", sum(counts.values())),
            *((v, label, counts.get(v, 0)) for v, label in SearchEntry.Type.choices),
        ]
    ]
    return render(
        request,
        "search/search.html",
        {
            "nav": "search",
            "form": form,
            "filter_fields": [form[name] for name in FILTER_FIELDS],
            "q": q,
            "filters": filters,
            "page": paginate(results, request.GET.get("page"), PER_PAGE) if q else None,
            "tabs": tabs,
            "type": filters.type,
            "without_filters_url": _without_filters_url(q),
        },
    )
