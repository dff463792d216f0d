"""A task worker killed mid-task loses no task: whether the worker that took a task is alive,
and putting back the tasks of those that are not.

Every `guildhall worker` says it is alive every `ALIVE_REFRESH` seconds — a key in Redis for the
RQ queue (core/rq_worker.py), a `WorkerHeartbeat` row for the database queue (here). A worker
silent for `ALIVE_SECONDS` is taken for dead, and so at once is one whose process is gone from
this very machine (a restarted worker sees its predecessor's process gone). Every worker, when it
starts and every `ALIVE_REFRESH` seconds after, puts back in the queue the tasks such workers
were running; another worker then runs them. Of several workers doing so at once, one does it
(the requeue is a conditional update or the removal from RQ's registry).

A task so runs *at least once*. Guildhall's tasks write in one transaction each (a worker killed
inside one leaves nothing) and re-derive their state when run again (search entries, rollups);
the rare duplicate is a notification email sent twice, when a worker died between sending it and
finishing.

Workers are named `gh-<machine>-<pid>-<random>`: the machine is a digest of the host name and
the process-id namespace, so containers sharing a host name but not their processes are told
apart, and a process id is only ever looked up where it was issued. Workers started otherwise
(`db_worker`, `rqworker`) are left to their library's own rules.
"""

import hashlib
import logging
import os
import socket
import threading
import uuid
from datetime import timedelta
from functools import cache

from django.db import close_old_connections
from django.utils import timezone

logger = logging.getLogger(__name__)

PREFIX = "gh-"
ALIVE_SECONDS = 30  # a worker silent this long is taken for dead
ALIVE_REFRESH = 10  # seconds between a worker's signs of life (and its looks for lost tasks)


@cache
def machine_id() -> str:
    try:
        namespace = str(os.stat("/proc/self/ns/pid").st_ino)
    except OSError:
        namespace = ""
    return hashlib.sha256(f"{socket.gethostname()}\0{namespace}".encode()).hexdigest()[:12]


def worker_id() -> str:
    """This process's worker name (under 64 characters, django-tasks-db's limit)."""
    return f"{PREFIX}{machine_id()}-{os.getpid()}-{uuid.uuid4().hex[:6]}"


def ours(name: str) -> bool:
    return name.startswith(PREFIX)


def process_gone(pid: int) -> bool:
    """Whether no process with this id runs here (a zombie counts as gone)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False  # another user's process: alive
    try:
        with open(f"/proc/{pid}/stat") as stat:
            state = stat.read().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state == "Z"


def died_here(name: str) -> bool:
    """Whether the worker of this name ran on this machine and its process is gone."""
    machine, _, rest = name.removeprefix(PREFIX).partition("-")
    pid = rest.partition("-")[0]
    return ours(name) and machine == machine_id() and pid.isdigit() and process_gone(int(pid))


class Heartbeat(threading.Thread):
    """Says every ALIVE_REFRESH seconds that this worker lives (`beat`) and puts back the tasks
    of workers that died (`recover`); both given by the queue."""

    def __init__(self, beat, recover):
        super().__init__(name="worker-liveness", daemon=True)
        self.beat, self.recover = beat, recover
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(ALIVE_REFRESH):
            try:
                self.beat()
                self.recover()
            except Exception:  # the database or Redis restarting: try again at the next beat
                logger.warning("Could not renew the worker's sign of life.", exc_info=True)
            finally:
                close_old_connections()


# The database queue (django-tasks-db) ------------------------------------------------------


def db_beat(name: str) -> None:
    from guildhall.core.models import WorkerHeartbeat

    WorkerHeartbeat.objects.update_or_create(name=name, defaults={"beat_at": timezone.now()})


def db_farewell(name: str) -> None:
    from guildhall.core.models import WorkerHeartbeat

    WorkerHeartbeat.objects.filter(name=name).delete()


def db_requeue_abandoned(*, now=None) -> list[str]:
    """Put back the tasks the database queue shows running on a Guildhall worker that died;
    their ids."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from guildhall.core.models import WorkerHeartbeat

    now = now or timezone.now()
    running = list(DBTaskResult.objects.running().values_list("id", "worker_ids", "task_path"))
    if not running:
        return []
    alive = set(
        WorkerHeartbeat.objects.filter(
            beat_at__gte=now - timedelta(seconds=ALIVE_SECONDS)
        ).values_list("name", flat=True)
    )
    requeued = []
    for task_id, worker_ids, task_path in running:
        owner = worker_ids[-1] if worker_ids else ""
        if not ours(owner) or (owner in alive and not died_here(owner)):
            continue
        if DBTaskResult.objects.filter(id=task_id, status=TaskResultStatus.RUNNING).update(
            status=TaskResultStatus.READY, started_at=None
        ):
            logger.warning(
                "Task %s (%s) was running on worker %s, which died: queued again.",
                task_id,
                task_path,
                owner,
            )
            requeued.append(str(task_id))
    return requeued
