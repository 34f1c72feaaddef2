"""Exceptions raised by cvscan.

Every error cvscan raises derives from :class:`CvscanError`; exceptions from the
libraries it uses (pdfminer.six, python-docx, spaCy) are wrapped, never leaked::

    CvscanError
    ├── DocumentError                 a CV file that cannot be analysed
    │   ├── UnreadableFileError       missing, a directory, no permission, I/O error
    │   ├── EmptyDocumentError        zero bytes, or no text at all
    │   ├── UnsupportedFormatError    .doc, .odt, .rtf, images, HTML, binary data
    │   ├── CorruptDocumentError      damaged or truncated PDF / DOCX
    │   ├── EncryptedDocumentError    needs a password to open
    │   ├── DocumentTooLargeError     over the byte, page or decompressed-size limit
    │   ├── NoTextLayerError          scanned images only, nothing to read
    │   └── AnalysisTimeoutError      took longer than the per-file time limit
    ├── LexiconError                  a lexicon or role file is malformed
    └── JobDescriptionError           a job description gives nothing to match
"""

from __future__ import annotations

__all__ = [
    "AnalysisTimeoutError",
    "CorruptDocumentError",
    "CvscanError",
    "DocumentError",
    "DocumentTooLargeError",
    "EmptyDocumentError",
    "EncryptedDocumentError",
    "JobDescriptionError",
    "LexiconError",
    "NoTextLayerError",
    "UnreadableFileError",
    "UnsupportedFormatError",
]


class CvscanError(Exception):
    """Base class of every error cvscan raises."""


class DocumentError(CvscanError):
    """A document that cannot be read or analysed."""


class UnreadableFileError(DocumentError):
    """The file could not be read from disk (missing, a directory, no permission)."""


class UnsupportedFormatError(DocumentError):
    """The file is not a PDF, DOCX or plain-text document."""


class CorruptDocumentError(DocumentError):
    """The file claims a supported format but is damaged."""


class EmptyDocumentError(DocumentError):
    """The file is empty or holds no text at all."""


class EncryptedDocumentError(DocumentError):
    """The file is protected by a password cvscan does not have."""


class DocumentTooLargeError(DocumentError):
    """The file exceeds a configured size, page-count or decompression limit."""


class NoTextLayerError(DocumentError):
    """No page of the document carries a text layer (a scanned image)."""


class AnalysisTimeoutError(DocumentError):
    """Analysing the file took longer than the per-file time limit."""


class LexiconError(CvscanError):
    """A lexicon or role-profile file is malformed; the message names file and line."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        where = ""
        if path is not None:
            where = f"{path}:{line}: " if line is not None else f"{path}: "
        super().__init__(f"{where}{message}")
        self.path = path
        self.line = line


class JobDescriptionError(CvscanError):
    """A job description could not be turned into a profile."""
