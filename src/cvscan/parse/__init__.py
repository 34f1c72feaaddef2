"""Read a CV (PDF, DOCX or plain text) into a :class:`~cvscan.document.Document`.

``load_document`` is the one entry point: it takes a path, bytes or a binary file object,
detects the format from the content, applies size limits, runs the format's parser, then
maps headings to canonical sections and extracts contact details.
"""

from __future__ import annotations

import hashlib
import logging
import os
import stat
from dataclasses import replace
from typing import BinaryIO, Union

from ..document import Document, ParseLimits
from ..errors import (
    CorruptDocumentError,
    CvscanError,
    DocumentTooLargeError,
    EmptyDocumentError,
    UnreadableFileError,
)
from .base import ParsedDocument
from .contact import extract_contact
from .detect import detect_format
from .sections import assign_sections

__all__ = ["DocumentSource", "load_document", "read_source"]

logger = logging.getLogger("cvscan")

_CONTACT_SCAN_CHARS = 1_000
"""Contact details sit in short lines: longer blocks are searched only this far, which keeps
the contact regexes fast on hostile text (a 200,000-character run of ``%``-joined words
made them quadratic: 10 s for one line)."""

DocumentSource = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview, BinaryIO]


def read_source(source: DocumentSource, limits: ParseLimits) -> tuple[bytes, str | None]:
    """Return the bytes of ``source`` (at most ``limits.max_bytes``) and its path if it has one."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        path = None
    elif isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        data = _read_path(path, limits)
    elif hasattr(source, "read"):
        path = getattr(source, "name", None)
        path = path if isinstance(path, str) else None
        try:
            data = source.read(limits.max_bytes + 1)
        except OSError as exc:
            raise UnreadableFileError(f"Cannot read from the file object: {exc}") from exc
        if not isinstance(data, (bytes, bytearray)):
            raise TypeError("load_document needs a binary file object (open the file with 'rb')")
        data = bytes(data)
    else:
        raise TypeError(f"load_document takes a path, bytes or a binary file object, not {type(source).__name__}")
    if len(data) > limits.max_bytes:
        raise DocumentTooLargeError(_too_big(len(data), limits))
    return data, path


def _read_path(path: str, limits: ParseLimits) -> bytes:
    """Read a regular file. Pipes, sockets and devices are refused without blocking (opening a
    FIFO for reading would wait for a writer forever; /dev/zero never ends)."""
    if os.path.isdir(path):
        raise UnreadableFileError(f"{path} is a directory, not a file")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0))
    except IsADirectoryError as exc:
        raise UnreadableFileError(f"{path} is a directory, not a file") from exc
    except OSError as exc:
        raise UnreadableFileError(f"Cannot read {path}: {exc.strerror or exc}") from exc
    except ValueError as exc:  # a NUL character in the path
        raise UnreadableFileError(f"Cannot read {path!r}: {exc}") from exc
    try:
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise UnreadableFileError(f"{path} is a directory, not a file")
            if not stat.S_ISREG(info.st_mode):
                raise UnreadableFileError(f"{path} is not a regular file (a pipe, socket or device)")
            if info.st_size > limits.max_bytes:
                raise DocumentTooLargeError(_too_big(info.st_size, limits))
            return handle.read(limits.max_bytes + 1)
    except CvscanError:
        raise
    except OSError as exc:
        raise UnreadableFileError(f"Cannot read {path}: {exc.strerror or exc}") from exc


def _too_big(size: int, limits: ParseLimits) -> str:
    return (
        f"The file is {size / 1_048_576:.1f} MB, over the {limits.max_bytes / 1_048_576:.1f} MB limit "
        "(raise ParseLimits.max_bytes to allow it)"
    )


def load_document(source: DocumentSource, *, limits: ParseLimits | None = None) -> Document:
    """Parse a CV into a :class:`Document`.

    Parameters
    ----------
    source:
        A file path, the file's bytes, or a binary file object.
    limits:
        Size and page limits; defaults to :class:`ParseLimits` (20 MB, 30 pages).

    Raises
    ------
    CvscanError
        A subclass saying what is wrong: unsupported format, corrupt, encrypted, too large,
        no text layer, unreadable. No exception from a parsing library escapes.
    """
    limits = limits or ParseLimits()
    data, path = read_source(source, limits)
    if not data:
        raise EmptyDocumentError("The file is empty (0 bytes)")
    fmt = detect_format(data)
    try:
        parsed = _parse(fmt, data, limits)
    except CvscanError:
        raise
    except RecursionError as exc:
        raise CorruptDocumentError(f"The {fmt.upper()} structure is nested too deeply to read") from exc
    except MemoryError as exc:
        raise DocumentTooLargeError(f"The {fmt.upper()} needs more memory than is available to read") from exc
    except Exception as exc:  # a dependency failed on malformed input: wrap it, never leak it
        logger.debug("parser for %s failed", fmt, exc_info=True)
        raise CorruptDocumentError(
            f"The {fmt.upper()} file is damaged and cannot be read ({type(exc).__name__}: {exc})"
        ) from exc
    blocks = assign_sections(parsed.blocks)
    return Document(
        blocks=tuple(blocks),
        metadata=parsed.metadata,
        warnings=tuple(parsed.warnings),
        contact=extract_contact([b if len(b.text) <= _CONTACT_SCAN_CHARS
                                 else replace(b, text=b.text[:_CONTACT_SCAN_CHARS]) for b in blocks]),
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
    )


def _parse(fmt: str, data: bytes, limits: ParseLimits) -> ParsedDocument:
    if fmt == "pdf":
        from .pdf import parse_pdf

        return parse_pdf(data, limits)
    if fmt == "docx":
        from .docx import parse_docx

        return parse_docx(data, limits)
    from .text import parse_text

    return parse_text(data, limits)
