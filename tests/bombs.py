"""Small files that expand to hundreds of megabytes when opened ("decompression bombs").

Each is built once per test session (a second or two each) and stays under 2 MB on disk.
"""

import io
import struct
import zipfile
import zlib
from functools import cache

from tests.media import pdf_from_objects

EXPANDED_BYTES = 300 * 1024 * 1024
_CHUNK = b" " * (1024 * 1024)

OOXML_TYPES_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.{main}"/>'
)


def _zip_with_huge_member(name: str, head: bytes, others: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        with archive.open(name, "w", force_zip64=True) as member:
            member.write(head)
            for _ in range(EXPANDED_BYTES // len(_CHUNK)):
                member.write(_CHUNK)
        for other, content in others.items():
            archive.writestr(other, content)
    return buffer.getvalue()


@cache
def ooxml_bomb(main: str) -> bytes:
    """A Word/Excel/PowerPoint file whose [Content_Types].xml expands to 300 MB."""
    head = OOXML_TYPES_HEAD.format(main=main).encode()
    return _zip_with_huge_member("[Content_Types].xml", head, {"word/document.xml": b"<w/>"})


@cache
def mimetype_bomb(mimetype: str) -> bytes:
    """An OpenDocument or EPUB file whose `mimetype` entry expands to 300 MB."""
    return _zip_with_huge_member("mimetype", mimetype.encode(), {"content.xml": b"<office/>"})


@cache
def pdf_bomb() -> bytes:
    """A one-page PDF whose content stream inflates to 300 MB of spaces."""
    compressor = zlib.compressobj(9)
    stream = b"".join(compressor.compress(_CHUNK) for _ in range(EXPANDED_BYTES // len(_CHUNK)))
    stream += compressor.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    return pdf_from_objects(objects)


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


@cache
def png_bomb(side: int = 30_000) -> bytes:
    """A PNG that declares side x side pixels (900 megapixels for 30,000) in a few kilobytes."""
    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)  # 8-bit greyscale
    row = b"\x00" + b"\x00" * side
    compressor = zlib.compressobj(9)
    data = compressor.compress(row * 64) + compressor.flush()
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", data)
        + _png_chunk(b"IEND", b"")
    )
