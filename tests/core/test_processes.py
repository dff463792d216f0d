"""Several processes, one state: the real `guildhall serve` (web workers and a task worker as
separate processes, the embedded SQLite set-up with no Redis) shows a colleague's comment on the
bell within 2 s, in the API and the page, with `--workers 2`. And `guildhall worker
--concurrency 2` runs its processes and stops them together."""

import http.cookiejar
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SETUP = """
from guildhall.accounts.services import api_token_create
from tests.factories import add_member, make_community, make_item, make_member
author = make_member("ada", name="Ada Author")
colleague = make_member("cole", name="Cole Colleague")
community = make_community(author, name="Pump Reliability")
add_member(community, colleague)
item = make_item(author, community=community, title="Seal failures this quarter")
print(item.pk, api_token_create(user=author), api_token_create(user=colleague))
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _manage(env, *args, **kwargs):
    return subprocess.run(  # noqa: S603 - our own Python and arguments
        [sys.executable, "-m", "guildhall.manage", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
        **kwargs,
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A migrated embedded installation of its own (data dir, SQLite, no Redis)."""
    data = tmp_path_factory.mktemp("site")
    env = {**os.environ, "GUILDHALL_DATA_DIR": str(data), "PYTHONPATH": str(ROOT / "src")}
    env["DATABASE_URL"] = f"sqlite:///{data / 'guildhall.sqlite3'}"
    for name in ("REDIS_URL", "DJANGO_SETTINGS_MODULE", "TASKS_BACKEND"):
        env.pop(name, None)
    _manage(env, "migrate", "--noinput")
    created = _manage(env, "shell", "-c", SETUP).stdout.strip().splitlines()[-1]
    item, author_token, colleague_token = created.split()
    return env, int(item), author_token, colleague_token


def _request(url, *, token=None, data=None, opener=None, method=None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    body = None
    if data is not None:
        body = json.dumps(data).encode()
        headers["Content-Type"] = "application/json"
    # Only ever the loopback server this module starts.
    request = urllib.request.Request(url, data=body, headers=headers, method=method)  # noqa: S310
    with (opener or urllib.request.build_opener()).open(request, timeout=10) as response:
        return response.read().decode()


def _sign_in(base: str, email: str, password: str):
    """A browser-like session: the sign-in form, with its CSRF token."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    form = _request(f"{base}/accounts/login/", opener=opener)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    fields = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "login": email, "password": password}
    ).encode()
    request = urllib.request.Request(  # noqa: S310 - the loopback server
        f"{base}/accounts/login/", data=fields, headers={"Referer": f"{base}/accounts/login/"}
    )
    opener.open(request, timeout=10).read()
    return opener


@pytest.fixture
def server(site):
    env, *_ = site
    port = _free_port()
    proc = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "guildhall.manage", "serve", "--port", str(port), "--workers", "2"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            _request(f"{base}/api/v1/health")
            break
        except OSError:
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail(f"guildhall serve did not start: {proc.stdout.read()}")
    yield base
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=60)


def _unread(base, token) -> int:
    return json.loads(_request(f"{base}/api/v1/notifications/unread-count", token=token))["count"]


def test_the_bell_counts_a_colleagues_comment_within_two_seconds(site, server):
    from tests.factories import PASSWORD

    _, item, author_token, colleague_token = site
    page = _sign_in(server, "ada@example.com", PASSWORD)
    bell = _request(f"{server}/notifications/bell/", opener=page)
    assert 'aria-label="Notifications"' in bell  # nothing unread, and now remembered
    before = _unread(server, author_token)  # read (and cached) before the comment

    _request(
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
        bell = _request(f"{server}/notifications/bell/", opener=page)
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
