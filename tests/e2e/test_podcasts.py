"""Upload a podcast episode in the browser, play it, and preview a document."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from guildhall.content.models import ContentItem
from guildhall.podcasts.models import Episode
from tests.e2e.helpers import wait_until
from tests.factories import add_member, make_community, make_member
from tests.media import pdf_bytes, wav_bytes


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_upload_an_episode_and_play_it(page, signed_in_page, screenshot, tmp_path, db):
    manager = make_member("carla", name="Carla Manager", title="Maintenance lead")
    community = make_community(manager, name="Pump Maintenance", purpose="Keep pumps running.")
    expert = make_member("eric", name="Eric Expert", title="Seal specialist")
    add_member(community, expert, role="expert")
    audio = tmp_path / "seal-tip.wav"
    audio.write_bytes(wav_bytes(3.0))
    wrong = tmp_path / "renamed.mp3"
    wrong.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)

    signed_in_page(expert)
    page.goto(f"/c/{community.slug}/episodes/")
    expect(page.get_by_role("heading", name="No episodes yet")).to_be_visible()
    page.get_by_role("link", name="Upload an episode").click()
    page.get_by_label("Title").fill("Two-minute tip: reading seal faces")
    page.get_by_label("Show notes").fill("Look for **heat checking** before you reorder.")
    page.get_by_label("Audio file").set_input_files(str(wrong))
    page.get_by_role("button", name="Upload episode").click()
    expect(page.get_by_role("alert").first).to_contain_text("not a format we accept")
    expect(page.get_by_label("Title")).to_have_value("Two-minute tip: reading seal faces")
    screenshot(page, "podcasts-01-refused-upload")

    page.get_by_label("Audio file").set_input_files(str(audio))
    page.get_by_role("button", name="Upload episode").click()
    expect(page.get_by_role("heading", name="Two-minute tip: reading seal faces")).to_be_visible()
    item = ContentItem.objects.get(kind="episode")
    player = page.locator("audio.episode-audio")
    expect(player).to_be_visible()
    wait_until(page, "document.querySelector('audio.episode-audio').readyState >= 1")
    duration = page.evaluate("document.querySelector('audio.episode-audio').duration")
    assert 2.5 < duration < 3.5
    page.evaluate("document.querySelector('audio.episode-audio').muted = true")
    page.evaluate("document.querySelector('audio.episode-audio').play()")
    wait_until(page, "document.querySelector('audio.episode-audio').currentTime > 0")
    assert Episode.objects.get(item=item).listen_count == 1
    screenshot(page, "podcasts-02-episode-player")

    page.goto(f"/c/{community.slug}/episodes/")
    expect(page.get_by_role("link", name="Two-minute tip: reading seal faces")).to_be_visible()
    screenshot(page, "podcasts-03-episodes-page")


def test_upload_a_pdf_and_see_its_preview(page, signed_in_page, screenshot, tmp_path, db):
    manager = make_member("carla", name="Carla Manager", title="Quality lead")
    community = make_community(manager, name="Quality", purpose="Right first time.")
    pdf = tmp_path / "Seal replacement procedure rev C.pdf"
    pdf.write_bytes(pdf_bytes("Seal replacement procedure rev C"))

    signed_in_page(manager)
    page.goto(f"/documents/new/?community={community.slug}")
    page.get_by_label("Title").fill("Seal replacement procedure rev C")
    page.get_by_label("File").set_input_files(str(pdf))
    page.get_by_role("button", name="Upload document").click()
    expect(page.get_by_role("heading", name="Seal replacement procedure rev C")).to_be_visible()
    expect(page.locator("iframe.document-preview")).to_be_visible()
    expect(page.get_by_role("link", name="Download")).to_be_visible()
    item = ContentItem.objects.get(kind="document")
    preview = page.request.get(f"/content/{item.pk}/preview/")  # what the iframe loads
    assert preview.status == 200 and preview.headers["content-type"] == "application/pdf"
    # (headless Chromium draws its PDF viewer as a dark box in screenshots)
    screenshot(page, "documents-01-pdf-preview")
    assert Path(pdf).name in page.content()
