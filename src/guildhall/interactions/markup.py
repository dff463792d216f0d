"""Reading rendered HTML: @mentions become profile links; links to items become backlinks.

`link_mentions` is a Markdown post-processor (core.markdown): it runs on markdown-it's output
before sanitising, and links `@username` only in plain text (never inside <code>, <pre> or an
existing link), only for existing active members, with one query per rendering that has any
candidate at all.
"""

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model

# A tag, or the text between tags.
_TOKENS = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"^<\s*(/?)\s*([a-zA-Z0-9]+)")
_SKIP = {"code", "pre", "a"}
# "@name" not preceded by a word character, "@", "/" or "." (e-mail addresses, paths...).
MENTION_RE = re.compile(r"(?<![\w@/.])@([A-Za-z0-9_](?:[A-Za-z0-9_.+-]*[A-Za-z0-9_])?)")
# A mention link as the post-processor writes it (attributes nh3 adds may follow the href).
_LINKED_RE = re.compile(r'<a href="/u/([^/"]+)/"[^>]*>@([^<]+)</a>')
_HREF_RE = re.compile(r'<a\s[^>]*href="([^"]+)"')
_ITEM_PATH_RE = re.compile(r"^/content/(\d+)(?:/[^/]+)?/?$")


def _text_segments(html: str):
    """Yield (index, text) for the text tokens outside code, pre and links."""
    depth = 0
    tokens = _TOKENS.split(html)
    for index, token in enumerate(tokens):
        if token.startswith("<"):
            match = _TAG_NAME.match(token)
            if match and match.group(2).lower() in _SKIP and not token.endswith("/>"):
                depth = max(0, depth + (-1 if match.group(1) else 1))
            continue
        if depth == 0 and "@" in token:
            yield index, token


def link_mentions(html: str) -> str:
    if "@" not in html:
        return html
    tokens = _TOKENS.split(html)
    segments = list(_text_segments(html))
    wanted = {m.group(1) for _, text in segments for m in MENTION_RE.finditer(text)}
    if not wanted:
        return html
    known = set(
        get_user_model()
        .objects.filter(username__in=wanted, is_active=True)
        .values_list("username", flat=True)
    )
    if not known:
        return html

    def link(match):
        name = match.group(1)
        if name not in known:
            return match.group(0)
        return f'<a href="/u/{name}/">@{name}</a>'

    for index, text in segments:
        tokens[index] = MENTION_RE.sub(link, text)
    return "".join(tokens)


def mentioned_usernames(html: str) -> list[str]:
    """The members a rendered (sanitised) body links as @mentions, in order, once each."""
    names: list[str] = []
    for href_name, text_name in _LINKED_RE.findall(html or ""):
        if href_name == text_name and href_name not in names:
            names.append(href_name)
    return names


def _own_host(host: str) -> bool:
    hosts = [h for h in settings.ALLOWED_HOSTS if h != "*"]
    host = host.split(":")[0].lower()
    for allowed in hosts:
        allowed = allowed.lower()
        if allowed.startswith(".") and (host == allowed[1:] or host.endswith(allowed)):
            return True
        if host == allowed.strip("[]") or host == allowed:
            return True
    return False


def linked_item_ids(html: str) -> set[int]:
    """Ids of items a rendered body links to: /content/<id>/ or /content/<id>/<slug>/, relative
    or absolute to one of this site's hosts (ALLOWED_HOSTS)."""
    ids: set[int] = set()
    for href in _HREF_RE.findall(html or ""):
        href = href.replace("&amp;", "&")
        parts = urlsplit(href)
        external = parts.scheme not in {"http", "https"} or not _own_host(parts.netloc)
        if (parts.scheme or parts.netloc) and external:
            continue
        match = _ITEM_PATH_RE.match(parts.path)
        if match and len(match.group(1)) < 19:
            ids.add(int(match.group(1)))
    return ids
