"""Item cards, rendered once and cached: feeds are the hottest HTML in the product.

A feed page reads only the narrow columns that identify each card's version; full card data
(author, community, tags) is loaded only for cards missing from the cache, in one batch.
A card's key names everything on it that changes through the item itself (edits, comments,
views), so those are never stale; names of authors and communities may lag by CARD_TTL at most.
"""

import hashlib
from types import SimpleNamespace

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from guildhall.communities.access import ACCESS
from guildhall.content import kinds
from guildhall.content.hooks import attach_badges
from guildhall.content.models import ContentItem
from guildhall.content.selectors import content_feed, with_card_data
from guildhall.core.generations import generations, kept
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


class CardRow(SimpleNamespace):
    """A row of a list of cards: the columns that version its card (no model instance to build:
    a list shows only the card), then its `card_html` (`attach_cards`)."""

    @property
    def pk(self) -> int:
        return self.id


def card_rows(items):
    """The list's rows with just the columns that version a card (no joins, no model instances:
    a list shows only the card); `attach_cards` turns them into `CardRow`s."""
    return items.select_related(None).prefetch_related(None).values(*VERSION_FIELDS)


def _card_key(item) -> str:
    stamp = item.updated_at.timestamp()
    counts = f"{item.comment_count}:{item.view_count}"
    # Engagement on the card: ratings and favourites (an expert pick bumps updated_at).
    engagement = f"{item.rating_sum}:{item.rating_count}:{item.favourite_count}"
    return f"card:v2:{item.pk}:{stamp}:{item.status}:{counts}:{engagement}"


def attach_cards(rows) -> list[CardRow]:
    """The rows (`card_rows`) with their `.card_html`, from the cache where possible, rendering
    the rest. The cards of a whole list are kept together too, under their keys' digest: one
    read instead of one per card, where the cache is files."""
    items = [CardRow(**row) for row in rows]
    if not items:
        return items
    keys = {item.pk: _card_key(item) for item in items}
    together = "cards:" + hashlib.blake2s("|".join(keys.values()).encode()).hexdigest()
    cached = cache.get(together)
    if cached is None:
        cached = _cards(keys)
        cache.set(together, cached, CARD_TTL)
    for item in items:
        item.card_html = mark_safe(cached[keys[item.pk]])  # noqa: S308 - our template's output
    return items


def _cards(keys: dict[int, str]) -> dict[str, str]:
    """The cards' HTML by key: the cached ones, and the missing ones rendered (and kept)."""
    cached = cache.get_many(list(keys.values()))
    missing = [pk for pk, key in keys.items() if key not in cached]
    fresh = {}
    if missing:
        # The expert pick (interactions) joins in, for the card's badge.
        fresh_items = with_card_data(ContentItem.objects.filter(pk__in=missing))
        # Badges other apps add (quality status: verified, due, obsolete), in one batch.
        for full in attach_badges(fresh_items.select_related("expert_pick")):
            html = render_to_string("content/partials/item_card.html", {"item": full})
            cached[keys[full.pk]] = fresh[keys[full.pk]] = html
        cache.set_many(fresh, CARD_TTL)
    return cached


COMMUNITY_FEED_SECONDS = 300


def community_feed_page(*, viewer, community, kind: str, page_number):
    """A page of a community's item cards, as its feed shows them (communities.contributions).
    Its first page is the same for everyone who may see the community (its items share its
    visibility; drafts are not in it): kept once for all, under the community's generation,
    which every act in it moves on, and the access generation."""
    if str(page_number or 1) != "1" or (kind and kinds.get(kind) is None):
        page = _community_feed_rows(viewer, community, kind, page_number)
    else:
        stamps = ".".join(str(g) for g in generations([("community", community.pk), ACCESS]))
        key = f"community-feed:{community.pk}:{kind}:{stamps}"
        page = kept(
            key, lambda: _community_feed_rows(viewer, community, kind, 1), COMMUNITY_FEED_SECONDS
        )
    page.items = attach_cards(page.items)
    return page


def _community_feed_rows(viewer, community, kind: str, page_number):
    items = content_feed(viewer=viewer, community=community, kind=kind)
    return paginate_feed(card_rows(items), page_number)
