"""Writes to the search index. Nobody calls these from a request: `search.receivers` queues
`tasks.search_index_update` on commit after each act, and `guildhall reindex` rebuilds all.

Each function reads the current state of what it is given and makes the index say the same:
a row is (re)written for what exists and may be searched, and removed for what is gone.
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.auth import get_user_model
from django.db import transaction

from guildhall.communities.models import Community
from guildhall.content.models import ContentItem
from guildhall.core.markdown import plain_excerpt
from guildhall.search.backends import backend, clean_text
from guildhall.search.models import SearchEntry

BATCH = 1000
MAX_BODY_CHARS = 100_000
MAX_COMMENT_CHARS = 50_000

Type = SearchEntry.Type

_paused: ContextVar[bool] = ContextVar("search_index_paused", default=False)


@contextmanager
def search_index_paused() -> Iterator[None]:
    """Acts recorded inside the block queue no re-index: for bulk loads (`guildhall demo`),
    which call `search_index_rebuild` once at the end instead of re-indexing after every act."""
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)


def search_index_is_paused() -> bool:
    return _paused.get()


def _texts(queryset, field: str) -> dict[int, list[str]]:
    """`{pk: [non-empty values of field]}` across a reverse relation, in one query."""
    found: dict[int, list[str]] = defaultdict(list)
    for pk, value in queryset.values_list("pk", field):
        if value:
            found[pk].append(value)
    return found


def _join(parts: Iterable[str], limit: int) -> str:
    return clean_text("\n".join(parts))[:limit]


def _plain(html: str, markdown: str) -> str:
    """What a reader sees of a Markdown text (no `**` or link syntax in snippets): its rendered
    HTML as plain text, or the source when nothing was rendered."""
    return plain_excerpt(html, length=MAX_BODY_CHARS) if html else markdown


def _item_entries(ids: list[int]) -> list[SearchEntry]:
    items = ContentItem.objects.filter(pk__in=ids)
    # Kind rows are read through ContentItem's reverse relations: no kind app is imported.
    answers = _texts(items, "answers__body_html")
    documents = _texts(items, "document__text")
    tags = _texts(items, "tags__name")
    comments = _texts(items.filter(comments__is_deleted=False), "comments__body_html")
    return [
        SearchEntry(
            type=Type.ITEM,
            object_id=item.pk,
            kind=item.kind,
            community_id=item.community_id,
            author_id=item.author_id,
            status=item.status,
            visibility=item.visibility,
            date=item.published_at or item.created_at,
            title=clean_text(item.title),
            body=_join(
                [
                    _plain(item.body_html, item.body),
                    *(_plain(html, "") for html in answers[item.pk]),
                    *documents[item.pk],
                    " ".join(tags[item.pk]),
                ],
                MAX_BODY_CHARS,
            ),
            comments=_join((_plain(html, "") for html in comments[item.pk]), MAX_COMMENT_CHARS),
        )
        for item in items
    ]


def _person_entries(ids: list[int]) -> list[SearchEntry]:
    people = get_user_model().objects.filter(pk__in=ids).select_related("profile__department")
    skills = _texts(people, "profile__skills__name")
    entries = []
    for user in people:
        profile = getattr(user, "profile", None)
        department = profile.department.name if profile and profile.department else ""
        entries.append(
            SearchEntry(
                type=Type.PERSON,
                object_id=user.pk,
                status="published" if user.is_active else "inactive",
                title=clean_text(user.get_full_name() or user.username),
                # What the result's snippet shows under the name.
                body=clean_text(
                    " · ".join(
                        part
                        for part in [
                            profile.title if profile else "",
                            department,
                            ", ".join(skills[user.pk]),
                        ]
                        if part
                    )
                )[:MAX_BODY_CHARS],
                # Found by username too, with the least weight (the snippet shows it only
                # when nothing else matched).
                comments=clean_text(user.username),
            )
        )
    return entries


def _community_entries(ids: list[int]) -> list[SearchEntry]:
    return [
        SearchEntry(
            type=Type.COMMUNITY,
            object_id=community.pk,
            community_id=community.pk,
            visibility=(
                SearchEntry.Visibility.MEMBERS
                if community.is_private
                else SearchEntry.Visibility.EVERYONE
            ),
            title=clean_text(community.name),
            body=_join([_plain(community.purpose_html, community.purpose)], MAX_BODY_CHARS),
        )
        for community in Community.objects.filter(pk__in=ids)
    ]


BUILDERS = {
    Type.ITEM: _item_entries,
    Type.PERSON: _person_entries,
    Type.COMMUNITY: _community_entries,
}


@transaction.atomic
def search_entries_sync(*, type: str, ids: Iterable[int]) -> int:
    """Make the index hold the current text of these items, people or communities (in batches
    of `BATCH`); returns the number of rows written."""
    ids = sorted(set(ids))
    written = 0
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        entries = BUILDERS[type](batch)
        SearchEntry.objects.filter(type=type, object_id__in=batch).delete()
        created = SearchEntry.objects.bulk_create(entries)
        backend().vectorize(SearchEntry.objects.filter(pk__in=[e.pk for e in created]))
        written += len(created)
    return written


@transaction.atomic
def search_community_visibility_sync(*, community_id: int) -> None:
    """A community turned private or public: its items' rows follow (as its items do)."""
    visibility = (
        ContentItem.objects.filter(community_id=community_id)
        .values_list("visibility", flat=True)
        .first()
    )
    if visibility is not None:
        SearchEntry.objects.filter(type=Type.ITEM, community_id=community_id).update(
            visibility=visibility
        )


def search_index_rebuild(*, stdout=None) -> dict[str, int]:
    """Rebuild the whole index; returns the rows written per type."""
    sources = {
        Type.ITEM: ContentItem.objects.all(),
        Type.PERSON: get_user_model().objects.all(),
        Type.COMMUNITY: Community.objects.all(),
    }
    counts = {}
    for type, queryset in sources.items():
        ids = list(queryset.order_by("pk").values_list("pk", flat=True))
        SearchEntry.objects.filter(type=type).exclude(object_id__in=queryset.values("pk")).delete()
        counts[type] = 0
        for start in range(0, len(ids), BATCH):
            counts[type] += search_entries_sync(type=type, ids=ids[start : start + BATCH])
            if stdout is not None:
                stdout.write(f"  {type}: {counts[type]}/{len(ids)}")
    return counts


def search_index_summary(counts: dict[str, int]) -> str:
    """What `search_index_rebuild` wrote, for a person: "120 items, 41 people, 13 communities"."""
    return ", ".join(f"{n} {Type(type).label.lower()}" for type, n in counts.items())
