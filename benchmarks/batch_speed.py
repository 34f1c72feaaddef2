"""Batch throughput, scaling and worker memory of ``Analyzer.analyze_many``.

    python benchmarks/batch_speed.py [--n 1000] [--workers N] [--keep DIR]

Builds a corpus of N varied CVs (PDF and DOCX, one- and two-column) from the readable
PDF/DOCX files in ``sample_cvs/`` (DOCX copies get a different candidate name in
``word/document.xml``; PDFs are copied), then in one run measures, with the default pool:
CVs per second with 1 worker and with all cores, the scaling ratio, time to first
result, peak RSS per worker (VmHWM reported by each worker), and memory flatness (worker
RSS after the first 100 files against after the last 100). Targets on a 2-core machine:
scaling >= 1.8x, peak RSS per worker <= 300 MB, no growth from the first to the last 100.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from cvscan.analyzer import Analyzer
from cvscan.batch import BatchResult, analyze_many, default_workers

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_cvs"
SKIP = {"image_only.pdf", "encrypted_user_password.pdf"}
FIRST = ["Alex", "Priya", "Tomasz", "Mei", "Kofi", "Sofia", "Liam", "Aroha", "Yusuf", "Ingrid"]
LAST = ["Nakamura", "Okafor", "Silva", "Kowalski", "Haddad", "Lindgren", "O'Brien", "Dubois"]


def _candidates() -> dict[str, str]:
    """Sample file name to candidate name, from the manifest (no YAML parser needed)."""
    text = (SAMPLES / "manifest.yaml").read_text(encoding="utf-8")
    return dict(re.findall(r"- file: (\S+)\n(?:  .*\n)*?  candidate: (.+)", text))


def _rename_docx(src: Path, dst: Path, old: str, new: str) -> None:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("word/") and item.filename.endswith(".xml"):
                for part in old.split():
                    data = data.replace(part.encode(), new.split()[0 if part == old.split()[0] else -1].encode())
            zout.writestr(item, data)


def build_corpus(n: int, out: Path) -> list[Path]:
    """``n`` CV files in ``out``: PDF copies and renamed DOCX variants, round-robin."""
    names = _candidates()
    bases = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".pdf", ".docx") and p.name not in SKIP)
    if not bases:
        sys.exit(f"no sample PDF/DOCX files in {SAMPLES}")
    files = []
    for i in range(n):
        base = bases[i % len(bases)]
        target = out / f"{i:05d}_{base.name}"
        if base.suffix == ".docx" and base.name in names:
            new = f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]}"
            _rename_docx(base, target, names[base.name], new)
        else:
            shutil.copyfile(base, target)
        files.append(target)
    return files


@dataclass
class Run:
    workers: int
    results: list[BatchResult]
    seconds: float
    first: float
    times: list[float]

    @property
    def rate(self) -> float:
        return len(self.results) / self.seconds

    @property
    def steady_rate(self) -> float:
        """Files per second after the first result (pool start-up excluded)."""
        span = self.times[-1] - self.times[0]
        return (len(self.times) - 1) / span if span > 0 else float("nan")

    def peak_rss(self) -> dict[int, int]:
        peaks: dict[int, int] = {}
        for r in self.results:
            if r.worker and r.worker.peak_rss_bytes:
                peaks[r.worker.pid] = max(peaks.get(r.worker.pid, 0), r.worker.peak_rss_bytes)
        return peaks

    def cpu_share(self) -> float:
        """Worker CPU seconds per wall second while files were analysed (1.0 = one busy core)."""
        last: dict[int, float] = {}
        for r in self.results:
            if r.worker and r.worker.cpu_seconds is not None:
                last[r.worker.pid] = r.worker.cpu_seconds
        return sum(last.values()) / self.seconds

    def rss_window(self, part: slice) -> float:
        """Median over workers of each worker's last RSS within ``part`` of the results."""
        last: dict[int, int] = {}
        for r in self.results[part]:
            if r.worker and r.worker.rss_bytes:
                last[r.worker.pid] = r.worker.rss_bytes
        return statistics.median(last.values()) if last else float("nan")


