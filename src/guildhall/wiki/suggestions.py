"""Suggested edits: in a pre-moderated (or safety-critical) community, an edit by a member who
doesn't skip pre-moderation (content.hooks.publication_held) is kept as a WikiRevision with no
number and state "suggested"; the live page is unchanged and a review opens (moderation's
`review_open_for_target`). Moderation calls back through `moderation.targets` (registered in
WikiConfig.ready): approving applies the suggestion as a revision by its author, unless the page
moved on since its base revision (Conflict); turning it down keeps it for its author with the
reason."""

from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from guildhall.content import hooks
from guildhall.content.models import ContentItem
from guildhall.core.events import record
from guildhall.core.exceptions import Conflict
from guildhall.wiki.diff import line_diff, stats
from guildhall.wiki.models import WikiPage, WikiRevision, title_key

TARGET = "wiki_edit"


def suggestion_held(*, actor, item: ContentItem) -> str:
    """The reason to hold `actor`'s edit of the page for review, or ""."""
    return hooks.publication_held(actor=actor, item=item)


def suggestion_create(
    *, actor, item: ContentItem, title: str, body: str, summary: str, base: int, reason: str
) -> WikiRevision:
    """Keep the edit as a suggestion and open its review (the caller checked everything)."""
    from guildhall.moderation.services import review_open_for_target

    revision = WikiRevision.objects.create(
        item=item,
        number=None,
        state=WikiRevision.State.SUGGESTED,
        base_number=base,
        title=title,
        body=body,
        summary=summary,
        author=actor,
    )
    review_open_for_target(
        target_type=TARGET, target_id=revision.pk, item=item, author=actor, reason=reason
    )
    return revision


def _suggestion(review) -> WikiRevision:
    return (
        WikiRevision.objects.select_for_update(of=("self",))
        .select_related("author", "item__community")
        .get(pk=review.target_id)
    )


def suggestion_apply(*, review, actor) -> WikiRevision:
    """moderation.targets: the suggestion becomes the page's next revision, by its author;
    refused (Conflict) if the page was edited since the suggestion's base revision."""
    from guildhall.wiki.services import _rerender_linking, _save_item, _sync_links

    revision = _suggestion(review)
    item = revision.item
    page = WikiPage.objects.select_for_update().get(item=item)
    if revision.state != WikiRevision.State.SUGGESTED:
        raise Conflict(_("This suggested edit is no longer waiting for review."))
    if page.revision != revision.base_number:
        raise Conflict(
            _(
                "The page changed since this edit was suggested (it was based on revision "
                "%(base)s; the page is now at revision %(latest)s). Approving it would undo "
                "those changes: turn it down or ask its author to redo it on the current text."
            )
            % {"base": revision.base_number, "latest": page.revision},
            data={"base_revision": revision.base_number, "latest_revision": page.revision},
        )
    old_key, new_key = page.title_key, title_key(revision.title)
    if new_key != old_key and (
        WikiPage.objects.filter(community=item.community, title_key=new_key)
        .exclude(item=item)
        .exists()
    ):
        raise Conflict(
            _("This wiki already has a page called “%(title)s”: the title can't change.")
            % {"title": revision.title}
        )
    page.revision += 1
    page.title_key = new_key
    page.save(update_fields=["revision", "title_key"])
    revision.number, revision.state = page.revision, WikiRevision.State.LIVE
    revision.save(update_fields=["number", "state"])
    author = revision.author or actor
    _save_item(actor=author, item=item, title=revision.title, body=revision.body)
    _sync_links(item)
    if new_key != old_key:
        _rerender_linking(item.community_id, {old_key, new_key}, skip=item.pk)
    record(
        author,
        "edit_wiki",
        item,
        community=item.community,
        data={
            "revision": revision.number,
            "base_revision": revision.base_number,
            "approved_by": actor.pk,
        },
    )
    return revision


def suggestion_discard(*, review, actor, note: str = "") -> WikiRevision:
    """moderation.targets: turned down (or sent back): kept for its author with the reason."""
    revision = _suggestion(review)
    revision.state, revision.review_note = WikiRevision.State.DECLINED, (note or "")[:2000]
    revision.save(update_fields=["state", "review_note"])
    return revision


def suggestion_titles(ids) -> dict[int, str]:
    return dict(WikiRevision.objects.filter(pk__in=ids).values_list("pk", "item__title"))


def suggestion_diff_rows(revision: WikiRevision, current: ContentItem):
    rows = line_diff(current.body, revision.body)
    added, removed = stats(rows)
    return rows, added, removed


def suggestion_diffs(ids) -> dict[int, str]:
    """The suggestion against the page's current text, as (escaped) HTML tables, one query."""
    out = {}
    for revision in WikiRevision.objects.filter(pk__in=ids).select_related("item"):
        rows, added, removed = suggestion_diff_rows(revision, revision.item)
        out[revision.pk] = render_to_string(
            "wiki/partials/suggestion_diff.html",
            {
                "revision": revision,
                "current": revision.item,
                "rows": rows,
                "added": added,
                "removed": removed,
                "caption": _("Suggested changes, line by line"),
                "old_label": _("Now"),
                "new_label": _("Suggested"),
            },
        )
    return out


def suggestion_url(review) -> str:
    return reverse("wiki:suggestion", args=[review.item_id, review.target_id])


def register_target() -> None:
    from guildhall.moderation import targets

    targets.register(
        TARGET,
        apply=transaction.atomic(suggestion_apply),
        discard=suggestion_discard,
        describe=suggestion_titles,
        diff=suggestion_diffs,
        url=suggestion_url,
    )
