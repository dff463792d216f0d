"""Reads of wikis. Every read starts from an item or community the viewer may see, so a private
community's wiki answers 404 to non-members (content and community selectors decide)."""

from dataclasses import dataclass

from django.db.models import Max, Q, QuerySet
from django.http import Http404

from guildhall.content.models import ContentItem
from guildhall.content.selectors import content_item_get, content_items_visible_to
from guildhall.wiki.diff import line_diff, stats
from guildhall.wiki.models import WikiLink, WikiPage, WikiRevision, title_key


def wiki_page_get(*, viewer, pk: int) -> ContentItem:
    """A wiki page's item the viewer may see (404 for any other item)."""
    item = content_item_get(viewer=viewer, pk=pk)
    if item.kind != "wiki":
        raise Http404("No such wiki page.")
    return item


def wiki_pages(*, viewer, community) -> QuerySet:
    """The community's wiki pages, by title (the community is one the viewer may see)."""
    return (
        content_items_visible_to(viewer)
        .filter(kind="wiki", community=community, status=ContentItem.Status.PUBLISHED)
        .select_related("wiki_page")
        .annotate(
            last_edited=Max(
                "wiki_revisions__created_at", filter=Q(wiki_revisions__number__isnull=False)
            )
        )
        .order_by("title", "pk")
    )


def wiki_page_by_title(*, community, title: str) -> ContentItem | None:
    page = (
        WikiPage.objects.filter(community=community, title_key=title_key(title))
        .select_related("item")
        .first()
    )
    return page.item if page else None


def wiki_revisions(*, item: ContentItem) -> QuerySet:
    """Newest first; bodies deferred (a history page lists, it does not show)."""
    return (
        WikiRevision.objects.filter(item=item, number__isnull=False)
        .select_related("author", "author__profile")
        .defer("body")
        .order_by("-number")
    )


def wiki_revision_get(*, item: ContentItem, number) -> WikiRevision:
    try:
        number = int(number)
    except (TypeError, ValueError):
        raise Http404("No such revision.") from None
    revision = (
        WikiRevision.objects.filter(item=item, number=number).select_related("author").first()
    )
    if revision is None:
        raise Http404("No such revision.")
    return revision


def wiki_backlinks(*, item: ContentItem) -> list[ContentItem]:
    """Pages of the same wiki linking here ("what links here"), by title."""
    return [
        link.from_item
        for link in WikiLink.objects.filter(to_item=item)
        .select_related("from_item")
        .only("from_item__id", "from_item__title", "from_item__slug")
        .order_by("from_item__title")
    ]


def wiki_missing_links(*, community, title: str) -> list[ContentItem]:
    """Pages already linking to a title that has no page yet."""
    return [
        link.from_item
        for link in WikiLink.objects.filter(community=community, to_key=title_key(title))
        .select_related("from_item")
        .order_by("from_item__title")
    ]


def wiki_api_fields(items) -> dict[int, dict]:
    rows = WikiPage.objects.filter(item_id__in=[i.pk for i in items]).values_list(
        "item_id", "revision"
    )
    return {item_id: {"revision": revision} for item_id, revision in rows}


@dataclass
class WikiDiff:
    old: WikiRevision
    new: WikiRevision
    rows: list
    added: int
    removed: int


def wiki_diff(*, item: ContentItem, from_number=None, to_number=None) -> WikiDiff:
    """Line diff between two revisions: `to` defaults to the latest, `from` to the revision
    before `to`; given the wrong way round, they are swapped."""
    new_no = _revision_number(to_number, item.wiki_page.revision)
    old_no = _revision_number(from_number, new_no - 1)
    old_no, new_no = sorted((old_no, new_no))
    old = wiki_revision_get(item=item, number=old_no)
    new = wiki_revision_get(item=item, number=new_no)
    rows = line_diff(old.body, new.body)
    added, removed = stats(rows)
    return WikiDiff(old=old, new=new, rows=rows, added=added, removed=removed)


def _revision_number(value, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def wiki_suggestions_of(*, viewer, item: ContentItem) -> list[WikiRevision]:
    """The viewer's own suggested edits of the page still to show them: waiting, or turned down
    (with the reason), newest first; one query (none for anonymous visitors)."""
    if not viewer.is_authenticated:
        return []
    return list(
        WikiRevision.objects.filter(
            item=item,
            author_id=viewer.pk,
            state__in=[WikiRevision.State.SUGGESTED, WikiRevision.State.DECLINED],
        )
        .defer("body")
        .order_by("-created_at", "-pk")[:5]
    )


def wiki_suggestion_get(*, viewer, item: ContentItem, pk) -> tuple[WikiRevision, object]:
    """A suggested edit of the page (with its latest review) for its author or a reviewer of
    the community; 404 for anyone else."""
    from guildhall.communities.permissions import can_review_in_community
    from guildhall.moderation.models import Review

    revision = (
        WikiRevision.objects.filter(item=item, pk=pk, number__isnull=True)
        .select_related("author")
        .first()
    )
    if revision is None and viewer.is_authenticated:
        # An approved suggestion is a revision now: its author and reviewers may still open it.
        revision = WikiRevision.objects.filter(item=item, pk=pk).select_related("author").first()
        if (
            revision is not None
            and not Review.objects.filter(target_type="wiki_edit", target_id=revision.pk).exists()
        ):
            revision = None
    if revision is None or not viewer.is_authenticated:
        raise Http404("No such suggested edit.")
    if revision.author_id != viewer.pk and not can_review_in_community(viewer, item.community):
        raise Http404("No such suggested edit.")
    review = (
        Review.objects.filter(target_type="wiki_edit", target_id=revision.pk)
        .select_related("decided_by")
        .order_by("-created_at", "-pk")
        .first()
    )
    return revision, review
