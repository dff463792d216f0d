"""Every write to a wiki: create, edit (with conflict detection), revert, settings.

Each save is a `WikiRevision` (author, time, summary) and keeps the item's title, body and
body_html equal to the latest revision, calling the content hooks like any item edit. An edit
names the revision it started from (`base_revision`); when someone else saved in between, nothing
is saved and `ConflictError` says which revision is now the latest.
"""

from django.db import IntegrityError, transaction
from django.utils.text import slugify

from guildhall.content import hooks
from guildhall.content.models import ContentItem
from guildhall.content.services import (
    MAX_BODY,
    MAX_TITLE,
    content_item_create,
    content_item_update,
)
from guildhall.core.events import audit, record
from guildhall.core.exceptions import Conflict, ValidationError
from guildhall.core.ratelimit import check_write_rate
from guildhall.wiki.models import WikiLink, WikiPage, WikiRevision, WikiSettings, title_key
from guildhall.wiki.permissions import check_edit_wiki_page, check_manage_wiki
from guildhall.wiki.rendering import find_links, render_wiki
from guildhall.wiki.suggestions import suggestion_create, suggestion_held

MAX_SUMMARY = 300


class ConflictError(Conflict):
    """The page changed since the editor's base revision; `latest` is the revision now."""

    def __init__(self, latest: WikiRevision, base: int):
        who = latest.author.name if latest.author else "Someone"
        super().__init__(
            {
                "base_revision": (
                    f"{who} saved revision {latest.number} while you were editing revision "
                    f"{base}. Nothing was saved: merge your text with theirs and save again."
                )
            },
            data={"latest_revision": latest.number},
        )
        self.latest = latest
        self.base = base


def _clean_title(title: str) -> str:
    title = " ".join((title or "").split())
    if not title:
        raise ValidationError({"title": "Give the page a title."})
    if len(title) > MAX_TITLE:
        raise ValidationError({"title": f"Keep the title to {MAX_TITLE} characters at most."})
    if "[" in title or "]" in title or "|" in title:
        raise ValidationError({"title": "Titles can't contain [ ] or | (they make wiki links)."})
    return title


def _clean_summary(summary: str) -> str:
    summary = " ".join((summary or "").split())
    if len(summary) > MAX_SUMMARY:
        raise ValidationError(
            {"summary": f"Keep the edit summary to {MAX_SUMMARY} characters at most."}
        )
    return summary


def _check_body(body: str) -> None:
    if len(body) > MAX_BODY:
        raise ValidationError({"body": f"The text is too long (at most {MAX_BODY:,} characters)."})


def _check_title_free(community, key: str, title: str, *, except_item=None) -> None:
    taken = WikiPage.objects.filter(community=community, title_key=key)
    if except_item is not None:
        taken = taken.exclude(item=except_item)
    if taken.exists():
        raise ValidationError({"title": f"This wiki already has a page called “{title}”."})


def _sync_links(item: ContentItem) -> None:
    """Replace the page's outgoing links with the ones its body has now."""
    titles = find_links(item.body)
    keys = {title_key(t): t for t in titles}
    targets = dict(
        WikiPage.objects.filter(community_id=item.community_id, title_key__in=keys).values_list(
            "title_key", "item_id"
        )
    )
    WikiLink.objects.filter(from_item=item).delete()
    WikiLink.objects.bulk_create(
        WikiLink(
            from_item=item,
            community_id=item.community_id,
            to_title=title[:200],
            to_key=key,
            to_item_id=targets.get(key),
        )
        for key, title in keys.items()
    )


def _rerender_linking(community_id, keys: set[str], *, skip: int | None = None) -> None:
    """Pages linking to these titles show their links as existing or missing again."""
    keys = {k for k in keys if k}
    if not keys:
        return
    WikiLink.objects.filter(community_id=community_id, to_key__in=keys).update(to_item=None)
    for key, item_id in WikiPage.objects.filter(
        community_id=community_id, title_key__in=keys
    ).values_list("title_key", "item_id"):
        WikiLink.objects.filter(community_id=community_id, to_key=key).update(to_item_id=item_id)
    ids = set(
        WikiLink.objects.filter(community_id=community_id, to_key__in=keys).values_list(
            "from_item_id", flat=True
        )
    ) - {skip}
    for item in ContentItem.objects.filter(pk__in=ids).select_related("community"):
        html = render_wiki(item.body, item.community)
        if html != item.body_html:
            ContentItem.objects.filter(pk=item.pk).update(body_html=html)


