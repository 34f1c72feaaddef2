"""The batch API: every file one result, a worker per CPU with one Analyzer each, and a
batch that survives files that fail, hang or crash their worker."""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from cvscan.analyzer import Analyzer
from cvscan.batch import (
    BatchResult,
    BatchSummary,
    ErrorInfo,
    WorkerCrashedError,
    _TEST_FAULTS_ENV,
    analyze_many,
    spreadsheet_safe,
)
from cvscan.errors import CvscanError, DocumentError
from cvscan.report import csv_columns

from pdf_builders import encrypted_pdf, one_column_pdf

SAMPLES = Path(__file__).resolve().parents[1] / "sample_cvs"
GOOD = ["ml_engineer.pdf", "mlops_engineer.pdf", "data_scientist.docx", "nlp_engineer.txt"]
BAD = {
    "encrypted.pdf": "EncryptedDocumentError",
    "empty.pdf": "EmptyDocumentError",
    "not_a_zip.docx": "UnsupportedFormatError",
    "truncated.docx": "CorruptDocumentError",
}


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Good CVs (samples and a reportlab PDF) and bad files, in a fixed order."""
    folder = tmp_path_factory.mktemp("corpus")
    files = []
    for name in GOOD:
        files.append(Path(shutil.copy(SAMPLES / name, folder / name)))
    files.append(one_column_pdf(folder / "built_one_column.pdf"))
    encrypted_pdf(folder / "encrypted.pdf", user="secret")
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "not_a_zip.docx").write_bytes(bytes(range(256)) * 8)
    (folder / "truncated.docx").write_bytes((SAMPLES / "data_scientist.docx").read_bytes()[:600])
    files += [folder / name for name in BAD]
    return files


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _check(results: list[BatchResult], files: list[Path]) -> None:
    assert sorted(r.path for r in results) == sorted(str(f) for f in files)
    for result in results:
        name = Path(result.path).name
        assert result.sha256 == _sha(Path(result.path))
        assert result.seconds >= 0
        if name in BAD:
            assert not result.ok and result.report is None
            assert result.error is not None and result.error.type == BAD[name], result.error
            assert result.error.message
        else:
            assert result.ok, result.error
            assert result.report is not None and result.report.source.path == result.path
            assert result.report.roles


def test_mixed_batch_gives_one_result_per_file_in_order(analyzer: Analyzer, corpus: list[Path]) -> None:
    results = list(analyzer.analyze_many(corpus, workers=2, ordered=True))
    assert [r.path for r in results] == [str(f) for f in corpus]
    _check(results, corpus)
    # two worker processes, each analysing several files with the Analyzer it built once
    pids = Counter(r.worker.pid for r in results if r.worker)
    assert len(pids) == 2 and os.getpid() not in pids
    assert max(r.worker.tasks for r in results if r.worker) >= 2


def test_result_dict_and_csv_row(analyzer: Analyzer, corpus: list[Path]) -> None:
    results = {Path(r.path).name: r for r in analyze_many(analyzer, corpus[:1] + corpus[-4:-3], workers=2)}
    good, bad = results[GOOD[0]], results["encrypted.pdf"]
    assert set(good.to_dict()) == {"path", "sha256", "ok", "report"} and good.to_dict()["ok"] is True
    assert good.to_dict()["report"]["source"]["path"] == good.path
    assert bad.to_dict() == {"path": bad.path, "sha256": bad.sha256, "ok": False,
                             "error": {"type": "EncryptedDocumentError", "message": bad.error.message}}
    slugs = [p.slug for p in analyzer.profiles]
    for result in (good, bad):
        row = result.csv_row(slugs)
        assert list(row) == csv_columns(slugs)
    assert good.csv_row(slugs)["ok"] is True and good.csv_row(slugs)["best_role"]
    row = bad.csv_row(slugs)
    assert (row["ok"], row["error_type"], row["best_role"], row["path"]) == (False, "EncryptedDocumentError", "",
                                                                           bad.path)


def test_bytes_sources_and_unordered(analyzer: Analyzer, corpus: list[Path]) -> None:
    sources = [(f"upload-{i}{f.suffix}", f.read_bytes()) for i, f in enumerate(corpus)]
    results = list(analyzer.analyze_many(sources, workers=2))
    assert sorted(r.path for r in results) == sorted(name for name, _ in sources)
    assert sum(r.ok for r in results) == len(GOOD) + 1
    ok = next(r for r in results if r.ok)
    assert ok.report is not None and ok.report.source.path == ok.path


def test_thread_executor_reuses_the_callers_analyzer(analyzer: Analyzer, corpus: list[Path]) -> None:
    from cvscan import batch

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(analyzer.analyze_many(corpus, executor=pool))
    _check(results, corpus)
    assert {r.worker.pid for r in results if r.worker} == {os.getpid()}
    assert not batch._ANALYZERS  # no copy was rebuilt in this process


def test_faults_crash_segfault_oom_and_hang_do_not_stop_the_batch(
        analyzer: Analyzer, corpus: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(_TEST_FAULTS_ENV, "1")
    cv = corpus[0].read_bytes()
    faulty = [("__cvscan_crash__a.pdf", cv), ("__cvscan_hang__b.pdf", cv), ("__cvscan_segv__c.pdf", cv),
              ("__cvscan_oom__d.pdf", cv)]
    sources: list[object] = [corpus[0], faulty[0], corpus[1], faulty[1], corpus[2], faulty[2], faulty[3],
                             corpus[3]]
    start = time.monotonic()
    results = list(analyze_many(analyzer, sources, workers=2, ordered=True, timeout=3))  # type: ignore[arg-type]
    assert time.monotonic() - start < 30
    assert len(results) == len(sources)
    by_name = {Path(r.path).name: r for r in results}
    for path in corpus[:4]:
        assert by_name[path.name].ok, by_name[path.name].error
    crash, hang, segv, oom = (by_name[name].error for name, _ in faulty)
    assert crash is not None and crash.type == "WorkerCrashedError" and "exit code 13" in crash.message
    assert segv is not None and segv.type == "WorkerCrashedError" and "SIGSEGV" in segv.message
    assert oom is not None and oom.type == "WorkerCrashedError" and "memory" in oom.message
    assert hang is not None and hang.type == "AnalysisTimeoutError"
    assert by_name["__cvscan_hang__b.pdf"].seconds >= 3
    assert by_name["__cvscan_crash__a.pdf"].sha256 == hashlib.sha256(cv).hexdigest()
    assert issubclass(WorkerCrashedError, DocumentError) and issubclass(WorkerCrashedError, CvscanError)


def test_faults_are_ignored_without_the_test_flag(analyzer: Analyzer, corpus: list[Path],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(_TEST_FAULTS_ENV, raising=False)
    results = list(analyze_many(analyzer, [("__cvscan_crash__a.pdf", corpus[0].read_bytes())], workers=1))
    assert results[0].ok


def test_workers_are_recycled(analyzer: Analyzer, corpus: list[Path]) -> None:
    results = list(analyze_many(analyzer, corpus[:5], workers=1, max_tasks_per_worker=2))
    assert all(r.ok for r in results)
    pids = Counter(r.worker.pid for r in results if r.worker)
    assert sorted(pids.values()) == [1, 2, 2]


def test_closing_the_stream_stops_the_workers(analyzer: Analyzer, corpus: list[Path]) -> None:
    stream = analyzer.analyze_many(corpus * 3, workers=2)
    first = next(stream)
    stream.close()
    assert first.worker is not None
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.kill(first.worker.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        pytest.fail("worker still running after the stream was closed")


def test_arguments(analyzer: Analyzer) -> None:
    with pytest.raises(ValueError, match="workers"):
        analyzer.analyze_many([], workers=0)  # raised at the call, not at the first result
    assert list(analyzer.analyze_many([])) == []
    result = next(analyzer.analyze_many([123], workers=1))  # type: ignore[list-item]
    assert not result.ok and result.error is not None and result.error.type == "TypeError"


def test_summary_and_spreadsheet_safety() -> None:
    summary = BatchSummary(top_n=2)
    summary.add(BatchResult("x.pdf", None, None, ErrorInfo("EncryptedDocumentError", "locked"), 0.1))
    assert (summary.scored, summary.failed, summary.errors["EncryptedDocumentError"]) == (0, 1, 1)
    assert [spreadsheet_safe(v) for v in ("=1+1", "+44", "-x", "@SUM", "\tx", "\rx", "a=b", 5, True)] == [
        "'=1+1", "'+44", "'-x", "'@SUM", "'\tx", "'\rx", "a=b", 5, True]


def test_summary_counts_best_fits_and_top_candidates(analyzer: Analyzer, corpus: list[Path]) -> None:
    summary = BatchSummary(top_n=2)
    for result in analyzer.analyze_many(corpus, workers=2):
        summary.add(result)
    assert (summary.scored, summary.failed) == (len(GOOD) + 1, len(BAD))
    assert sum(summary.best_fit.values()) == summary.scored
    for slug, top in summary.top.items():
        assert len(top) == 2 and top[0][0] >= top[1][0]


@pytest.mark.slow
def test_dask_cluster_executor(analyzer: Analyzer, corpus: list[Path]) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        start = time.monotonic()
        results = list(analyzer.analyze_many(corpus, executor=client.get_executor(), ordered=True))
        elapsed = time.monotonic() - start
    assert [r.path for r in results] == [str(f) for f in corpus]
    _check(results, corpus)
    pids = {r.worker.pid for r in results if r.worker}
    assert os.getpid() not in pids and 1 <= len(pids) <= 2
    assert elapsed < 60
