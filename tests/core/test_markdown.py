"""Member Markdown becomes safe HTML: no script, handler, dangerous URL or style survives."""

import re
from html.parser import HTMLParser

import pytest

from guildhall.core.markdown import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    plain_excerpt,
    render_markdown,
    sanitize_html,
)


class _Elements(HTMLParser):
    """Every element and attribute of an HTML fragment, as a browser would parse it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {k: v or "" for k, v in attrs}))

    handle_startendtag = handle_starttag


def elements(html: str) -> list[tuple[str, dict[str, str]]]:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser.elements


_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def assert_safe(html: str) -> None:
    for tag, attrs in elements(html):
        assert tag in ALLOWED_TAGS, f"<{tag}> survived in {html!r}"
        for name, value in attrs.items():
            assert not name.startswith("on"), f"handler {name} survived in {html!r}"
            assert name != "style", f"style survived in {html!r}"
            allowed = ALLOWED_ATTRIBUTES.get(tag, set()) | ({"rel"} if tag == "a" else set())
            assert name in allowed, f"{tag}[{name}] survived in {html!r}"
            if name in {"href", "src"}:
                # A browser reads a scheme only from [a-z][a-z0-9+.-]* before ":"; anything
                # else (e.g. "java%09script:") is a harmless relative path.
                match = _SCHEME.match(value.strip())
                scheme = match.group(1).lower() if match else ""
                assert scheme in {"", "http", "https", "mailto"}, f"{value!r} survived"


XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](java&#x09;script:alert(1))",
    "![a](javascript:alert(1))",
    "[d](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![i](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    '<iframe src="https://evil.example"></iframe>',
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<p style="color:red">hi</p>',
    "<style>body { display: none }</style>",
    "<object data=x></object><embed src=x>",
    '<form action="https://evil.example"><input name=a></form>',
    "<details open ontoggle=alert(1)>",
    "<table><tr><td>\n\n<img src=x onerror=alert(1)>\n\n</td></tr></table>",
    '[a](https://x.example "t" onmouseover="alert(1)")',
    "[x](vbscript:msgbox(1))",
    "<!-- comment --><script>x</script>",
]


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_xss_payloads_do_not_survive_render_markdown(payload):
    html = render_markdown(payload)

    assert_safe(html)
    tags = {tag for tag, _ in elements(html)}
    assert not tags & {"script", "iframe", "svg", "style", "object", "embed", "form", "div"}
    urls = [attrs.get("href", "") + attrs.get("src", "") for _, attrs in elements(html)]
    assert not [u for u in urls if "javascript" in u.lower() or "data:" in u.lower()]


@pytest.mark.parametrize(
    "raw",
    [
        "<script>alert(1)</script><p>ok</p>",
        '<img src="x" onerror="alert(1)">',
        '<a href="javascript:alert(1)" onclick="x()">x</a>',
        '<a href="data:text/html,<script>alert(1)</script>">x</a>',
        '<iframe src="https://evil.example"></iframe>',
        '<svg onload="alert(1)"><circle/></svg>',
        '<p style="position:fixed">x</p>',
        '<div class="x" id="y"><span data-x="1">z</span></div>',
    ],
)
def test_sanitize_html_strips_raw_html_even_without_markdown(raw):
    """Defence in depth: HTML reaching the sanitiser by another path is cleaned too."""
    html = sanitize_html(raw)

    assert_safe(html)
    assert "alert(1)" not in "".join(v for _, attrs in elements(html) for v in attrs.values())
    assert "<script" not in html.lower()


def test_raw_html_is_shown_as_text_not_markup():
    html = render_markdown('<b onclick="steal()">hi</b>')

    assert "&lt;b onclick=" in html
    assert [tag for tag, _ in elements(html)] == ["p"]


def test_javascript_link_is_not_a_link():
    html = render_markdown("[click me](javascript:alert(document.cookie))")

    assert [tag for tag, _ in elements(html)] == ["p"]
    assert "click me" in html


def test_data_image_is_never_an_image():
    html = render_markdown("![pixel](data:image/png;base64,iVBORw0KGgo=)")

    assert "img" not in dict(elements(html))
    assert "data:" not in html


def test_safe_markdown_survives(settings):
    settings.GUILDHALL_IMAGE_HOSTS = ["example.com"]
    text = (
        "**bold** and _em_ and ~~gone~~\n\n"
        "- one\n- two\n\n"
        "1. first\n\n"
        "> quoted\n\n"
        "`inline`\n\n"
        "```python\nprint('hi')\n```\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n"
        "[docs](https://example.com/docs) and [mail](mailto:ops@example.com)\n\n"
        '![logo](https://example.com/logo.png "Logo")\n\n'
        "## Heading"
    )
    html = render_markdown(text)

    assert_safe(html)
    assert "<strong>bold</strong>" in html
    assert "<em>em</em>" in html
    assert "<s>gone</s>" in html or "<del>gone</del>" in html
    assert "<ul>\n<li>one</li>\n<li>two</li>\n</ul>" in html
    assert "<ol>\n<li>first</li>\n</ol>" in html
    assert "<blockquote>" in html
    assert "<code>inline</code>" in html
    assert '<pre><code class="language-python">print(&#39;hi&#39;)' in html or (
        "<pre><code class=\"language-python\">print('hi')" in html
    )
    assert "<table>" in html and "<th>a</th>" in html and "<td>2</td>" in html
    tags = dict(elements(html))
    assert tags["img"] == {"src": "https://example.com/logo.png", "alt": "logo", "title": "Logo"}
    links = [attrs for tag, attrs in elements(html) if tag == "a"]
    assert [a["href"] for a in links] == ["https://example.com/docs", "mailto:ops@example.com"]
    assert all(a["rel"] == "noopener noreferrer nofollow" for a in links)
    assert "<h2>Heading</h2>" in html


def test_empty_and_none_render_to_nothing():
    assert render_markdown("") == ""
    assert render_markdown(None) == ""


def test_plain_excerpt_strips_tags_and_unescapes():
    html = render_markdown("**Tom & Jerry** <3\n\n- a list")

    assert plain_excerpt(html) == "Tom & Jerry <3 a list"


def test_plain_excerpt_cuts_on_a_word_with_an_ellipsis():
    excerpt = plain_excerpt("<p>" + "word " * 100 + "</p>", length=23)

    assert excerpt == "word word word word…"
    assert len(excerpt) <= 23


def test_plain_excerpt_keeps_short_text_whole():
    assert plain_excerpt("<p>Short.</p>") == "Short."


# --- Images: only from this site or the hosts an admin allows ---------------------------------


@pytest.mark.parametrize(
    "src",
    [
        "/content/12/file/",
        "/media/diagram.png",
        "diagram.png",
        "http://127.0.0.1:8000/content/3/preview/",  # SITE_URL's own host
        "https://images.example.com/a.png",  # allowed below
    ],
)
def test_images_from_this_site_or_allowed_hosts_stay_images(settings, src):
    settings.GUILDHALL_IMAGE_HOSTS = ["images.example.com"]
    settings.GUILDHALL_SITE_URL = "http://127.0.0.1:8000"
    html = render_markdown(f"![Seal diagram]({src})")
    assert elements(html) == [("p", {}), ("img", {"src": src, "alt": "Seal diagram"})]


@pytest.mark.parametrize(
    "src",
    [
        "https://tracker.example.net/pixel.gif?reader=1",
        "http://10.0.0.5/admin/graph.png",
        "//evil.example/a.png",
        "https://images.example.com.evil.example/a.png",
    ],
)
def test_images_from_other_hosts_become_links(settings, src):
    settings.GUILDHALL_IMAGE_HOSTS = ["images.example.com"]
    html = render_markdown(f"![Seal diagram]({src})")
    tags = [tag for tag, _ in elements(html)]
    assert "img" not in tags
    assert "Seal diagram" in html
    assert tags == ["p", "a"] or tags == ["p"]  # a link, unless the URL itself is unusable


@pytest.mark.parametrize("src", ["https://tracker.example.net/p.gif", "/\\evil.example/p.gif"])
def test_raw_html_images_from_other_hosts_lose_their_source(src):
    html = sanitize_html(f'<img src="{src}" alt="x">')
    assert "evil.example" not in html and "tracker.example.net" not in html
