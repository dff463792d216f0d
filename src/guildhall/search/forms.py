import hashlib

from django import forms
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from guildhall.communities.selectors import community_choices
from guildhall.content import kinds
from guildhall.search.models import SearchEntry
from guildhall.search.selectors import Filters

FILTERS_SECONDS = 300


class SearchForm(forms.Form):
    """The search page's box and filters (GET). Invalid filters are dropped, never fatal."""

    q = forms.CharField(label="Search for", required=False)
    type = forms.ChoiceField(
        label="Show", required=False, choices=[("", "Everything"), *SearchEntry.Type.choices]
    )
    kind = forms.ChoiceField(label="Kind", required=False)
    community = forms.ChoiceField(label="Community", required=False)
    author = forms.CharField(label="Author (username)", required=False, max_length=150)
    tag = forms.SlugField(label="Tag", required=False, max_length=50, allow_unicode=True)

    def __init__(self, data, *, viewer):
        # NUL characters cannot be stored or searched: they separate words like spaces.
        data = data.copy()
        data["q"] = data.get("q", "").replace("\x00", " ")
        super().__init__(data)
        self.fields["kind"].choices = [("", "Any kind"), *kinds.choices()]
        self.fields["community"].choices = [("", "Any community"), *community_choices(viewer)]
        # "from" and "to" are the URL's names; Python cannot spell them as attributes.
        self.fields["from"] = forms.DateField(
            label="From", required=False, widget=forms.DateInput(attrs={"type": "date"})
        )
        self.fields["to"] = forms.DateField(
            label="To", required=False, widget=forms.DateInput(attrs={"type": "date"})
        )

    def filter_fields_html(self, names) -> SafeString:
        """These fields' HTML, kept for the same choices and errors while no filter is set (the
        usual search; filtered ones are rendered, not keyed by what a URL says): Django renders
        each option of a select through a template, and the community list alone took 8 ms of a
        search page. The key holds what the HTML is made of (the viewer's communities among the
        choices), so viewers who may see other communities never share a copy."""
        fields = [self[name] for name in names]
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

    def query(self) -> tuple[str, Filters]:
        self.is_valid()
        data = self.cleaned_data
        return data.get("q", "").strip(), Filters(
            type=data.get("type", ""),
            kind=data.get("kind", ""),
            community=data.get("community", ""),
            author=data.get("author", "").strip(),
            tag=data.get("tag", ""),
            date_from=data.get("from"),
            date_to=data.get("to"),
        )
