"""The Content-Security-Policy holds on every page type without breaking anything: no violation
is reported while a member reads, plays and uses htmx; images from other hosts are links."""

import pytest
from playwright.sync_api import expect

from guildhall.documents.services import document_create
from guildhall.podcasts.services import episode_create
from tests.e2e.helpers import wait_until
from tests.factories import add_member, make_community, make_item, make_member
from tests.media import pdf_bytes, upload, wav_bytes

pytestmark = pytest.mark.browser

# Every frame reports its violations into window.__csp (the PDF preview's frame too).
RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__csp.push(e.violatedDirective + ' ' + e.blockedURI);
});
"""


def _violations(page) -> list[str]:
    found = []
    for frame in page.frames:
        # A PDF viewer's frame runs none of our script: it answers an empty list.
        found += frame.evaluate("window.__csp || []")
    return found


def test_pages_report_no_policy_violation_and_htmx_still_works(signed_in_page, screenshot):
    manager = make_member("cyra", name="Cyra Manager")
    reader = make_member("rudi", name="Rudi Reader")
    community = make_community(manager, name="Pump Reliability")
    add_member(community, reader)
    post = make_item(
        manager,
        community=community,
        title="Seal failures this quarter",
        body="![Failure chart](https://tracker.example.net/pixel.gif)\n\nThree seals failed.",
    )
    document = document_create(
        actor=manager,
        community=community,
        title="Seal procedure",
        file=upload("procedure.pdf", pdf_bytes()),
    )
    episode = episode_create(
        actor=manager,
        community=community,
        title="Two-minute seal check",
        file=upload("tip.wav", wav_bytes(1.0)),
    )
    page = signed_in_page(reader)
    page.context.add_init_script(RECORD_VIOLATIONS)
    console = []
    page.on("console", lambda m: console.append(m.text) if "Content Security" in m.text else None)

    for path in (
        "/",
        f"/c/{community.slug}/",
        post.get_absolute_url(),
        document.get_absolute_url(),
        episode.get_absolute_url(),
        "/search/?q=seal",
        "/people/",
        "/notifications/",
        "/api/v1/docs",
    ):
        page.goto(path)
        page.wait_for_load_state("networkidle")
        assert _violations(page) == [], path
        if path == "/api/v1/docs":
            expect(page.locator("#swagger-ui .information-container")).to_be_visible()
            screenshot(page, "csp-api-docs")

    # The item's outside image is a link, never fetched by the reader's browser.
    page.goto(post.get_absolute_url())
    expect(page.get_by_role("link", name="Failure chart")).to_have_attribute(
        "href", "https://tracker.example.net/pixel.gif"
    )
    assert page.locator("img[src*='tracker.example.net']").count() == 0

    # htmx still swaps fragments in: the bell's dropdown loads.
    page.locator("#bell").click()
    expect(page.locator("#bell-panel")).to_contain_text("caught up")
    # The player can load its audio.
    page.goto(episode.get_absolute_url())
    audio = page.locator("audio").first
    expect(audio).to_be_visible()
    wait_until(page, "document.querySelector('audio').readyState >= 1")
    assert _violations(page) == []
    assert console == []
    screenshot(page, "csp-episode")
