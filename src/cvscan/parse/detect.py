"""Detect a document's format from its leading bytes, never from its file name."""

from __future__ import annotations

import io
import zipfile

from ..errors import CorruptDocumentError, EncryptedDocumentError, UnsupportedFormatError

__all__ = ["detect_format"]

_CONVERT = "Save it as PDF or DOCX and try again."

_IMAGE_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF87a": "a GIF image",
    b"GIF89a": "a GIF image",
    b"II*\x00": "a TIFF image",
    b"MM\x00*": "a TIFF image",
    b"BM": "a BMP image",
    b"RIFF": "a RIFF container (WebP image or media)",
}


def detect_format(data: bytes) -> str:
    """Return ``"pdf"``, ``"docx"`` or ``"txt"`` for ``data``.

    Raises :class:`UnsupportedFormatError` for formats cvscan does not read (legacy Word,
    OpenDocument, RTF, images, HTML, unknown binary data) with a message saying what to
    convert to, and :class:`CorruptDocumentError` for a zip that is not a readable archive.
    """
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _detect_zip(data)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        if "EncryptedPackage".encode("utf-16-le") in data[:1_000_000]:
            raise EncryptedDocumentError(
                "This Word document is password protected. Remove the password (File > Info > "
                "Protect Document) and save it again."
            )
        raise UnsupportedFormatError(
            "This is a legacy Word 97-2003 (.doc) or other OLE file, which cvscan cannot read. "
            "Open it in Word or LibreOffice and save it as .docx or PDF."
        )
    if head.lstrip().startswith(b"{\\rtf"):
        raise UnsupportedFormatError(f"This is an RTF document, which cvscan cannot read. {_CONVERT}")
    for magic, what in _IMAGE_MAGIC.items():
        if head.startswith(magic):
            raise UnsupportedFormatError(
                f"This is {what}, not a document with text. "
                "Export the CV as a text-based PDF or DOCX (not a scan or photo)."
            )
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<head", b"<body")):
        raise UnsupportedFormatError(f"This is an HTML page, not a CV document. {_CONVERT}")
    if head.startswith(b"%!PS"):
        raise UnsupportedFormatError(f"This is a PostScript file. {_CONVERT}")
    return "txt"


def _detect_zip(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = b""
            if "mimetype" in names:
                info = archive.getinfo("mimetype")
                if info.file_size < 200:
                    mimetype = archive.read("mimetype").strip()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError,
            NotImplementedError, RuntimeError) as exc:
        raise CorruptDocumentError(f"The file is a damaged zip archive (a DOCX is a zip): {exc}") from exc
    if "word/document.xml" in names:
        return "docx"
    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        kind = "OpenDocument text (.odt)" if mimetype.endswith(b".text") else "an OpenDocument file"
        raise UnsupportedFormatError(f"This is {kind}, which cvscan cannot read. {_CONVERT}")
    if "[Content_Types].xml" in names:
        raise CorruptDocumentError(
            "This Office zip has no word/document.xml: it is not a Word document or it is damaged."
        )
    raise UnsupportedFormatError(f"This is a zip archive, not a CV document. {_CONVERT}")
