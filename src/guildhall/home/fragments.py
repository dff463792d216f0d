"""The home sections' HTML, cached: read in one cache call for the whole page, rendered (and
kept) only where missing. Each key names what the section shows, so none outlives a change:

- shared sections (what's popular): once for the viewer's audience (`selectors.audience_stamp`);
- the news: per member and stamp, for NEWS_CACHE_SECONDS;
- the other sections: per member, stamp and browser session (who's new's forms carry the
  session's CSRF token), as long as their data (SECTION_CACHE_SECONDS).
"""

import hashlib

from django.core.cache import cache
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from guildhall.home import selectors

# Rendered on every request instead: the feed (its cards are cached one by one).
UNCACHED_SECTIONS = ("whats_new",)
# The same HTML for the viewer's whole audience.
SHARED_SECTIONS = ("whats_popular",)


def session_stamp(request) -> str:
    """Names the browser session in the keys of sections whose forms carry its CSRF token
    (valid for any request bearing the same CSRF cookie): a digest, never the secret."""
    get_token(request)  # makes sure the session has its secret
    secret = request.META.get("CSRF_COOKIE", "")
    return hashlib.blake2s(secret.encode(), digest_size=8).hexdigest()


def _key_and_seconds(request, section: str, window: int, session: str) -> tuple[str, int]:
    viewer = request.user
    if section in SHARED_SECTIONS:
        stamp = selectors.audience_stamp(viewer)
        return f"home-html:{section}:{stamp}:{window}", selectors.SECTION_CACHE_SECONDS
    stamp = selectors.section_stamp(viewer)
    if section == "latest_news":
        return f"home-html:{section}:{viewer.pk}:{stamp}", selectors.NEWS_CACHE_SECONDS
    key = f"home-html:{section}:{viewer.pk}:{stamp}:{window}:{session}"
    return key, selectors.SECTION_CACHE_SECONDS


def section_fragments(request, sections: list[str], context: dict) -> dict[str, SafeString]:
    """The HTML of each cached section in `sections`, by section; `context` is what their
    templates (home/partials/<section>.html) read, lazily where it costs a query."""
    window = context.get("window", 7)
    session = session_stamp(request)
    wanted = {
        section: _key_and_seconds(request, section, window, session)
        for section in sections
        if section not in UNCACHED_SECTIONS
    }
    found = cache.get_many([key for key, _ in wanted.values()])
    fragments = {}
    for section, (key, seconds) in wanted.items():
        html = found.get(key)
        if html is None:
            html = render_to_string(f"home/partials/{section}.html", context, request=request)
            cache.set(key, html, seconds)
        fragments[section] = mark_safe(html)  # noqa: S308 - our templates' output
    return fragments
