"""Several servers, one state: two `guildhall serve` processes on two ports, each with a data dir
of its own, sharing one PostgreSQL database (read through the replica router too, the replica
being the same database), one Redis (cache, sessions, task queue) and one media directory; a
`guildhall worker` beside them; nginx in front as the load balancer. Through HTTP, signed in with
the real form:

- a comment a colleague posts through server A shows on the bell server B serves within 2 s;
- signing out on A signs out on B: B sends that session's cookie to the sign-in page;
- a document uploaded through A downloads from B;
- through nginx, sign-in and the pages work, served by both servers.

Needs PostgreSQL (GUILDHALL_TEST_POSTGRES), Redis (GUILDHALL_TEST_REDIS_URL, emptied) and nginx
(GUILDHALL_NGINX): skipped without them, except on CI (CI=true), where they must be there.
"""

import re
import secrets
import time
import uuid

import pytest
import requests

from tests.factories import PASSWORD
from tests.live import (
    AUTHOR_AND_COLLEAGUE,
    create_postgres_database,
    csrf_token,
    drop_postgres_database,
    environment,
    free_port,
    manage,
    nginx,
    redis_url,
    start,
    start_nginx,
    stop,
    wait_until_serving,
)

pytestmark = pytest.mark.slow

SETUP = AUTHOR_AND_COLLEAGUE + "print(item.pk, community.slug)\n"
DOCUMENT = b"Seal inspection checklist, revision C.\nCheck the faces for scoring.\n"


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    """The whole set-up, started once for the module: {"a": url, "b": url, "lb": url, ...}."""
    nginx()  # before anything starts: skip (or fail on CI) at once when it is missing
    redis = redis_url()
    database = f"gh_servers_{uuid.uuid4().hex[:10]}"
    database_url = create_postgres_database(database)
    root = tmp_path_factory.mktemp("servers")
    shared = {
        "DATABASE_URL": database_url,
        "DATABASE_REPLICA_URL": database_url,
        "REDIS_URL": redis,
        "SECRET_KEY": secrets.token_urlsafe(50),  # one key for all: sessions, signed links
        "GUILDHALL_MEDIA_DIR": str(root / "media"),
        "TRUSTED_PROXIES": "127.0.0.1",
        "ALLOWED_HOSTS": "127.0.0.1",
    }
    processes = []
    try:
        env_a = environment(root / "data-a", **shared)
        manage(env_a, "migrate", "--noinput", "-v0")
        item, community = manage(env_a, "shell", "-c", SETUP).stdout.split()[-2:]
        urls = {"item": int(item), "community": community, "logs": root}
        ports = {}
        for name in ("a", "b"):
            ports[name] = free_port()
            env = environment(root / f"data-{name}", **shared)
            log = root / f"serve-{name}.log"
            proc = start(
                env, "serve", "--port", str(ports[name]), "--workers", "1", "--no-worker", log=log
            )
            processes.append(proc)
            urls[name] = f"http://127.0.0.1:{ports[name]}"
        for name, proc in zip(("a", "b"), processes, strict=True):
            wait_until_serving(urls[name], proc, root / f"serve-{name}.log")
        worker_env = environment(root / "data-worker", **shared)
        processes.append(start(worker_env, "worker", log=root / "worker.log"))
        (root / "nginx").mkdir()
        balancer, port = start_nginx(root / "nginx", [ports["a"], ports["b"]])
        processes.append(balancer)
        urls["lb"] = f"http://127.0.0.1:{port}"
        yield urls
    finally:
        for proc in reversed(processes):
            stop(proc)
        drop_postgres_database(database)


def _sign_in(base: str, email: str) -> requests.Session:
    """A browser: the sign-in form, with its CSRF token and cookie."""
    browser = requests.Session()
    form = browser.get(f"{base}/accounts/login/", timeout=10)
    assert form.status_code == 200
    answer = browser.post(
        f"{base}/accounts/login/",
        data={"csrfmiddlewaretoken": csrf_token(form.text), "login": email, "password": PASSWORD},
        headers={"Referer": f"{base}/accounts/login/"},
        allow_redirects=False,
        timeout=10,
    )
    assert answer.status_code == 302, answer.text[:500]
    return browser


