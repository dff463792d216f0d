from allauth.account.forms import SignupForm
from allauth.core import context
from django import forms

from guildhall.accounts.adapter import INVITATION_SESSION_KEY, domain_allowed
from guildhall.accounts.services import invitation_for


class CompanySignupForm(SignupForm):
    """Sign-up for allowed email domains, or for the one address an invitation names."""

    def clean_email(self):
        email = super().clean_email()
        request = context.request  # set by allauth's AccountMiddleware for this request
        token = request.session.get(INVITATION_SESSION_KEY) if request else None
        if domain_allowed(email) or (token and invitation_for(token=token, email=email)):
            return email
        raise forms.ValidationError(
            "Sign-up is limited to company email addresses. Ask a colleague for an invitation."
        )
