"""Extracting a document's text for search: PDFs with pypdf, text files as they are.

Bounded so a large upload cannot stall the request: at most MAX_PAGES pages and MAX_CHARS
characters. It runs inline inside the upload (a few hundred milliseconds at these bounds). A PDF's
streams are decompressed only up to PDF_DECODE_LIMIT bytes each (pypdf's own limits are 75 MB),
so a small "decompression bomb" PDF costs megabytes, not gigabytes, and is refused.
"""

import logging

from django.utils.translation import gettext as _
from pypdf import PdfReader, apply_configuration
from pypdf.errors import LimitReachedError

from guildhall.core.exceptions import ValidationError

MAX_PAGES = 50
MAX_CHARS = 200_000
PDF_DECODE_LIMIT = 8 * 1024 * 1024
_PDF_LIMITS = {
    name: PDF_DECODE_LIMIT
    for name in (
        "maximum_declared_stream_length",
        "array_based_stream_maximum_output_length",
        "jbig2_maximum_output_length",
        "lzw_maximum_output_length",
        "run_length_maximum_output_length",
        "zlib_maximum_output_length",
        "brotli_maximum_output_length",
        "image_maximum_buffer_size",
        "stream_decoding_work_maximum_length",
    )
}

log = logging.getLogger(__name__)


def extract_text(file, mime_type: str) -> str:
    file.seek(0)
    try:
        if mime_type == "application/pdf":
            with apply_configuration(**_PDF_LIMITS):
                return _pdf_text(file)
        if mime_type.startswith("text/"):
            return file.read(MAX_CHARS * 4).decode("utf-8", "ignore")[:MAX_CHARS]
    except LimitReachedError as exc:
        raise ValidationError(
            {"file": _("This PDF expands to far more than its size when opened. Upload another.")}
        ) from exc
    except Exception:
        log.info("No text extracted from an uploaded %s", mime_type, exc_info=True)
        return ""
    finally:
        file.seek(0)
    return ""


def _pdf_text(file) -> str:
    reader = PdfReader(file)
    parts, total = [], 0
    for page in reader.pages[:MAX_PAGES]:
        contents = page.get_contents()
        if contents is not None:
            # Decoded here first because text extraction hides a limit reached (an empty text):
            # a bomb must be refused, not stored. pypdf keeps the decoded data for the extraction.
            contents.get_data()
        text = page.extract_text() or ""
        parts.append(text)
        total += len(text)
        if total >= MAX_CHARS:
            break
    return "\n".join(parts)[:MAX_CHARS].replace("\x00", "")
