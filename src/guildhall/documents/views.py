"""Document pages: upload, download (counted) and inline preview of PDFs and images."""

from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_safe

from guildhall.accounts.api_auth import session_or_bearer_user
from guildhall.content.selectors import content_item_get
from guildhall.content.upload_views import upload_item_page
from guildhall.core.media import file_response
from guildhall.core.uploads import safe_filename
from guildhall.documents import services
from guildhall.documents.forms import DocumentForm
from guildhall.documents.models import Document


def document_create(request):
    return upload_item_page(
        request,
        form_class=DocumentForm,
        create=services.document_create,
        template="documents/document_form.html",
        success="Your document is shared.",
        max_mb=services.max_document_bytes() // (1024 * 1024),
    )


def _document(request, pk: int):
    viewer = session_or_bearer_user(request)
    if viewer is None:
        return None, None, None
    item = content_item_get(viewer=viewer, pk=pk)  # 404 for what the viewer can't see
    if item.kind != "document":
        raise Http404("No such document.")
    try:
        return viewer, item, Document.objects.get(item_id=item.pk)
    except Document.DoesNotExist:
        raise Http404("No such document.") from None


@login_not_required  # a session or a bearer token, checked in _document
@require_safe  # HEAD too: download managers and link checkers ask it first
def document_file(request, pk: int):
    """Download: always an attachment, under a safe name with the real extension."""
    viewer, item, document = _document(request, pk)
    if viewer is None:
        return redirect_to_login(request.get_full_path())
    if request.method == "GET":  # a HEAD downloads nothing, so it counts nothing
        services.document_download(actor=viewer, item=item)
    return file_response(
        request,
        document.file,
        content_type=document.mime_type,
        filename=safe_filename(document.original_name, document.extension),
    )


@login_not_required  # a session or a bearer token, checked in _document
@require_safe  # HEAD too: download managers and link checkers ask it first
@xframe_options_sameorigin
def document_preview(request, pk: int):
    """Inline view for the item page's preview: PDFs and images only."""
    viewer, _, document = _document(request, pk)
    if viewer is None:
        return redirect_to_login(request.get_full_path())
    if not (document.is_pdf or document.is_image):
        raise Http404("This document has no preview.")
    return file_response(
        request,
        document.file,
        content_type=document.mime_type,
        filename=safe_filename(document.original_name, document.extension),
        inline=True,
    )