def _save_item(*, actor, item: ContentItem, title: str, body: str) -> None:
    """The item follows its latest revision (what content_item_update does, with the wiki's
    own permission check instead of the author's)."""
    item.title = title
    item.slug = slugify(title, allow_unicode=True)[:200]
    item.body = body
    item.body_html = render_wiki(body, item.community)
    item.save(update_fields=["title", "slug", "body", "body_html", "updated_at"])
    hooks.item_saved(actor=actor, item=item, created=False)


@transaction.atomic
def wiki_page_create(
    *,
    actor,
    community,
    title: str,
    body: str = "",
    tags=(),
    publish: bool = True,
    data: dict | None = None,
    file=None,
    summary: str = "",
) -> ContentItem:
    """The kind's `create`: the item, its page row and revision 1."""
    data = data or {}
    if community is None:
        raise ValidationError({"community": "A wiki page belongs to a community."})
    if not publish:
        raise ValidationError({"status": "Wiki pages can't be drafts: they are shared on save."})
    title = _clean_title(title)
    summary = _clean_summary(summary or str(data.get("summary") or ""))
    key = title_key(title)
    # content_item_create checks the permissions (community, the kind's can_create) first.
    item = content_item_create(
        actor=actor, kind="wiki", title=title, body=body, community=community, tags=tags
    )
    _check_title_free(community, key, title)
    try:
        with transaction.atomic():
            WikiPage.objects.create(item=item, community=community, title_key=key, revision=1)
    except IntegrityError:
        raise ValidationError(
            {"title": f"This wiki already has a page called “{title}”."}
        ) from None
    WikiRevision.objects.create(
        item=item,
        number=1,
        title=title,
        body=body,
        summary=summary or "Created the page",
        author=actor,
    )
    _sync_links(item)
    _rerender_linking(community.pk, {key}, skip=item.pk)
    # Rendered again now that the page exists (a link to itself is no longer "missing").
    item.body_html = render_wiki(body, community)
    ContentItem.objects.filter(pk=item.pk).update(body_html=item.body_html)
    return item


def _latest(item: ContentItem) -> WikiRevision:
    return (
        WikiRevision.objects.filter(item=item, number__isnull=False)
        .select_related("author")
        .order_by("-number")
        .first()
    )


def _locked_page(item: ContentItem) -> WikiPage:
    page = WikiPage.objects.select_for_update().filter(item=item).first()
    if page is None:
        raise ValidationError("This item is not a wiki page.")
    return page


def _new_revision(
    *, actor, item, page, title, body, summary, reverted_to=None, base: int
) -> WikiRevision:
    number = page.revision + 1
    try:
        with transaction.atomic():
            revision = WikiRevision.objects.create(
                item=item,
                number=number,
                title=title,
                body=body,
                summary=summary,
                author=actor,
                reverted_to=reverted_to,
            )
    except IntegrityError:  # someone saved that number a moment ago
        raise ConflictError(_latest(item), base) from None
    page.revision = number
    page.save(update_fields=["revision"])
    return revision


@transaction.atomic
def wiki_page_edit(
    *,
    actor,
    item: ContentItem,
    body: str,
    summary: str = "",
    base_revision: int | None,
    title: str | None = None,
) -> WikiRevision:
    """Save a new revision, unless someone saved since `base_revision` (ConflictError). When
    the community holds the actor's work for review, the revision returned is a suggestion
    (`state` "suggested", no number) and the page is unchanged."""
    check_edit_wiki_page(actor, item)
    check_write_rate(actor)
    page = _locked_page(item)
    if base_revision is None or str(base_revision).strip() == "":
        raise ValidationError(
            {
                "base_revision": "Say which revision your edit starts from "
                f"(the latest is {page.revision})."
            }
        )
    try:
        base = int(base_revision)
    except (TypeError, ValueError):
        raise ValidationError({"base_revision": "The base revision must be a number."}) from None
    if base < 1 or base > page.revision:
        raise ValidationError(
            {"base_revision": f"There is no revision {base} (the latest is {page.revision})."}
        )
    if base != page.revision:
        raise ConflictError(_latest(item), base)
    new_title = _clean_title(item.title if title is None else title)
    body = body if body is not None else item.body
    _check_body(body)
    summary = _clean_summary(summary)
    if new_title == item.title and body == item.body:
        raise ValidationError({"body": "Nothing changed: edit the text or the title first."})
    old_key, new_key = page.title_key, title_key(new_title)
    if new_key != old_key:
        _check_title_free(item.community, new_key, new_title, except_item=item)
    held = suggestion_held(actor=actor, item=item)
    if held:  # a suggested edit: the live page stays as it is until a reviewer approves
        return suggestion_create(
            actor=actor,
            item=item,
            title=new_title,
            body=body,
            summary=summary,
            base=base,
            reason=held,
        )
    revision = _new_revision(
        actor=actor, item=item, page=page, title=new_title, body=body, summary=summary, base=base
    )
    if new_key != old_key:
        page.title_key = new_key
        page.save(update_fields=["title_key"])
    _save_item(actor=actor, item=item, title=new_title, body=body)
    _sync_links(item)
    if new_key != old_key:
        _rerender_linking(item.community_id, {old_key, new_key}, skip=item.pk)
    record(
        actor,
        "edit_wiki",
        item,
        community=item.community,
        data={"revision": revision.number, "base_revision": base},
    )
    return revision


