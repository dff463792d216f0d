"""Documents: upload checks, text extraction, downloads, previews, permissions and the API."""

import pytest
from django.http import Http404

from guildhall.content.models import ContentItem
from guildhall.core.exceptions import PermissionDenied, ValidationError
from guildhall.core.models import Event
from guildhall.documents.models import Document
from guildhall.documents.services import document_create, document_download
from tests.api.conftest import bearer
from tests.media import (
    PNG,
    docx_bytes,
    fixture_bytes,
    odt_bytes,
    pdf_bytes,
    plain_zip_bytes,
    stored_files,
    upload,
    wav_bytes,
)

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def make_document(author, community, *, name="procedure.pdf", content=None, title="Procedure"):
    return document_create(
        actor=author,
        community=community,
        title=title,
        body="Rev C, approved by quality.",
        tags="procedures",
        file=upload(name, content if content is not None else pdf_bytes()),
    )


@pytest.mark.parametrize(
    ("name", "content", "mime", "extension"),
    [
        ("Seal replacement procedure rev C.pdf", pdf_bytes(), "application/pdf", "pdf"),
        ("photo.png", PNG, "image/png", "png"),
        ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 40, "image/jpeg", "jpg"),
        ("anim.gif", b"GIF89a" + b"\x00" * 40, "image/gif", "gif"),
        ("report.docx", docx_bytes(), DOCX, "docx"),
        ("report.odt", odt_bytes(), "application/vnd.oasis.opendocument.text", "odt"),
        ("scorecard.csv", b"supplier,otd\nAcme,97%\n", "text/csv", "csv"),
        ("notes.md", "# Grüße\n".encode(), "text/markdown", "md"),
        ("readme.txt", b"Torque to 45 Nm.\n", "text/plain", "txt"),
        ("renamed.exe", pdf_bytes(), "application/pdf", "pdf"),  # the content decides
    ],
)
def test_upload_accepts_by_content(member, community, settings, name, content, mime, extension):
    item = make_document(member, community, name=name, content=content)
    document = Document.objects.get(item=item)
    assert document.mime_type == mime
    assert document.file.name.endswith(f".{extension}")
    assert document.size == len(content)
    assert document.original_name == name
    assert (settings.MEDIA_ROOT / document.file.name).read_bytes() == content


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("tip.pdf", wav_bytes(), "not a format we accept"),  # audio named .pdf
        ("archive.docx", plain_zip_bytes(), "not a format we accept"),  # a bare ZIP
        ("binary.txt", b"abc\x00def", "not a format we accept"),  # NUL byte
        ("latin1.csv", "café".encode("latin-1"), "not a format we accept"),
        ("empty.pdf", b"", "empty"),
        ("song.mp3", fixture_bytes("tone.mp3"), "not a format we accept"),
    ],
)
def test_upload_refuses_and_saves_nothing(member, community, settings, name, content, message):
    with pytest.raises(ValidationError) as exc:
        make_document(member, community, name=name, content=content)
    assert message in exc.value.message_dict["file"][0]
    assert not ContentItem.objects.exists() and not Document.objects.exists()
    assert stored_files(settings.MEDIA_ROOT) == []


def test_oversized_document_is_refused(member, community, settings):
    settings.GUILDHALL_MAX_DOCUMENT_MB = 0.001  # about 1 KB
    with pytest.raises(ValidationError) as exc:
        make_document(member, community, name="big.txt", content=b"x" * 5000)
    assert "the limit is 1 KB" in exc.value.message_dict["file"][0]
    assert not ContentItem.objects.exists()
    assert stored_files(settings.MEDIA_ROOT) == []


def test_text_is_extracted_from_pdfs_and_text_files(member, community):
    pdf = make_document(member, community, content=pdf_bytes("Replace the mechanical seal"))
    text = make_document(member, community, name="a.csv", content=b"supplier,score\nAcme,9\n")
    image = make_document(member, community, name="a.png", content=PNG)
    assert "Replace the mechanical seal" in Document.objects.get(item=pdf).text
    assert Document.objects.get(item=text).text == "supplier,score\nAcme,9\n"
    assert Document.objects.get(item=image).text == ""


def test_a_broken_pdf_still_uploads_without_text(member, community):
    item = make_document(member, community, content=b"%PDF-1.4\nnot really a pdf")
    assert Document.objects.get(item=item).text == ""


def test_non_members_cannot_upload(outsider, community, private_community):
    with pytest.raises(PermissionDenied):
        make_document(outsider, community)
    with pytest.raises(Http404):
        make_document(outsider, private_community)


def test_downloads_count_once_per_member_per_hour(member, expert, community):
    item = make_document(member, community)
    assert document_download(actor=expert, item=item)
    assert not document_download(actor=expert, item=item)
    assert Document.objects.get(item=item).download_count == 1
    assert Event.objects.filter(verb="download", target_id=item.pk).count() == 1


# --- pages --------------------------------------------------------------------------------


def test_upload_page_and_item_page_with_pdf_preview(client, member, community):
    client.force_login(member)
    assert client.get("/documents/new/").status_code == 200
    response = client.post(
        "/documents/new/",
        {
            "community": community.slug,
            "title": "Seal procedure <img src=x onerror=alert(1)>",
            "body": "Rev **C** <script>alert(1)</script>",
            "file": upload("Seal <b>procedure.pdf", pdf_bytes()),
        },
    )
    item = ContentItem.objects.get(kind="document")
    assert response.status_code == 302
    html = client.get(item.get_absolute_url()).content.decode()
    assert f'src="/content/{item.pk}/preview/"' in html and "<iframe" in html
    assert f'href="/content/{item.pk}/file/"' in html
    assert "<script>alert(1)</script>" not in html and "<img src=x" not in html
    assert "Seal &lt;b&gt;procedure.pdf" in html
    assert "<strong>C</strong>" in html


