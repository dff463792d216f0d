"""Microcaching of whole pages for signed-in members: the same member asking for the same page
within a few seconds gets the page rendered a moment ago.

A hot page (home, an item with its comments) costs tens of milliseconds of template rendering;
a member reloading it, or the htmx "load more" coming back to it, need not pay that again.
Each cached copy belongs to one session (so the CSRF token and everything personal in it stays
that member's) and is keyed by *generations* that the event log moves on:

- the member's own generation moves with every act of theirs (`core.events.record`), so a member
  always sees their own post, comment or rating at once, and whenever their unread notification
  count changes (`forget_member_pages`), so the bell on a cached page is never behind;
- an item's generation moves with every act on it (a colleague's comment, a rating, an edit);
- the site generation moves with anything else (a membership, a role, a community's settings),
  so losing access to a private community takes effect at once, never after the cache expires.

What others publish elsewhere reaches a cached home page within `GUILDHALL_PAGE_CACHE_SECONDS`
(plus the moment one request takes to render it afresh: see `_may_renew`).
The generations only work when every process shares the cache: the setting is 0 (off) unless
`REDIS_URL` is set. Pages carrying a flash message, non-GET requests and responses that set
cookies are never cached.
"""

import time
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse

# Acts that change nothing anyone sees on a page (counted views are not shown live).
PASSIVE_VERBS = frozenset({"view", "listen", "download", "sign_in"})
SITE = ("site", 0)
# An expired copy is kept this many times the freshness period, to serve while one request
# renews it; a renewal that fails lets another request try after RENEW_SECONDS.
STALE_FACTOR = 3
RENEW_SECONDS = 5


def _generation_key(scope: tuple[str, int]) -> str:
    return f"pagegen:{scope[0]}:{scope[1]}"


def _bump(scopes: list[tuple[str, int]]) -> None:
    stamp = time.time_ns()
    cache.set_many({_generation_key(scope): stamp for scope in scopes}, timeout=None)


def forget_pages_after(*, actor_id: int | None, verb: str, target) -> None:
    """Move on the generations an act touches, now and again once its transaction commits (a
    request in between may have cached the page as it was before)."""
    if verb in PASSIVE_VERBS:  # kept even with the page cache off: fragments key on them too
        return
    scopes = [("member", actor_id)] if actor_id else []
    label = target._meta.label if target is not None else ""
    if label == "content.ContentItem":
        scopes.append(("item", target.pk))
    elif label == settings.AUTH_USER_MODEL:
        scopes.append(("member", target.pk))
    else:
        scopes.append(SITE)
    move_on_generations(scopes)


def forget_member_pages(*, member_ids) -> None:
    """Move on these members' own generations: something only they see on every page changed
    (the unread count in the top bar's bell), though none of them acted."""
    if not settings.GUILDHALL_PAGE_CACHE_SECONDS:
        return
    scopes = [("member", pk) for pk in member_ids]
    if scopes:
        move_on_generations(scopes)


def move_on_generations(scopes: list[tuple[str, int]]) -> None:
    """Move on these generations now and again once the transaction commits (a request in
    between may have cached what it read before the change). Other caches keyed by a
    generation (home's per-member sections) use this too."""
    _bump(scopes)
    transaction.on_commit(lambda: _bump(scopes))


def generation(scope: tuple[str, int]) -> int:
    """The current generation of `scope`, for a cache key. One that is missing (never moved
    on, or culled from the cache) starts afresh at now: going back to an earlier value could
    bring back copies made before a change."""
    key = _generation_key(scope)
    stamp = cache.get(key)
    if stamp is None:
        cache.add(key, time.time_ns(), timeout=None)
        stamp = cache.get(key, 0)
    return stamp


def _may_renew(key: str, ttl: int) -> bool:
    """When a copy has expired, one request renders the page afresh while the others keep
    serving the expired copy for the moment it takes, instead of all rendering it at once."""
    return cache.add(f"{key}:renewing", 1, timeout=min(ttl, RENEW_SECONDS))


def _has_pending_messages(request) -> bool:
    return "messages" in request.COOKIES or "_messages" in request.session


def cached_page(scopes: Callable[..., list[tuple[str, int]]] = lambda **kwargs: []):
    """Cache a GET page per session; `scopes(**view_kwargs)` names what else it depends on, e.g.
    `lambda pk, **_: [("item", pk)]`."""

    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            ttl = settings.GUILDHALL_PAGE_CACHE_SECONDS
            if (
                not ttl
                or request.method != "GET"
                or not request.user.is_authenticated
                or not request.session.session_key
                or _has_pending_messages(request)
            ):
                return view(request, *args, **kwargs)
            depends_on = [("member", request.user.pk), SITE, *scopes(**kwargs)]
            generations = cache.get_many([_generation_key(scope) for scope in depends_on])
            stamp = ".".join(str(generations.get(_generation_key(s), 0)) for s in depends_on)
            htmx = "h" if request.headers.get("HX-Request") else "p"
            key = f"pages:{request.session.session_key}:{htmx}:{request.get_full_path()}:{stamp}"
            hit = cache.get(key)
            renewing = False
            if hit is not None:
                content, content_type, fresh_until = hit
                renewing = time.time() >= fresh_until and _may_renew(key, ttl)
                if not renewing:
                    return HttpResponse(content, content_type=content_type)
            response = view(request, *args, **kwargs)
            if (
                response.status_code == 200
                and not response.streaming
                and not response.cookies
                and not response.has_header("HX-Redirect")
            ):
                copy = (response.content, response["Content-Type"], time.time() + ttl)
                cache.set(key, copy, ttl * STALE_FACTOR)
            if renewing:
                cache.delete(f"{key}:renewing")
            return response

        return wrapper

    return decorate
