"""Every write of documents: upload (checked, text extracted) and count downloads."""

from django.conf import settings

from guildhall.content.services import content_item_create, item_use_count
from guildhall.core.uploads import DOCUMENT_TYPES, check_upload, stored_upload
from guildhall.documents.models import Document
from guildhall.documents.permissions import check_download_document
from guildhall.documents.text import extract_text

ACCEPTS = "PDF, Word, Excel, PowerPoint, OpenDocument, PNG, JPEG, GIF, WebP, text, Markdown or CSV"


def max_document_bytes() -> int:
    return int(getattr(settings, "GUILDHALL_MAX_DOCUMENT_MB", 25) * 1024 * 1024)


def document_create(
    *,
    actor,
    community,
    title: str,
    body: str = "",
    tags=(),
    publish: bool = True,
    data: dict | None = None,
    file=None,
):
    """Upload a document: checked by content and size before anything is saved; the item, its
    row and the stored file appear together or not at all."""
    upload = check_upload(
        file, allowed=DOCUMENT_TYPES, max_bytes=max_document_bytes(), what="file", accepts=ACCEPTS
    )
    text = extract_text(file, upload.mime_type)
    with stored_upload(file, upload, folder="documents") as stored:
        item = content_item_create(
            actor=actor,
            kind="document",
            title=title,
            body=body,
            community=community,
            tags=tags,
            publish=publish,
        )
        Document.objects.create(
            item=item,
            file=stored,
            original_name=upload.original_name[:255],
            mime_type=upload.mime_type,
            size=upload.size,
            text=text,
        )
    return item


def document_download(*, actor, item) -> bool:
    """Count a download (once per member per hour) and log it; True when it counted."""
    check_download_document(actor, item)
    counted = Document.objects.filter(item_id=item.pk)
    return item_use_count(
        actor=actor, item=item, verb="download", counted=counted, field="download_count"
    )