def test_image_preview_is_an_img(client, member, community):
    item = make_document(member, community, name="gauge.png", content=PNG)
    client.force_login(member)
    html = client.get(item.get_absolute_url()).content.decode()
    assert f'<img class="document-image" src="/content/{item.pk}/preview/"' in html


def test_upload_page_keeps_typed_text_on_error(client, member, community):
    client.force_login(member)
    response = client.post(
        "/documents/new/",
        {
            "community": community.slug,
            "title": "Typed title",
            "body": "Typed notes",
            "file": upload("x.pdf", b""),
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "The submitted file is empty" in html or "That file is empty" in html
    assert 'value="Typed title"' in html and "Typed notes" in html
    assert not ContentItem.objects.exists()


def test_download_headers_and_count(client, member, expert, community):
    item = make_document(member, community, name='../../etc/pass"wd.pdf')
    client.force_login(expert)
    response = client.get(f"/content/{item.pk}/file/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "/" not in response["Content-Disposition"].split("filename", 1)[1]
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert Document.objects.get(item=item).download_count == 1


def test_head_on_a_file_answers_its_headers_and_counts_nothing(client, member, expert, community):
    item = make_document(member, community)
    client.force_login(expert)
    response = client.head(f"/content/{item.pk}/file/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert int(response["Content-Length"]) == Document.objects.get(item=item).file.size
    assert Document.objects.get(item=item).download_count == 0


def test_preview_inline_only_for_pdfs_and_images(client, member, community):
    pdf = make_document(member, community)
    text = make_document(member, community, name="a.txt", content=b"<script>alert(1)</script>")
    client.force_login(member)
    response = client.get(f"/content/{pdf.pk}/preview/")
    assert response["Content-Disposition"].startswith("inline;")
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert client.get(f"/content/{text.pk}/preview/").status_code == 404
    download = client.get(f"/content/{text.pk}/file/")
    assert download["Content-Type"] == "text/plain"
    assert download["Content-Disposition"].startswith("attachment;")
    assert "sandbox" in download["Content-Security-Policy"]


def test_private_documents_are_404_for_non_members(
    client, member, outsider, community_manager, staff, private_community
):
    item = make_document(member, private_community, name="a.png", content=PNG)
    for path in (
        item.get_absolute_url(),
        f"/content/{item.pk}/file/",
        f"/content/{item.pk}/preview/",
    ):
        client.force_login(outsider)
        assert client.get(path).status_code == 404, path
        client.force_login(community_manager)
        assert client.get(path).status_code == 200, path
        client.force_login(staff)
        assert client.get(path).status_code == 200, path
    client.logout()
    assert client.get(f"/content/{item.pk}/file/").status_code == 302  # sign in first
    assert Document.objects.get(item=item).download_count == 2


def test_file_url_of_another_kind_is_404(client, member, community):
    from tests.factories import make_item

    post = make_item(member, community=community)
    client.force_login(member)
    assert client.get(f"/content/{post.pk}/file/").status_code == 404


# --- API ------------------------------------------------------------------------------------


def test_api_uploads_a_document(client, member, community):
    response = client.post(
        "/api/v1/content",
        {
            "kind": "document",
            "community": community.slug,
            "title": "Q3 supplier scorecard",
            "tags": "suppliers",
            "file": upload("Q3 supplier scorecard.csv", b"supplier,otd\nAcme,97\n"),
        },
        **bearer(member),
    )
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["kind"] == "document"
    assert data["file_url"] == f"/content/{data['id']}/file/"
    assert data["mime_type"] == "text/csv"
    assert data["size"] == 21
    assert data["duration_seconds"] is None
    one = client.get(f"/api/v1/content/{data['id']}", **bearer(member)).json()
    assert one["file_url"] == data["file_url"]


def test_api_refuses_wrong_types_and_multipart_for_other_kinds(client, member, community):
    response = client.post(
        "/api/v1/content",
        {
            "kind": "document",
            "community": community.slug,
            "title": "T",
            "file": upload("a.pdf", b"MZ\x90\x00"),
        },
        **bearer(member),
    )
    assert response.status_code == 422 and response.json()["detail"].startswith("file:")
    response = client.post(
        "/api/v1/content",
        {"kind": "document", "title": "No community", "file": upload("a.pdf", pdf_bytes())},
        **bearer(member),
    )
    assert response.status_code == 422 and "community" in response.json()["detail"]
    response = client.post("/api/v1/content", {"kind": "post", "title": "Form"}, **bearer(member))
    assert response.status_code == 400 and "multipart" in response.json()["detail"]
    assert not ContentItem.objects.exists()


def test_api_lists_private_documents_only_to_members(client, member, outsider, private_community):
    make_document(member, private_community)
    assert client.get("/api/v1/content?kind=document", **bearer(outsider)).json()["count"] == 0
    assert client.get("/api/v1/content?kind=document", **bearer(member)).json()["count"] == 1


def test_openapi_documents_multipart(client, db):
    spec = client.get("/api/v1/openapi.json").json()
    body = spec["paths"]["/api/v1/content"]["post"]["requestBody"]["content"]
    assert "multipart/form-data" in body and "application/json" in body


def test_file_url_works_with_a_bearer_token(client, member, outsider, private_community):
    item = make_document(member, private_community)
    response = client.get(f"/content/{item.pk}/file/", **bearer(member))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert client.get(f"/content/{item.pk}/file/", **bearer(outsider)).status_code == 404
    no_token = client.get(f"/content/{item.pk}/file/", HTTP_AUTHORIZATION="Bearer nope")
    assert no_token.status_code == 302
