from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect

from guildhall.accounts.adapter import INVITATION_SESSION_KEY
from guildhall.accounts.services import invitation_for


@login_not_required
def invitation(request, token: str):
    if invitation_for(token=token) is None:
        messages.error(request, "This invitation is no longer valid. Ask for a new one.")
        return redirect("account_login")
    request.session[INVITATION_SESSION_KEY] = token
    return redirect("account_signup")
