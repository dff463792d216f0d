"""Sign-in protection: per account and per real client address, a locked account tells its
owner, a new password revokes API tokens, password reset is the same for known and unknown
addresses, 429s say when to come back."""

import re

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from guildhall.accounts.services import api_token_create
from guildhall.core.models import AuditEntry
from tests.conftest import login
from tests.factories import PASSWORD

PROXY = "10.0.0.5"


def _fail_sign_in(client, email, address=PROXY, forwarded_for=None):
    extra = {"REMOTE_ADDR": address}
    if forwarded_for:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return client.post("/accounts/login/", {"login": email, "password": "wrong"}, **extra)


def _sign_in(client, email, forwarded_for):
    return client.post(
        "/accounts/login/",
        {"login": email, "password": PASSWORD},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


@pytest.fixture
def behind_proxy(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]


def test_an_attacker_behind_the_proxy_does_not_lock_out_colleagues(
    client, behind_proxy, member, outsider
):
    for n in range(12):  # more than the per-address limit, spread over many addresses' names
        _fail_sign_in(client, f"nobody{n}@example.com", forwarded_for="203.0.113.66")

    response = _sign_in(client, member.email, forwarded_for="198.51.100.7")

    assert response.status_code == 302  # a colleague signs in through the same proxy


def test_the_attackers_own_address_is_throttled(client, behind_proxy, member):
    for n in range(10):
        _fail_sign_in(client, f"nobody{n}@example.com", forwarded_for="203.0.113.66")

    response = _sign_in(client, member.email, forwarded_for="203.0.113.66")

    assert response.status_code == 200
    assert b"Too many failed sign-in attempts" in response.content


def test_forwarded_for_from_an_untrusted_peer_is_not_believed(client, behind_proxy, member):
    """A client reaching the server directly cannot dodge the limit by inventing addresses."""
    for n in range(10):
        _fail_sign_in(
            client, f"nobody{n}@example.com", address="203.0.113.66", forwarded_for=f"192.0.2.{n}"
        )

    response = client.post(
        "/accounts/login/",
        {"login": member.email, "password": PASSWORD},
        REMOTE_ADDR="203.0.113.66",
        HTTP_X_FORWARDED_FOR="192.0.2.200",
    )

    assert b"Too many failed sign-in attempts" in response.content


def test_a_forged_left_part_of_forwarded_for_is_ignored(client, behind_proxy, member):
    """The client may prepend anything; the proxy appends the address it really saw."""
    for n in range(10):
        _fail_sign_in(client, f"nobody{n}@example.com", forwarded_for=f"192.0.2.{n}, 203.0.113.66")

    response = _sign_in(client, member.email, forwarded_for="192.0.2.99, 203.0.113.66")

    assert b"Too many failed sign-in attempts" in response.content


def test_a_locked_account_tells_its_owner_once(client, behind_proxy, member):
    for n in range(8):  # the per-account limit is 5 in 5 minutes; from several addresses
        response = _fail_sign_in(client, member.email, forwarded_for=f"203.0.113.{n}")

    assert b"Too many failed sign-in attempts" in response.content
    notices = [m for m in mail.outbox if m.to == [member.email]]
    assert len(notices) == 1
    assert "paused" in notices[0].subject
    assert "203.0.113.4" in notices[0].body  # the attempt that locked it
    assert "/accounts/password/reset/" in notices[0].body
    assert _sign_in(client, member.email, forwarded_for="198.51.100.7").status_code == 200


def test_failed_attempts_at_an_unknown_address_email_nobody(client, member):
    for _ in range(8):
        _fail_sign_in(client, "ghost@example.com")

    assert mail.outbox == []


def _bearer_status(client, token):
    return client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}").status_code


def test_changing_the_password_revokes_api_tokens(client, member):
    token = api_token_create(user=member, name="script")
    assert _bearer_status(client, token) == 200
    login(client, member)

    response = client.post(
        "/accounts/password/change/",
        {
            "oldpassword": PASSWORD,
            "password1": "a-new-long-phrase",
            "password2": "a-new-long-phrase",
        },
    )

    assert response.status_code == 302
    client.logout()
    assert _bearer_status(client, token) == 401
    entry = AuditEntry.objects.get(action="api_tokens_revoked")
    assert entry.target_id == member.pk and entry.data == {"count": 1, "reason": "password_changed"}


def test_resetting_the_password_revokes_api_tokens(client, member):
    token = api_token_create(user=member)
    client.post("/accounts/password/reset/", {"email": member.email})
    link = re.search(r"http://testserver(/accounts/password/reset/key/\S+)", mail.outbox[0].body)
    form_page = client.get(link.group(1), follow=True)
    action = form_page.redirect_chain[-1][0]

    client.post(action, {"password1": "a-new-long-phrase", "password2": "a-new-long-phrase"})

    assert _bearer_status(client, token) == 401


@pytest.fixture
def database_task_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.mark.django_db(transaction=True)  # the worker closes its connection when done
def test_password_reset_does_the_same_in_request_work_for_known_and_unknown_addresses(
    client, member, database_task_queue
):
    """No mail is sent inside the request for either (SMTP time would tell them apart): the reset
    mail is queued, and an unknown address gets nothing at all."""
    known = client.post("/accounts/password/reset/", {"email": member.email})
    unknown = client.post("/accounts/password/reset/", {"email": "stranger@elsewhere.example"})

    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert mail.outbox == []
    assert DBTaskResult.objects.count() == 1

    call_command("worker", "--batch", verbosity=0)

    assert [m.to for m in mail.outbox] == [[member.email]]
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_a_write_refused_by_the_rate_limit_says_when_to_retry(client, member, settings):
    settings.GUILDHALL_WRITE_RATE_PER_MINUTE = 1
    login(client, member)
    answers = [
        client.post("/api/v1/communities", {"name": f"Guild {n}"}, content_type="application/json")
        for n in range(3)
    ]

    refused = answers[-1]
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60


def test_a_password_set_in_the_admin_revokes_api_tokens(client, staff, member):
    staff.is_superuser = True
    staff.save(update_fields=["is_superuser"])
    token = api_token_create(user=member)
    login(client, staff)

    response = client.post(
        f"/admin/accounts/user/{member.pk}/password/",
        {"password1": "a-new-long-phrase", "password2": "a-new-long-phrase"},
    )

    assert response.status_code == 302
    client.logout()
    assert _bearer_status(client, token) == 401
    entry = AuditEntry.objects.get(action="api_tokens_revoked")
    assert entry.actor == staff and entry.data["reason"] == "password_set_in_admin"


def test_allauths_own_rate_limits_answer_the_site_page_with_retry_after(client, member):
    answers = [client.post("/accounts/password/reset/", {"email": member.email}) for _ in range(8)]

    refused = answers[-1]
    assert refused.status_code == 429
    assert refused["Retry-After"] == "60"
    assert b"Slow down a little" in refused.content
