"""After `guildhall demo` the search index is complete: every item (with its backdated date),
member and community is indexed, and a member finds a wiki page, a person and a community.

Checked on the organisation `test_demo_command` loads (a load takes seconds)."""

from django.contrib.auth import get_user_model

from guildhall.communities.models import Community
from guildhall.content.models import ContentItem
from guildhall.search.models import SearchEntry
from guildhall.search.selectors import search


def assert_demo_is_searchable(output: str) -> None:
    assert "search index" in output

    indexed = {
        type: set(SearchEntry.objects.filter(type=type).values_list("object_id", flat=True))
        for type in SearchEntry.Type.values
    }
    assert indexed["item"] == set(ContentItem.objects.values_list("pk", flat=True))
    assert indexed["person"] == set(get_user_model().objects.values_list("pk", flat=True))
    assert indexed["community"] == set(Community.objects.values_list("pk", flat=True))
    # Indexed after backdating: the recency boost reads each item's real date.
    dates = dict(
        SearchEntry.objects.filter(type="item").values_list("object_id", "date").iterator()
    )
    for pk, published_at in ContentItem.objects.filter(status="published").values_list(
        "pk", "published_at"
    ):
        assert dates[pk] == published_at

    public = Community.objects.filter(visibility="public")
    wiki = ContentItem.objects.filter(kind="wiki", community__in=public).order_by("pk").first()
    community = public.order_by("pk").first()
    reader = get_user_model().objects.filter(is_staff=False).order_by("pk").last()
    person = get_user_model().objects.filter(is_staff=False).order_by("pk").first()

    def found(q: str, type: str) -> list[int]:
        return [r.object.pk for r in search(viewer=reader, q=q)[0:100] if r.type == type]

    assert wiki.pk in found(f'"{wiki.title}"', "item")
    assert person.pk in found(person.get_full_name(), "person")
    assert community.pk in found(community.name, "community")
