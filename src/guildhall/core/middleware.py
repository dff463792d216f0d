from django.contrib.auth.middleware import LoginRequiredMiddleware

from guildhall.core.exceptions import RateLimited
from guildhall.core.views_support import rate_limited


class LoginRequiredExceptApiMiddleware(LoginRequiredMiddleware):
    """Every page needs a signed-in member; the API answers 401 itself instead of redirecting."""

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path_info.startswith("/api/"):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)


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
