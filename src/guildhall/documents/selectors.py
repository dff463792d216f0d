from django.urls import reverse

from guildhall.documents.models import Document


def document_of(item) -> Document | None:
    return Document.objects.filter(item_id=item.pk).first()


def document_api_fields(items) -> dict[int, dict]:
    documents = Document.objects.filter(item_id__in=[i.pk for i in items]).only(
        "item_id", "size", "mime_type", "download_count"
    )
    return {
        d.item_id: {
            "file_url": reverse("documents:file", args=[d.item_id]),
            "size": d.size,
            "mime_type": d.mime_type,
            "download_count": d.download_count,
        }
        for d in documents
    }
