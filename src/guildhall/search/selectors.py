"""Search reads: the visibility filter on index rows, filters, ranking, one page of results."""

import dataclasses
import hashlib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from guildhall.communities.selectors import communities_visible_to, member_community_ids
from guildhall.content import kinds
from guildhall.content.selectors import content_items_visible_to, with_card_data
from guildhall.core.exceptions import ValidationError
from guildhall.search.backends import MARK_END, MARK_START, Term, backend, parse_query
from guildhall.search.models import SearchEntry

Type = SearchEntry.Type
# Past this many matches (a very common word), relevance is ranked among the newest matches only:
# ranking reads every matching row's text vector, the newest are found by walking the date index.
RANK_CANDIDATES = 1000
LARGE_COUNT_CACHE_SECONDS = 60


def entries_visible_to(viewer) -> QuerySet:
    """Index rows the viewer may find: the same rule as `content_items_visible_to` (published
    items and the viewer's own drafts, of public communities or the viewer's own), active
    people, and communities the viewer may see."""
    entries = SearchEntry.objects.all()
    if not viewer.is_authenticated:
        return entries.none()
    published_or_own = Q(status="published") | Q(type=Type.ITEM, author_id=viewer.pk)
    if viewer.is_staff:
        return entries.filter(published_or_own)
    in_reach = Q(visibility=SearchEntry.Visibility.EVERYONE) | Q(
        community_id__in=member_community_ids(viewer)
    )
    return entries.filter(in_reach & published_or_own)


def highlight(text: str) -> SafeString:
    """User text HTML-escaped; only the engine's match marks become <mark>."""
    escaped = escape(text or "")
    return mark_safe(  # noqa: S308 - escaped above; only our own tags are added
        escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    )


@dataclass
class Result:
    type: str
    object: Any  # a ContentItem, a User or a Community
    title: SafeString
    snippet: SafeString
    matched_in_comment: bool = False


@dataclass(frozen=True)
class Filters:
    type: str = ""
    kind: str = ""
    community: str = ""  # slug
    author: str = ""  # username
    tag: str = ""  # slug
    date_from: date | None = None
    date_to: date | None = None

    @property
    def items_only(self) -> bool:
        return bool(
            self.kind or self.community or self.author or self.tag or self.date_from or self.date_to
        )


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _filtered(viewer, filters: Filters) -> QuerySet:
    entries = entries_visible_to(viewer)
    if filters.items_only:
        entries = entries.filter(type=Type.ITEM)
    if filters.kind:
        if kinds.get(filters.kind) is None:
            raise ValidationError({"kind": f"Unknown kind “{filters.kind}”."})
        entries = entries.filter(kind=filters.kind)
    if filters.community:
        found = communities_visible_to(viewer).filter(slug=filters.community).values("pk")
        # Items shared into the community appear there, so they are found there too.
        shared = content_items_visible_to(viewer).filter(shares__to_community__in=found)
        entries = entries.filter(
            Q(community_id__in=found) | Q(type=Type.ITEM, object_id__in=shared.values("pk"))
        )
    if filters.author:
        entries = entries.filter(author__username=filters.author)
    if filters.tag:
        tagged = content_items_visible_to(viewer).filter(tags__slug=filters.tag).values("pk")
        entries = entries.filter(object_id__in=tagged)
    if filters.date_from:
        entries = entries.filter(date__gte=_day_start(filters.date_from))
    if filters.date_to:
        entries = entries.filter(date__lt=_day_start(filters.date_to) + timedelta(days=1))
    return entries


