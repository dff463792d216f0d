from django.apps import AppConfig


def _detail_context(request, item) -> dict:
    from guildhall.documents.selectors import document_of

    return {"document": document_of(item)}


def _create(**kwargs):
    from guildhall.documents.services import document_create

    return document_create(**kwargs)


def _api_fields(items):
    from guildhall.documents.selectors import document_api_fields

    return document_api_fields(items)


class DocumentsConfig(AppConfig):
    """Documents: shared files (PDF, office, images, text) with preview, text and downloads."""

    name = "guildhall.documents"
    label = "documents"

    def ready(self) -> None:
        from django.db.models.signals import post_delete

        from guildhall.content import kinds
        from guildhall.documents.models import Document
        from guildhall.documents.signals import delete_stored_file

        kinds.register(
            kinds.Kind(
                name="document",
                label="Document",
                label_plural="Documents",
                description="Share a procedure, a drawing, a spreadsheet or a slide deck.",
                # A file library lives in a community, whose managers look after it.
                community_required=True,
                create_url="documents:create",
                create=_create,
                detail_template="documents/partials/document_detail.html",
                detail_context=_detail_context,
                api_fields=_api_fields,
                api_schema={
                    "file_url": (str, "the file"),
                    "size": (int, "the file's size in bytes"),
                    "mime_type": (str, "the file's type"),
                    "download_count": (int, "members who downloaded it (once per member an hour)"),
                },
                accepts_file=True,
            )
        )
        post_delete.connect(delete_stored_file, sender=Document, dispatch_uid="documents-file")
