"""benchmarks/accuracy.py follows the labelled-set contract (a smoke run on the dev set, not a score gate)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev"
KEYS = {"cvs", "errors", "skills", "achievements", "roles", "stuffing", "hidden_text", "seconds_per_cv", "per_cv"}

sys.path.insert(0, str(ROOT / "benchmarks"))
from accuracy import achievements_match  # noqa: E402


def test_overlap_rule_uses_the_shorter_text() -> None:
    gold = "Cut p95 latency from 180 ms to 70 ms."
    assert achievements_match("Rebuilt the service and cut p95 latency from 180 ms to 70 ms with ONNX.", gold)
    assert not achievements_match("Built dashboards for 35 managers.", gold)


def _label(path: Path, **fields: object) -> None:
    base = {"role": "nlp-engineer", "skills": [], "achievements": [], "stuffed": False, "layout": "txt"}
    path.write_text(json.dumps({**base, **fields}), encoding="utf-8")


def test_every_cv_is_counted_and_errors_do_not_stop_the_run(tmp_path: Path) -> None:
    sample = ROOT / "sample_cvs" / "nlp_engineer.txt"
    (tmp_path / "a.txt").write_bytes(sample.read_bytes())
    _label(tmp_path / "a.json", skills=["Python", "spaCy", "Quux Framework"])
    (tmp_path / "b.pdf").write_bytes(b"%PDF-1.7 truncated")
    _label(tmp_path / "b.json", role=None)
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "accuracy.py"), str(tmp_path), "--json"],
                         check=True, capture_output=True, text=True)
    result = json.loads(out.stdout)
    assert KEYS <= set(result)
    assert result["cvs"] == 2 and result["errors"] == 1
    assert result["skills"]["tp"] == 2 and result["skills"]["fn"] == 1  # the unknown name counts as a miss
    assert [row["id"] for row in result["per_cv"]] == ["a", "b"]


@pytest.mark.skipif(not DEV.is_dir(), reason="the labelled dev set is not beside this checkout")
def test_dev_set_smoke_run() -> None:
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "accuracy.py"), str(DEV), "--json"],
                         check=True, capture_output=True, text=True, timeout=300)
    result = json.loads(out.stdout)
    assert KEYS <= set(result)
    assert result["cvs"] == len(list(DEV.glob("*.json")))
    print({k: result[k] for k in ("skills", "achievements", "roles", "stuffing", "hidden_text")})
