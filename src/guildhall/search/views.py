import hashlib
from urllib.parse import urlencode

from django.core.cache import cache
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.formats import number_format
from django.utils.safestring import SafeString, mark_safe
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


FILTERS_SECONDS = 300


def _filter_fields_html(form) -> SafeString:
    """The filter fields' HTML, kept for the same choices and errors while no filter is set (the
    usual search; filtered ones are rendered, not keyed by what a URL says): Django renders each
    option of a select through a template, and the community list alone took 8 ms of a search
    page. The key holds what the HTML is made of (the viewer's communities among the choices),
    so viewers who may see other communities never share a copy."""
    fields = [form[name] for name in FILTER_FIELDS]
    key = None
    if all(f.value() in (None, "") for f in fields):
        made_of = repr([(f.name, getattr(f.field, "choices", None), f.errors) for f in fields])
        key = "search-filters:" + hashlib.blake2s(made_of.encode()).hexdigest()
    html = cache.get(key) if key else None
    if html is None:
        html = render_to_string("search/partials/filters.html", {"filter_fields": fields})
        if key:
            cache.set(key, html, FILTERS_SECONDS)
    return mark_safe(html)  # noqa: S308 - our templates' output


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
            "filter_fields_html": _filter_fields_html(form),
            "q": q,
            "filters": filters,
            "page": results.page(request.GET.get("page"), PER_PAGE) if q else None,
            "tabs": tabs,
            "type": filters.type,
            "without_filters_url": _without_filters_url(q),
            "first_page_url": _first_page_url(request),
        },
    )
