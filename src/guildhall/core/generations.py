"""Generations: stamps that move on when something changes, for cache keys that must never
outlive the change. A cached fragment or section puts the generations it depends on into its
key; moving one on makes every copy keyed by the old value unreachable at once, in every process
(the cache is shared: Redis, or the file cache in the data dir).

- a member's own generation moves with every act of theirs (`core.events.record`), so a member
  always sees their own follow, welcome or comment at once in what is cached for them;
- an item's generation moves with every act on it (a colleague's comment, a rating, an edit);
- the site generation moves with anything else. Apps keep generations of their own (the access
  generation in `communities.access`).
"""

import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.db import connections, transaction

# Acts that change nothing a member sees on a page but a count (content.services.item_use_count
# drops the kept copy of the item, so its page shows the count; kept feeds' cards may lag).
PASSIVE_VERBS = frozenset({"view", "listen", "download", "sign_in"})
SITE = ("site", 0)

# The generations one request has read, so that its sections and fragments read each once:
# kept only while a request runs (never in a task worker) and forgotten whenever this process
# moves one on.
_read = threading.local()


def remember_read_generations(**_signal) -> None:
    """Connected to `request_started` (core.apps)."""
    _read.values = {}


def forget_read_generations(**_signal) -> None:
    """Connected to `request_finished` (core.apps)."""
    _read.values = None


def _generation_key(scope: tuple[str, int]) -> str:
    return f"pagegen:{scope[0]}:{scope[1]}"


def _bump(scopes: list[tuple[str, int]]) -> None:
    if getattr(_read, "values", None) is not None:
        _read.values = {}
    stamp = time.time_ns()
    cache.set_many({_generation_key(scope): stamp for scope in scopes}, timeout=None)


def move_on_after_act(
    *, actor_id: int | None, verb: str, target, community_id: int | None = None
) -> None:
    """Move on the generations an act touches (registered with the event log): the actor's,
    the target's (an item, a member, or else the site's) and the community's it happened in."""
    if verb in PASSIVE_VERBS:
        return
    scopes = [("member", actor_id)] if actor_id else []
    label = target._meta.label if target is not None else ""
    if label == "content.ContentItem":
        scopes.append(("item", target.pk))
    elif label == settings.AUTH_USER_MODEL:
        scopes.append(("member", target.pk))
    else:
        scopes.append(SITE)
    if community_id:
        scopes.append(("community", community_id))
    move_on_generations(scopes)


def move_on_generations(scopes: list[tuple[str, int]]) -> None:
    """Move on these generations now and again once the transaction commits (a request in
    between may have cached what it read before the change)."""
    _bump(scopes)
    transaction.on_commit(lambda: _bump(scopes))


def generation(scope: tuple[str, int]) -> int:
    """The current generation of `scope`, for a cache key."""
    return generations([scope])[0]


def generations(scopes: list[tuple[str, int]]) -> list[int]:
    """The current generations of `scopes`, in one cache read (each once a request). One that is
    missing (never moved on, or culled from the cache) starts afresh at now: going back to an
    earlier value could bring back copies made before a change."""
    keys = [_generation_key(scope) for scope in scopes]
    known = getattr(_read, "values", None)
    if known is None:
        known = {}
    unknown = [key for key in keys if key not in known]
    if unknown:
        found = cache.get_many(unknown)
        for key in unknown:
            if key not in found:
                cache.add(key, time.time_ns(), timeout=None)
                found[key] = cache.get(key, 0)
        known.update(found)
    return [known[key] for key in keys]


def kept(key: str, compute, seconds: int):
    """The value cached under `key` (which names the generations it depends on), or `compute()`
    kept there for `seconds` — unless it is None, or was read inside a transaction that could
    still roll back (`reads_may_be_kept`)."""
    value = cache.get(key)
    if value is None:
        value = compute()
        if value is not None and reads_may_be_kept():
            cache.set(key, value, seconds)
    return value


def reads_may_be_kept(using: str = "default") -> bool:
    """Whether what was just read may be cached under the current generations: not from inside
    a transaction that could still roll back a change it made (its generations moved on at once,
    but the change may never commit). A test case's own enclosing transaction does not count
    (Django marks it, as it does for `durable` blocks)."""
    blocks = connections[using].atomic_blocks
    return all(getattr(block, "_from_testcase", False) for block in blocks)
