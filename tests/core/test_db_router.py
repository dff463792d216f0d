"""The read replica (core/db_router.py): read-only pages read from the `replica` alias, writes
and every read after one go to the primary. The replica here is the test database itself,
reached through a second connection (a TEST MIRROR of default), as DATABASE_REPLICA_URL
pointed at the primary's own database would be."""

import time

import pytest
from django.contrib.auth import get_user_model
from django.db import connections, transaction
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from guildhall.core.db_router import PIN_COOKIE, REPLICA, ReplicaReadsMiddleware, ReplicaRouter
from guildhall.interactions.models import Comment
from tests.factories import make_item

# Committed rows: the replica's own connection sees only what the primary committed.
pytestmark = pytest.mark.django_db(transaction=True, databases=["default", REPLICA])


@pytest.fixture(scope="module", autouse=True)
def _replica_alias(django_db_setup):
    """The `replica` alias, a mirror of the test database, defined before the tests' database
    access is checked (once the test database exists, so it never reaches another one)."""
    default = connections["default"].settings_dict
    connections.settings[REPLICA] = {**default, "TEST": {**default["TEST"], "MIRROR": "default"}}
    yield
    connections[REPLICA].close()
    del connections[REPLICA]
    del connections.settings[REPLICA]


@pytest.fixture
def replica(settings):
    settings.DATABASE_ROUTERS = ["guildhall.core.db_router.ReplicaRouter"]
    settings.MIDDLEWARE = [
        settings.MIDDLEWARE[0],
        "guildhall.core.db_router.ReplicaReadsMiddleware",
        *settings.MIDDLEWARE[1:],
    ]


class _Queries:
    """The SQL each alias ran inside the block."""

    def __enter__(self):
        self.contexts = {
            alias: CaptureQueriesContext(connections[alias]) for alias in ("default", REPLICA)
        }
        for context in self.contexts.values():
            context.__enter__()
        return self

    def __exit__(self, *exc):
        for context in self.contexts.values():
            context.__exit__(*exc)

    def on(self, alias) -> list[str]:
        return [query["sql"] for query in self.contexts[alias].captured_queries]


def _reads_only(sqls) -> bool:
    return all(sql.lstrip().upper().startswith(("SELECT", "SAVEPOINT", "RELEASE")) for sql in sqls)


def test_a_read_only_page_reads_from_the_replica(client, replica, member, community):
    item = make_item(member, community=community, title="Forecast accuracy by region")
    client.force_login(member)

    with _Queries() as queries:
        response = client.get(f"/c/{community.slug}/")

    assert response.status_code == 200 and item.title in response.content.decode()
    assert queries.on(REPLICA) and _reads_only(queries.on(REPLICA))
    # The session is never read from the replica (it comes from the shared cache, else the
    # primary): signing out anywhere ends it everywhere.
    assert not any("django_session" in sql for sql in queries.on(REPLICA))
    assert PIN_COOKIE not in response.cookies


def test_a_post_writes_and_reads_on_the_primary_then_pins_the_browser(
    client, replica, member, community
):
    item = make_item(member, community=community)
    client.force_login(member)

    with _Queries() as queries:
        response = client.post(f"/content/{item.pk}/comments/", {"body": "Same on line 3."})

    assert response.status_code == 302
    assert queries.on(REPLICA) == []
    assert Comment.objects.filter(item=item, body="Same on line 3.").exists()
    assert int(response.cookies[PIN_COOKIE].value) > time.time()

    # The page the redirect shows reads the primary: the new comment is there, lag or not.
    with _Queries() as queries:
        page = client.get(response["Location"])
    assert "Same on line 3." in page.content.decode()
    assert queries.on(REPLICA) == []

    client.cookies[PIN_COOKIE] = str(int(time.time()) - 1)  # the pin has run out
    with _Queries() as queries:
        client.get(f"/content/{item.pk}/")
    assert queries.on(REPLICA)


def _request_through_the_middleware(view, method="get"):
    request = getattr(RequestFactory(), method)("/")
    return ReplicaReadsMiddleware(view)(request)


def test_after_a_write_in_a_get_request_its_reads_go_to_the_primary(replica, member):
    User = get_user_model()
    seen = {}

    def view(request):
        with _Queries() as before:
            list(User.objects.all())
        User.objects.filter(pk=member.pk).update(last_login=None)
        with _Queries() as after:
            list(User.objects.all())
        seen.update(before=before, after=after)
        return HttpResponse()

    response = _request_through_the_middleware(view)

    assert seen["before"].on(REPLICA) and not seen["before"].on("default")
    assert seen["after"].on("default") and not seen["after"].on(REPLICA)
    assert PIN_COOKIE not in response.cookies  # a GET's write (a counted view) pins nothing


def test_reads_inside_a_transaction_or_outside_requests_use_the_primary(replica, member):
    User = get_user_model()

    def view(request):
        with transaction.atomic(), _Queries() as queries:
            list(User.objects.all())
        assert queries.on("default") and not queries.on(REPLICA)
        return HttpResponse()

    _request_through_the_middleware(view)
    assert _request_through_the_middleware(view, method="post").status_code == 200

    with _Queries() as queries:  # the worker, a management command: no request
        list(User.objects.all())
    assert queries.on("default") and not queries.on(REPLICA)


def test_migrations_run_on_the_primary_only():
    router = ReplicaRouter()
    assert router.allow_migrate("default", "content") is True
    assert router.allow_migrate(REPLICA, "content") is False


def test_health_checks_the_replica_too(client, replica):
    response = client.get("/api/v1/health")

    assert response.status_code == 200
    assert response.json()["checks"]["replica"] == "ok"
