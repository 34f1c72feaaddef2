"""How fast does cvscan read CVs, compared with the plain libraries it builds on?

For each PDF: median milliseconds per page for ``cvscan.parse.load_document`` (the whole
facade: format detection, layout, sections, contact details) against
``pdfminer.high_level.extract_text`` on the same bytes, in the same run, interleaved. For
each DOCX: median milliseconds per file for ``load_document`` against python-docx's
paragraph text. Prints a table and the ratios (cvscan / baseline; below 1.0 is faster).

Usage::

    .venv/bin/python benchmarks/parse_speed.py [DIR] [--repeat N]

``DIR`` defaults to ``sample_cvs/``; with no PDFs there, a few CVs are generated with
``tests/pdf_builders.py`` into a temporary directory. Files cvscan refuses (encrypted,
scanned) are listed as skipped.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000.0


def _generated_pdfs(directory: Path) -> list[Path]:
    sys.path.insert(0, str(ROOT / "tests"))
    import pdf_builders as pb

    return [
        pb.one_column_pdf(directory / "one_column.pdf"),
        pb.two_column_pdf(directory / "two_column.pdf"),
        pb.header_footer_pdf(directory / "three_pages.pdf", pages=3),
        pb.hidden_text_pdf(directory / "hidden.pdf"),
        pb.glyph_bullets_pdf(directory / "bullets.pdf"),
    ]


def bench_pdfs(paths: list[Path], repeat: int) -> list[tuple[str, int, float, float]]:
    from pdfminer.high_level import extract_text

    from cvscan.errors import CvscanError
    from cvscan.parse import load_document

    rows: list[tuple[str, int, float, float]] = []
    for path in paths:
        data = path.read_bytes()
        try:
            pages = load_document(data).pages  # warm-up, and skip what cvscan refuses
            extract_text(io.BytesIO(data))
        except CvscanError as exc:
            print(f"  skipped {path.name}: {type(exc).__name__}")
            continue
        except Exception as exc:  # pdfminer itself fails on it
            print(f"  skipped {path.name}: extract_text raised {type(exc).__name__}")
            continue
        ours: list[float] = []
        theirs: list[float] = []
        for _ in range(repeat):
            ours.append(_timed(lambda: load_document(data)))
            theirs.append(_timed(lambda: extract_text(io.BytesIO(data))))
        rows.append((path.name, pages, statistics.median(ours) / pages, statistics.median(theirs) / pages))
    return rows


def bench_docx(paths: list[Path], repeat: int) -> list[tuple[str, float, float]]:
    try:
        import docx

        from cvscan.parse.docx import parse_docx  # noqa: F401  (the parser may not exist yet)
    except ImportError as exc:
        print(f"  DOCX skipped: {exc}")
        return []
    from cvscan.errors import CvscanError
    from cvscan.parse import load_document

    def python_docx(data: bytes) -> str:
        return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)

    rows: list[tuple[str, float, float]] = []
    for path in paths:
        data = path.read_bytes()
        try:
            load_document(data)
            python_docx(data)
        except (CvscanError, Exception) as exc:
            print(f"  skipped {path.name}: {type(exc).__name__}")
            continue
        ours: list[float] = []
        theirs: list[float] = []
        for _ in range(repeat):
            ours.append(_timed(lambda: load_document(data)))
            theirs.append(_timed(lambda: python_docx(data)))
        rows.append((path.name, statistics.median(ours), statistics.median(theirs)))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", nargs="?", default=str(ROOT / "sample_cvs"))
    parser.add_argument("--repeat", type=int, default=7, help="timed runs per file (default 7)")
    args = parser.parse_args(argv)
    directory = Path(args.directory)
    pdfs = sorted(directory.rglob("*.pdf")) if directory.is_dir() else []
    docxs = sorted(directory.rglob("*.docx")) if directory.is_dir() else []
    tmp: tempfile.TemporaryDirectory[str] | None = None
    if not pdfs:
        tmp = tempfile.TemporaryDirectory()
        print(f"No PDFs in {directory}; generating some with tests/pdf_builders.py")
        pdfs = _generated_pdfs(Path(tmp.name))

    print(f"PDF: {len(pdfs)} files, {args.repeat} runs each (ms per page, median)")
    pdf_rows = bench_pdfs(pdfs, args.repeat)
    if pdf_rows:
        print(f"  {'file':<36} {'pages':>5} {'cvscan':>9} {'extract_text':>13} {'ratio':>7}")
        for name, pages, ours, theirs in pdf_rows:
            print(f"  {name:<36} {pages:>5} {ours:>9.1f} {theirs:>13.1f} {ours / theirs:>7.2f}")
        ours_med = statistics.median(r[2] for r in pdf_rows)
        theirs_med = statistics.median(r[3] for r in pdf_rows)
        print(f"  {'median over files':<36} {'':>5} {ours_med:>9.1f} {theirs_med:>13.1f} "
              f"{ours_med / theirs_med:>7.2f}")
        print(f"PDF ratio (load_document / extract_text, median ms per page): {ours_med / theirs_med:.2f}")

    print(f"\nDOCX: {len(docxs)} files, {args.repeat} runs each (ms per file, median)")
    docx_rows = bench_docx(docxs, args.repeat) if docxs else []
    if not docxs:
        print("  DOCX skipped: no .docx files")
    if docx_rows:
        print(f"  {'file':<36} {'cvscan':>9} {'python-docx':>12} {'ratio':>7}")
        for name, ours, theirs in docx_rows:
            print(f"  {name:<36} {ours:>9.1f} {theirs:>12.1f} {ours / theirs:>7.2f}")
        ours_med = statistics.median(r[1] for r in docx_rows)
        theirs_med = statistics.median(r[2] for r in docx_rows)
        print(f"  {'median over files':<36} {ours_med:>9.1f} {theirs_med:>12.1f} {ours_med / theirs_med:>7.2f}")
        print(f"DOCX ratio (load_document / python-docx paragraphs, median ms per file): {ours_med / theirs_med:.2f}")
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
