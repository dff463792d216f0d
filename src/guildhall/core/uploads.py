"""Checking uploaded files: by their content (magic bytes), never by their name or the content type
the client claims. Used by every app that accepts files (podcast episodes, documents).

`check_upload(file, allowed=..., max_bytes=...)` reads the file's first bytes, decides what it
really is, and raises `ValidationError({"file": ...})` with a message a member understands when it
is missing, empty, too large or of a type that is not allowed. It returns an `Upload` naming the
detected type, the extension to store it under and the size.

Detection uses the small `filetype` library for binary formats (audio, PDF, images), plus checks of
our own for what magic bytes cannot tell apart: office files are ZIP archives, told apart by
their `[Content_Types].xml` (Word, Excel, PowerPoint) or `mimetype` entry (OpenDocument); text
files must decode as UTF-8 and contain no NUL byte (the name's extension then chooses between
plain text, Markdown and CSV, which have no signature).
"""

import os
import re
import uuid
import warnings
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass

import filetype
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from guildhall.core.exceptions import ValidationError

# Bytes read to recognise a binary file (filetype needs at most 8 KB).
HEAD_BYTES = 8192
# Bytes of a text file checked for UTF-8 and NUL bytes (the whole file up to this size).
TEXT_CHECK_BYTES = 2 * 1024 * 1024
# The most of an office archive's type declarations we decompress (real ones are a few KB).
ZIP_MIMETYPE_BYTES = 100
ZIP_TYPES_BYTES = 200_000
# An image with more pixels than this is refused: decoding it (in a reader's browser, or here in
# a later preview) would take gigabytes, whatever its file size (a "decompression bomb").
MAX_IMAGE_PIXELS = 40_000_000

AUDIO_TYPES = {
    "audio/mpeg": "mp3",
    "audio/mp4": "m4a",
    "audio/aac": "aac",
    "audio/ogg": "ogg",
    "audio/wav": "wav",
}
OFFICE_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.presentation": "odp",
}
IMAGE_TYPES = {"image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/webp": "webp"}
TEXT_TYPES = {"text/plain": "txt", "text/markdown": "md", "text/csv": "csv"}
DOCUMENT_TYPES = {"application/pdf": "pdf", **OFFICE_TYPES, **IMAGE_TYPES, **TEXT_TYPES}

# filetype's names → ours (one name per format).
_ALIASES = {
    "audio/x-wav": "audio/wav",
    "audio/wave": "audio/wav",
    "audio/x-flac": "audio/flac",
    "audio/m4a": "audio/mp4",
    "audio/x-m4a": "audio/mp4",
    "video/mp4": "audio/mp4",  # an .m4a is an MPEG-4 container; mutagen checks it holds audio
    "audio/x-aac": "audio/aac",
}
# The main part of each OOXML format, as named in [Content_Types].xml.
_OOXML_MAIN = {
    "wordprocessingml.document.main+xml": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    ),
    "spreadsheetml.sheet.main+xml": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    ),
    "presentationml.presentation.main+xml": (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation"
    ),
}
_TEXT_BY_EXTENSION = {".md": "text/markdown", ".markdown": "text/markdown", ".csv": "text/csv"}


@dataclass(frozen=True)
class Upload:
    mime_type: str
    extension: str
    size: int
    original_name: str


def _read_head(file, n: int) -> bytes:
    file.seek(0)
    head = file.read(n)
    file.seek(0)
    return head


def _archive_member_head(archive: zipfile.ZipFile, name: str, limit: int) -> bytes | None:
    """At most `limit` bytes of one archive member, or None when it declares more.

    A declared size is checked first, and the read itself is bounded too (the declaration may
    lie): a zip bomb is never decompressed past `limit` bytes.
    """
    info = archive.getinfo(name)
    if info.file_size > limit:
        return None
    with archive.open(info) as member:
        return member.read(limit)


def _zip_type(file) -> str | None:
    """The office format of a ZIP archive, from its declared contents; None for any other ZIP."""
    try:
        file.seek(0)
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                declared = _archive_member_head(archive, "mimetype", ZIP_MIMETYPE_BYTES) or b""
                declared = declared.decode("ascii", "replace").strip()
                return declared if declared in OFFICE_TYPES else None
            if "[Content_Types].xml" in names:
                types = _archive_member_head(archive, "[Content_Types].xml", ZIP_TYPES_BYTES)
                types = (types or b"").decode("utf-8", "replace")
                for marker, mime in _OOXML_MAIN.items():
                    if marker in types:
                        return mime
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, ValueError, EOFError):
        return None
    finally:
        file.seek(0)
    return None


