"""A fixed-window write limit per member, kept in the cache (shared when Redis is configured)."""

import time

from django.conf import settings
from django.core.cache import cache

from guildhall.core.exceptions import RateLimited


def check_write_rate(user, scope: str = "write") -> None:
    limit = settings.GUILDHALL_WRITE_RATE_PER_MINUTE
    if limit <= 0 or getattr(user, "is_staff", False):
        return
    now = time.time()
    window = int(now // 60)
    key = f"rl:{scope}:{user.pk}:{window}"
    if cache.add(key, 1, timeout=70):
        return
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=70)
        return
    if count > limit:
        raise RateLimited(retry_after=60 - int(now % 60))
