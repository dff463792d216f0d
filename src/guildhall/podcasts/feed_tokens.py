"""Secret per-member feed URLs for private communities' podcasts (django.core.signing).

A token names the member and the community; it stays valid while the member belongs to the
community (leaving revokes it, since membership is checked on every use).
"""

from django.contrib.auth import get_user_model
from django.core import signing

SALT = "guildhall.podcasts.feed"


def feed_token(*, user, community) -> str:
    return signing.dumps({"u": user.pk, "c": community.pk}, salt=SALT, compress=True)


def feed_token_user(token: str, *, community):
    """The member a token was made for, if it is valid for this community; else None."""
    if not token:
        return None
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("c") != community.pk:
        return None
    return get_user_model().objects.filter(pk=data.get("u"), is_active=True).first()
