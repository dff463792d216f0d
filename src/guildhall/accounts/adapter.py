"""Sign-up is open only to allowed email domains, or to an invited address."""

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings

from guildhall.accounts.services import invitation_accept, invitation_for
from guildhall.people.services import profile_ensure

INVITATION_SESSION_KEY = "guildhall_invitation"


def domain_allowed(email: str) -> bool:
    domain = email.rsplit("@", 1)[-1].lower()
    return domain in {d.lower() for d in settings.GUILDHALL_SIGNUP_DOMAINS}


class GuildhallAccountAdapter(DefaultAccountAdapter):
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
