"""Who is really on the other end of a request, when a reverse proxy stands in between.

`X-Forwarded-For` and `X-Forwarded-Proto` are believed only when the direct peer is one of
TRUSTED_PROXIES (addresses or networks): anyone else could write them. The client is then the
right-most address in `X-Forwarded-For` that is not itself a trusted proxy, the last hop our own
proxies vouch for; what lies left of it was written by the client and proves nothing.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings

FORWARDED_PROTO_HEADER = "HTTP_X_FORWARDED_PROTO"


@lru_cache(maxsize=4)
def _networks(entries: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)


def _parse(address: str):
    try:
        return ipaddress.ip_address(address.strip())
    except ValueError:
        return None


def _is_trusted_proxy(address) -> bool:
    networks = _networks(tuple(settings.TRUSTED_PROXIES))
    return address is not None and any(address in network for network in networks)


def peer_is_trusted_proxy(request) -> bool:
    return _is_trusted_proxy(_parse(request.META.get("REMOTE_ADDR", "")))


def client_address(request) -> str:
    """The client's IP address: the direct peer, or what trusted proxies say it was."""
    peer = request.META.get("REMOTE_ADDR", "")
    if not peer_is_trusted_proxy(request):
        return peer
    hops = [_parse(hop) for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for hop in reversed(hops):
        if hop is None:  # garbage our proxy passed on from the client: stop believing here
            break
        if not _is_trusted_proxy(hop):
            return str(hop)
    return peer


class TrustedProxyMiddleware:
    """Drops `X-Forwarded-Proto` unless a trusted proxy sent it, so SECURE_PROXY_SSL_HEADER (and
    with it `request.is_secure()`, absolute links and the HTTPS redirect) cannot be spoofed by a
    client that reaches the server directly. First in MIDDLEWARE: SecurityMiddleware reads it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if FORWARDED_PROTO_HEADER in request.META and not peer_is_trusted_proxy(request):
            del request.META[FORWARDED_PROTO_HEADER]
        return self.get_response(request)
