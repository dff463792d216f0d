import re

from django.core import mail

from guildhall.core.models import Event
from tests.conftest import login
from tests.factories import PASSWORD


def test_sign_in_with_email_then_sign_out(client, member):
    response = client.post("/accounts/login/", {"login": member.email, "password": PASSWORD})
    assert response.status_code == 302
    assert Event.objects.filter(verb="sign_in", actor=member).count() == 1
    assert client.get("/").status_code == 200
    client.post("/accounts/logout/")
    assert client.get("/").status_code == 302


def test_wrong_password_says_so_and_stays_signed_out(client, member):
    response = client.post("/accounts/login/", {"login": member.email, "password": "nope"})
    assert response.status_code == 200
    assert b"not correct" in response.content
    assert not Event.objects.filter(verb="sign_in").exists()


def test_password_reset_by_email(client, member):
    client.post("/accounts/password/reset/", {"email": member.email})
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [member.email]
    link = re.search(r"http://testserver(/accounts/password/reset/key/\S+)", mail.outbox[0].body)
    assert link, mail.outbox[0].body
    form_page = client.get(link.group(1), follow=True)
    action = form_page.redirect_chain[-1][0] if form_page.redirect_chain else link.group(1)
    client.post(action, {"password1": "brand-new-passphrase", "password2": "brand-new-passphrase"})
    member.refresh_from_db()
    assert member.check_password("brand-new-passphrase")


def test_sign_up_is_closed_without_allowed_domain_or_invitation(client, db, settings):
    settings.GUILDHALL_SIGNUP_DOMAINS = []
    response = client.get("/accounts/signup/")
    assert b"closed" in response.content.lower()


def test_sign_up_with_allowed_domain(client, db, settings):
    settings.GUILDHALL_SIGNUP_DOMAINS = ["acme.example"]
    response = client.post(
        "/accounts/signup/",
        {
            "email": "new@acme.example",
            "username": "newbie",
            "password1": "a-long-safe-passphrase",
            "password2": "a-long-safe-passphrase",
        },
    )
    assert response.status_code == 302
    assert client.get("/u/newbie/").status_code == 200  # signed in, with a profile page
    client.logout()
    refused = client.post(
        "/accounts/signup/",
        {
            "email": "x@gmail.com",
            "username": "x",
            "password1": "a-long-safe-passphrase",
            "password2": "a-long-safe-passphrase",
        },
    )
    assert b"limited to company email addresses" in refused.content


def test_signed_in_member_can_open_api_docs(client, member):
    login(client, member)
    assert client.get("/api/v1/docs").status_code == 200
