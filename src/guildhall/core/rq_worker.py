"""Background tasks on Redis: the RQ worker `guildhall worker` runs when the task backend is
django-tasks-rq (REDIS_URL set), and the recovery that keeps a dead worker from losing a task.

The worker is RQ's `SimpleWorker`: each task runs in the worker process itself, as with the
database backend, so database connections and warm caches are reused from task to task (no fork
per task). Several workers, on as many machines as reach Redis, share the queue; each job is
taken by one of them.

**A worker killed mid-task loses no task.** RQ keeps the job of a worker that vanished (SIGKILL,
a machine lost) in the queue's `StartedJobRegistry` and, much later, files it as failed. Here:

- each worker keeps a key `guildhall:rq-alive:<worker name>` alive in Redis (refreshed every
  `ALIVE_REFRESH` seconds, expiring after `ALIVE_SECONDS`);
- every worker, when it starts and every `ALIVE_REFRESH` seconds after, looks at the jobs
  started by Guildhall workers: one whose worker's key has expired — or whose worker ran on this
  machine and its process is gone, which a restarted worker sees at once — is put back at the
  front of its queue and run again by whichever worker is free. Removing the job from the
  registry is the claim: of several workers looking at once, one requeues it.

So a task runs *at least once*. The tasks are written for that: a task's writes are one
transaction (a worker killed inside it leaves nothing), and re-running one that had committed
re-derives the same state (search entries, rollups) or, for notifications, repeats a
notification that was already merged into the member's unread one; the rare duplicate is an
email sent twice, if the worker died between sending it and finishing.
"""

import contextlib
import logging
import os
import socket
import threading
import uuid
from pathlib import Path

from django.conf import settings
from django.db import close_old_connections

logger = logging.getLogger(__name__)

NAME_PREFIX = "guildhall."
ALIVE_KEY = "guildhall:rq-alive:{}"
ALIVE_SECONDS = 30  # a worker silent this long is taken for dead
ALIVE_REFRESH = 10  # seconds between a worker's signs of life (and its looks for lost jobs)
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


def pending_count() -> int:
    """Tasks waiting in the RQ queues (not yet taken by a worker)."""
    return sum(queue.count for queue in get_queues(queue_names()))


def _process_gone(pid: int) -> bool:
    """Whether no process with this id runs here (a zombie counts as gone)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False  # another user's process: alive
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state == "Z"


def worker_gone(connection, name: str) -> bool:
    """Whether the Guildhall worker of this name has died (see the module's docstring)."""
    if not connection.exists(ALIVE_KEY.format(name)):
        return True
    hostname, pid = connection.hmget(f"rq:worker:{name}", "hostname", "pid")
    if hostname is None or pid is None:
        return False  # alive key but no record yet: it is starting
    return hostname.decode() == socket.gethostname() and _process_gone(int(pid))


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
            if not name.startswith(NAME_PREFIX) or not worker_gone(connection, name):
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


class Liveness(threading.Thread):
    """Keeps this worker's alive key fresh and looks for jobs of workers that died."""

    def __init__(self, name: str, queues):
        super().__init__(name="rq-liveness", daemon=True)
        self.worker_name = name
        self.queues = queues
        self.stopped = threading.Event()

    def beat(self) -> None:
        connection = self.queues[0].connection
        connection.set(ALIVE_KEY.format(self.worker_name), os.getpid(), ex=ALIVE_SECONDS)

    def run(self) -> None:
        while not self.stopped.wait(ALIVE_REFRESH):
            try:
                self.beat()
                requeue_abandoned(self.queues)
            except Exception:  # Redis restarting: try again at the next beat
                logger.warning("Could not refresh the worker's liveness in Redis.", exc_info=True)

    def stop(self) -> None:
        self.stopped.set()
        with contextlib.suppress(Exception):
            self.queues[0].connection.delete(ALIVE_KEY.format(self.worker_name))


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


def worker_name() -> str:
    return f"{NAME_PREFIX}{socket.gethostname()}.{os.getpid()}.{uuid.uuid4().hex[:6]}"


def run(*, queues: str, burst: bool, max_jobs: int | None, verbosity: int) -> bool:
    """Run an RQ worker over these queues until stopped (SIGTERM/Ctrl-C: the running task
    finishes first); with `burst`, until the queues are empty. Whether any task ran."""
    from django_tasks_rq.backend import Job

    rq_queues = get_queues(queue_names(queues))
    name = worker_name()
    liveness = Liveness(name, rq_queues)
    liveness.beat()  # before any job is taken, so no other worker mistakes ours for lost
    requeue_abandoned(rq_queues)
    worker = _worker_class()(
        rq_queues, connection=rq_queues[0].connection, name=name, job_class=Job
    )
    level = {0: "WARNING", 1: "INFO"}.get(verbosity, "DEBUG")
    liveness.start()
    try:
        return worker.work(burst=burst, max_jobs=max_jobs, logging_level=level)
    finally:
        liveness.stop()
