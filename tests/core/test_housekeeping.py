"""Housekeeping prunes what only grows (finished task results, periodic-run rows, events past a
retention when one is set); `guildhall periodic --force JOB` queues a job now."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from guildhall.core.housekeeping import prune
from guildhall.core.models import Event, PeriodicRun, WorkerHeartbeat
from guildhall.core.schedule import periodic_jobs
from tests.factories import make_item

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _result(*, days_ago: int, status: str = "SUCCESSFUL") -> DBTaskResult:
    finished = timezone.now() - timedelta(days=days_ago)
    return DBTaskResult.objects.create(
        status=status,
        args_kwargs={"args": [], "kwargs": {}},
        task_path="guildhall.home.tasks.home_rollup",
        backend_name="default",
        run_after=finished,
        finished_at=finished if status != "READY" else None,
    )


def test_old_finished_task_results_and_run_rows_are_pruned(settings, db):
    settings.TASKS = DB_TASKS
    old, recent, waiting = (
        _result(days_ago=30),
        _result(days_ago=1),
        _result(days_ago=30, status="READY"),
    )
    stale = PeriodicRun.objects.create(name="home.rollup", slot=1)
    PeriodicRun.objects.filter(pk=stale.pk).update(created_at=timezone.now() - timedelta(days=60))
    fresh = PeriodicRun.objects.create(name="home.rollup", slot=2)
    WorkerHeartbeat.objects.create(name="gh-killed", beat_at=timezone.now() - timedelta(days=2))
    WorkerHeartbeat.objects.create(name="gh-running", beat_at=timezone.now())

    pruned = prune()

    assert pruned["task_results"] == 1 and pruned["periodic_runs"] == 1
    assert pruned["worker_heartbeats"] == 1
    assert list(WorkerHeartbeat.objects.values_list("name", flat=True)) == ["gh-running"]
    assert set(DBTaskResult.objects.values_list("pk", flat=True)) == {recent.pk, waiting.pk}
    assert list(PeriodicRun.objects.values_list("pk", flat=True)) == [fresh.pk]
    assert not DBTaskResult.objects.filter(pk=old.pk).exists()


def test_events_are_kept_unless_a_retention_is_set(settings, member):
    make_item(member, title="Logged")
    Event.objects.update(created_at=timezone.now() - timedelta(days=400))
    assert prune()["events"] == 0 and Event.objects.exists()
    settings.GUILDHALL_EVENT_RETENTION_DAYS = 365
    assert prune()["events"] > 0 and not Event.objects.exists()


def test_housekeeping_is_scheduled_daily():
    jobs = {job.name: job for job in periodic_jobs()}
    assert jobs["core.housekeeping"].every == timedelta(days=1)


def test_periodic_force_queues_a_job_now(settings, db):
    settings.TASKS = DB_TASKS
    out = StringIO()
    call_command("periodic", "--force", "home.rollup", stdout=out)
    assert "Queued home.rollup." in out.getvalue()
    assert (
        DBTaskResult.objects.filter(task_path__endswith="home_rollup", status="READY").count() == 1
    )
    with pytest.raises(CommandError, match="No periodic job named 'nope'"):
        call_command("periodic", "--force", "nope")


def test_the_admin_index_shows_the_tasks_waiting(client, settings, staff):
    from tests.conftest import login

    settings.TASKS = DB_TASKS
    _result(days_ago=0, status="READY")
    _result(days_ago=0, status="READY")
    page = login(client, staff).get("/admin/").content.decode()
    assert "2 background tasks are waiting for a worker." in page