def _post_form(browser: requests.Session, base: str, form_page: str, action: str, **kwargs):
    """Post a form as a browser does: its CSRF token from the page that shows it."""
    page = browser.get(f"{base}{form_page}", timeout=10)
    assert page.status_code == 200, page.status_code
    data = {"csrfmiddlewaretoken": csrf_token(page.text), **kwargs.pop("data", {})}
    return browser.post(
        f"{base}{action}",
        data=data,
        headers={"Referer": f"{base}{form_page}"},
        allow_redirects=False,
        timeout=30,
        **kwargs,
    )


def _bell(browser: requests.Session, base: str) -> str:
    answer = browser.get(f"{base}/notifications/bell/", timeout=10)
    assert answer.status_code == 200
    return answer.text


def test_a_comment_through_server_a_rings_the_bell_on_server_b_within_two_seconds(servers):
    a, b, item = servers["a"], servers["b"], servers["item"]
    author = _sign_in(b, "ada@example.com")
    assert 'aria-label="Notifications"' in _bell(author, b)  # nothing unread, now cached on B
    colleague = _sign_in(a, "cole@example.com")

    answer = _post_form(
        colleague,
        a,
        f"/content/{item}/",
        f"/content/{item}/comments/",
        data={"body": "Same on line 3 since the new supplier."},
    )
    assert answer.status_code == 302, answer.text[:500]
    commented = time.monotonic()
    while 'aria-label="Notifications: 1 unread"' not in _bell(author, b):
        assert time.monotonic() - commented < 2, "server B's bell lagged over 2 s"
        time.sleep(0.1)
    count = author.get(f"{b}/api/v1/notifications/unread-count", timeout=10).json()["count"]
    assert count == 1


def test_signing_out_on_server_a_signs_out_on_server_b(servers):
    a, b = servers["a"], servers["b"]
    browser = _sign_in(a, "cole@example.com")
    session_cookie = browser.cookies["sessionid"]
    assert browser.get(f"{b}/", allow_redirects=False, timeout=10).status_code == 200

    answer = _post_form(browser, a, "/", "/accounts/logout/")
    assert answer.status_code == 302

    # The session's cookie, as a browser that missed the sign-out would still send it to B.
    stale = requests.Session()
    stale.cookies.set("sessionid", session_cookie)
    page = stale.get(f"{b}/", allow_redirects=False, timeout=10)
    assert page.status_code == 302
    assert page.headers["Location"].startswith("/accounts/login/")


def test_a_document_uploaded_through_server_a_downloads_from_server_b(servers):
    a, b = servers["a"], servers["b"]
    uploader = _sign_in(a, "ada@example.com")
    answer = _post_form(
        uploader,
        a,
        "/documents/new/",
        "/documents/new/",
        data={"community": servers["community"], "title": "Seal inspection checklist"},
        files={"file": ("checklist.txt", DOCUMENT, "text/plain")},
    )
    assert answer.status_code == 302, answer.text[:500]
    item = re.match(r"/content/(\d+)/", answer.headers["Location"]).group(1)

    reader = _sign_in(b, "cole@example.com")
    download = reader.get(f"{b}/content/{item}/file/", timeout=10)
    assert download.status_code == 200
    assert download.content == DOCUMENT
    assert download.headers["Content-Disposition"].startswith("attachment;")


def test_through_nginx_the_pages_work_and_both_servers_serve(servers):
    lb, item, community = servers["lb"], servers["item"], servers["community"]
    assert requests.get(f"{lb}/api/v1/health", timeout=10).json()["checks"] == {
        "database": "ok",
        "replica": "ok",
        "redis": "ok",
    }
    browser = _sign_in(lb, "ada@example.com")
    for path in ("/", f"/c/{community}/", f"/content/{item}/", "/people/", "/search/?q=seal"):
        page = browser.get(f"{lb}{path}", timeout=10)  # an item's id redirects to its slug
        assert page.status_code == 200, (path, page.status_code)
        assert "/accounts/login/" not in page.url and "<title>" in page.text
    stylesheet = re.search(r'href="(/static/[^"]+\.[0-9a-f]{12}\.css)"', page.text).group(1)
    static = browser.get(f"{lb}{stylesheet}", headers={"Accept-Encoding": "gzip"}, timeout=10)
    assert static.status_code == 200
    assert static.headers["Cache-Control"] == "max-age=31536000, public, immutable"
    assert static.headers["Content-Encoding"] == "gzip"

    access_log = (servers["logs"] / "nginx" / "access.log").read_text().splitlines()
    upstreams = {line.split()[-1] for line in access_log if line.split()[-2] == "200"}
    assert upstreams == {
        servers["a"].removeprefix("http://"),
        servers["b"].removeprefix("http://"),
    }
