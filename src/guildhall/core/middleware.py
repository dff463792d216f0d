from urllib.parse import urlsplit

from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext

from guildhall.core.exceptions import RateLimited
from guildhall.core.views_support import rate_limited


class LoginRequiredExceptApiMiddleware(LoginRequiredMiddleware):
    """Every page needs a signed-in member; the API answers 401 itself instead of redirecting."""

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path_info.startswith("/api/"):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)

    def handle_no_permission(self, request, view_func):
        """An htmx request after the session ended (signed out in another tab, expired) sends the
        whole tab to the sign-in page and back, instead of swapping that page into a fragment."""
        if not request.headers.get("HX-Request"):
            return super().handle_no_permission(request, view_func)
        current = request.headers.get("HX-Current-URL", "")
        if not url_has_allowed_host_and_scheme(current, allowed_hosts={request.get_host()}):
            current = ""
        parts = urlsplit(current)
        back = (parts.path + (f"?{parts.query}" if parts.query else "")) if current else "/"
        login = redirect_to_login(back, self.get_login_url(view_func))
        return HttpResponse(status=204, headers={"HX-Redirect": login.url})


class RateLimitedPageMiddleware:
    """A page write refused by the rate limit answers 429 with a friendly page, not a 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, RateLimited):
            return rate_limited(request, exception)
        return None


class MethodNotAllowedPageMiddleware:
    """A request with a method a view does not take (a typed-in URL of a form's target, a
    crafted GET) gets an answer that says so: the site's error page, or JSON from the API,
    instead of Django's empty 405."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not isinstance(response, HttpResponseNotAllowed):
            return response
        message = gettext("This address doesn't take a %(method)s request.") % {
            "method": request.method
        }
        if request.path_info.startswith("/api/"):
            answer = JsonResponse({"detail": message}, status=405)
        elif request.htmx:
            return response  # a fragment swapped into a page would only garble it
        else:
            answer = render(
                request, "403.html", {"message": message, "response_status": 405}, status=405
            )
        answer["Allow"] = response["Allow"]
        return answer
