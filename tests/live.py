"""Helpers for tests that start the real commands (`guildhall serve`, `guildhall worker`) as
processes and talk to them over HTTP: free ports, running `guildhall ...`, waiting for a server,
signing in through the real form, and the services such a test needs (PostgreSQL, Redis, nginx),
which skip the test on a laptop that lacks them and fail it on CI (CI=true)."""

import contextlib
import http.cookiejar
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ON_CI

# For `manage(..., "shell", "-c", ...)`: Ada's item in a community Cole belongs to; the tests add
# the line that prints what they need of it.
AUTHOR_AND_COLLEAGUE = """
from tests.factories import add_member, make_community, make_item, make_member
author = make_member("ada", name="Ada Author")
colleague = make_member("cole", name="Cole Colleague")
community = make_community(author, name="Pump Reliability")
add_member(community, colleague)
item = make_item(author, community=community, title="Seal failures this quarter")
"""

ROOT = Path(__file__).resolve().parents[1]
MANAGE = [sys.executable, "-m", "guildhall.manage"]
# Of this test run, never of the servers a test starts (each test says what its servers use).
NOT_INHERITED = (
    "DATABASE_URL",
    "DATABASE_REPLICA_URL",
    "REDIS_URL",
    "TASKS_REDIS_URL",
    "TASKS_BACKEND",
    "DJANGO_SETTINGS_MODULE",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
)


def unavailable(reason: str):
    """Skip the test, saying why; on CI a missing service fails it instead."""
    if ON_CI:
        pytest.fail(f"{reason} (CI=true: this test must run on CI)", pytrace=False)
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(data_dir: Path, **settings: str) -> dict:
    """The environment of a Guildhall process with its own data dir (and these settings)."""
    env = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
    env.update(GUILDHALL_DATA_DIR=str(data_dir), PYTHONPATH=str(ROOT / "src"))
    env.update(settings)
    return env


def manage(env, *args, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - our own Python and arguments
        [*MANAGE, *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
        **kwargs,
    )


def start(env, *args, log: Path | None = None) -> subprocess.Popen:
    """`guildhall <args>` in the background, in its own process group (see `stop`)."""
    output = log.open("w") if log else subprocess.PIPE
    return subprocess.Popen(  # noqa: S603 - our own Python and arguments
        [*MANAGE, *args],
        env=env,
        cwd=ROOT,
        stdout=output,
        stderr=subprocess.STDOUT,
        text=True,
        process_group=0,
    )


def stop(proc: subprocess.Popen, timeout: float = 60) -> None:
    """SIGTERM (a clean stop), then SIGKILL to the whole group if it does not stop in time."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            kill(proc)


def kill(proc: subprocess.Popen) -> None:
    """SIGKILL the process and everything it started, and reap it (no zombie left)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)


def output(proc: subprocess.Popen, log: Path | None = None) -> str:
    if log is not None:
        return log.read_text()
    return proc.stdout.read() if proc.stdout and proc.poll() is not None else ""


def request(url, *, token=None, data=None, opener=None, method=None) -> str:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    body = None
    if data is not None:
        body = json.dumps(data).encode()
        headers["Content-Type"] = "application/json"
    # Only ever the loopback servers the tests start.
    req = urllib.request.Request(url, data=body, headers=headers, method=method)  # noqa: S310
    with (opener or urllib.request.build_opener()).open(req, timeout=10) as response:
        return response.read().decode()


def wait_until_serving(base: str, proc: subprocess.Popen, log: Path | None = None) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            request(f"{base}/api/v1/health")
            return
        except OSError:
            time.sleep(0.3)
    kill(proc)
    pytest.fail(f"guildhall serve did not start on {base}: {output(proc, log)}")


