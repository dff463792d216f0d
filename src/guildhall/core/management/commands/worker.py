"""`guildhall worker`: run background tasks (notifications, search indexing, email...).

Tasks are queued through the django-tasks API. With the database backend (`django_tasks_db`,
the default without Redis) this command runs its `db_worker` over every queue; with the Redis
backend (`django_tasks_rq`, the default when REDIS_URL is set) it runs an RQ worker
(core/rq_worker.py, which also puts back the tasks of workers that died). Run as many workers
as you like, on as many machines as share the database (or Redis); `--concurrency N` runs N
worker processes here under this one (one of them keeps the schedule). With the immediate
backend there is nothing to run: tasks execute inside the request that queued them.
"""

import argparse
import contextlib
import logging
import signal
import subprocess
import sys
import threading
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, close_old_connections, connection
from django_tasks_db.compat import TASKS_LOGGER
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from guildhall.core import liveness
from guildhall.core.schedule import enqueue_due

logger = logging.getLogger(__name__)

DB_BACKEND = "django_tasks_db.DatabaseBackend"
RQ_BACKEND = "django_tasks_rq.RQBackend"
SCHEDULE_INTERVAL = 60  # seconds between looks for due periodic jobs
NO_WORKER_BACKENDS = {
    "django_tasks.backends.immediate.ImmediateBackend",
    "django_tasks.backends.dummy.DummyBackend",
}


def task_backend_path(alias: str = "default") -> str:
    return settings.TASKS.get(alias, {}).get("BACKEND", "")


def worker_needed(alias: str = "default") -> bool:
    """Whether queued tasks wait for a worker process (False for the immediate backend)."""
    return task_backend_path(alias) not in NO_WORKER_BACKENDS


class _DbWorker(DbWorkerCommand):
    """`db_worker` whose quietest level still reports failed tasks (it would hide them)."""

    def configure_logging(self, verbosity: int) -> None:
        super().configure_logging(verbosity)
        if verbosity == 0:
            for name in (TASKS_LOGGER, "django_tasks_db"):
                logging.getLogger(name).setLevel(logging.WARNING)


class Command(BaseCommand):
    help = "Run background tasks until stopped (Ctrl-C or SIGTERM finishes the current task)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--queue",
            default="*",
            help="Comma-separated queue names to process (default: every queue).",
        )
        parser.add_argument(
            "--interval",
            type=float,
            default=1.0,
            help="Seconds to wait between polls when there is nothing to do (default: 1; the "
            "database backend only: the Redis worker is woken by the queue itself).",
        )
        parser.add_argument(
            "--batch",
            action="store_true",
            help="Run every task waiting now, then exit (for cron or one-off catch-up).",
        )
        parser.add_argument(
            "--max-tasks",
            type=int,
            default=None,
            help="Exit after this many tasks (a supervisor restarts the worker).",
        )
        parser.add_argument("--backend", default="default", help="Task backend alias.")
        parser.add_argument(
            "--concurrency",
            type=int,
            default=1,
            help="Worker processes to run side by side (default: 1). Each takes one task at a "
            "time and holds a database connection.",
        )
        # The processes --concurrency starts: all but the first leave the schedule to it.
        parser.add_argument("--no-schedule", action="store_true", help=argparse.SUPPRESS)

    def handle(
        self,
        *args,
        queue,
        interval,
        batch,
        max_tasks,
        backend,
        verbosity,
        concurrency,
        no_schedule,
        **options,
    ):
        path = task_backend_path(backend)
        if path in NO_WORKER_BACKENDS:
            self.stdout.write(
                f"The task backend is {path}: tasks run where they are queued, no worker needed."
            )
            return
        if path not in {DB_BACKEND, RQ_BACKEND}:
            raise CommandError(
                f"`guildhall worker` runs the database and the Redis (RQ) task backends; "
                f"{path or 'none'} is configured. Run that backend's own worker instead."
            )
        # With the database down, stop now with one line (guildhall/manage.py), rather than
        # log a traceback every poll.
        connection.ensure_connection()
        kwargs = {
            "queue_name": queue,
            "interval": interval,
            "batch": batch,
            "backend_name": backend,
            "reload": False,
            "verbosity": verbosity,
        }
        if max_tasks is not None:
            if max_tasks <= 0:
                raise CommandError("--max-tasks must be greater than zero.")
            kwargs["max_tasks"] = max_tasks
        if concurrency < 1:
            raise CommandError("--concurrency must be at least 1.")
        if concurrency > 1 and not batch:
            return self._run_processes(concurrency, queue, interval, verbosity)
        if verbosity >= 1 and not batch:
            self.stdout.write(f"Guildhall worker: processing queue(s) {queue} (Ctrl-C to stop).")
        if batch:
            enqueue_due()
        elif not no_schedule:
            threading.Thread(target=_schedule_forever, name="periodic", daemon=True).start()
        if path == RQ_BACKEND:
            self._run_rq(queue, batch, max_tasks, verbosity)
        else:
            self._run_db(kwargs)

    def _run_db(self, kwargs: dict) -> None:
        """django-tasks-db's worker, with a sign of life in the database and the tasks of
        workers that died put back (core/liveness.py)."""
        name = liveness.worker_id()
        liveness.db_beat(name)
        liveness.db_requeue_abandoned()
        heartbeat = liveness.Heartbeat(
            beat=lambda: liveness.db_beat(name), recover=liveness.db_requeue_abandoned
        )
        heartbeat.start()
        try:
            call_command(_DbWorker(), worker_id=name, **kwargs)
        finally:
            heartbeat.stopped.set()
            with contextlib.suppress(DatabaseError):
                liveness.db_farewell(name)

    def _run_rq(self, queue: str, batch: bool, max_tasks: int | None, verbosity: int) -> None:
        from guildhall.core import rq_worker

        try:
            rq_worker.queue_names(queue)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        rq_worker.run(queues=queue, burst=batch, max_jobs=max_tasks, verbosity=verbosity)

    def _run_processes(self, count: int, queue: str, interval: float, verbosity: int) -> None:
        """Start `count` single workers and stop them all on Ctrl-C or SIGTERM (each finishes its
        current task); if one dies, the others are stopped and the command fails, so a
        supervisor restarts the set."""
        base = [sys.executable, "-m", "guildhall.manage", "worker", "--queue", queue]
        base += ["--interval", str(interval), "--verbosity", str(verbosity)]
        # Our own Python and validated values, never a shell string.
        children = [
            subprocess.Popen([*base, *(["--no-schedule"] if n else [])])  # noqa: S603
            for n in range(count)
        ]
        stopping = []
        previous = {
            sig: signal.signal(sig, lambda *_: stopping.append(True))
            for sig in (signal.SIGINT, signal.SIGTERM)
        }
        if verbosity >= 1:
            self.stdout.write(f"Guildhall worker: {count} processes on queue(s) {queue}.")
        try:
            while not stopping and all(child.poll() is None for child in children):
                time.sleep(0.25)
        finally:
            for child in children:
                if child.poll() is None:
                    child.send_signal(signal.SIGTERM)
            for child in children:
                child.wait()
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        if not stopping:
            raise CommandError("A worker process stopped unexpectedly; stopped the others.")


def _schedule_forever() -> None:
    """Queue due periodic jobs now and every minute after, for as long as the worker runs."""
    while True:
        try:
            enqueue_due()
        except Exception:  # a bad minute (database restarting) must not end the schedule
            logger.exception("Could not queue the periodic jobs; trying again in a minute")
        finally:
            close_old_connections()
        time.sleep(SCHEDULE_INTERVAL)
