"""allauth, the Guildhall way: sign-up only for allowed domains or invitations; the real client
address behind trusted proxies; account emails from the worker; a locked account tells its owner;
a new password revokes the API tokens."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.internal import ratelimit
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.core.cache import cache
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from guildhall.accounts.services import (
    api_tokens_revoke,
    invitation_accept,
    invitation_for,
    user_get_by_email,
)
from guildhall.accounts.tasks import account_email_send
from guildhall.core.client_address import client_address
from guildhall.people.services import profile_ensure

INVITATION_SESSION_KEY = "guildhall_invitation"
LOCKED_EMAIL_TEMPLATE = "account/email/account_locked"


def domain_allowed(email: str) -> bool:
    domain = email.rsplit("@", 1)[-1].lower()
    return domain in {d.lower() for d in settings.GUILDHALL_SIGNUP_DOMAINS}


def _per_account_login_rates() -> str:
    """The per-account ("key") part of ACCOUNT_RATE_LIMITS["login_failed"], e.g. "5/5m/key"."""
    rates = settings.ACCOUNT_RATE_LIMITS.get("login_failed", "").split(",")
    return ",".join(rate.strip() for rate in rates if rate.strip().endswith("/key"))


class GuildhallAccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        # Said whether the address, the account or both are limited, and whether the account
        # exists or not: it tells an attacker nothing allauth's own message does not.
        "too_many_login_attempts": _(
            "Too many failed sign-in attempts. Wait a few minutes and try again, or reset your "
            "password. If this address has an account, its owner has been told by email."
        ),
    }

    def is_open_for_signup(self, request) -> bool:
        return bool(settings.GUILDHALL_SIGNUP_DOMAINS) or bool(
            request.session.get(INVITATION_SESSION_KEY)
        )

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit)
        profile_ensure(user=user)
        token = request.session.pop(INVITATION_SESSION_KEY, None)
        invitation = token and invitation_for(token=token, email=user.email)
        if invitation:
            invitation_accept(invitation=invitation, user=user)
        return user

    def get_client_ip(self, request) -> str:
        return client_address(request)

    def set_password(self, user, password: str) -> None:
        """Both the password change and the password reset come here."""
        super().set_password(user, password)
        api_tokens_revoke(actor=user, user=user, reason="password_changed")

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Rendered here (links need the request), sent by the worker. Queued at once, not on
        commit: nothing it says waits for this request's writes."""
        message = self.render_mail(
            template_prefix,
            email,
            {
                "request": self.request,
                "email": email,
                "current_site": get_current_site(self.request),
                **context,
            },
        )
        account_email_send.enqueue(
            subject=message.subject,
            body=message.body,
            from_email=message.from_email,
            to=list(message.to),
            headers=dict(message.extra_headers),
            alternatives=[[a[0], a[1]] for a in getattr(message, "alternatives", [])],
            content_subtype=message.content_subtype,
        )

    def authentication_failed(self, request, **credentials) -> None:
        """The failure that locks an account (its per-account limit is now used up) emails the
        owner, once per lockout window, however many more attempts follow."""
        per_account = _per_account_login_rates()
        user = user_get_by_email(credentials.get("email", ""))
        if not per_account or user is None:
            return
        still_open = ratelimit.consume(
            request,
            app="allauth.account",
            action="login_failed",
            config={"login_failed": per_account},
            key=self._get_login_attempts_cache_key(request, **credentials),
            dry_run=True,
        )
        window = max(rate.duration for rate in ratelimit.parse_rates(per_account))
        if still_open or not cache.add(f"guildhall:lock-notice:{user.pk}", 1, timeout=window):
            return
        self.send_mail(
            LOCKED_EMAIL_TEMPLATE,
            user.email,
            {
                "user": user,
                "minutes": max(1, round(window / 60)),
                "client_address": client_address(request),
                "reset_url": self.request.build_absolute_uri(reverse("account_reset_password")),
            },
        )
