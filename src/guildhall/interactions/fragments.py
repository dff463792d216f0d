"""Comment fragments (avatar, author, time, text), cached: long threads are read far more often
than written. What depends on the viewer (edit, delete, reply) stays outside the fragment."""

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from guildhall.interactions.models import Comment

FRAGMENT_TTL = 600


def _key(comment) -> str:
    return f"comment:v1:{comment.pk}:{comment.updated_at.timestamp()}:{comment.is_deleted}"


def attach_fragments(comments) -> None:
    """Give each comment a `.fragment`; comments missing from the cache are loaded in full in
    one query and rendered."""
    comments = list(comments)
    keys = {c.pk: _key(c) for c in comments}
    cached = cache.get_many(list(keys.values()))
    missing = [c.pk for c in comments if keys[c.pk] not in cached]
    if missing:
        fresh = {}
        for full in Comment.objects.filter(pk__in=missing).select_related(
            "author", "author__profile"
        ):
            html = render_to_string(
                "interactions/partials/comment_fragment.html", {"comment": full}
            )
            cached[keys[full.pk]] = fresh[keys[full.pk]] = html
        cache.set_many(fresh, FRAGMENT_TTL)
    for comment in comments:
        comment.fragment = mark_safe(cached[keys[comment.pk]])  # noqa: S308 - our template's output
