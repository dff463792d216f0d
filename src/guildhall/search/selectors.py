"""Search reads: the visibility filter on index rows, filters, ranking, one page of results."""

import math
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Q, QuerySet, prefetch_related_objects
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from guildhall.communities.selectors import communities_visible_to, member_community_ids
from guildhall.content import hooks, kinds
from guildhall.content.selectors import content_items_visible_to
from guildhall.core.exceptions import ValidationError
from guildhall.core.pagination import PageNumbers
from guildhall.core.query_plans import planned_for_each_run
from guildhall.search.backends import MARK_END, MARK_START, Term, backend, parse_query
from guildhall.search.models import SearchEntry

Type = SearchEntry.Type
# Past this many matches (a very common word), relevance is ranked among the newest matches only:
# ranking reads every matching row's text vector, the newest are found by walking the date index.
RANK_CANDIDATES = 1000
# Counting stops here: past it a search says "1,000+ results" (the API: `count` = the bound,
# `count_exact` false). Counting every match of a common word visits every matching row (97,000
# for `team` at 200,000 items); counting up to the bound reads at most COUNT_BOUND + 1 of them.
COUNT_BOUND = 1000
# The order of the matches that are not ranked: the walk of the index `search_entry_newest`.
NEWEST_FIRST = ("-date", "-pk")
# The deepest page of a search whose count is bounded (20 a page: the first 10,000 results).
MAX_PAGE = 500
# An item result's columns (page and API): its card's line, its author's and community's names.
RESULT_ITEM_FIELDS = (
    *("id", "kind", "title", "slug", "status", "visibility", "published_at", "updated_at"),
    *("author", "author__username", "author__first_name", "author__last_name"),
    *("community", "community__slug", "community__name", "community__visibility"),
)


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


