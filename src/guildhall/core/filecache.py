"""The embedded cache (no Redis): Django's file cache, shared by every process on the machine.

Django's `FileBasedCache` lists the whole directory on every write to decide whether to cull:
with a few thousand entries (cached cards, comments, sessions) that is 5-7 ms per write, more
than the query the entry saves. Here a process checks at most once every CULL_SECONDS; the
directory may meanwhile exceed MAX_ENTRIES by what one process writes in that time.
"""

import time

from django.core.cache.backends.filebased import FileBasedCache

CULL_SECONDS = 30


class SharedFileCache(FileBasedCache):
    _next_cull = 0.0

    def _cull(self):
        now = time.monotonic()
        if now < self._next_cull:
            return
        self._next_cull = now + CULL_SECONDS
        super()._cull()