def csrf_token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def sign_in(base: str, email: str, password: str):
    """A browser-like session (urllib): the sign-in form, with its CSRF token."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    form = request(f"{base}/accounts/login/", opener=opener)
    fields = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": csrf_token(form), "login": email, "password": password}
    ).encode()
    req = urllib.request.Request(  # noqa: S310 - the loopback server
        f"{base}/accounts/login/", data=fields, headers={"Referer": f"{base}/accounts/login/"}
    )
    opener.open(req, timeout=10).read()
    return opener


def redis_url() -> str:
    """A Redis database the test may empty: GUILDHALL_TEST_REDIS_URL (default db 9 on this
    machine's Redis), emptied now. Skips (fails on CI) when it does not answer."""
    import redis

    url = os.environ.get("GUILDHALL_TEST_REDIS_URL", "redis://127.0.0.1:6379/9")
    try:
        with redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=5) as client:
            client.flushdb()
    except redis.RedisError as exc:
        unavailable(f"Redis does not answer at {url} (GUILDHALL_TEST_REDIS_URL): {exc}")
    return url


def postgres_server() -> str:
    """The PostgreSQL server to create test databases on: GUILDHALL_TEST_POSTGRES, else the
    server of DATABASE_URL when it is PostgreSQL, else 127.0.0.1:5432 as user postgres."""
    url = os.environ.get("GUILDHALL_TEST_POSTGRES")
    if not url:
        database_url = os.environ.get("DATABASE_URL", "")
        if database_url.startswith(("postgres://", "postgresql://")):
            url = database_url.rsplit("/", 1)[0]
        else:
            url = "postgres://postgres@127.0.0.1:5432"
    return url.rstrip("/")


def create_postgres_database(name: str) -> str:
    """A new, empty PostgreSQL database; its URL. Skips (fails on CI) without PostgreSQL."""
    import psycopg

    server = postgres_server()
    try:
        with psycopg.connect(f"{server}/postgres", autocommit=True, connect_timeout=5) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error as exc:
        unavailable(f"PostgreSQL does not answer at {server} (GUILDHALL_TEST_POSTGRES): {exc}")
    return f"{server}/{name}"


def drop_postgres_database(name: str) -> None:
    import psycopg

    with psycopg.connect(f"{postgres_server()}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def nginx() -> str:
    """The nginx binary (GUILDHALL_NGINX, else nginx on PATH or /usr/sbin/nginx)."""
    path = os.environ.get("GUILDHALL_NGINX") or shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(path).is_file():
        unavailable(f"nginx is not installed ({path}; apt-get install nginx-light)")
    return path


NGINX_CONF = """
daemon off;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
{user}
events {{ worker_connections 256; }}
http {{
    log_format upstreams '$request_method $uri $status $upstream_addr';
    access_log {tmp}/access.log upstreams;
    client_body_temp_path {tmp}/client_body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    client_max_body_size 100m;
    upstream guildhall {{
{servers}
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://guildhall;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
        }}
    }}
}}
"""


def start_nginx(directory: Path, upstreams: list[int]) -> tuple[subprocess.Popen, int]:
    """nginx as a round-robin load balancer in front of these local ports: its configuration,
    pid, logs and temporary files in `directory`, run as the current user; (process, port)."""
    import grp
    import pwd

    binary = nginx()
    port = free_port()
    user = ""
    if os.geteuid() == 0:  # root's nginx would hand its workers to "nobody", who reads no tmp dir
        user = f"user {pwd.getpwuid(0).pw_name} {grp.getgrgid(os.getegid()).gr_name};"
    servers = "\n".join(f"        server 127.0.0.1:{upstream};" for upstream in upstreams)
    conf = directory / "nginx.conf"
    conf.write_text(NGINX_CONF.format(tmp=directory, user=user, servers=servers, port=port))
    proc = subprocess.Popen(  # noqa: S603 - the system's nginx, our own configuration
        [binary, "-p", str(directory), "-c", str(conf), "-e", str(directory / "error.log")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
        process_group=0,
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return proc, port
        except OSError:
            time.sleep(0.1)
    kill(proc)
    error_log = directory / "error.log"
    pytest.fail(f"nginx did not start: {error_log.read_text() if error_log.exists() else ''}")
