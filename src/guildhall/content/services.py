"""Every write to items: the shared behaviour all kinds get."""

from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext

from guildhall.content import hooks, kinds
from guildhall.content.models import ContentItem, Tag
from guildhall.content.permissions import (
    check_create_item,
    check_delete_item,
    check_edit_item,
    check_view_item,
)
from guildhall.content.selectors import forget_item_page
from guildhall.core.events import audit, record
from guildhall.core.exceptions import PermissionDenied, ValidationError
from guildhall.core.generations import move_on_generations
from guildhall.core.markdown import render_markdown
from guildhall.core.ratelimit import check_write_rate

MAX_TITLE = 200
MAX_BODY = 100_000
MAX_TAGS = 10
# A member's repeated views of one item within this window count once.
USE_WINDOW_SECONDS = 3600


def render_body(kind: str, body: str, item=None) -> str:
    spec = kinds.get(kind)
    if spec is not None and spec.render is not None:
        return spec.render(body, item)
    return render_markdown(body)


def _community_model():
    return ContentItem._meta.get_field("community").related_model


def parse_tags(value) -> list[str]:
    """Tags from a list or a comma/space separated string: lower-case slugs, de-duplicated."""
    raw = value.replace(",", " ").split() if isinstance(value, str) else list(value or [])
    tags: list[str] = []
    for name in raw:
        slug = slugify(str(name).lstrip("#"))[:50]
        if slug and slug not in tags:
            tags.append(slug)
    if len(tags) > MAX_TAGS:
        raise ValidationError({"tags": f"Use at most {MAX_TAGS} tags."})
    return tags


def _validate(*, title: str, body: str) -> None:
    errors = {}
    if not title.strip():
        errors["title"] = "Give your item a title."
    elif len(title.strip()) > MAX_TITLE:  # stored stripped, so measured stripped
        errors["title"] = f"Keep the title to {MAX_TITLE} characters at most."
    if len(body) > MAX_BODY:
        errors["body"] = f"The text is too long (at most {MAX_BODY:,} characters)."
    if errors:
        raise ValidationError(errors)


def _set_tags(item: ContentItem, tag_slugs: list[str]) -> None:
    existing = {t.slug: t for t in Tag.objects.filter(slug__in=tag_slugs)}
    missing = [Tag(name=s, slug=s) for s in tag_slugs if s not in existing]
    if missing:
        Tag.objects.bulk_create(missing, ignore_conflicts=True)
        existing = {t.slug: t for t in Tag.objects.filter(slug__in=tag_slugs)}
    item.tags.set([existing[s] for s in tag_slugs])


def _visibility_for(community) -> str:
    if community is not None and community.is_private:
        return ContentItem.Visibility.COMMUNITY
    return ContentItem.Visibility.COMPANY


def _published_count_changed(item: ContentItem, delta: int) -> None:
    if item.community_id:
        _community_model().objects.filter(pk=item.community_id).update(
            item_count=F("item_count") + delta
        )


@transaction.atomic
def content_item_create(
    *,
    actor,
    kind: str,
    title: str,
    body: str = "",
    community=None,
    tags=(),
    publish: bool = True,
) -> ContentItem:
    spec = kinds.get(kind)
    if spec is None:
        known = ", ".join(k.name for k in kinds.all_kinds())
        raise ValidationError({"kind": f"Unknown kind {kind!r}; choose one of: {known}."})
    if spec.community_required and community is None:
        raise ValidationError({"community": f"A {spec.label.lower()} belongs to a community."})
    check_create_item(actor, community)
    if spec.can_create is not None and not spec.can_create(actor, community):
        raise PermissionDenied(f"You can't create a {spec.label.lower()} here.")
    check_write_rate(actor)
    _validate(title=title, body=body)
    tag_slugs = parse_tags(tags)
    now = timezone.now()
    item = ContentItem(
        kind=kind,
        author=actor,
        community=community,
        title=title.strip(),
        slug=slugify(title, allow_unicode=True)[:200],
        body=body,
        body_html="",
        visibility=_visibility_for(community),
        status=ContentItem.Status.DRAFT,
        last_activity_at=now,
    )
    held = hooks.publication_held(actor=actor, item=item) if publish else ""
    if held:
        item.status = ContentItem.Status.PENDING_REVIEW
    elif publish:
        item.status, item.published_at = ContentItem.Status.PUBLISHED, now
    item.save()
    item.body_html = render_body(kind, body, item)
    item.save(update_fields=["body_html"])
    _set_tags(item, tag_slugs)
    hooks.item_saved(actor=actor, item=item, created=True)
    if held:
        _held_for_review(actor, item, held)
    elif publish:
        _set_off_publication(actor, item)
    else:
        record(actor, "create_draft", item, community=community, data={"kind": kind})
    return item