@dataclass
class SearchPage(PageNumbers):
    """One page of results, as `core.pagination.PageSlice` with `total_exact`: when false,
    `total` is COUNT_BOUND ("1,000+"), `num_pages` is None and `has_next` says if more follow."""

    items: list[Result]
    number: int
    has_next: bool
    total: int
    total_exact: bool
    num_pages: int | None

    @property
    def has_previous(self) -> bool:
        return self.number > 1


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
        self._walked: dict[str, list[int]] | None = None

    def _walk(self) -> dict[str, list[int]]:
        """The matches of each type, in one query that stops early: up to
        max(COUNT_BOUND, RANK_CANDIDATES) + 1 of each type, the items newest first (a walk down
        the newest-first index that ends there), people and communities in table order
        (through their own small full-text index on PostgreSQL). The counts are read from it
        ({"item": 1001 ids} says "more than the bound"), and so are the candidates to rank
        when there are too many matches to rank them all."""
        if self._walked is not None:
            return self._walked
        self._walked = {type: [] for type in Type.values}
        if not self.terms:
            return self._walked
        limit = max(COUNT_BOUND, RANK_CANDIDATES) + 1
        sql, params = [], []
        for i, type in enumerate(Type.values):
            part = self._all_types.filter(type=type)
            if type == Type.ITEM:
                # Every item has a date (published, or else created); saying so lets the walk
                # start past the undated rows, which PostgreSQL sorts first.
                part = part.filter(date__isnull=False).order_by(*NEWEST_FIRST)
            else:  # unordered: an ORDER BY would walk an index past every item instead
                part = part.order_by()
            try:
                part_sql, part_params = part.values_list("pk", "type")[
                    :limit
                ].query.sql_with_params()
            except EmptyResultSet:  # a filter that can match nothing (e.g. no viewer)
                continue
            # Only Django's own SQL and constants are formatted in; user input stays a parameter.
            sql.append(f"SELECT * FROM ({part_sql}) AS walk_{i}")  # noqa: S608
            params += part_params
        if sql:
            with planned_for_each_run(connection.alias), connection.cursor() as cursor:
                cursor.execute(" UNION ALL ".join(sql), params)
                for pk, type in cursor.fetchall():
                    self._walked[type].append(pk)
        return self._walked

    def _bounded_counts(self) -> dict[str, int]:
        """Matches per type, counted up to max(COUNT_BOUND, RANK_CANDIDATES) + 1 at most."""
        return {type: len(ids) for type, ids in self._walk().items()}

    def type_counts(self) -> dict[str, int]:
        """Matches per type whatever the chosen type (for the tabs), at most COUNT_BOUND each
        (see `type_count_exact`); types without a match are left out."""
        return {t: min(n, COUNT_BOUND) for t, n in self._bounded_counts().items() if n}

    def type_count(self, type: str = "") -> int:
        """The matches of `type` ("" for every type), or COUNT_BOUND when there are more."""
        counts = self._bounded_counts()
        return min(counts.get(type, 0) if type else sum(counts.values()), COUNT_BOUND)

    def type_count_exact(self, type: str = "") -> bool:
        """Whether `type_count(type)` is exact, or only "COUNT_BOUND or more"."""
        counts = self._bounded_counts()
        # One type past the bound makes the sum pass it too: the sum is exact when within it.
        return (counts.get(type, 0) if type else sum(counts.values())) <= COUNT_BOUND

    def count(self) -> int:
        """The number of matches of the chosen type, or COUNT_BOUND when there are more."""
        return self.type_count(self.type)

    def count_exact(self) -> bool:
        return self.type_count_exact(self.type)

    def _candidates(self) -> list[int]:
        """The matches ranked when there are too many to rank them all: the newest
        RANK_CANDIDATES items and up to RANK_CANDIDATES people and communities each."""
        walked = self._walk()
        types = [self.type] if self.type else Type.values
        return [pk for type in types for pk in walked[type][:RANK_CANDIDATES]]

    def _rows(self, window: slice) -> list[tuple[int, str, int]]:
        """(pk, type, object_id) of the results in `window`, most relevant first. Past
        RANK_CANDIDATES matches, the candidates (`_candidates`) are ranked by relevance and
        the other matches follow, newest first: every match has one place, pages never
        overlap."""
        with planned_for_each_run(self.entries.db):
            return self._ranked_rows(window)

    def _demoted(self) -> QuerySet | None:
        """The index rows of demoted items (`content.hooks.demoted_items`), ranked last."""
        demoted = hooks.demoted_items()
        if demoted is None:
            return None
        return SearchEntry.objects.filter(type=Type.ITEM, object_id__in=demoted)

    def _ranked_rows(self, window: slice) -> list[tuple[int, str, int]]:
        engine = backend()
        last = self._demoted()
        if self.count_exact() and self.count() <= RANK_CANDIDATES:
            return engine.page(self.entries, self.terms, window, last)
        start, stop = window.start or 0, window.stop
        ids = self._candidates()
        rows = []
        if start < len(ids):
            candidates = SearchEntry.objects.filter(pk__in=engine.ids(ids))
            rows += engine.page(candidates, self.terms, slice(start, min(stop, len(ids))), last)
        if stop > len(ids):
            older = self.entries.exclude(pk__in=engine.ids(ids)).order_by(*NEWEST_FIRST)
            past = max(start - len(ids), 0)
            rows += older.values_list("pk", "type", "object_id")[past : stop - len(ids)]
        return rows

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list[Result]:
        return self._results(self._rows(window)) if self.terms else []

    def page(self, number: Any, per_page: int) -> "SearchPage":
        """Page `number` (from 1; anything else is page 1). With an exact count, a number past
        the last page is the last page; with a bounded count the pages go on past the bound,
        one row more than a page telling whether another follows, up to MAX_PAGE."""
        try:
            number = max(int(number or 1), 1)
        except (TypeError, ValueError):
            number = 1
        total, exact = self.count(), self.count_exact()
        num_pages = max(math.ceil(total / per_page), 1) if exact else None
        number = min(number, num_pages or MAX_PAGE)
        start = (number - 1) * per_page
        rows = self._rows(slice(start, start + per_page + 1)) if self.terms else []
        has_next = len(rows) > per_page and (num_pages is not None or number < MAX_PAGE)
        return SearchPage(
            items=self._results(rows[:per_page]),
            number=number,
            has_next=has_next,
            total=total,
            total_exact=exact,
            num_pages=num_pages,
        )

    def _results(self, rows: list[tuple[int, str, int]]) -> list[Result]:
        snippets = backend().snippets([pk for pk, _, _ in rows], self.terms)
        objects = self._load(rows)
        # Badges other apps add to items (quality status), in one batch for the page.
        hooks.attach_badges(objects[Type.ITEM].values())
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
        return {
            type: {obj.pk: obj for obj in self._source(type).filter(pk__in=ids)} if ids else {}
            for type, ids in wanted.items()
        }

    def _source(self, type: str) -> QuerySet:
        """Where results of `type` are read, with what a result shows (page and API)."""
        if type == Type.ITEM:
            # What a result shows, not the body (long, and the snippet comes from the index);
            # the API adds the tags (`with_tags`).
            return (
                content_items_visible_to(self.viewer)
                .select_related("author", "community")
                .only(*RESULT_ITEM_FIELDS)
            )
        if type == Type.PERSON:
            return (
                get_user_model()
                .objects.filter(is_active=True)
                .select_related("profile", "profile__department")
            )
        return communities_visible_to(self.viewer)

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


def with_tags(results: list[Result]) -> list[Result]:
    """The item results with their tags read in one query (the API shows them)."""
    prefetch_related_objects([r.object for r in results if r.type == Type.ITEM], "tags")
    return results


def search(*, viewer, q: str, filters: Filters = Filters()) -> SearchResults:
    if filters.type and filters.type not in Type.values:
        raise ValidationError({"type": "Choose item, person or community."})
    terms = parse_query(q)
    entries = _filtered(viewer, filters)
    entries = backend().match(entries, terms) if terms else entries.none()
    return SearchResults(viewer=viewer, terms=terms, entries=entries, filters=filters)
