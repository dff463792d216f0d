"""Periodic background jobs (rollups, digests) on top of the django-tasks queue.

Apps register a task with an interval in their `AppConfig.ready()`; `guildhall worker` calls
`enqueue_due()` every minute and `guildhall periodic` does it once (for cron). A job runs at most
once per slot of its interval, however many workers are running: the slot is claimed by inserting
a `PeriodicRun` row, and only the worker whose insert succeeds queues the task.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from guildhall.core.models import PeriodicRun


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    task: object  # a django-tasks Task
    every: timedelta


_jobs: dict[str, PeriodicJob] = {}


def register_periodic(task, *, every: timedelta, name: str | None = None) -> None:
    if every.total_seconds() < 60:
        raise ValueError("Periodic jobs run at most once a minute.")
    job_name = name or f"{task.module_path}"
    _jobs[job_name] = PeriodicJob(name=job_name, task=task, every=every)


def periodic_jobs() -> list[PeriodicJob]:
    return sorted(_jobs.values(), key=lambda job: job.name)


def _slot(job: PeriodicJob, now: datetime) -> int:
    return int(now.timestamp() // job.every.total_seconds())


def enqueue_due(*, now: datetime | None = None) -> list[str]:
    """Queue every job whose current slot has not run yet; return the names queued."""
    now = now or timezone.now()
    queued = []
    for job in periodic_jobs():
        try:
            with transaction.atomic():
                PeriodicRun.objects.create(name=job.name, slot=_slot(job, now))
        except IntegrityError:
            continue
        job.task.enqueue()
        queued.append(job.name)
    return queued


def enqueue_now(name: str) -> None:
    """Queue one job at once, whatever its schedule (`guildhall periodic --force NAME`)."""
    job = _jobs.get(name)
    if job is None:
        known = ", ".join(job.name for job in periodic_jobs())
        raise LookupError(f"No periodic job named {name!r}. Jobs: {known}.")
    job.task.enqueue()
