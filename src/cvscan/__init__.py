"""cvscan: a CV keyword and ATS analyser for the machine-learning job market.

Quick use::

    import cvscan
    report = cvscan.analyze("cv.pdf")
    print(report.best_role.role, report.best_role.score)

Build a :class:`cvscan.Analyzer` once and reuse it for many CVs (``analyze_many`` for a
batch). ``load_document`` parses a CV without analysing it.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from .document import Block, BlockKind, Contact, Document, ParseLimits, Section
from .errors import (
    AnalysisTimeoutError,
    CorruptDocumentError,
    CvscanError,
    DocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    EncryptedDocumentError,
    JobDescriptionError,
    LexiconError,
    NoTextLayerError,
    UnreadableFileError,
    UnsupportedFormatError,
)
from .parse import load_document

if TYPE_CHECKING:
    from .analyzer import Analyzer, analyze
    from .batch import BatchResult, WorkerCrashedError
    from .report import Report

__version__ = "0.1.0"

logging.getLogger("cvscan").addHandler(logging.NullHandler())

# The analyser pulls in spaCy and scikit-learn: import it on first use so that
# ``import cvscan`` (and spaCy's entry-point discovery of our components) stays light.
_LAZY = {"Analyzer": "analyzer", "analyze": "analyzer", "Report": "report", "BatchResult": "batch",
         "WorkerCrashedError": "batch"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'cvscan' has no attribute {name!r}")


__all__ = [
    "AnalysisTimeoutError",
    "Analyzer",
    "BatchResult",
    "Block",
    "BlockKind",
    "Contact",
    "CorruptDocumentError",
    "CvscanError",
    "Document",
    "DocumentError",
    "DocumentTooLargeError",
    "EmptyDocumentError",
    "EncryptedDocumentError",
    "JobDescriptionError",
    "LexiconError",
    "NoTextLayerError",
    "ParseLimits",
    "Report",
    "Section",
    "UnreadableFileError",
    "UnsupportedFormatError",
    "WorkerCrashedError",
    "__version__",
    "analyze",
    "load_document",
]
