from django import template

from guildhall.interactions.selectors import shared_into

register = template.Library()


@register.inclusion_tag("interactions/partials/shared_here.html", takes_context=True)
def shared_here(context, community):
    """The "Shared here" panel of a community page: items shared into it (one query)."""
    return {"shares": shared_into(viewer=context["request"].user, community=community)}


@register.filter
def rating_average(item) -> str:
    """An item's average stars with one decimal ("4.3"), or "" when nobody rated it."""
    if not item.rating_count:
        return ""
    return f"{item.rating_sum / item.rating_count:.1f}"
