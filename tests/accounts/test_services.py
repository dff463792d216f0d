"""API tokens, invitations, the sign-up rules of the account adapter, and the sign-in event."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from guildhall.accounts.models import ApiToken, Invitation
from guildhall.accounts.services import (
    TOKEN_PREFIX,
    api_token_authenticate,
    api_token_create,
    hash_token,
    invitation_accept,
    invitation_create,
    invitation_for,
    invitation_url,
    user_get_by_email,
)
from guildhall.core.models import Event
from tests.factories import PASSWORD

User = get_user_model()
NEW_PASSWORD = "Plenty-of-entropy-42"


# --- API tokens -------------------------------------------------------------------------------


def test_token_is_created_for_the_user_with_a_prefix(member):
    raw = api_token_create(user=member, name="CI bot")

    token = ApiToken.objects.get(user=member)
    assert raw.startswith(TOKEN_PREFIX)
    assert len(raw) > 40
    assert token.name == "CI bot"
    assert token.prefix == raw[:10]
    assert token.last_used_at is None


def test_token_is_stored_hashed_never_raw(member):
    raw = api_token_create(user=member)

    token = ApiToken.objects.get(user=member)
    assert token.key_hash == hash_token(raw)
    assert len(token.key_hash) == 64
    assert raw not in token.key_hash
    assert not ApiToken.objects.filter(key_hash=raw).exists()
    assert raw not in {getattr(token, f.attname) for f in ApiToken._meta.concrete_fields}


def test_each_token_is_different(member):
    assert api_token_create(user=member) != api_token_create(user=member)
    assert ApiToken.objects.filter(user=member).count() == 2


def test_token_authenticates_its_owner_and_stamps_last_use(member):
    raw = api_token_create(user=member)

    assert api_token_authenticate(raw) == member
    token = ApiToken.objects.get(user=member)
    assert token.last_used_at is not None
    assert timezone.now() - token.last_used_at < timedelta(seconds=5)


def test_last_use_is_stamped_at_most_every_five_minutes(member):
    raw = api_token_create(user=member)
    recent = timezone.now() - timedelta(seconds=60)
    stale = timezone.now() - timedelta(seconds=600)

    ApiToken.objects.filter(user=member).update(last_used_at=recent)
    api_token_authenticate(raw)
    assert ApiToken.objects.get(user=member).last_used_at == recent

    ApiToken.objects.filter(user=member).update(last_used_at=stale)
    api_token_authenticate(raw)
    assert ApiToken.objects.get(user=member).last_used_at > stale


@pytest.mark.parametrize("raw", ["", "gh_not-a-token", "nonsense"])
def test_unknown_token_authenticates_nobody(member, raw):
    api_token_create(user=member)

    assert api_token_authenticate(raw) is None


def test_hash_itself_is_not_accepted_as_a_token(member):
    api_token_create(user=member)
    stored_hash = ApiToken.objects.get(user=member).key_hash

    assert api_token_authenticate(stored_hash) is None


def test_token_of_an_inactive_user_is_rejected(member):
    raw = api_token_create(user=member)
    member.is_active = False
    member.save(update_fields=["is_active"])

    assert api_token_authenticate(raw) is None
    assert ApiToken.objects.get(user=member).last_used_at is None


def test_token_command_prints_a_working_token(member, capsys):
    from django.core.management import call_command

    call_command("token", member.email.upper(), "--name", "Laptop")

    raw = capsys.readouterr().out.strip()
    assert api_token_authenticate(raw) == member
    assert ApiToken.objects.get(user=member).name == "Laptop"


def test_token_command_refuses_an_unknown_email(db):
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match=r"No member with email nobody@example\.com"):
        call_command("token", "nobody@example.com")


def test_user_get_by_email_ignores_case_and_spaces(member):
    assert user_get_by_email("  MIA@Example.COM ") == member
    assert user_get_by_email("someone@example.com") is None


# --- invitations ------------------------------------------------------------------------------


def test_invitation_is_created_normalised_and_logged(staff):
    invitation = invitation_create(actor=staff, email="  New.Hire@Partner.ORG ")

    invitation.refresh_from_db()
    assert invitation.email == "new.hire@partner.org"
    assert invitation.invited_by == staff
    assert invitation.accepted_at is None
    assert len(invitation.token) >= 40
    assert invitation_url(invitation) == f"/accounts/invite/{invitation.token}/"
    event = Event.objects.get(verb="invite")
    assert event.actor == staff
    assert event.target_id == invitation.pk
    assert event.data == {"email": "new.hire@partner.org"}


def test_invitation_for_matches_token_and_email_case_insensitively(staff):
    invitation = invitation_create(actor=staff, email="guest@partner.org")

    assert invitation_for(token=invitation.token) == invitation
    assert invitation_for(token=invitation.token, email="GUEST@partner.org ") == invitation
    assert invitation_for(token=invitation.token, email="other@partner.org") is None
    assert invitation_for(token="wrong-token") is None


def test_accepted_invitation_cannot_be_used_again(staff, member):
    invitation = invitation_create(actor=staff, email="guest@partner.org")

    invitation_accept(invitation=invitation, user=member)

    invitation.refresh_from_db()
    assert invitation.accepted_at is not None
    assert invitation_for(token=invitation.token) is None
    event = Event.objects.get(verb="accept_invitation")
    assert event.actor == member and event.target_id == invitation.pk


# --- sign-up: domain allow-list and invitations -------------------------------------------------


def signup(client, email, username="newbie"):
    return client.post(
        "/accounts/signup/",
        {
            "email": email,
            "username": username,
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
        },
    )


def test_signup_is_closed_without_domains_or_invitation(client, db, settings):
    settings.GUILDHALL_SIGNUP_DOMAINS = []

    response = signup(client, "someone@acme.com")

    assert response.status_code == 200
    assert "closed" in response.content.decode().lower()
    assert not User.objects.filter(email="someone@acme.com").exists()


def test_signup_page_says_closed_without_domains_or_invitation(client, db, settings):
    settings.GUILDHALL_SIGNUP_DOMAINS = []

    response = client.get("/accounts/signup/")

    assert "closed" in response.content.decode().lower()


def test_signup_from_an_allowed_domain_creates_the_member(client, db, settings):
    settings.GUILDHALL_SIGNUP_DOMAINS = ["acme.com"]

    response = signup(client, "Someone@ACME.com")

    assert response.status_code == 302
    user = User.objects.get(email__iexact="someone@acme.com")
    assert user.username == "newbie"
    assert user.check_password(NEW_PASSWORD)
    assert user.is_active and not user.is_staff


def test_signup_from_another_domain_is_refused(client, db, settings):
    settings.GUILDHALL_SIGNUP_DOMAINS = ["acme.com"]

    response = signup(client, "someone@acme.com.evil.example")

    assert response.status_code == 200
    assert "limited to company email addresses" in response.content.decode()
    assert User.objects.count() == 0


def test_signup_subdomain_is_not_the_allowed_domain(client, db, settings):
    settings.GUILDHALL_SIGNUP_DOMAINS = ["acme.com"]

    signup(client, "someone@eu.acme.com")

    assert User.objects.count() == 0


def test_invitation_lets_exactly_its_address_sign_up(client, staff, settings):
    settings.GUILDHALL_SIGNUP_DOMAINS = []
    invitation = invitation_create(actor=staff, email="guest@partner.org")

    response = client.get(invitation_url(invitation))
    assert response.status_code == 302 and response["Location"] == "/accounts/signup/"

    refused = signup(client, "intruder@partner.org", username="intruder")
    assert refused.status_code == 200
    assert "limited to company email addresses" in refused.content.decode()
    assert not User.objects.filter(username="intruder").exists()

    accepted = signup(client, "guest@partner.org", username="guest")
    assert accepted.status_code == 302
    guest = User.objects.get(username="guest")
    assert guest.email == "guest@partner.org"
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None
    assert Event.objects.filter(verb="accept_invitation", actor=guest).count() == 1


def test_invitation_cannot_be_used_twice(client, staff, settings):
    settings.GUILDHALL_SIGNUP_DOMAINS = []
    invitation = invitation_create(actor=staff, email="guest@partner.org")
    client.get(invitation_url(invitation))
    signup(client, "guest@partner.org", username="guest")
    client.logout()

    response = client.get(invitation_url(invitation))

    assert response.status_code == 302 and response["Location"] == "/accounts/login/"
    again = signup(client, "guest@partner.org", username="guest2")
    assert "closed" in again.content.decode().lower()
    assert not User.objects.filter(username="guest2").exists()


def test_unknown_invitation_link_does_not_open_signup(client, db, settings):
    settings.GUILDHALL_SIGNUP_DOMAINS = []

    response = client.get("/accounts/invite/not-a-real-token/")

    assert response["Location"] == "/accounts/login/"
    signup(client, "guest@partner.org")
    assert User.objects.count() == 0


# --- sign-in ----------------------------------------------------------------------------------


def test_sign_in_by_email_writes_a_sign_in_event(client, member):
    response = client.post("/accounts/login/", {"login": member.email, "password": PASSWORD})

    assert response.status_code == 302
    event = Event.objects.get(verb="sign_in")
    assert event.actor == member
    assert event.target_id == member.pk
    assert event.community_id is None


def test_wrong_password_signs_in_nobody_and_logs_nothing(client, member):
    response = client.post("/accounts/login/", {"login": member.email, "password": "nope"})

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert not Event.objects.filter(verb="sign_in").exists()


def test_inactive_member_cannot_sign_in(client, member):
    member.is_active = False
    member.save(update_fields=["is_active"])

    client.post("/accounts/login/", {"login": member.email, "password": PASSWORD})

    assert "_auth_user_id" not in client.session
    assert not Event.objects.filter(verb="sign_in").exists()


def test_invitation_model_str_is_its_email(staff):
    assert str(invitation_create(actor=staff, email="x@y.org")) == "x@y.org"
    assert Invitation.objects.count() == 1