def _text_type(file, name: str) -> str | None:
    data = _read_head(file, TEXT_CHECK_BYTES)
    if b"\x00" in data:
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the end of the checked part is still text.
        if exc.start < len(data) - 3 or file.size <= TEXT_CHECK_BYTES:
            return None
    extension = os.path.splitext(name)[1].lower()
    return _TEXT_BY_EXTENSION.get(extension, "text/plain")


def sniff(file, name: str = "") -> str | None:
    """What the file's content says it is (a MIME type), or None when we cannot tell."""
    head = _read_head(file, HEAD_BYTES)
    if not head:
        return None
    kind = filetype.guess(head)
    mime = _ALIASES.get(kind.mime, kind.mime) if kind else None
    if mime in {"application/zip", "application/epub+zip"} or (
        mime and mime in OFFICE_TYPES.keys() | {"application/msword"}
    ):
        return _zip_type(file)
    if mime is not None:
        return mime
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if _mpeg_audio_frame(head):
        return "audio/mpeg"
    return _text_type(file, name)


def _mpeg_audio_frame(head: bytes) -> bool:
    """An MP3 without an ID3 tag starts with a Layer III frame header (filetype only knows
    MPEG-1 ones): 11 sync bits, a valid version, layer III, a valid bitrate and sample rate."""
    if len(head) < 4 or head[0] != 0xFF or head[1] & 0xE0 != 0xE0:
        return False
    version, layer = (head[1] >> 3) & 3, (head[1] >> 1) & 3
    bitrate, rate = head[2] >> 4, (head[2] >> 2) & 3
    return version != 1 and layer == 1 and bitrate not in (0, 15) and rate != 3


def safe_filename(name: str, extension: str) -> str:
    """A name to offer on download: the member's base name, tamed, with the real extension."""
    base = os.path.splitext(os.path.basename(name.replace("\\", "/")))[0]
    base = re.sub(r"[^\w .()+-]+", "_", base, flags=re.UNICODE).strip(" ._") or "file"
    return f"{base[:120]}.{extension}"


def _megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB"


def check_upload(file, *, allowed: dict[str, str], max_bytes: int, what: str, accepts: str):
    """Check an uploaded file and say what it is. `what`: "audio file"; `accepts`: the formats
    to name in messages ("MP3, M4A, OGG or WAV")."""
    if file is None:
        raise ValidationError({"file": f"Choose an {what} to upload."})
    size = file.size or 0
    if size == 0:
        raise ValidationError({"file": "That file is empty. Choose another one."})
    if size > max_bytes:
        raise ValidationError(
            {
                "file": f"That file is {_megabytes(size)}; the limit is {_megabytes(max_bytes)}. "
                "Upload a smaller one."
            }
        )
    name = getattr(file, "name", "") or ""
    mime = sniff(file, name)
    if mime not in allowed:
        raise ValidationError(
            {
                "file": f"This file's content is not a format we accept here ({accepts}), "
                "whatever its name says."
            }
        )
    if mime in IMAGE_TYPES and not _image_dimensions_bounded(file):
        raise ValidationError(
            {
                "file": _(
                    "This image is too large in pixels (at most %(limit)s megapixels). "
                    "Upload a smaller one."
                )
                % {"limit": MAX_IMAGE_PIXELS // 1_000_000}
            }
        )
    return Upload(
        mime_type=mime, extension=allowed[mime], size=size, original_name=os.path.basename(name)
    )


def _image_dimensions_bounded(file) -> bool:
    """Whether the image's declared width x height is within MAX_IMAGE_PIXELS. Pillow reads only
    the header here; nothing is decoded."""
    try:
        file.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                width, height = image.size
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        return False
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        return True  # not readable as an image by Pillow: filetype's verdict stands
    finally:
        file.seek(0)
    return width * height <= MAX_IMAGE_PIXELS


@contextmanager
def stored_upload(file, upload: Upload, *, folder: str):
    """Store a checked upload for the rows written inside the block, atomically.

    Yields the storage name. If the block fails (the item's validation, a database error), the
    transaction rolls back and the stored file is deleted again: nothing is left half-saved.
    """
    stored = None
    try:
        with transaction.atomic():
            name = f"{folder}/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{upload.extension}"
            stored = default_storage.save(name, file)
            yield stored
    except BaseException:
        if stored:
            default_storage.delete(stored)
        raise