class SearchResults:
    """Ranked results, paged lazily: `count()` and slicing are what `paginate` and the API's
    `page` use; a page costs a fixed number of queries whatever its size."""

    def __init__(self, *, viewer, terms: list[Term], entries: QuerySet, filters: Filters):
        self.viewer = viewer
        self.terms = terms
        self.filters = filters
        self._all_types = entries
        self.type = filters.type
        self.entries = entries.filter(type=self.type) if self.type else entries
        self._counts: dict[str, int] | None = None

    def _counts_key(self) -> str:
        asked = repr((self.viewer.pk, self.terms, dataclasses.replace(self.filters, type="")))
        return "search:counts:" + hashlib.sha256(asked.encode()).hexdigest()

    def type_counts(self) -> dict[str, int]:
        """Matches per type whatever the chosen type (for the tabs), in one query."""
        if not self.terms:
            return {}
        if self._counts is None:
            key = self._counts_key()
            self._counts = cache.get(key)
            if self._counts is None:
                rows = self._all_types.order_by().values("type").annotate(n=Count("pk"))
                self._counts = {row["type"]: row["n"] for row in rows}
                # Counting a very common word visits every match (~200 ms at 100,000): the member
                # paging through them pays it once. Smaller counts are cheap and stay exact.
                if sum(self._counts.values()) > RANK_CANDIDATES:
                    cache.set(key, self._counts, LARGE_COUNT_CACHE_SECONDS)
        return self._counts

    def count(self) -> int:
        counts = self.type_counts()
        return counts.get(self.type, 0) if self.type else sum(counts.values())

    def _rows(self, window: slice) -> list[tuple[int, str, int]]:
        """(pk, type, object_id) of the results in `window`, most relevant first. Past
        RANK_CANDIDATES matches, the newest RANK_CANDIDATES are ranked by relevance and the
        older ones follow, newest first: every match has one place, pages never overlap."""
        engine = backend()
        if self.count() <= RANK_CANDIDATES:
            return engine.page(self.entries, self.terms, window)
        start, stop = window.start or 0, window.stop
        newest = self.entries.order_by("-date", "-pk").values("pk")[:RANK_CANDIDATES]
        rows = []
        if start < RANK_CANDIDATES:
            candidates = SearchEntry.objects.filter(pk__in=newest)
            rows += engine.page(candidates, self.terms, slice(start, min(stop, RANK_CANDIDATES)))
        if stop > RANK_CANDIDATES:
            older = self.entries.exclude(pk__in=newest).order_by("-date", "-pk")
            past = max(start - RANK_CANDIDATES, 0)
            rows += older.values_list("pk", "type", "object_id")[past : stop - RANK_CANDIDATES]
        return rows

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list[Result]:
        if not self.terms:
            return []
        rows = self._rows(window)
        snippets = backend().snippets([pk for pk, _, _ in rows], self.terms)
        objects = self._load(rows)
        results = []
        for pk, type, object_id in rows:
            found = objects[type].get(object_id)
            if found is not None:  # gone, or no longer visible since it was indexed
                results.append(self._result(type, found, *snippets.get(pk, ("", "", ""))))
        return results

    def _load(self, rows) -> dict[str, dict[int, Any]]:
        wanted: dict[str, list[int]] = {t: [] for t in Type.values}
        for _, type, object_id in rows:
            wanted[type].append(object_id)
        # Each type is read again through its own visibility filter: a stale row never leaks.
        sources = {
            Type.ITEM: with_card_data(content_items_visible_to(self.viewer)),
            Type.PERSON: get_user_model()
            .objects.filter(is_active=True)
            .select_related("profile", "profile__department"),
            Type.COMMUNITY: communities_visible_to(self.viewer),
        }
        return {
            type: {obj.pk: obj for obj in sources[type].filter(pk__in=ids)} if ids else {}
            for type, ids in wanted.items()
        }

    @staticmethod
    def _result(type: str, obj, title: str, body: str, comments: str) -> Result:
        in_body = MARK_START in body
        in_comment = not in_body and MARK_START in comments
        return Result(
            type=type,
            object=obj,
            title=highlight(title),
            snippet=highlight(comments if in_comment else body),
            matched_in_comment=in_comment and MARK_START not in title,
        )


def search(*, viewer, q: str, filters: Filters = Filters()) -> SearchResults:
    if filters.type and filters.type not in Type.values:
        raise ValidationError({"type": "Choose item, person or community."})
    terms = parse_query(q)
    entries = _filtered(viewer, filters)
    entries = backend().match(entries, terms) if terms else entries.none()
    return SearchResults(viewer=viewer, terms=terms, entries=entries, filters=filters)
