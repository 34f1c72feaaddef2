"""Peak memory and time of ``cvscan.load_document`` on every file of the bad-input corpus.

Each file is parsed in a fresh Python subprocess, so one file's peak is not hidden by
another's. The child reports its peak resident set size (``VmHWM`` from /proc, else
``ru_maxrss``) measured just before and after the parse, the parse time and the outcome;
the parent enforces a wall-clock limit and, with ``--cap-mb``, an address-space limit so a
runaway parser fails instead of taking the machine down.

Usage::

    python benchmarks/bad_input_memory.py                   # tests/bad_inputs/*
    python benchmarks/bad_input_memory.py FILE... --json out.json
    python benchmarks/bad_input_memory.py --limit-mb 500    # exit 1 if any file goes over
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "bad_inputs"

_CHILD = r"""
import json, os, resource, sys, time

def peak_kb():
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss // 1024 if sys.platform == "darwin" else rss

cap = int(sys.argv[2])
if cap:
    resource.setrlimit(resource.RLIMIT_AS, (cap * 1024 * 1024, cap * 1024 * 1024))
import cvscan
from cvscan.parse import pdf, docx, text  # import parsers up front: measure parsing only
base = peak_kb()
start = time.perf_counter()
try:
    doc = cvscan.load_document(sys.argv[1])
    outcome, message = "ok", f"{len(doc.text)} chars, {doc.pages} page(s), {len(doc.warnings)} warning(s)"
except BaseException as exc:  # report anything, cvscan's or not
    outcome, message = type(exc).__name__, str(exc)
    if not isinstance(exc, cvscan.CvscanError):
        outcome = "LEAKED " + outcome
elapsed = time.perf_counter() - start
print(json.dumps({"outcome": outcome, "message": message[:200], "seconds": elapsed,
                  "base_kb": base, "peak_kb": peak_kb()}))
"""


def measure(path: Path, timeout: float, cap_mb: int) -> dict[str, object]:
    """Parse ``path`` in a fresh interpreter; return outcome, seconds and peak RSS (MB)."""
    started = time.perf_counter()
    try:
        proc = subprocess.run([sys.executable, "-c", _CHILD, str(path), str(cap_mb)],
                              capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return {"file": path.name, "outcome": "HANG", "message": f"killed after {timeout:.0f} s",
                "seconds": timeout, "peak_mb": None, "delta_mb": None}
    wall = time.perf_counter() - started
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        tail = (proc.stderr.strip().splitlines() or [""])[-1]
        return {"file": path.name, "outcome": f"DIED rc={proc.returncode}", "message": tail[:200],
                "seconds": wall, "peak_mb": None, "delta_mb": None}
    info = json.loads(lines[-1])
    return {"file": path.name, "outcome": info["outcome"], "message": info["message"],
            "seconds": round(info["seconds"], 3), "peak_mb": round(info["peak_kb"] / 1024, 1),
            "delta_mb": round((info["peak_kb"] - info["base_kb"]) / 1024, 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Peak RSS and time of load_document per corpus file")
    parser.add_argument("files", nargs="*", type=Path, help="files to measure (default: the bad-input corpus)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per file before it counts as a hang")
    parser.add_argument("--cap-mb", type=int, default=4096,
                        help="address-space limit per child in MB (0 = none); over it shows as MemoryError")
    parser.add_argument("--limit-mb", type=float, default=500.0, help="peak RSS that counts as a failure")
    parser.add_argument("--json", type=Path, help="also write the rows as JSON here")
    args = parser.parse_args(argv)
    files = args.files or sorted(p for p in CORPUS.iterdir()
                                 if p.is_file() and p.name != "expected.yaml" and not p.name.startswith("."))
    rows = []
    width = max(len(p.name) for p in files)
    print(f"{'file':<{width}}  {'peak MB':>8}  {'+MB':>7}  {'seconds':>8}  outcome")
    for path in files:
        row = measure(path, args.timeout, args.cap_mb)
        rows.append(row)
        peak = "-" if row["peak_mb"] is None else f"{row['peak_mb']:.1f}"
        delta = "-" if row["delta_mb"] is None else f"{row['delta_mb']:.1f}"
        print(f"{path.name:<{width}}  {peak:>8}  {delta:>7}  {row['seconds']:>8.2f}  {row['outcome']}", flush=True)
    measured = [r for r in rows if r["peak_mb"] is not None]
    worst = max(measured, key=lambda r: r["peak_mb"], default=None)  # type: ignore[arg-type,return-value]
    slowest = max(rows, key=lambda r: r["seconds"])  # type: ignore[arg-type,return-value]
    if worst:
        print(f"\nmax peak RSS: {worst['peak_mb']} MB ({worst['file']}); "
              f"slowest: {slowest['seconds']} s ({slowest['file']})")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2, ensure_ascii=False), encoding="utf-8")
    bad = [r for r in rows if r["peak_mb"] is None or r["peak_mb"] > args.limit_mb
           or str(r["outcome"]).startswith(("LEAKED", "HANG", "DIED", "MemoryError"))]
    for r in bad:
        print(f"FAIL {r['file']}: {r['outcome']} {r['message']}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
