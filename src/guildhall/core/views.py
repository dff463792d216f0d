from django.shortcuts import render

from guildhall.core.exceptions import RateLimited
from guildhall.core.views_support import rate_limited


def not_found(request, exception=None):
    return render(request, "404.html", status=404)


def forbidden(request, exception=None):
    message = str(exception) if exception else ""
    # A refusal may say where to put it right (communities.permissions.PostingRefused).
    link, link_label = getattr(exception, "link", ""), getattr(exception, "link_label", "")
    return render(
        request,
        "403.html",
        {"message": message, "link": link, "link_label": link_label},
        status=403,
    )


def too_many_requests(request, exception=None):
    """allauth's rate limits (password reset, sign-up...) answer with this: the site's page, with
    Retry-After set to allauth's shortest window (a minute)."""
    return rate_limited(request, RateLimited())
