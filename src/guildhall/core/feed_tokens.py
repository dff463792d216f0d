"""Secret per-member feed URLs (django.core.signing): feed readers and podcast apps send no
session, so a feed a member may read carries a token naming them.

A token is signed with a `salt` per kind of feed and may carry `claims` (e.g. the community's id)
that must match where it is used; the member must still be active, and each feed checks on every
use what that member may read, so leaving a community or losing access revokes it.
"""

from django.contrib.auth import get_user_model
from django.core import signing


def feed_token(*, user, salt: str, **claims) -> str:
    return signing.dumps({"u": user.pk, **claims}, salt=salt, compress=True)


def feed_token_user(token: str, *, salt: str, **claims):
    """The active member a token was made for, if its claims match; else None."""
    if not token:
        return None
    try:
        data = signing.loads(token, salt=salt)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or any(data.get(k) != v for k, v in claims.items()):
        return None
    return get_user_model().objects.filter(pk=data.get("u"), is_active=True).first()
