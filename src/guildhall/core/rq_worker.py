"""Background tasks on Redis: the RQ worker `guildhall worker` runs when the task backend is
django-tasks-rq (REDIS_URL set), and the recovery that keeps a dead worker from losing a task.

The worker is RQ's `SimpleWorker`: each task runs in the worker process itself, as with the
database backend, so database connections and warm caches are reused from task to task (no fork
per task). Several workers, on as many machines as reach Redis, share the queue; each job is
taken by one of them.

**A worker killed mid-task loses no task** (core/liveness.py). RQ itself leaves the job of a
worker that vanished (SIGKILL, a machine lost) in the queue's `StartedJobRegistry` and, minutes
later, files it as failed. Here each worker keeps a key `guildhall:rq-alive:<worker name>`
alive in Redis, and every worker, when it starts and every `ALIVE_REFRESH` seconds after, puts
back at the front of its queue each job started by a Guildhall worker whose key has expired, or
whose process is gone from this machine. Removing the job from the registry is the claim: of
several workers looking at once, one requeues it.
"""

import contextlib
import functools
import logging

from django.conf import settings
from django.db import close_old_connections

from guildhall.core import liveness

logger = logging.getLogger(__name__)

ALIVE_KEY = "guildhall:rq-alive:{}"
FINAL_STATUSES = {"finished", "failed", "stopped", "canceled"}


def queue_names(selection: str = "*") -> list[str]:
    """The RQ queues `--queue` names ("*" or comma-separated), checked against RQ_QUEUES."""
    known = list(settings.RQ_QUEUES)
    if selection.strip() in {"", "*"}:
        return known
    names = [name.strip() for name in selection.split(",") if name.strip()]
    unknown = [name for name in names if name not in known]
    if unknown:
        raise ValueError(f"Unknown queue(s) {', '.join(unknown)}; known: {', '.join(known)}.")
    return names


def get_queues(names: list[str]):
    from django_rq.queues import get_queues as django_rq_queues
    from django_tasks_rq.backend import Job

    return django_rq_queues(*names, job_class=Job)


@functools.cache
def _queues_kept(config: str) -> list:
    """The queues, made once per process and configuration: each `get_queues` call opens new
    Redis connections, which the health check (asked every few seconds) should not."""
    return get_queues(queue_names())


def pending_count() -> int:
    """Tasks waiting in the RQ queues (not yet taken by a worker)."""
    return sum(queue.count for queue in _queues_kept(repr(settings.RQ_QUEUES)))


def worker_gone(connection, name: str) -> bool:
    """Whether the Guildhall worker of this name has died (see the module's docstring)."""
    return not connection.exists(ALIVE_KEY.format(name)) or liveness.died_here(name)


def requeue_abandoned(queues) -> list[str]:
    """Put back the jobs whose Guildhall worker died while running them; their ids."""
    from rq.exceptions import NoSuchJobError
    from rq.executions import Execution
    from rq.utils import parse_composite_key

    requeued = []
    for queue in queues:
        connection = queue.connection
        registry = queue.started_job_registry
        for entry in connection.zrange(registry.key, 0, -1):
            composite = entry.decode()
            job_id, execution_id = parse_composite_key(composite)
            execution = Execution(id=execution_id, job_id=job_id, connection=connection)
            name = (connection.hget(execution.key, "worker_name") or b"").decode()
            if not name:
                name = (connection.hget(f"rq:job:{job_id}", "worker_name") or b"").decode()
            if not liveness.ours(name) or not worker_gone(connection, name):
                continue  # alive, or a worker this code does not watch (RQ's own rules apply)
            if not connection.zrem(registry.key, composite):
                continue  # another worker claimed it first, or it just ended
            try:
                job = queue.fetch_job(job_id)
            except NoSuchJobError:
                job = None
            if job is None or (job.get_status() or "") in FINAL_STATUSES:
                continue
            with connection.pipeline() as pipeline:
                pipeline.delete(execution.key)
                pipeline.srem(execution.worker_executions_key, composite)
                pipeline.execute()
            job.started_at = None
            job.ended_at = None
            queue.enqueue_job(job, at_front=True)
            logger.warning(
                "Task %s (%s) was running on worker %s, which died: queued again.",
                job_id,
                job.func_name,
                name,
            )
            requeued.append(job_id)
    return requeued


def beat(connection, name: str) -> None:
    connection.set(ALIVE_KEY.format(name), 1, ex=liveness.ALIVE_SECONDS)


def _worker_class():
    from rq import SimpleWorker

    class GuildhallWorker(SimpleWorker):
        def execute_job(self, job, queue):
            # As a request does: no connection the database has dropped is reused.
            close_old_connections()
            try:
                return super().execute_job(job, queue)
            finally:
                close_old_connections()

    return GuildhallWorker


def run(*, queues: str, burst: bool, max_jobs: int | None, verbosity: int) -> bool:
    """Run an RQ worker over these queues until stopped (SIGTERM/Ctrl-C: the running task
    finishes first); with `burst`, until the queues are empty. Whether any task ran."""
    from django_tasks_rq.backend import Job

    rq_queues = get_queues(queue_names(queues))
    connection = rq_queues[0].connection
    name = liveness.worker_id()
    beat(connection, name)  # before any job is taken, so no other worker takes ours for lost
    requeue_abandoned(rq_queues)
    worker = _worker_class()(rq_queues, connection=connection, name=name, job_class=Job)
    heartbeat = liveness.Heartbeat(
        beat=lambda: beat(connection, name), recover=lambda: requeue_abandoned(rq_queues)
    )
    heartbeat.start()
    level = {0: "WARNING", 1: "INFO"}.get(verbosity, "DEBUG")
    try:
        return worker.work(burst=burst, max_jobs=max_jobs, logging_level=level)
    finally:
        heartbeat.stopped.set()
        with contextlib.suppress(Exception):
            connection.delete(ALIVE_KEY.format(name))


def prune_failed(queues, *, before) -> int:
    """Delete the jobs that failed before `before` (an aware datetime) from the queues' failed
    registries, which RQ would keep for a year: the number deleted."""
    from rq.registry import FailedJobRegistry

    pruned = 0
    for queue in queues:
        registry = FailedJobRegistry(queue=queue)
        ids = registry.get_job_ids()
        for start in range(0, len(ids), 500):
            batch = ids[start : start + 500]
            jobs = queue.job_class.fetch_many(batch, connection=queue.connection)
            for job_id, job in zip(batch, jobs, strict=True):
                if job is None:  # its data expired: only the registry's entry is left
                    registry.remove(job_id)
                elif job.ended_at and job.ended_at.replace(tzinfo=before.tzinfo) < before:
                    registry.remove(job, delete_job=True)
                else:
                    continue
                pruned += 1
    return pruned
