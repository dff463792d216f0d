"""An item page's comments, a page of threads at a time, assembled once per version of the
item's comments and shared by every member who sees the same variant.

Long threads are read far more often than written: the assembled HTML of a page of threads is
cached under the item, the page, the version of its comments (their number and latest change)
and the variant of the viewer — whether they may reply, and whether they may delete any comment
(staff). What belongs to one viewer alone — the edit and delete links on their own comments — is
put in when the page is served, at markers left in the shared copy.
"""

import re

from django.core.cache import cache
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from guildhall.content.permissions import can_comment_on_item
from guildhall.interactions.fragments import attach_fragments
from guildhall.interactions.models import Comment

THREADS_PER_PAGE = 50
PAGE_TTL = 600
_OWN_ACTIONS = re.compile(r"<!--own-actions:(\d+):(\d+)-->")
_EMPTY_ACTIONS = '<div class="actions small"></div>'

# What a page of threads needs to be laid out; the text comes from cached fragments.
THREAD_FIELDS = (
    "id",
    "item_id",
    "author_id",
    "parent_id",
    "is_deleted",
    "created_at",
    "updated_at",
)


def comment_page_html(*, viewer, item, page: int, changed_at) -> SafeString:
    """Page `page` (from 1) of the item's comment threads as the viewer sees them;
    `changed_at`: the latest change of its comments (`selectors.comments_changed_at`)."""
    # Whatever adds, edits, deletes or removes a comment changes one of the two.
    version = f"{item.comment_count}:{changed_at.timestamp() if changed_at else 0}"
    can_reply = can_comment_on_item(viewer, item)
    staff_delete = bool(viewer.is_staff)
    key = f"comments:v1:{item.pk}:{version}:{page}:{int(can_reply)}{int(staff_delete)}"
    html = cache.get(key)
    if html is None:
        html = _render_page(item=item, page=page, can_reply=can_reply, staff_delete=staff_delete)
        cache.set(key, html, PAGE_TTL)
    html = _OWN_ACTIONS.sub(lambda m: _own_actions(m, viewer, staff_delete), html)
    return mark_safe(html.replace(_EMPTY_ACTIONS, ""))  # noqa: S308 - our templates' output


def _own_actions(match, viewer, staff_delete: bool) -> str:
    comment_pk, author_pk = match.groups()
    if int(author_pk) != viewer.pk:
        return ""
    link = '<a href="{}">{}</a>'
    links = format_html(link, reverse("interactions:comment_edit", args=[comment_pk]), _("Edit"))
    if not staff_delete:  # staff already see Delete on every comment
        url = reverse("interactions:comment_delete", args=[comment_pk])
        links += format_html(link, url, _("Delete"))
    return links


def _render_page(*, item, page: int, can_reply: bool, staff_delete: bool) -> str:
    """The page's threads from one query (its top-level comments, one more to know whether a
    page follows, and their replies), each comment's text from its cached fragment."""
    start = (page - 1) * THREADS_PER_PAGE
    tops = (
        Comment.objects.filter(item=item, parent__isnull=True)
        .order_by("created_at", "id")
        .values("id")[start : start + THREADS_PER_PAGE + 1]
    )
    rows = list(
        Comment.objects.filter(Q(id__in=tops) | Q(parent_id__in=tops))
        .only(*THREAD_FIELDS)
        .order_by("created_at", "id")
    )
    threads = [c for c in rows if c.parent_id is None]
    has_more = len(threads) > THREADS_PER_PAGE
    threads = threads[:THREADS_PER_PAGE]
    shown = {c.pk for c in threads}
    replies: dict[int, list[Comment]] = {}
    for comment in rows:
        if comment.parent_id in shown:
            replies.setdefault(comment.parent_id, []).append(comment)
    for comment in threads:
        comment.thread_replies = replies.get(comment.pk, [])
    attach_fragments([c for c in rows if c.pk in shown or c.parent_id in shown])
    return render_to_string(
        "interactions/partials/comment_page.html",
        {
            "item": item,
            "threads": threads,
            "page": page,
            "next_page": page + 1 if has_more else None,
            "can_reply": can_reply,
            "staff_delete": staff_delete,
        },
    )


def comment_page_of(comment) -> int:
    """The page of threads a comment appears on (a reply: its thread's page)."""
    top = comment.parent if comment.parent_id else comment
    earlier = (
        Comment.objects.filter(item_id=top.item_id, parent__isnull=True)
        .filter(Q(created_at__lt=top.created_at) | Q(created_at=top.created_at, id__lt=top.id))
        .count()
    )
    return earlier // THREADS_PER_PAGE + 1
