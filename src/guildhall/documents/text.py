"""Extracting a document's text for search: PDFs with pypdf, text files as they are.

Bounded so a large upload cannot stall the request: at most MAX_PAGES pages and MAX_CHARS
characters. It runs inline inside the upload (a few hundred milliseconds at these bounds).
"""

import logging

from pypdf import PdfReader

MAX_PAGES = 50
MAX_CHARS = 200_000

log = logging.getLogger(__name__)


def extract_text(file, mime_type: str) -> str:
    file.seek(0)
    try:
        if mime_type == "application/pdf":
            reader = PdfReader(file)
            parts, total = [], 0
            for page in reader.pages[:MAX_PAGES]:
                text = page.extract_text() or ""
                parts.append(text)
                total += len(text)
                if total >= MAX_CHARS:
                    break
            return "\n".join(parts)[:MAX_CHARS].replace("\x00", "")
        if mime_type.startswith("text/"):
            return file.read(MAX_CHARS * 4).decode("utf-8", "ignore")[:MAX_CHARS]
    except Exception:
        log.info("No text extracted from an uploaded %s", mime_type, exc_info=True)
        return ""
    finally:
        file.seek(0)
    return ""
