"""`guildhall serve`, `worker` and `ensure_demo`: the commands `make run` relies on."""

import gzip
import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from io import StringIO

import brotli
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from guildhall.notifications.models import Notification
from guildhall.notifications.services import notify

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.mark.django_db(transaction=True)
def test_worker_delivers_queued_notifications(settings, member, expert):
    settings.TASKS = DB_TASKS
    notify(recipient_ids=[member.pk], verb="comment", actor=expert)  # no transaction: queued now
    assert not Notification.objects.exists()

    call_command("worker", batch=True, verbosity=0)

    assert Notification.objects.get().recipient == member


def test_worker_has_nothing_to_do_with_the_immediate_backend():
    out = StringIO()
    call_command("worker", stdout=out)  # the tests' backend: returns at once
    assert "no worker needed" in out.getvalue()


def test_ensure_demo_leaves_a_used_database_alone(member, monkeypatch):
    calls = []
    monkeypatch.setattr(
        "guildhall.core.management.commands.ensure_demo.call_command",
        lambda *a, **k: calls.append(a),
    )
    out = StringIO()
    call_command("ensure_demo", stdout=out)
    assert calls == []
    assert "already has data" in out.getvalue()


@pytest.mark.django_db
def test_ensure_demo_loads_the_demo_into_an_empty_database(monkeypatch):
    calls = []
    monkeypatch.setattr(
        "guildhall.core.management.commands.ensure_demo.get_commands", lambda: {"demo": "x"}
    )
    monkeypatch.setattr(
        "guildhall.core.management.commands.ensure_demo.call_command",
        lambda name, **kwargs: calls.append((name, kwargs)),
    )
    out = StringIO()
    call_command("ensure_demo", "--seed", "7", stdout=out)
    assert calls == [("demo", {"verbosity": 1, "seed": 7})]
    assert "loading the demo organisation" in out.getvalue()


@pytest.mark.django_db
def test_serve_refuses_a_port_already_taken():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(CommandError, match="already running"):
            call_command("serve", "--port", str(port), "--no-worker")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _read_until(lines: queue.Queue, text: str, timeout: float) -> str:
    seen = ""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and text not in seen:
        try:
            line = lines.get(timeout=0.2)
        except queue.Empty:
            continue
        if line is None:  # the process closed its output
            break
        seen += line
    return seen


def _pump(stream, lines: queue.Queue) -> None:
    for line in stream:
        lines.put(line)
    lines.put(None)


def test_serve_answers_then_stops_cleanly_on_sigterm(tmp_path):
    """The real thing, as `make run` starts it: granian, a worker, static files, a clean stop."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env.update(GUILDHALL_DATA_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="guildhall.settings")
    manage = [sys.executable, "-m", "guildhall.manage"]
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, timeout=120)  # noqa: S603
    port = _free_port()
    proc = subprocess.Popen(  # noqa: S603
        [*manage, "serve", "--port", str(port), "--workers", "1", "--threads", "2"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=_pump, args=(proc.stdout, lines), daemon=True).start()
    try:
        banner = _read_until(lines, "Guildhall is running on", timeout=60)
        assert f"http://127.0.0.1:{port}/" in banner, banner
        base = f"http://127.0.0.1:{port}"
        with urllib.request.urlopen(f"{base}/api/v1/health", timeout=10) as response:  # noqa: S310
            assert response.status == 200
        with urllib.request.urlopen(f"{base}/static/guildhall/guildhall.css", timeout=10) as r:  # noqa: S310
            assert r.status == 200 and r.headers["Content-Type"].startswith("text/css")
        _assert_static_files_hashed_compressed_and_cached(base)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=40) == 0
        assert "Guildhall stopped." in _read_until(lines, "Guildhall stopped.", timeout=5)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def _get(url: str, **headers) -> urllib.request.addinfourl:
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - the loopback server
    return urllib.request.urlopen(request, timeout=10)  # noqa: S310


def _assert_static_files_hashed_compressed_and_cached(base: str) -> None:
    """What `serve` collected: the pages name each static file by a hash of its content, and
    those answer compressed (as the browser accepts) with a year's immutable cache."""
    with _get(f"{base}/accounts/login/") as response:
        page = response.read().decode()
    stylesheet = re.search(r'href="(/static/guildhall/guildhall\.[0-9a-f]{12}\.css)"', page)
    assert stylesheet, "the sign-in page names no hashed stylesheet"
    url = base + stylesheet.group(1)
    bodies = {}
    for accepted, encoding in (("identity", None), ("gzip", "gzip"), ("br, gzip", "br")):
        with _get(url, **{"Accept-Encoding": accepted}) as response:
            assert response.status == 200
            assert response.headers["Cache-Control"] == "max-age=31536000, public, immutable"
            assert response.headers.get("Content-Encoding") == encoding, accepted
            assert "Accept-Encoding" in response.headers["Vary"]
            bodies[encoding] = response.read()
    assert gzip.decompress(bodies["gzip"]) == bodies[None]
    assert brotli.decompress(bodies["br"]) == bodies[None]