@transaction.atomic
def wiki_page_revert(*, actor, item: ContentItem, revision: int) -> WikiRevision:
    """A new revision whose title and text are those of revision `revision`."""
    check_edit_wiki_page(actor, item)
    check_write_rate(actor)
    page = _locked_page(item)
    try:
        number = int(revision)
    except (TypeError, ValueError):
        raise ValidationError({"revision": "The revision must be a number."}) from None
    old = WikiRevision.objects.filter(item=item, number=number).first()
    if old is None:
        raise ValidationError(
            {"revision": f"There is no revision {number} (the latest is {page.revision})."}
        )
    if number == page.revision:
        raise ValidationError({"revision": f"Revision {number} is already the latest."})
    old_key, new_key = page.title_key, title_key(old.title)
    if new_key != old_key:
        _check_title_free(item.community, new_key, old.title, except_item=item)
    held = suggestion_held(actor=actor, item=item)
    if held:  # suggested like any other edit
        return suggestion_create(
            actor=actor,
            item=item,
            title=old.title,
            body=old.body,
            summary=f"Reverted to revision {number}",
            base=page.revision,
            reason=held,
        )
    new = _new_revision(
        actor=actor,
        item=item,
        page=page,
        title=old.title,
        body=old.body,
        summary=f"Reverted to revision {number}",
        reverted_to=number,
        base=page.revision,
    )
    if new_key != old_key:
        page.title_key = new_key
        page.save(update_fields=["title_key"])
    _save_item(actor=actor, item=item, title=old.title, body=old.body)
    _sync_links(item)
    if new_key != old_key:
        _rerender_linking(item.community_id, {old_key, new_key}, skip=item.pk)
    record(
        actor,
        "revert_wiki",
        item,
        community=item.community,
        data={"revision": new.number, "reverted_to": number},
    )
    return new


@transaction.atomic
def wiki_patch(*, actor, item, data: dict):
    """A wiki edit from the API: a new revision when `body` or `title` is sent; `tags` go
    through the shared item update (author and managers); `status` changes nothing (wiki pages
    are always published)."""
    data = dict(data)
    data.pop("status", None)
    tags = data.pop("tags", None)
    with transaction.atomic():
        if "body" in data or "title" in data:
            if data.get("body") is None and data.get("title") is None:
                raise ValidationError({"body": "Send the page's new text (or a new title)."})
            wiki_page_edit(
                actor=actor,
                item=item,
                body=data.get("body") if data.get("body") is not None else item.body,
                title=data.get("title"),
                summary=data.get("summary") or "",
                base_revision=data.get("base_revision"),
            )
        elif tags is None:
            raise ValidationError({"body": "Send the page's new text with `base_revision`."})
        if tags is not None:
            content_item_update(actor=actor, item=item, tags=tags)
    return item


def wiki_settings_set(*, actor, community, editors: str) -> WikiSettings:
    """Who may edit the community's wiki: "members" or "experts" (experts and managers)."""
    check_manage_wiki(actor, community)
    if editors not in WikiSettings.Editors.values:
        raise ValidationError({"editors": "Choose “members” or “experts”."})
    settings_row, _ = WikiSettings.objects.get_or_create(community=community)
    before = settings_row.editors
    if before != editors:
        settings_row.editors = editors
        settings_row.save(update_fields=["editors", "updated_at"])
        audit(
            actor,
            "wiki_editors_set",
            community,
            community=community,
            data={"from": before, "to": editors},
        )
    community.__dict__["_wiki_editors"] = editors
    return settings_row
