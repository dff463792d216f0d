"""Member Markdown to safe HTML: markdown-it renders, nh3 (ammonia) sanitises.

Images come only from this site (its uploads) or from the hosts an admin allows
(`GUILDHALL_IMAGE_HOSTS`): otherwise every reader's browser would fetch a member-chosen address,
internal ones included, and tell its owner who read what. An image from elsewhere is rendered as
a plain link to it; the Content-Security-Policy (settings.py) enforces the same rule in browsers.
"""

import html as html_lib
import re
from urllib.parse import urlsplit

import nh3
from django.conf import settings
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml

_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable(
    ["table", "strikethrough"]
)


def image_hosts() -> set[str]:
    """Hosts images may come from besides this site (SITE_URL's host counts as this site)."""
    own = urlsplit(settings.GUILDHALL_SITE_URL).hostname
    return {host.lower() for host in settings.GUILDHALL_IMAGE_HOSTS} | ({own} if own else set())


def image_source_allowed(src: str) -> bool:
    if "\\" in src or any(ord(c) < 32 for c in src):
        return False  # browsers read a backslash as a slash: "/\host" would be "//host"
    parts = urlsplit(src.strip())
    if not parts.scheme and not parts.netloc:
        return not src.strip().startswith("//")  # a path on this site
    return parts.scheme in {"http", "https"} and (parts.hostname or "") in image_hosts()


def _render_image(renderer, tokens, idx, options, env):
    src = tokens[idx].attrGet("src") or ""
    if image_source_allowed(str(src)):
        return renderer.image(tokens, idx, options, env)
    label = renderer.renderInlineAsText(tokens[idx].children or [], options, env) or src
    return f'<a href="{escapeHtml(str(src))}">{escapeHtml(label)}</a>'


_md.add_render_rule("image", _render_image)

ALLOWED_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "code",
    "del",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "li",
    "ol",
    "p",
    "pre",
    "s",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "th": {"align"},
    "td": {"align"},
    "code": {"class"},
}
URL_SCHEMES = {"http", "https", "mailto"}


# Apps turn rendered HTML into richer HTML (e.g. @mentions into profile links) before sanitising.
_postprocessors: list = []


def register_postprocessor(func) -> None:
    """`func(html) -> html`, run on every rendering before the HTML is sanitised."""
    _postprocessors.append(func)


def _allowed_attribute(element: str, attribute: str, value: str) -> str | None:
    if element == "img" and attribute == "src" and not image_source_allowed(value):
        return None
    return value


def sanitize_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_allowed_attribute,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )


def render_markdown_unsafe(text: str) -> str:
    """Markdown to HTML *before* sanitising: only for a renderer that sanitises its result."""
    html = _md.render(text or "")
    for process in _postprocessors:
        html = process(html)
    return html


def render_markdown(text: str) -> str:
    return sanitize_html(render_markdown_unsafe(text))


_HEADING_END_RE = re.compile(r"(?<=[^.:?!])</h[1-6]>", re.IGNORECASE)
_BLOCK_END_RE = re.compile(r"</(?:p|li|h[1-6]|blockquote|pre|tr|td|th)>|<br\s*/?>", re.IGNORECASE)
_TAG_RE = re.compile(r"<[^>]+>")


def plain_excerpt(html: str, length: int = 220) -> str:
    """A short plain-text excerpt for cards and summaries."""
    html = _HEADING_END_RE.sub(":</h1>", html)  # a heading reads as a lead-in to what follows
    text = _TAG_RE.sub("", _BLOCK_END_RE.sub(" ", html))
    text = html_lib.unescape(re.sub(r"\s+", " ", text).strip())
    if len(text) <= length:
        return text
    return text[: length - 1].rsplit(" ", 1)[0] + "…"
