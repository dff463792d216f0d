from datetime import timedelta

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.timesince import timesince

from guildhall.core.markdown import plain_excerpt

register = template.Library()

_ICONS = {
    "comment": '<path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z"/>',
    "eye": (
        '<path d="M1 12s4-8 11-8 11 8 11 8-4 8-11 8-11-8-11-8z"/><circle cx="12" cy="12" r="3"/>'
    ),
}


@register.filter
def excerpt(html: str, length: int = 220) -> str:
    """Plain text from sanitised HTML, for cards (autoescaped again on output)."""
    return plain_excerpt(html or "", int(length))


@register.filter
def ago(value) -> str:
    """ "3 days ago": one unit is enough to read at a glance (the exact time is in <time>)."""
    if not value:
        return ""
    if timezone.now() - value < timedelta(minutes=1):
        return "just now"
    return f"{timesince(value, depth=1)} ago"


@register.simple_tag
def icon(name: str, label: str = ""):
    paths = _ICONS[name]
    svg = (
        '<svg class="icon" viewBox="0 0 24 24" fill="none" stroke="currentColor" '
        'stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">'
        + paths
        + "</svg>"
    )
    if label:
        return format_html('{}<span class="visually-hidden">{}</span>', _safe(svg), label)
    return _safe(svg)


def _safe(markup: str):
    return mark_safe(markup)  # noqa: S308 - constant markup from _ICONS, never user input
