"""`guildhall worker` on either queue — Redis (django-tasks-rq, RQ) or the database — and a
worker SIGKILLed in the middle of a task loses nothing: the task runs again on the worker
started after it (on this machine at once; a worker on another machine is taken for dead once
its sign of life is older than 30 s). The Redis tests need Redis (GUILDHALL_TEST_REDIS_URL,
default db 9): skipped without it, failed on CI."""

import os
import subprocess
import time

import pytest

from tests.live import environment, kill, manage, redis_url, start, stop

ENQUEUE = """
from tests.core.gated_task import wait_for_gate
print(wait_for_gate.enqueue(directory={directory!r}).id)
"""


def _wait_for(predicate, timeout: float, what: str, proc=None, log=None):
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            seen = log.read_text() if log and log.exists() else ""
            pytest.fail(f"{what} within {timeout} s; worker said: {seen}")
        time.sleep(0.1)


def _site(tmp_path, **settings):
    """An embedded installation (SQLite) of its own, with these settings."""
    data = tmp_path / "data"
    env = environment(data, DATABASE_URL=f"sqlite:///{data / 'guildhall.sqlite3'}", **settings)
    manage(env, "migrate", "--noinput", "-v0")
    return env


@pytest.fixture
def rq_site(tmp_path):
    """Its task queue on the test Redis."""
    return _site(tmp_path, REDIS_URL=redis_url())


@pytest.fixture(params=["redis", "database"])
def any_site(request, tmp_path):
    return _site(tmp_path, **({"REDIS_URL": redis_url()} if request.param == "redis" else {}))