def run(analyzer: Analyzer, files: list[Path], workers: int, recycle: int | None) -> Run:
    start = time.perf_counter()
    times: list[float] = []
    results: list[BatchResult] = []
    for result in analyze_many(analyzer, files, workers=workers, max_tasks_per_worker=recycle):
        times.append(time.perf_counter() - start)
        results.append(result)
    seconds = time.perf_counter() - start
    return Run(workers, results, seconds, times[0] if times else float("nan"), times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="CVs in the corpus (default 1000)")
    parser.add_argument("--workers", type=int, default=default_workers(), help="the 'all cores' run")
    parser.add_argument("--recycle", type=int, default=None,
                        help="recycle workers after this many files (default: never, to show true growth)")
    parser.add_argument("--keep", type=Path, help="build the corpus here and keep it")
    parser.add_argument("--extra-lexicon", action="append", default=[], help="extra skills file or folder")
    parser.add_argument("--extra-roles", action="append", default=[], help="extra role file or folder")
    args = parser.parse_args()

    t0 = time.perf_counter()
    analyzer = Analyzer(extra_lexicons=args.extra_lexicon, extra_roles=args.extra_roles)
    build_s = time.perf_counter() - t0
    tmp = None
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        folder = args.keep
    else:
        tmp = tempfile.TemporaryDirectory(prefix="cvscan-bench-")
        folder = Path(tmp.name)
    try:
        files = build_corpus(args.n, folder)
        kinds = {s: sum(1 for f in files if f.suffix == s) for s in (".pdf", ".docx")}
        print(f"corpus: {len(files)} CVs ({kinds['.pdf']} PDF, {kinds['.docx']} DOCX) in {folder}; "
              f"{os.cpu_count()} CPUs; Analyzer built in {build_s:.2f} s in this process")
        t0 = time.perf_counter()
        for f in files[:20]:
            analyzer.analyze(f)
        inline = 20 / (time.perf_counter() - t0)
        run(analyzer, files[:2], 1, args.recycle)  # warm-up: start the forkserver once, outside the timings
        runs = []
        for workers in (1, args.workers):
            runs.append(run(analyzer, files, workers, args.recycle))
            print(f"  {workers}-worker run done; load average {os.getloadavg()[0]:.2f}")
    finally:
        if tmp is not None:
            tmp.cleanup()

    print(f"\nin-process baseline (no pool, first 20 files): {inline:.1f} CVs/s; "
          f"load average now {os.getloadavg()[0]:.2f}\n")
    header = (f"{'workers':>7} {'files':>6} {'failed':>6} {'seconds':>8} {'CVs/s':>7} {'steady':>7} "
              f"{'1st result':>10} {'peak RSS/worker':>16} {'RSS first100':>12} {'RSS last100':>11} {'CPU use':>7}")
    print(header)
    print("-" * len(header))
    for r in runs:
        peaks = r.peak_rss()
        peak = max(peaks.values()) / 2**20 if peaks else float("nan")
        failed = sum(not x.ok for x in r.results)
        print(f"{r.workers:>7} {len(r.results):>6} {failed:>6} {r.seconds:>8.1f} {r.rate:>7.1f} "
              f"{r.steady_rate:>7.1f} {r.first:>9.2f}s {peak:>13.0f} MB "
              f"{r.rss_window(slice(0, 100)) / 2**20:>9.0f} MB {r.rss_window(slice(-100, None)) / 2**20:>8.0f} MB "
              f"{r.cpu_share():>6.2f}x")
    one, many = runs
    growth = many.rss_window(slice(-100, None)) / many.rss_window(slice(0, 100))
    print(f"\nscaling ({many.workers} workers vs 1): {many.rate / one.rate:.2f}x end to end, "
          f"{many.steady_rate / one.steady_rate:.2f}x steady state")
    eff1, effn = one.rate / one.cpu_share(), many.rate / many.cpu_share()
    print(f"files per worker CPU-second: {eff1:.1f} (1 worker), {effn:.1f} ({many.workers} workers); "
          f"scaling with {many.workers} free cores would be ~{many.workers * effn / eff1:.2f}x")
    print(f"worker RSS last 100 / first 100 files: {growth:.3f}")
    print(f"workers used: {len(many.peak_rss())} processes in the {many.workers}-worker run")
    print("CPU use = worker CPU seconds / wall seconds; well under the worker count means the "
          "machine had fewer free cores than workers (other load), which caps the scaling.")
    errors = sorted({f"{x.error.type}: {x.error.message}" for r in runs for x in r.results if x.error})
    for e in errors[:5]:
        print("error:", e)


if __name__ == "__main__":
    main()
