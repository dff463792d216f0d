"""Wiki Markdown: [[Page title]] and [[Page title|label]] become links to the same community's
wiki pages — the page when it exists, else a link to create it (class "wiki-missing").

Links are found in the rendered HTML's text (never inside code, pre or existing links), so a
[[...]] in a code sample stays as written. Titles are unescaped to look them up and escaped
again on output, and the result is sanitised like every member's HTML.
"""

import html as html_lib
import re
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.html import escape

from guildhall.core.markdown import render_markdown_unsafe, sanitize_html
from guildhall.wiki.models import WikiPage, title_key

LINK_RE = re.compile(r"\[\[([^\[\]|]{1,200}?)(?:\|([^\[\]]{1,200}?))?\]\]")
_TAG_RE = re.compile(r"(<[^>]*>)")
_SKIP = {"code", "pre", "a"}
_TAG_NAME_RE = re.compile(r"<\s*(/?)\s*([a-zA-Z0-9]+)")


def _text_segments(html: str):
    """Yield (is_text_outside_code_and_links, piece) for the pieces of rendered HTML."""
    depth = 0
    for piece in _TAG_RE.split(html):
        if piece.startswith("<"):
            match = _TAG_NAME_RE.match(piece)
            if match and match.group(2).lower() in _SKIP and not piece.endswith("/>"):
                depth += -1 if match.group(1) else 1
                depth = max(depth, 0)
            yield False, piece
        else:
            yield depth == 0, piece


def find_links(body: str) -> list[str]:
    """The titles a body links to, in order, once each (by normalised title)."""
    titles: dict[str, str] = {}
    for is_text, piece in _text_segments(render_markdown_unsafe(body)):
        if is_text:
            for match in LINK_RE.finditer(piece):
                title = " ".join(html_lib.unescape(match.group(1)).split())
                key = title_key(title)
                if key and key not in titles:
                    titles[key] = title
    return list(titles.values())


def create_url(community, title: str) -> str:
    query = urlencode({"community": community.slug, "title": title})
    return f"{reverse('wiki:create')}?{query}"


def _existing(community_id, keys) -> dict[str, str]:
    if not keys or community_id is None:
        return {}
    pages = WikiPage.objects.filter(community_id=community_id, title_key__in=keys).select_related(
        "item"
    )
    return {p.title_key: p.item.get_absolute_url() for p in pages.only("title_key", "item")}


def render_wiki(body: str, community) -> str:
    """Markdown with wiki links, sanitised."""
    raw = render_markdown_unsafe(body)
    pieces = list(_text_segments(raw))
    keys = set()
    for is_text, piece in pieces:
        if is_text:
            for match in LINK_RE.finditer(piece):
                keys.add(title_key(html_lib.unescape(match.group(1))))
    existing = _existing(getattr(community, "pk", None), keys - {""})

    def link(match) -> str:
        title = " ".join(html_lib.unescape(match.group(1)).split())
        label = html_lib.unescape(match.group(2)).strip() if match.group(2) else title
        key = title_key(title)
        if not key or community is None:
            return match.group(0)
        url = existing.get(key)
        if url is None:
            url = create_url(community, title)
        return f'<a href="{escape(url)}">{escape(label or title)}</a>'

    out = []
    for is_text, piece in pieces:
        out.append(LINK_RE.sub(link, piece) if is_text else piece)
    html = sanitize_html("".join(out))
    # Mark the links to pages that don't exist yet (a constant class on sanitised anchors whose
    # address is the wiki's "new page" form).
    new_page = escape(reverse("wiki:create"))
    return re.sub(
        r'<a href="(' + re.escape(new_page) + r'\?[^"]*)"',
        r'<a class="wiki-missing" href="\1"',
        html,
    )


def render_for_item(body: str, item) -> str:
    """The kind's `render(body, item)`."""
    community = item.community if item is not None and item.community_id else None
    return render_wiki(body, community)
