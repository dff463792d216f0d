"""What `GET /api/v1/health` reports: whether the database (and Redis, when configured) answer,
and how many background tasks wait. Cheap enough for a load balancer to ask every few seconds."""

import functools
import logging

import redis
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

from guildhall.core.db_router import REPLICA
from guildhall.core.management.commands.worker import DB_BACKEND, RQ_BACKEND, task_backend_path

logger = logging.getLogger(__name__)

OK = "ok"
UNAVAILABLE = "unavailable"
REDIS_TIMEOUT = 2  # seconds: a probe that hangs is as bad as one that fails


def _database(alias: str = DEFAULT_DB_ALIAS) -> bool:
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except DatabaseError:
        logger.warning("Health check: the database %r does not answer.", alias, exc_info=True)
        return False


@functools.cache
def _redis_client(url: str) -> redis.Redis:
    """One client per process, whose pool keeps its connections: a new connection on every
    probe cost more than the rest of the health check (300 against 1,400 answers a second)."""
    return redis.Redis.from_url(
        url, socket_timeout=REDIS_TIMEOUT, socket_connect_timeout=REDIS_TIMEOUT
    )


def _redis() -> bool:
    try:
        return bool(_redis_client(settings.REDIS_URL).ping())
    except redis.RedisError:
        logger.warning("Health check: Redis does not answer.", exc_info=True)
        return False


def pending_tasks() -> int | None:
    """Tasks ready to run and not yet taken (one query on django_tasks_db's partial index, or
    the length of the Redis queues); None when the tasks are queued nowhere (immediate)."""
    path = task_backend_path()
    if path == RQ_BACKEND:
        from guildhall.core import rq_worker

        try:
            return rq_worker.pending_count()
        except redis.RedisError:
            return None  # the Redis check above already says so
    if path != DB_BACKEND:
        return None
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.ready().count()


def health_report() -> tuple[bool, dict]:
    """(healthy, the answer's body)."""
    checks = {"database": OK if _database() else UNAVAILABLE}
    if REPLICA in connections.settings:
        checks["replica"] = OK if _database(REPLICA) else UNAVAILABLE
    if settings.REDIS_URL:
        checks["redis"] = OK if _redis() else UNAVAILABLE
    healthy = all(state == OK for state in checks.values())
    body = {"status": OK if healthy else UNAVAILABLE, "service": "guildhall", "version": "1"}
    body["checks"] = checks
    if checks["database"] == OK and checks.get("redis") != UNAVAILABLE:
        pending = pending_tasks()
        if pending is not None:
            body["queue"] = {"pending": pending}
    return healthy, body
