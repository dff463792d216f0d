"""Decompression bombs: small uploads that expand to hundreds of megabytes when opened are
refused quickly, and checking them costs a few megabytes of memory, not gigabytes."""

import time
import tracemalloc

import pytest

from guildhall.content.models import ContentItem
from tests import bombs
from tests.api.conftest import bearer
from tests.media import upload

# What checking one upload may allocate (the request's own work included); a bomb decompressed
# whole would take 300 MB.
MEMORY_BOUND = 30 * 1024 * 1024
TIME_BOUND = 5  # seconds

BOMBS = [
    ("report.docx", lambda: bombs.ooxml_bomb("wordprocessingml.document.main+xml")),
    ("figures.xlsx", lambda: bombs.ooxml_bomb("spreadsheetml.sheet.main+xml")),
    ("deck.pptx", lambda: bombs.ooxml_bomb("presentationml.presentation.main+xml")),
    ("report.odt", lambda: bombs.mimetype_bomb("application/vnd.oasis.opendocument.text")),
    ("book.epub", lambda: bombs.mimetype_bomb("application/epub+zip")),
    ("manual.pdf", bombs.pdf_bomb),
    ("photo.png", bombs.png_bomb),
]


def _post_document(client, member, community, name, content):
    tracemalloc.start()
    started = time.monotonic()
    try:
        response = client.post(
            "/api/v1/content",
            {
                "kind": "document",
                "community": community.slug,
                "title": "Looks harmless",
                "file": upload(name, content),
            },
            **bearer(member),
        )
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return response, peak, time.monotonic() - started


@pytest.mark.parametrize(("name", "build"), BOMBS, ids=[name for name, _ in BOMBS])
def test_a_bomb_is_refused_quickly_with_flat_memory(client, member, community, name, build):
    content = build()
    assert len(content) < 2 * 1024 * 1024  # small on the wire: only opening it is expensive
    response, peak, seconds = _post_document(client, member, community, name, content)
    assert response.status_code == 422, response.content
    assert response.json()["detail"].startswith("file:")
    assert peak < MEMORY_BOUND, f"checking {name} allocated {peak / 1e6:.0f} MB"
    assert seconds < TIME_BOUND
    assert not ContentItem.objects.filter(title="Looks harmless").exists()


def test_the_image_bomb_is_named_as_too_many_pixels(client, member, community):
    response, _, _ = _post_document(client, member, community, "photo.png", bombs.png_bomb())
    assert "megapixels" in response.json()["detail"]
