"""What every API router shares: error shapes and pagination."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import InterfaceError, OperationalError
from django.http import Http404
from ninja import Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from guildhall.core.exceptions import Conflict, RateLimited

MAX_LIMIT = 100
DATABASE_RETRY_AFTER = 10  # seconds
# Far beyond any real list, and small enough that the database can take offset + limit.
MAX_OFFSET = 1_000_000_000


class ListParams(Schema):
    limit: int = 20
    offset: int = 0


def page(queryset, *, limit: int, offset: int) -> tuple[list, int]:
    """One page of a list and the total, after checking limit/offset."""
    if limit < 1 or limit > MAX_LIMIT:
        raise ValidationError({"limit": f"limit must be between 1 and {MAX_LIMIT}."})
    if offset < 0:
        raise ValidationError({"offset": "offset must be 0 or more."})
    if offset > MAX_OFFSET:
        raise ValidationError({"offset": f"offset must be at most {MAX_OFFSET}."})
    return list(queryset[offset : offset + limit]), queryset.count()


def _validation_detail(exc: ValidationError) -> tuple[str, dict]:
    if hasattr(exc, "error_dict"):
        errors = {
            field: [str(m) for e in errs for m in e.messages]
            for field, errs in exc.error_dict.items()
        }
        first_field, messages = next(iter(errors.items()))
        label = "" if first_field == "__all__" else f"{first_field}: "
        return f"{label}{messages[0]}", errors
    return " ".join(exc.messages), {}


# Where ninja says an invalid value came from; for a body, the next item is the parameter name.
_LOCATIONS = {"body", "form", "file", "query", "path", "header", "cookie"}


def _error_field(loc) -> str:
    """The field an input error names: ["body", "payload", "title"] -> "title",
    ["query", "limit"] -> "limit" (a field may itself be called "body")."""
    parts = [str(p) for p in loc]
    if len(parts) > 2 and parts[0] in {"body", "form", "file"}:
        parts = parts[2:]
    elif len(parts) > 1 and parts[0] in _LOCATIONS:
        parts = parts[1:]
    return ".".join(parts)


def install_error_handlers(api) -> None:
    @api.exception_handler(ValidationError)
    def on_validation(request, exc):
        detail, errors = _validation_detail(exc)
        body = {"detail": detail}
        if errors:
            body["errors"] = errors
        return api.create_response(request, body, status=422)

    @api.exception_handler(Conflict)
    def on_conflict(request, exc):
        detail, _ = _validation_detail(exc)
        return api.create_response(request, {"detail": detail, **exc.data}, status=409)

    @api.exception_handler(NinjaValidationError)
    def on_schema_validation(request, exc):
        # The same shape as a service's ValidationError: {"detail", "errors": {field: [...]}}.
        problems, errors = [], {}
        for error in exc.errors:
            where = _error_field(error.get("loc", [])) or "__all__"
            message = error.get("msg", "invalid")
            problems.append(f"{where}: {message}")
            errors.setdefault(where, []).append(message)
        return api.create_response(
            request, {"detail": "; ".join(problems), "errors": errors}, status=422
        )

    @api.exception_handler(PermissionDenied)
    def on_denied(request, exc):
        message = str(exc) or "You are not allowed to do that."
        return api.create_response(request, {"detail": message}, status=403)

    @api.exception_handler(Http404)
    def on_not_found(request, exc):
        return api.create_response(request, {"detail": "Not found."}, status=404)

    @api.exception_handler(AuthenticationError)
    def on_unauthenticated(request, exc):
        return api.create_response(
            request,
            {"detail": "Authentication required: sign in or send a bearer token."},
            status=401,
        )

    @api.exception_handler(RateLimited)
    def on_rate_limited(request, exc):
        response = api.create_response(request, {"detail": exc.message}, status=429)
        response["Retry-After"] = str(exc.retry_after)
        return response

    @api.exception_handler(OperationalError)
    @api.exception_handler(InterfaceError)
    def on_database_unavailable(request, exc):
        # The database is down or refusing connections: a client should retry, not report a bug.
        response = api.create_response(
            request,
            {"detail": "The service is temporarily unavailable. Please try again shortly."},
            status=503,
        )
        response["Retry-After"] = str(DATABASE_RETRY_AFTER)
        return response

    @api.exception_handler(HttpError)
    def on_http_error(request, exc):
        return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)
