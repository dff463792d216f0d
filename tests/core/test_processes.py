"""Several processes, one state: the real `guildhall serve` (web workers and a task worker as
separate processes, the embedded SQLite set-up with no Redis) shows a colleague's comment on the
bell within 2 s, in the API and the page, with `--workers 2`. And `guildhall worker
--concurrency 2` runs its processes and stops them together."""

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.live import (
    AUTHOR_AND_COLLEAGUE,
    ROOT,
    environment,
    free_port,
    manage,
    request,
    sign_in,
    stop,
    wait_until_serving,
)

pytestmark = pytest.mark.slow

SETUP = (
    AUTHOR_AND_COLLEAGUE
    + "from guildhall.accounts.services import api_token_create\n"
    + "print(item.pk, api_token_create(user=author), api_token_create(user=colleague))\n"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A migrated embedded installation of its own (data dir, SQLite, no Redis)."""
    data = tmp_path_factory.mktemp("site")
    env = environment(data, DATABASE_URL=f"sqlite:///{data / 'guildhall.sqlite3'}")
    manage(env, "migrate", "--noinput")
    created = manage(env, "shell", "-c", SETUP).stdout.strip().splitlines()[-1]
    item, author_token, colleague_token = created.split()
    return env, int(item), author_token, colleague_token


@pytest.fixture
def server(site):
    env, *_ = site
    port = free_port()
    proc = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "guildhall.manage", "serve", "--port", str(port), "--workers", "2"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    wait_until_serving(base, proc)
    yield base
    stop(proc)


def _unread(base, token) -> int:
    return json.loads(request(f"{base}/api/v1/notifications/unread-count", token=token))["count"]


def test_the_bell_counts_a_colleagues_comment_within_two_seconds(site, server):
    from tests.factories import PASSWORD

    _, item, author_token, colleague_token = site
    page = sign_in(server, "ada@example.com", PASSWORD)
    bell = request(f"{server}/notifications/bell/", opener=page)
    assert 'aria-label="Notifications"' in bell  # nothing unread, and now remembered
    before = _unread(server, author_token)  # read (and cached) before the comment

    request(
        f"{server}/api/v1/content/{item}/comments",
        token=colleague_token,
        data={"body": "Seen the same on line 3."},
    )
    commented = time.monotonic()
    while _unread(server, author_token) == before:
        assert time.monotonic() - commented < 2, "the API's unread count lagged over 2 s"
        time.sleep(0.1)
    # Both web processes answer: every poll below may reach either, and each must agree.
    for _ in range(6):
        bell = request(f"{server}/notifications/bell/", opener=page)
        assert f"Notifications: {before + 1} unread" in bell
        assert _unread(server, author_token) == before + 1
    assert time.monotonic() - commented < 2


def test_worker_concurrency_runs_processes_and_stops_them_together(site):
    env, *_ = site
    proc = subprocess.Popen(
        [sys.executable, "-m", "guildhall.manage", "worker", "--concurrency", "2"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    time.sleep(4)
    children = subprocess.run(  # noqa: S603
        ["/usr/bin/pgrep", "-P", str(proc.pid)], capture_output=True, text=True, check=False
    ).stdout.split()
    assert len(children) == 2
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=60) == 0
    for pid in children:
        assert (
            not Path(f"/proc/{pid}").exists()
            or "zombie" in Path(f"/proc/{pid}/status").read_text().lower()
        )
