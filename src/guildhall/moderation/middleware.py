"""Signed-in members accept the participation policy before using the pages.

A member who has accepted no version yet, or not the latest material one, is sent to
`/policy/` (and back to where they were going after "I accept"). Exempt: the policy page itself,
`/accounts/` (sign-out, password), static and media files, the admin's sign-in, and the API
(`/api/`): the API refuses contributions instead (the posting condition in `guidelines.py`,
403 with a clear message). The check reads two cached numbers: no query on a warm page.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from guildhall.moderation.guidelines import participation_policy_must_accept

EXEMPT_PREFIXES = ("/policy/", "/accounts/", "/api/", "/static/", "/media/", "/admin/logout/")


class PolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._must_accept(request):
            target = reverse("moderation:company_policy")
            if request.method == "GET":
                target += "?" + urlencode({"next": request.get_full_path()})
            if request.headers.get("HX-Request"):
                return HttpResponse(status=204, headers={"HX-Redirect": target})
            return redirect(target)
        return self.get_response(request)

    @staticmethod
    def _must_accept(request) -> bool:
        path = request.path_info
        if path.startswith(EXEMPT_PREFIXES) or path.startswith(settings.STATIC_URL):
            return False
        user = getattr(request, "user", None)
        return user is not None and participation_policy_must_accept(user)
