"""Daily housekeeping: finished task results, periodic-run rows and (when a retention is set)
old events are deleted, so the tables the worker and the schedule read stay small.

- Task results (django-tasks-db) finished more than GUILDHALL_TASK_RESULT_DAYS ago (default 7),
  pruned by the library's own command; on Redis (RQ), the failed jobs as old, which RQ would keep
  for a year (RQ drops the finished ones itself within minutes).
- Periodic-run rows older than twice the longest job interval (a slot's row only has to outlive
  its slot); the signs of life of workers silent for a day (killed ones: core/liveness.py).
- Events older than GUILDHALL_EVENT_RETENTION_DAYS, when it is set: the event log feeds what's
  new and analytics, so by default nothing is deleted.
"""

from datetime import timedelta

from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from django_tasks import task

from guildhall.core.management.commands.worker import DB_BACKEND, RQ_BACKEND, task_backend_path
from guildhall.core.models import Event, PeriodicRun, WorkerHeartbeat
from guildhall.core.schedule import periodic_jobs


def prune(*, now=None) -> dict[str, int]:
    now = now or timezone.now()
    pruned = {"task_results": _prune_task_results(now)}
    longest = max((job.every for job in periodic_jobs()), default=timedelta(days=1))
    pruned["periodic_runs"], _ = PeriodicRun.objects.filter(
        created_at__lt=now - 2 * longest
    ).delete()
    # A worker that stopped cleanly removed its own row; one that was killed left it.
    pruned["worker_heartbeats"], _ = WorkerHeartbeat.objects.filter(
        beat_at__lt=now - timedelta(days=1)
    ).delete()
    days = settings.GUILDHALL_EVENT_RETENTION_DAYS
    pruned["events"] = (
        Event.objects.filter(created_at__lt=now - timedelta(days=days)).delete()[0] if days else 0
    )
    return pruned


def _prune_task_results(now) -> int:
    if task_backend_path() == RQ_BACKEND:
        from guildhall.core import rq_worker

        before = now - timedelta(days=settings.GUILDHALL_TASK_RESULT_DAYS)
        return rq_worker.prune_failed(rq_worker.get_queues(rq_worker.queue_names()), before=before)
    if task_backend_path() != DB_BACKEND:
        return 0  # another backend keeps its own results
    from django_tasks_db.models import DBTaskResult

    before = DBTaskResult.objects.count()
    call_command(
        "prune_db_task_results",
        queue_name="*",
        min_age_days=settings.GUILDHALL_TASK_RESULT_DAYS,
        verbosity=0,
    )
    return before - DBTaskResult.objects.count()


@task()
def housekeeping_prune() -> dict:
    return prune()
