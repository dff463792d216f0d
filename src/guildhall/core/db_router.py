"""Reads of read-only pages from a PostgreSQL read replica (DATABASE_REPLICA_URL), everything
else from the primary.

Safe by default: a query goes to the replica (alias `replica`) only when all of these hold —

- it is a read, inside a GET or HEAD request (`ReplicaReadsMiddleware` marks those; the task
  worker, management commands and every other method read the primary);
- nothing was written yet in that request: from a request's first write on, its reads go to the
  primary too, so a page sees what it just wrote;
- no transaction is open on the primary (`atomic` blocks read what they write, and
  `select_for_update` is a write anyway);
- the member did not write in the last DATABASE_REPLICA_PIN_SECONDS (default 5): a POST (PUT,
  PATCH, DELETE) that wrote sets a short-lived cookie, and while it lasts that browser reads
  the primary — the comment posted is on the page the redirect shows, whatever the replica's
  lag;
- the model is not one that must never be stale: sessions (signing out on one server signs out
  on all at once) and the task queue's rows.

Migrations run on the primary only. With a replica that applies commits before the primary
confirms them (`synchronous_commit = remote_apply`), no reader anywhere sees older data than
the last commit; with an asynchronous one, what other members see (and the caches their pages
fill) may lag by the replication delay (docs/deploy.md).
"""

import time
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

REPLICA = "replica"
PIN_COOKIE = "gh_primary"
READ_METHODS = {"GET", "HEAD"}
PRIMARY_ONLY_APPS = {"sessions", "django_tasks_db"}


@dataclass
class _Request:
    replica_allowed: bool
    wrote: bool = False


_current: ContextVar[_Request | None] = ContextVar("guildhall_db_request", default=None)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        state = _current.get()
        if (
            state is None
            or not state.replica_allowed
            or state.wrote
            or model._meta.app_label in PRIMARY_ONLY_APPS
            or connections[DEFAULT_DB_ALIAS].in_atomic_block
        ):
            return DEFAULT_DB_ALIAS
        return REPLICA

    def db_for_write(self, model, **hints):
        state = _current.get()
        if state is not None:
            state.wrote = True
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return True  # one database, two ways to reach it

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS


def _pinned(request) -> bool:
    try:
        return float(request.COOKIES.get(PIN_COOKIE, "0")) > time.time()
    except ValueError:
        return False


class ReplicaReadsMiddleware:
    """Marks the request for `ReplicaRouter`; after a request that wrote, pins the browser to
    the primary for a few seconds (a cookie holding when the pin ends)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        state = _Request(replica_allowed=request.method in READ_METHODS and not _pinned(request))
        token = _current.set(state)
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        seconds = settings.DATABASE_REPLICA_PIN_SECONDS
        # A form or API write, not a GET's passive one (a counted view): only the former is
        # something the member expects to see on the next page.
        if state.wrote and request.method not in READ_METHODS and seconds > 0:
            response.set_cookie(
                PIN_COOKIE,
                str(int(time.time() + seconds)),
                max_age=seconds,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response