def _set_off_publication(author, item: ContentItem) -> None:
    """Everything an item's publication sets off: counters, the event, the hooks (notifications,
    search, feeds)."""
    _published_count_changed(item, +1)
    record(author, "publish", item, community=item.community, data={"kind": item.kind})
    hooks.item_published(actor=author, item=item)


def _held_for_review(actor, item: ContentItem, reason: str) -> None:
    record(actor, "submit_for_review", item, community=item.community, data={"reason": reason})
    hooks.item_held(actor=actor, item=item, reason=reason)


@transaction.atomic
def content_item_update(
    *, actor, item: ContentItem, title: str | None = None, body: str | None = None, tags=None
) -> ContentItem:
    check_edit_item(actor, item)
    check_write_rate(actor)
    new_title = item.title if title is None else title
    new_body = item.body if body is None else body
    _validate(title=new_title, body=new_body)
    tag_slugs = parse_tags(tags) if tags is not None else None
    item.title = new_title.strip()
    item.slug = slugify(item.title, allow_unicode=True)[:200]
    item.body = new_body
    item.body_html = render_body(item.kind, new_body, item)
    item.save(update_fields=["title", "slug", "body", "body_html", "updated_at"])
    if tag_slugs is not None:
        _set_tags(item, tag_slugs)
    hooks.item_saved(actor=actor, item=item, created=False)
    record(actor, "edit", item, community=item.community)
    return item


@transaction.atomic
def content_item_publish(*, actor, item: ContentItem) -> ContentItem:
    check_edit_item(actor, item)
    if item.status == ContentItem.Status.PUBLISHED:
        return item
    if item.status not in (ContentItem.Status.DRAFT, ContentItem.Status.REJECTED):
        raise ValidationError(gettext("Only drafts can be published."))
    if item.community is not None:
        check_create_item(actor, item.community)
    held = hooks.publication_held(actor=item.author, item=item)
    now = timezone.now()
    item.last_activity_at = now
    if held:
        item.status = ContentItem.Status.PENDING_REVIEW
        item.save(update_fields=["status", "last_activity_at", "updated_at"])
        _held_for_review(item.author, item, held)
        return item
    if item.status == ContentItem.Status.REJECTED:
        raise ValidationError(gettext("A rejected item goes back to its reviewers, not live."))
    item.status, item.published_at = ContentItem.Status.PUBLISHED, now
    item.save(update_fields=["status", "published_at", "last_activity_at", "updated_at"])
    _set_off_publication(actor, item)
    return item


@transaction.atomic
def content_item_publish_reviewed(*, item: ContentItem) -> ContentItem:
    """Publish an item a reviewer approved (moderation checks who may): from then on it is
    published as if its author had just published it."""
    if item.status != ContentItem.Status.PENDING_REVIEW:
        raise ValidationError(gettext("This item is not waiting for review."))
    now = timezone.now()
    if item.published_at is not None:
        # Hidden for review after it was live (flagged): back as it was, with its original
        # date, never announced again.
        item.status = ContentItem.Status.PUBLISHED
        item.save(update_fields=["status", "updated_at"])
        _published_count_changed(item, +1)
        record(item.author, "restore_reviewed", item, community=item.community)
        return item
    item.status, item.published_at, item.last_activity_at = (
        ContentItem.Status.PUBLISHED,
        now,
        now,
    )
    item.save(update_fields=["status", "published_at", "last_activity_at", "updated_at"])
    _set_off_publication(item.author, item)
    return item


@transaction.atomic
def content_item_hide_for_review(*, item: ContentItem) -> ContentItem:
    """Take a published item off every list until a reviewer decides (moderation, after flags):
    visible to its author and the community's reviewers only; nothing else is set off."""
    if item.status != ContentItem.Status.PUBLISHED:
        return item
    item.status = ContentItem.Status.PENDING_REVIEW
    item.save(update_fields=["status", "updated_at"])
    _published_count_changed(item, -1)
    move_on_generations([("item", item.pk)])
    return item


@transaction.atomic
def content_item_turn_down(*, item: ContentItem) -> ContentItem:
    """Mark an item rejected after review (moderation checks who may): visible to its author
    only, editable and resubmittable; a published one leaves every list."""
    if item.status == ContentItem.Status.PUBLISHED:
        _published_count_changed(item, -1)
    item.status = ContentItem.Status.REJECTED
    item.save(update_fields=["status", "updated_at"])
    return item


def content_item_touch(*, item: ContentItem) -> ContentItem:
    """Mark the item changed for what other apps keep about it and show on it (its verification,
    obsolescence): its cached card, keyed by `updated_at`, is rendered again. The caller records
    the act (`core.events.record`), which moves the item's generation on for its page."""
    now = timezone.now()
    ContentItem.objects.filter(pk=item.pk).update(updated_at=now)
    item.updated_at = now
    return item


