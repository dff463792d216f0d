"""Secret per-member feed URLs for private communities' podcasts (see core.feed_tokens).

A token names the member and the community; it stays valid while the member belongs to the
community (leaving revokes it, since membership is checked on every use).
"""

from guildhall.core import feed_tokens

SALT = "guildhall.podcasts.feed"


def feed_token(*, user, community) -> str:
    return feed_tokens.feed_token(user=user, salt=SALT, c=community.pk)


def feed_token_user(token: str, *, community):
    """The member a token was made for, if it is valid for this community; else None."""
    return feed_tokens.feed_token_user(token, salt=SALT, c=community.pk)
