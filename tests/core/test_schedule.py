from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks import task

from guildhall.core import schedule
from guildhall.core.models import PeriodicRun

calls: list[str] = []


@task()
def remember_run() -> None:
    calls.append("ran")


@pytest.fixture
def hourly_job(monkeypatch):
    monkeypatch.setattr(schedule, "_jobs", {})
    schedule.register_periodic(remember_run, every=timedelta(hours=1), name="test-hourly")
    calls.clear()
    return "test-hourly"


@pytest.mark.django_db
def test_a_job_runs_once_per_slot_however_often_workers_look(hourly_job):
    now = timezone.now().replace(minute=5)
    assert schedule.enqueue_due(now=now) == [hourly_job]
    assert schedule.enqueue_due(now=now + timedelta(minutes=30)) == []
    assert calls == ["ran"]
    assert schedule.enqueue_due(now=now + timedelta(hours=1)) == [hourly_job]
    assert calls == ["ran", "ran"]
    assert PeriodicRun.objects.filter(name=hourly_job).count() == 2


@pytest.mark.django_db
def test_periodic_command_queues_what_is_due_and_lists_jobs(hourly_job, capsys):
    call_command("periodic")
    assert "Queued 1 job(s): test-hourly" in capsys.readouterr().out
    call_command("periodic")
    assert "none due" in capsys.readouterr().out
    call_command("periodic", "--list")
    assert "test-hourly: every 1:00:00" in capsys.readouterr().out


def test_intervals_under_a_minute_are_refused(monkeypatch):
    monkeypatch.setattr(schedule, "_jobs", {})
    with pytest.raises(ValueError, match="once a minute"):
        schedule.register_periodic(remember_run, every=timedelta(seconds=5))
