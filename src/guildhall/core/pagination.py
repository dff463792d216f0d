"""One pagination for every page and API list."""

from dataclasses import dataclass
from typing import Any

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator

DEFAULT_PAGE_SIZE = 20


class PageNumbers:
    """The neighbours of page `number`, for "Previous" and "Next" links."""

    number: int

    @property
    def next_number(self) -> int:
        return self.number + 1

    @property
    def previous_number(self) -> int:
        return self.number - 1


@dataclass
class PageSlice(PageNumbers):
    items: list[Any]
    number: int
    has_next: bool
    has_previous: bool
    total: int
    num_pages: int


def paginate(queryset, page: Any, per_page: int = DEFAULT_PAGE_SIZE) -> PageSlice:
    paginator = Paginator(queryset, per_page)
    try:
        current = paginator.page(page or 1)
    except PageNotAnInteger:
        current = paginator.page(1)
    except EmptyPage:
        current = paginator.page(paginator.num_pages)
    return PageSlice(
        items=list(current.object_list),
        number=current.number,
        has_next=current.has_next(),
        has_previous=current.has_previous(),
        total=paginator.count,
        num_pages=paginator.num_pages,
    )


@dataclass
class FeedSlice:
    """A page of a feed without a COUNT query: one extra row tells whether more follow."""

    items: list[Any]
    number: int
    has_next: bool

    @property
    def next_number(self) -> int:
        return self.number + 1

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def previous_number(self) -> int:
        return self.number - 1


def paginate_feed(queryset, page: Any, per_page: int = DEFAULT_PAGE_SIZE) -> FeedSlice:
    try:
        number = max(1, min(int(page or 1), 10_000))
    except (TypeError, ValueError):
        number = 1
    start = (number - 1) * per_page
    rows = list(queryset[start : start + per_page + 1])
    return FeedSlice(items=rows[:per_page], number=number, has_next=len(rows) > per_page)
