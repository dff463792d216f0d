"""Sign-in backends that keep the signed-in member's row in the shared cache between requests.

Loading `request.user` is the one query every page pays, cached page or not. With a cache that
every process shares (`REDIS_URL`), the row is kept for `GUILDHALL_USER_CACHE_SECONDS` and
dropped whenever the user is saved or deleted (a password change, deactivation, a new name), so
Django's session check against the password hash still logs out other sessions at once. Bulk
`QuerySet.update()`s of users bypass that and take effect when the entry expires.
"""

from allauth.account.auth_backends import AuthenticationBackend
from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache


def user_cache_key(pk) -> str:
    return f"authuser:v1:{pk}"


class CachedUserMixin:
    """A session records the backend that signed its member in, and asks it for the member on
    every request: each backend that signs members in caches them."""

    def get_user(self, user_id):
        ttl = settings.GUILDHALL_USER_CACHE_SECONDS
        if not ttl:
            return super().get_user(user_id)
        key = user_cache_key(user_id)
        user = cache.get(key)
        if user is None:
            user = super().get_user(user_id)
            if user is not None:
                cache.set(key, user, ttl)
        return user


class CachedModelBackend(CachedUserMixin, ModelBackend):
    """Username and password (the admin, `force_login` in tests)."""


class CachedAccountBackend(CachedUserMixin, AuthenticationBackend):
    """allauth's sign-in by email and password (the sign-in page)."""


def forget_cached_user(sender, instance, **kwargs) -> None:
    cache.delete(user_cache_key(instance.pk))
