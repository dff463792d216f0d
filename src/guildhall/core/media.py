"""Serving stored member files from permission-checked views (MEDIA_URL is never served as is).

`file_response()` answers with the stored type, `X-Content-Type-Options: nosniff`, a safe
`Content-Disposition` (attachment, or inline for types that are safe to show), a private cache
header and, when `ranges=True`, single byte ranges (`Range: bytes=a-b`, `a-`, `-n`) with 206 /
416 answers, which audio players use to seek. Multi-range requests get the whole file (200).
"""

import re

from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.utils.http import content_disposition_header

CHUNK = 64 * 1024
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def requested_range(request, size: int) -> tuple[int, int] | bool | None:
    """(first, last) byte of a single satisfiable Range; None when no usable Range was sent;
    False when the range cannot be satisfied."""
    header = request.headers.get("Range", "").strip()
    match = _RANGE.match(header)
    if not match or not (match.group(1) or match.group(2)):
        return None
    first, last = match.group(1), match.group(2)
    if first:
        start = int(first)
        end = min(int(last), size - 1) if last else size - 1
        if last and int(last) < start:
            return None
    else:
        length = int(last)
        if length == 0:
            return False
        start, end = max(0, size - length), size - 1
    if start >= size:
        return False
    return start, end


def _chunks(handle, start: int, length: int):
    try:
        handle.seek(start)
        remaining = length
        while remaining > 0:
            data = handle.read(min(CHUNK, remaining))
            if not data:
                break
            remaining -= len(data)
            yield data
    finally:
        handle.close()


def _headers(response, *, content_type: str, filename: str, inline: bool) -> None:
    response["Content-Type"] = content_type
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Disposition"] = content_disposition_header(not inline, filename)
    response["Cache-Control"] = "private, max-age=3600"
    # A stored file must not run scripts even if a browser misjudged its type. (Chromium shows
    # no PDF under a content security policy, so PDFs, displayed by the browser's own viewer,
    # get none.)
    if content_type != "application/pdf":
        response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    else:
        response._csp_exempt = True  # django-csp's flag (as its @csp_exempt sets): no page policy


def file_response(
    request, stored, *, content_type: str, filename: str, inline: bool = False, ranges=False
):
    """A response for the stored file `stored` (a FieldFile)."""
    size = stored.size
    wanted = requested_range(request, size) if ranges else None
    if wanted is False:
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        return response
    if wanted:
        start, end = wanted
        response = StreamingHttpResponse(
            _chunks(stored.open("rb"), start, end - start + 1), status=206
        )
        response["Content-Length"] = str(end - start + 1)
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
    else:
        response = FileResponse(stored.open("rb"))
        response["Content-Length"] = str(size)
    if ranges:
        response["Accept-Ranges"] = "bytes"
    _headers(response, content_type=content_type, filename=filename, inline=inline)
    return response
