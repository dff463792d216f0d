"""Operations that tell the truth: the health answer, the database down, restarts, HTTPS behind
a proxy, `check --deploy` with the documented production settings."""

import json
import os
import socket
import subprocess
import sys
import textwrap

import pytest

from guildhall.core.management.commands.serve import _check_port_free, _default_site_url
from guildhall.search.tasks import search_index_update
from tests.conftest import login

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
DATABASE_DOWN = "postgres://postgres@127.0.0.1:1/guildhall"
MANAGE = [sys.executable, "-m", "guildhall.manage"]


# Of this test run, not of a server's environment (the browser tests set the last one).
NOT_INHERITED = {"DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def _environment(tmp_path, **overrides) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
    env.update(GUILDHALL_DATA_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="guildhall.settings")
    env.update(overrides)
    return env


def test_health_reports_the_database_and_the_queue(client, settings, member):
    settings.TASKS = DB_TASKS
    search_index_update.enqueue(items=[])

    response = client.get("/api/v1/health")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"] == {"database": "ok"}
    assert body["queue"] == {"pending": 1}


def test_health_is_unavailable_when_the_configured_redis_does_not_answer(client, settings, db):
    settings.REDIS_URL = "redis://127.0.0.1:1/4"

    response = client.get("/api/v1/health")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["checks"] == {"database": "ok", "redis": "unavailable"}


def test_health_checks_a_redis_that_answers(client, settings, db):
    settings.REDIS_URL = "redis://127.0.0.1:6379/4"

    response = client.get("/api/v1/health")

    assert response.status_code == 200, response.json()
    assert response.json()["checks"]["redis"] == "ok"


DATABASE_DOWN_REQUESTS = textwrap.dedent(
    """
    import json
    import django
    django.setup()
    from django.test import Client
    client = Client(raise_request_exception=False)
    for path in ("/api/v1/health", "/api/v1/me", "/api/v1/communities"):
        response = client.get(path, HTTP_AUTHORIZATION="Bearer gh_not-checked-yet")
        print(json.dumps({
            "path": path,
            "status": response.status_code,
            "type": response["Content-Type"],
            "retry_after": response.get("Retry-After"),
            "body": response.content.decode(),
        }))
    """
)


def test_with_the_database_down_the_api_answers_json_503(tmp_path):
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-c", DATABASE_DOWN_REQUESTS],
        env=_environment(tmp_path, DATABASE_URL=DATABASE_DOWN),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    answers = {a["path"]: a for a in map(json.loads, done.stdout.splitlines())}

    health = answers["/api/v1/health"]
    assert health["status"] == 503
    assert json.loads(health["body"]) == {
        "status": "unavailable",
        "service": "guildhall",
        "version": "1",
        "checks": {"database": "unavailable"},
    }
    for path in ("/api/v1/me", "/api/v1/communities"):
        answer = answers[path]
        assert answer["status"] == 503, answer
        assert answer["type"].startswith("application/json")
        assert answer["retry_after"] == "10"
        assert "temporarily unavailable" in json.loads(answer["body"])["detail"]


@pytest.mark.parametrize("command", [["migrate"], ["worker"], ["serve", "--port", "1"]])
def test_with_the_database_down_commands_say_so_in_one_line(tmp_path, command):
    done = subprocess.run(  # noqa: S603
        [*MANAGE, *command],
        env=_environment(tmp_path, DATABASE_URL=DATABASE_DOWN),
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("guildhall: cannot use the database (")
    assert "DATABASE_URL" in lines[0]


def _leave_time_wait_on_a_port() -> int:
    """A server that closes its side of a connection first keeps it in TIME-WAIT on its own
    port, as granian's connections do when it stops (granian listens with SO_REUSEADDR too)."""
    with socket.socket() as listener:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        client = socket.create_connection(("127.0.0.1", port))
        accepted, _ = listener.accept()
        accepted.close()  # the server's side closes first...
        client.recv(1)  # ...the client sees it and closes too
        client.close()
    return port


def test_serve_can_restart_on_a_port_its_last_run_left_in_time_wait():
    port = _leave_time_wait_on_a_port()

    _check_port_free("127.0.0.1", port)  # no CommandError


def test_serve_defaults_site_url_to_where_it_listens():
    environ = {}
    _default_site_url(environ, "127.0.0.1", 8123)
    assert environ == {"SITE_URL": "http://127.0.0.1:8123"}

    chosen = {"SITE_URL": "https://guildhall.example.com"}
    _default_site_url(chosen, "0.0.0.0", 8123)  # noqa: S104
    assert chosen == {"SITE_URL": "https://guildhall.example.com"}


@pytest.fixture
def https_behind_proxy(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.5"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_SSL_REDIRECT = True
    settings.ALLOWED_HOSTS = ["guildhall.example.com", "testserver"]


def test_links_behind_the_https_proxy_are_https(client, https_behind_proxy, member, community):
    login(client, member)

    page = client.get(
        f"/c/{community.slug}/episodes/",
        REMOTE_ADDR="10.0.0.5",
        HTTP_HOST="guildhall.example.com",  # as nginx passes it: `proxy_set_header Host $host`
        HTTP_X_FORWARDED_PROTO="https",
    )

    assert page.status_code == 200
    feed = f"https://guildhall.example.com/c/{community.slug}/podcast.xml"
    assert f'value="{feed}"' in page.content.decode()


def test_forwarded_proto_from_anyone_else_is_not_believed(client, https_behind_proxy, member):
    login(client, member)

    response = client.get("/", REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_PROTO="https")

    assert response.status_code == 301
    assert response["Location"] == "https://testserver/"


def test_the_health_check_is_not_redirected_to_https(client, https_behind_proxy, db):
    assert client.get("/api/v1/health").status_code == 200


# docs/deploy.md, "Production settings": keep the two in step.
DOCUMENTED_PRODUCTION_SETTINGS = {
    "SECRET_KEY": "x7Gq2-this-is-a-long-random-production-secret-key-9fK3zP0wL5vT8rN1mB4",
    "ALLOWED_HOSTS": "guildhall.example.com",
    "CSRF_TRUSTED_ORIGINS": "https://guildhall.example.com",
    "SITE_URL": "https://guildhall.example.com",
    "TRUSTED_PROXIES": "127.0.0.1",
    "SECURE_COOKIES": "true",
    "SECURE_SSL_REDIRECT": "true",
    "SECURE_HSTS_SECONDS": "31536000",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "true",
    "SECURE_HSTS_PRELOAD": "true",
}


def test_check_deploy_is_clean_with_the_documented_production_settings(tmp_path):
    done = subprocess.run(  # noqa: S603
        [*MANAGE, "check", "--deploy", "--fail-level", "WARNING"],
        env=_environment(tmp_path, **DOCUMENTED_PRODUCTION_SETTINGS),
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert done.returncode == 0, done.stdout + done.stderr
    assert "System check identified no issues" in done.stdout
