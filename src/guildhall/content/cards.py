"""Item cards, rendered once and cached: feeds are the hottest HTML in the product.

A feed page reads only the narrow columns that identify each card's version; full card data
(author, community, tags) is loaded only for cards missing from the cache, in one batch.
A card's key names everything on it that changes through the item itself (edits, comments,
views), so those are never stale; names of authors and communities may lag by CARD_TTL at most.
"""

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from guildhall.content.models import ContentItem
from guildhall.content.selectors import content_feed, with_card_data
from guildhall.core.pagination import paginate_feed

CARD_TTL = 600
VERSION_FIELDS = (
    "id",
    "updated_at",
    "status",
    "comment_count",
    "view_count",
    "published_at",
    "rating_sum",
    "rating_count",
    "favourite_count",
)


def card_rows(items):
    """The feed's rows with just the columns that version a card (no joins)."""
    return items.select_related(None).prefetch_related(None).only(*VERSION_FIELDS)


def _card_key(item) -> str:
    stamp = item.updated_at.timestamp()
    counts = f"{item.comment_count}:{item.view_count}"
    # Engagement on the card: ratings and favourites (an expert pick bumps updated_at).
    engagement = f"{item.rating_sum}:{item.rating_count}:{item.favourite_count}"
    return f"card:v2:{item.pk}:{stamp}:{item.status}:{counts}:{engagement}"


def attach_cards(items) -> list:
    """Give each item a `.card_html`, from the cache where possible, rendering the rest."""
    items = list(items)
    keys = {item.pk: _card_key(item) for item in items}
    cached = cache.get_many(list(keys.values()))
    missing = [item.pk for item in items if keys[item.pk] not in cached]
    fresh = {}
    if missing:
        # The expert pick (interactions) joins in, for the card's badge.
        fresh_items = with_card_data(ContentItem.objects.filter(pk__in=missing))
        for full in fresh_items.select_related("expert_pick"):
            html = render_to_string("content/partials/item_card.html", {"item": full})
            cached[keys[full.pk]] = fresh[keys[full.pk]] = html
        cache.set_many(fresh, CARD_TTL)
    for item in items:
        item.card_html = mark_safe(cached[keys[item.pk]])  # noqa: S308 - our template's output
    return items


def community_feed_page(*, viewer, community, kind: str, page_number):
    """A page of a community's item cards, as its feed shows them (communities.contributions)."""
    items = content_feed(viewer=viewer, community=community, kind=kind)
    page = paginate_feed(card_rows(items), page_number)
    page.items = attach_cards(page.items)
    return page
