"""The public API is what ``cvscan.__all__`` says, and every name in it works."""

from __future__ import annotations

import inspect
from pathlib import Path

import cvscan

EXPECTED = {
    "Analyzer", "analyze", "load_document", "Report", "BatchResult", "Document", "Block", "BlockKind",
    "Section", "Contact", "ParseLimits", "CvscanError", "DocumentError", "UnsupportedFormatError",
    "CorruptDocumentError", "EncryptedDocumentError", "DocumentTooLargeError", "NoTextLayerError",
    "EmptyDocumentError", "UnreadableFileError", "AnalysisTimeoutError", "WorkerCrashedError",
    "LexiconError", "JobDescriptionError", "__version__",
}


def test_all_lists_exactly_the_public_api() -> None:
    assert set(cvscan.__all__) == EXPECTED
    assert len(cvscan.__all__) == len(set(cvscan.__all__))


def test_every_public_name_resolves_and_is_documented() -> None:
    for name in cvscan.__all__:
        value = getattr(cvscan, name)
        if name != "__version__":
            assert inspect.getdoc(value), f"{name} has no docstring"


def test_every_error_derives_from_the_one_base() -> None:
    errors = [getattr(cvscan, n) for n in cvscan.__all__ if n.endswith("Error")]
    assert all(issubclass(e, cvscan.CvscanError) for e in errors)


def test_package_is_typed() -> None:
    assert (Path(cvscan.__file__).parent / "py.typed").exists()


def test_python_dash_m_runs_the_cli() -> None:
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "cvscan", "--version"], capture_output=True, text=True, check=True)
    assert cvscan.__version__ in out.stdout