@pytest.mark.slow
def test_a_task_whose_worker_was_killed_runs_on_the_next_worker(any_site, tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    first_log, second_log = tmp_path / "first.log", tmp_path / "second.log"
    first = start(any_site, "worker", log=first_log)
    second = None
    try:
        manage(any_site, "shell", "-c", ENQUEUE.format(directory=str(work)))
        _wait_for(
            lambda: any(work.glob("started-*")),
            60,
            "the first worker started no task",
            log=first_log,
        )
        (started_first,) = work.glob("started-*")

        kill(first)  # SIGKILL, mid-task: it never finishes, never reports
        assert not (work / "done").exists()
        (work / "gate").touch()

        second = start(any_site, "worker", log=second_log)
        _wait_for(
            lambda: (work / "done").exists(), 30, "the task did not run again", log=second_log
        )

        runs = sorted(path.name for path in work.glob("started-*"))
        assert len(runs) == 2, runs  # once on the killed worker, once on the next one
        assert (work / "done").read_text() != started_first.name.removeprefix("started-")
        assert "queued again" in second_log.read_text()
    finally:
        for proc in (first, second):
            if proc is not None:
                stop(proc)


@pytest.mark.slow
def test_the_worker_says_what_it_runs_and_stops_on_sigterm(rq_site, tmp_path):
    log = tmp_path / "worker.log"
    worker = start(rq_site, "worker", "--verbosity", "1", log=log)
    try:
        _wait_for(lambda: "Listening on" in log.read_text(), 60, "no RQ worker listening", log=log)
    finally:
        stop(worker)
    assert worker.returncode == 0, log.read_text()


@pytest.fixture
def rq_queue(settings):
    settings.RQ_QUEUES = {"default": {"URL": redis_url()}}
    from guildhall.core import rq_worker

    (queue,) = rq_worker.get_queues(["default"])
    return queue


def _started_elsewhere(queue, *, alive: bool):
    """A job taken by a Guildhall worker on another machine, mid-run."""
    from guildhall.core import rq_worker

    job = queue.enqueue("tests.core.gated_task.wait_for_gate", directory="/nonexistent")
    worker = rq_worker._worker_class()(
        [queue], connection=queue.connection, name="gh-elsewhere000-4242-abcdef"
    )
    worker.register_birth()
    if alive:
        rq_worker.beat(queue.connection, worker.name)
    taken, _ = worker.dequeue_job_and_maintain_ttl(timeout=None)
    assert taken.id == job.id
    worker.prepare_execution(taken)
    worker.prepare_job_execution(taken)
    assert job.get_status() == "started" and queue.count == 0
    return job


def test_a_job_of_a_worker_silent_too_long_is_queued_again(rq_queue):
    from guildhall.core.rq_worker import requeue_abandoned

    job = _started_elsewhere(rq_queue, alive=False)

    assert requeue_abandoned([rq_queue]) == [job.id]
    assert rq_queue.job_ids == [job.id] and job.get_status() == "queued"
    assert rq_queue.started_job_registry.count == 0
    assert requeue_abandoned([rq_queue]) == []  # once


def test_a_job_of_a_live_worker_elsewhere_is_left_running(rq_queue):
    from guildhall.core.rq_worker import requeue_abandoned

    job = _started_elsewhere(rq_queue, alive=True)

    assert requeue_abandoned([rq_queue]) == []
    assert job.get_status() == "started" and rq_queue.count == 0


def _running_elsewhere(*, beat_seconds_ago: int | None, worker="gh-elsewhere000-4242-abcdef"):
    """A task of the database queue taken by a Guildhall worker on another machine."""
    from datetime import timedelta

    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from guildhall.core.models import WorkerHeartbeat

    if beat_seconds_ago is not None:
        WorkerHeartbeat.objects.create(
            name=worker, beat_at=timezone.now() - timedelta(seconds=beat_seconds_ago)
        )
    return DBTaskResult.objects.create(
        status="RUNNING",
        args_kwargs={"args": [], "kwargs": {"directory": "/nonexistent"}},
        task_path="tests.core.gated_task.wait_for_gate",
        backend_name="default",
        run_after=timezone.now(),
        started_at=timezone.now(),
        worker_ids=[worker],
    )


@pytest.mark.parametrize("beat_seconds_ago", [None, 31])
def test_a_database_task_of_a_worker_silent_too_long_is_queued_again(db, beat_seconds_ago):
    from guildhall.core.liveness import db_requeue_abandoned

    task = _running_elsewhere(beat_seconds_ago=beat_seconds_ago)

    assert db_requeue_abandoned() == [str(task.pk)]
    task.refresh_from_db()
    assert task.status == "READY" and task.started_at is None
    assert db_requeue_abandoned() == []


def test_a_database_task_of_a_live_or_foreign_worker_is_left_running(db):
    from guildhall.core.liveness import db_requeue_abandoned

    live = _running_elsewhere(beat_seconds_ago=5)
    foreign = _running_elsewhere(beat_seconds_ago=None, worker="a-db_worker-of-its-own")

    assert db_requeue_abandoned() == []
    for task in (live, foreign):
        task.refresh_from_db()
        assert task.status == "RUNNING"


def test_a_worker_whose_process_is_gone_from_this_machine_died_here():
    from guildhall.core import liveness

    proc = subprocess.Popen(["/bin/true"])
    proc.wait()  # gone, and reaped
    here = liveness.worker_id()
    gone = here.replace(f"-{os.getpid()}-", f"-{proc.pid}-")

    assert not liveness.died_here(here)  # this very process
    assert liveness.died_here(gone)
    assert not liveness.died_here(gone.replace(liveness.machine_id(), "elsewhere000"))


@pytest.mark.django_db
def test_housekeeping_deletes_failed_jobs_older_than_the_kept_days(rq_queue, settings):
    from datetime import timedelta

    from django.utils import timezone
    from rq.registry import FailedJobRegistry

    from guildhall.core.housekeeping import prune
    from guildhall.core.management.commands.worker import RQ_BACKEND

    settings.TASKS = {"default": {"BACKEND": RQ_BACKEND, "QUEUES": ["default"]}}
    settings.GUILDHALL_TASK_RESULT_DAYS = 7
    registry = FailedJobRegistry(queue=rq_queue)
    now = timezone.now()
    jobs = {}
    for name, days_ago in (("old", 30), ("recent", 1)):
        job = rq_queue.create_job("tests.core.gated_task.wait_for_gate", kwargs={"directory": "/x"})
        job.ended_at = now - timedelta(days=days_ago)
        job.set_status("failed")
        job.save()
        registry.add(job, ttl=365 * 86400)
        jobs[name] = job
    assert prune(now=now)["task_results"] == 1
    assert registry.get_job_ids() == [jobs["recent"].id]
    assert not rq_queue.connection.exists(jobs["old"].key)
