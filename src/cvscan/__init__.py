"""cvscan: a CV keyword and ATS analyser for the machine-learning job market."""

from __future__ import annotations

import logging

from .document import Block, BlockKind, Contact, Document, ParseLimits, Section
from .errors import (
    CorruptDocumentError,
    CvscanError,
    DocumentTooLargeError,
    EmptyDocumentError,
    EncryptedDocumentError,
    NoTextLayerError,
    UnreadableFileError,
    UnsupportedFormatError,
)
from .parse import load_document

__version__ = "0.1.0"

logging.getLogger("cvscan").addHandler(logging.NullHandler())

__all__ = [
    "Block",
    "BlockKind",
    "Contact",
    "CorruptDocumentError",
    "CvscanError",
    "Document",
    "DocumentTooLargeError",
    "EmptyDocumentError",
    "EncryptedDocumentError",
    "NoTextLayerError",
    "ParseLimits",
    "Section",
    "UnreadableFileError",
    "UnsupportedFormatError",
    "__version__",
    "load_document",
]
