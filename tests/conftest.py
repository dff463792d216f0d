"""Personas and shared fixtures. Settings for tests: immediate tasks, fast hashing, no throttle."""

import os

import pytest
from django.core.cache import cache

from tests.factories import add_member, make_community, make_member

# On CI a missing browser or database must fail the run, never skip it quietly.
ON_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


@pytest.fixture(scope="session")
def suite_media_root(tmp_path_factory):
    """One media directory for the run: uploads and the demo's files never reach the data dir."""
    return tmp_path_factory.mktemp("media")


@pytest.fixture(scope="session")
def _test_cache_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def _test_settings(settings, suite_media_root, _test_cache_dir):
    # The live server runs in a thread of this process, so it stores into the same directory.
    settings.MEDIA_ROOT = suite_media_root
    if settings.CACHES["default"]["BACKEND"].endswith("FileCache"):
        # The suite's own shared cache, never the one a local `make run` is using in var/.
        settings.CACHES = {"default": {**settings.CACHES["default"], "LOCATION": _test_cache_dir}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.GUILDHALL_WRITE_RATE_PER_MINUTE = 0
    # The member's row is read from the cache after a first request, so query counts would
    # differ by one: on in its own tests (accounts/test_user_cache.py).
    settings.GUILDHALL_USER_CACHE_SECONDS = 0
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Run on-commit work (notifications...) at the end of the block, as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def staff(db):
    return make_member("admin", staff=True, name="Ada Admin")


@pytest.fixture
def community_manager(db):
    return make_member("carla", name="Carla Manager", title="Operations lead")


@pytest.fixture
def expert(db):
    return make_member("eric", name="Eric Expert", title="Senior engineer")


@pytest.fixture
def member(db):
    return make_member("mia", name="Mia Member", title="Analyst")


@pytest.fixture
def outsider(db):
    return make_member("olaf", name="Olaf Outsider", title="Accountant")


@pytest.fixture
def community(community_manager, expert, member):
    """A public community: Carla manages, Eric is its expert, Mia is a member."""
    c = make_community(
        community_manager,
        name="Supply Chain Practice",
        purpose="Share what works in **supply chain** planning.",
        guidelines="Be kind. No customer data.",
    )
    add_member(c, expert, role="expert")
    add_member(c, member)
    return c


@pytest.fixture
def private_community(community_manager, member):
    """A private community that Mia belongs to and Olaf does not."""
    c = make_community(community_manager, name="Incident Review Board", private=True)
    add_member(c, member)
    return c


@pytest.fixture
def api(client):
    """JSON requests through the test client (`api.as_(user).get(...)`)."""
    from tests.api.conftest import Api

    return Api(client)


def login(client, user):
    client.force_login(user)
    return client
