"""Member Markdown to safe HTML: markdown-it renders, nh3 (ammonia) sanitises."""

import html as html_lib
import re

import nh3
from markdown_it import MarkdownIt

_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable(
    ["table", "strikethrough"]
)

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


def sanitize_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
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
