"""Small helpers the page views share."""

from django.core.exceptions import ValidationError
from django.shortcuts import render

from guildhall.core.exceptions import RateLimited


def add_service_errors(form, exc: ValidationError) -> None:
    """Show a service's ValidationError on the form, by field where the form has that field."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            target = field if field in form.fields else None
            for error in errors:
                form.add_error(target, error)
    else:
        for message in exc.messages:
            form.add_error(None, message)


def form_data(request):
    """POST data to bind a form to, or None on GET (an empty POST is still a submission)."""
    return request.POST if request.method == "POST" else None


def rate_limited(request, exc: RateLimited):
    context = {"message": exc.message, "response_status": 429}
    response = render(request, "403.html", context, status=429)
    response["Retry-After"] = str(exc.retry_after)
    return response
