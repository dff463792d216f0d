"""Errors a service raises; pages and the API turn each into one clear answer."""

from django.core.exceptions import PermissionDenied, ValidationError

__all__ = ["Conflict", "PermissionDenied", "RateLimited", "ValidationError"]


class Conflict(ValidationError):
    """The change was based on something that has changed since (the API answers 409);
    `data` adds fields to the answer, e.g. {"latest_revision": 4}."""

    def __init__(self, message, *, data: dict | None = None):
        super().__init__(message)
        self.data = data or {}


class RateLimited(Exception):
    """Too many writes in a short time (answered 429, with `Retry-After: retry_after` seconds)."""

    def __init__(
        self,
        message: str = "You are doing that too often. Please wait a minute.",
        *,
        retry_after: int = 60,
    ):
        super().__init__(message)
        self.message = message
        self.retry_after = retry_after
