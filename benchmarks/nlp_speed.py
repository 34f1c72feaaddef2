"""Lexicon load time and the NLP stage's overhead on top of parsing.

    python benchmarks/nlp_speed.py [--repeat N] [FILES...]

1. Build time, in a fresh interpreter each run: loading the skills lexicon and compiling
   the matcher (target < 0.5 s), and the whole Analyzer (lexicon, spaCy pipeline, roles,
   TF-IDF fit) for reference.
Times are CPU seconds of this process (the machines are shared and noisy).
2. Overhead: for each two-page PDF CV (default: the two-page sample CVs), the median time of
   ``load_document`` against the median time of the NLP stage (skills + achievements) on the
   parsed document, in the same run. Target: NLP adds at most 20% to the parse time.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_COLD = """
import json, time
t0 = time.process_time()
from cvscan.lexicon import load_lexicon
from cvscan.nlp.skills import compile_matcher
from cvscan.nlp.wordlists import load_first_names
t1 = time.process_time()
compiled = compile_matcher(load_lexicon(), load_first_names())
t2 = time.process_time()
from cvscan import Analyzer
Analyzer()
t3 = time.process_time()
print(json.dumps({"import": t1 - t0, "lexicon_and_matcher": t2 - t1, "analyzer": t3 - t0,
                  "skills": len(compiled.lexicon)}))
"""


def cold_build(repeat: int) -> dict[str, float]:
    runs = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", _COLD], check=True, capture_output=True, text=True)
        runs.append(json.loads(out.stdout))
    return {key: statistics.median(r[key] for r in runs) for key in runs[0]}


def overhead(files: list[Path], repeat: int) -> list[tuple[str, int, float, float]]:
    from cvscan import Analyzer, load_document
    from cvscan.nlp.pipeline import run_pipeline

    nlp = Analyzer().nlp
    rows = []
    for path in files:
        parse_times, nlp_times = [], []
        for _ in range(repeat):  # interleaved, in CPU time: the machine is shared and noisy
            t0 = time.process_time()
            document = load_document(path)
            t1 = time.process_time()
            run_pipeline(nlp, document)
            t2 = time.process_time()
            parse_times.append(t1 - t0)
            nlp_times.append(t2 - t1)
        rows.append((path.name, document.pages, statistics.median(parse_times), statistics.median(nlp_times)))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    files = args.files or [p for p in sorted((ROOT / "sample_cvs").glob("*.pdf"))
                           if p.name not in ("encrypted_user_password.pdf", "image_only.pdf")]
    build = cold_build(max(3, args.repeat // 2))
    print(f"lexicon: {int(build['skills'])} skills")
    print(f"load lexicon + compile matcher: {build['lexicon_and_matcher'] * 1000:.0f} ms (target < 500 ms)")
    print(f"import cvscan modules:          {build['import'] * 1000:.0f} ms")
    print(f"whole Analyzer, cold:           {build['analyzer'] * 1000:.0f} ms")
    rows = overhead(files, args.repeat)
    print(f"\n{'file':<32} {'pages':>5} {'parse ms':>9} {'nlp ms':>8} {'nlp/parse':>10}")
    for name, pages, parse_s, nlp_s in rows:
        print(f"{name:<32} {pages:>5} {parse_s * 1000:>9.1f} {nlp_s * 1000:>8.1f} {nlp_s / parse_s:>10.2f}")
    two_page = [r for r in rows if r[1] == 2] or rows
    ratio = statistics.median(r[3] / r[2] for r in two_page)
    print(f"\nmedian NLP overhead on {'two-page' if two_page is not rows else 'all'} PDFs: "
          f"{ratio:.0%} of parse time (target <= 20%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