@transaction.atomic
def content_item_hide(*, item: ContentItem) -> ContentItem:
    """Take a published item out of sight (moderation checks who may, and audits): status
    `removed`, seen by its author only, out of every list and the community's count; its
    `published_at` is kept for a restore."""
    if item.status != ContentItem.Status.PUBLISHED:
        raise ValidationError(gettext("Only published items can be hidden."))
    _published_count_changed(item, -1)
    item.status = ContentItem.Status.REMOVED
    item.save(update_fields=["status", "updated_at"])
    return item


@transaction.atomic
def content_item_restore(*, item: ContentItem) -> ContentItem:
    """Put a hidden item back where it was: published with its original date, counted again,
    and not announced again (no publication hooks)."""
    if item.status != ContentItem.Status.REMOVED:
        raise ValidationError(gettext("Only hidden items can be restored."))
    item.status = ContentItem.Status.PUBLISHED
    item.save(update_fields=["status", "updated_at"])
    _published_count_changed(item, +1)
    return item


@transaction.atomic
def content_item_move(*, item: ContentItem, community) -> ContentItem:
    """Move a published item to another community (moderation checks who may, and audits): its
    visibility is copied from its new community and both communities' counts follow. Only kinds
    registered `movable`; work waiting for review stays where it was submitted."""
    spec = kinds.get(item.kind)
    if spec is None or not spec.movable:
        raise ValidationError(gettext("Items of this kind can't be moved to another community."))
    if item.status != ContentItem.Status.PUBLISHED:
        raise ValidationError(gettext("Only published items can be moved."))
    if community is None or community.pk == item.community_id:
        raise ValidationError({"community": gettext("Choose another community.")})
    _published_count_changed(item, -1)
    item.community, item.visibility = community, _visibility_for(community)
    item.save(update_fields=["community", "visibility", "updated_at"])
    _published_count_changed(item, +1)
    return item


@transaction.atomic
def content_item_delete(*, actor, item: ContentItem, reason: str = "") -> None:
    """Delete an item. Deleting someone else's (a manager, staff) needs a `reason`: its author is
    told it, and the deletion is audited."""
    check_delete_item(actor, item)
    reason = reason.strip()[:500]
    by_another = actor.pk != item.author_id
    if by_another and not reason:
        raise ValidationError(
            {"reason": gettext("Say why you delete this item: its author is told.")}
        )
    if item.status == ContentItem.Status.PUBLISHED:
        _published_count_changed(item, -1)
    data = {"kind": item.kind, "title": item.title, "author": item.author_id}
    if by_another:
        data["reason"] = reason
        audit(actor, "item_delete", item, community=item.community, data=data)
    record(actor, "delete", item, community=item.community, data=data)
    hooks.item_deleted(actor=actor, item=item, reason=reason)
    item.delete()


def item_use_count(*, actor, item: ContentItem, verb: str, counted, field: str) -> bool:
    """Count one use of a published item (a view, a listen, a download) once per member per hour
    and log it; True when it counted. `counted` is the queryset whose `field` goes up by one."""
    if not actor.is_authenticated or not item.is_published:
        return False
    if not cache.add(f"{verb}:{actor.pk}:{item.pk}", 1, timeout=USE_WINDOW_SECONDS):
        return False
    with transaction.atomic():
        counted.update(**{field: F(field) + 1})
        record(actor, verb, item, community=item.community)
        # The count shows on the item's page at once; on cards in kept feeds it may lag (no
        # generation moves on: every viewer would re-read what they keep of the item).
        forget_item_page(item.pk)  # now, and once committed (a reader may keep it in between)
        transaction.on_commit(lambda: forget_item_page(item.pk))
    return True


def content_item_view(*, actor, item: ContentItem) -> None:
    """Count a view (once per member per hour) and log it."""
    check_view_item(actor, item)
    counted = ContentItem.objects.filter(pk=item.pk)
    if item_use_count(actor=actor, item=item, verb="view", counted=counted, field="view_count"):
        item.view_count += 1


def content_visibility_sync(*, community) -> int:
    """Re-copy a community's visibility onto its items after it changed."""
    return ContentItem.objects.filter(community=community).update(
        visibility=_visibility_for(community)
    )


def item_create_of_kind(
    *,
    actor,
    kind: str,
    title: str,
    body: str = "",
    community=None,
    tags=(),
    publish: bool = True,
    data: dict | None = None,
    file=None,
) -> ContentItem:
    """Create an item of any kind: through the kind's own service when it has one (extra fields
    in `data`, an upload in `file`), else as a plain item."""
    spec = kinds.get(kind)
    if spec is None or spec.create is None:
        return content_item_create(
            actor=actor,
            kind=kind,
            title=title,
            body=body,
            community=community,
            tags=tags,
            publish=publish,
        )
    return spec.create(
        actor=actor,
        community=community,
        title=title,
        body=body,
        tags=tags,
        publish=publish,
        data=data or {},
        file=file,
    )
