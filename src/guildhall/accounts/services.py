import hashlib
import secrets

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from guildhall.accounts.models import ApiToken, Invitation
from guildhall.core.events import audit, record
from guildhall.core.exceptions import PermissionDenied, ValidationError

TOKEN_PREFIX = "gh_"  # noqa: S105 - a public prefix, not a secret


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def api_token_create(*, user, name: str = "API token") -> str:
    """Create a token for `user`; returns the raw token, which is never stored."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    ApiToken.objects.create(user=user, name=name, key_hash=hash_token(raw), prefix=raw[:10])
    return raw


def api_token_authenticate(raw: str):
    """The active user owning `raw`, or None."""
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=hash_token(raw), user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 300:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


@transaction.atomic
def api_tokens_revoke(*, actor, user, reason: str) -> int:
    """Revoke every API token of `user` (their password changed, so what it let them do must be
    asked again); returns how many there were. Audited when there were any."""
    revoked, _ = ApiToken.objects.filter(user=user).delete()
    if revoked:
        audit(actor, "api_tokens_revoked", user, data={"count": revoked, "reason": reason})
    return revoked


@transaction.atomic
def member_active_set(*, actor, user, active: bool) -> None:
    """Deactivate a member (or bring them back): a deactivated member cannot sign in or use their
    API tokens, and their sessions stop working at their next request; everything they and their
    colleagues wrote stays, under their name. Staff only; audited. (Until erasure exists, this is
    how a member leaves: deleting the account would delete colleagues' work with it.)"""
    if actor is None or not actor.is_staff:
        raise PermissionDenied(_("Only staff can deactivate members."))
    if user.pk == actor.pk and not active:
        raise ValidationError(_("You cannot deactivate your own account."))
    if user.is_active == active:
        return
    user.is_active = active
    user.save(update_fields=["is_active"])
    if not active:
        ApiToken.objects.filter(user=user).delete()
    audit(actor, "member_reactivate" if active else "member_deactivate", user)


def invitation_create(*, actor, email: str) -> Invitation:
    invitation = Invitation.objects.create(
        email=email.strip().lower(), token=secrets.token_urlsafe(32), invited_by=actor
    )
    record(actor, "invite", invitation, data={"email": invitation.email})
    return invitation


def invitation_url(invitation: Invitation) -> str:
    return reverse("accounts:invitation", args=[invitation.token])


def invitation_for(*, token: str, email: str | None = None) -> Invitation | None:
    qs = Invitation.objects.filter(token=token, accepted_at__isnull=True)
    if email is not None:
        qs = qs.filter(email__iexact=email.strip())
    return qs.first()


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user) -> None:
    Invitation.objects.filter(pk=invitation.pk).update(accepted_at=timezone.now())
    record(user, "accept_invitation", invitation)


def user_signed_in(sender, request, user, **kwargs) -> None:
    """Receiver of Django's user_logged_in: every sign-in goes into the event log."""
    record(user, "sign_in", user)


def user_get_by_email(email: str):
    return get_user_model().objects.filter(email__iexact=email.strip()).first()
