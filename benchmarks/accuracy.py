"""Accuracy of cvscan on a labelled CV set (the contract is ../shared/eval/FORMAT.md).

    python benchmarks/accuracy.py DIR [--json]

For every ``<id>.json`` label file in DIR, the document with the same stem (.pdf, .docx,
.txt, .md) is analysed. Skills are compared as canonical ids (gold names resolved through
cvscan's lexicon), achievements by word overlap (>= 60% of the shorter text), roles by
top-1 / top-3, stuffing by the ``overstuffed`` verdict, hidden text against the
``pdf-hidden`` layout. A CV that raises is counted as an error and scored as empty.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from cvscan import Analyzer
from cvscan.report import Report

DOC_SUFFIXES = (".pdf", ".docx", ".txt", ".md")
_WORDS = re.compile(r"\w+")


def _tokens(text: str) -> Counter[str]:
    return Counter(_WORDS.findall(" ".join(text.lower().split())))


def achievements_match(predicted: str, gold: str, threshold: float = 0.6) -> bool:
    """FORMAT.md rule: word tokens overlap by at least 60% of the shorter text."""
    a, b = _tokens(predicted), _tokens(gold)
    shorter = min(sum(a.values()), sum(b.values()))
    return shorter > 0 and sum((a & b).values()) >= threshold * shorter


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def _match_achievements(predicted: list[str], gold: list[str]) -> tuple[list[str], list[str]]:
    """Greedy one-to-one matching; returns (unmatched predicted, unmatched gold)."""
    free = list(gold)
    false_pos = []
    for text in predicted:
        hit = next((g for g in free if achievements_match(text, g)), None)
        if hit is None:
            false_pos.append(text)
        else:
            free.remove(hit)
    return false_pos, free


def evaluate(directory: Path) -> dict[str, Any]:
    analyzer = Analyzer()
    lexicon = analyzer.lexicon
    totals = Counter()
    role_hits = Counter()
    offfield: list[float] = []
    per_cv: list[dict[str, Any]] = []
    errors = 0
    seconds = 0.0
    labels = sorted(directory.glob("*.json"))
    for label_path in labels:
        gold = json.loads(label_path.read_text(encoding="utf-8"))
        doc_path = next((label_path.with_suffix(s) for s in DOC_SUFFIXES if label_path.with_suffix(s).exists()), None)
        report: Report | None = None
        error = None
        start = time.perf_counter()
        try:
            if doc_path is None:
                raise FileNotFoundError(f"no document for {label_path.name}")
            report = analyzer.analyze(doc_path)
        except Exception as exc:  # noqa: BLE001 - every CV is counted, errors included
            errors += 1
            error = f"{type(exc).__name__}: {exc}"
        seconds += time.perf_counter() - start

        gold_skills = {lexicon.resolve(name) or name.lower() for name in gold.get("skills", [])}
        pred_skills = {s.id for s in report.claimed_skills} if report else set()
        skills_fp, skills_fn = sorted(pred_skills - gold_skills), sorted(gold_skills - pred_skills)
        totals["skills_tp"] += len(pred_skills & gold_skills)
        totals["skills_fp"] += len(skills_fp)
        totals["skills_fn"] += len(skills_fn)

        pred_ach = [a.text for a in report.achievements] if report else []
        gold_ach = list(gold.get("achievements", []))
        ach_fp, ach_fn = _match_achievements(pred_ach, gold_ach)
        totals["ach_tp"] += len(pred_ach) - len(ach_fp)
        totals["ach_fp"] += len(ach_fp)
        totals["ach_fn"] += len(ach_fn)

        ranked = [r.role for r in report.roles] if report else []
        best_score = report.roles[0].score if report and report.roles else 0.0
        if gold.get("role") is None:
            offfield.append(best_score)
        else:
            role_hits["n"] += 1
            role_hits["top1"] += int(ranked[:1] == [gold["role"]])
            role_hits["top3"] += int(gold["role"] in ranked[:3])

        stuffed = bool(report and report.overstuffed)
        key = {(True, True): "st_tp", (True, False): "st_fp", (False, True): "st_fn"}.get(
            (stuffed, bool(gold.get("stuffed"))))
        if key:
            totals[key] += 1
        hidden = bool(report and report.has_hidden_text)
        if gold.get("layout") == "pdf-hidden":
            totals["hidden_expected"] += 1
            totals["hidden_detected"] += int(hidden)
        elif hidden:
            totals["hidden_false_alarms"] += 1

        row: dict[str, Any] = {
            "id": label_path.stem,
            "skills_fp": skills_fp,
            "skills_fn": skills_fn,
            "achievements_fp": ach_fp,
            "achievements_fn": ach_fn,
            "best_role": ranked[0] if ranked else None,
            "gold_role": gold.get("role"),
            "best_score": best_score,
            "top3": ranked[:3],
            "stuffed": stuffed,
            "gold_stuffed": bool(gold.get("stuffed")),
            "hidden_text": hidden,
        }
        if error:
            row["error"] = error
        per_cv.append(row)

    n_roles = role_hits["n"]
    return {
        "cvs": len(labels),
        "errors": errors,
        "skills": _prf(totals["skills_tp"], totals["skills_fp"], totals["skills_fn"]),
        "achievements": _prf(totals["ach_tp"], totals["ach_fp"], totals["ach_fn"]),
        "roles": {
            "top1": round(role_hits["top1"] / n_roles, 4) if n_roles else 0.0,
            "top3": round(role_hits["top3"] / n_roles, 4) if n_roles else 0.0,
            "n": n_roles,
            "offfield_best_score": round(sum(offfield) / len(offfield), 2) if offfield else 0.0,
        },
        "stuffing": _prf(totals["st_tp"], totals["st_fp"], totals["st_fn"]),
        "hidden_text": {
            "detected": totals["hidden_detected"],
            "expected": totals["hidden_expected"],
            "false_alarms": totals["hidden_false_alarms"],
        },
        "seconds_per_cv": round(seconds / len(labels), 4) if labels else 0.0,
        "per_cv": per_cv,
    }


def _print_table(result: dict[str, Any]) -> None:
    s, a, r, st, h = (result[k] for k in ("skills", "achievements", "roles", "stuffing", "hidden_text"))
    print(f"CVs: {result['cvs']}  errors: {result['errors']}  seconds/CV: {result['seconds_per_cv']}")
    print(f"skills        P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  (tp {s['tp']} fp {s['fp']} fn {s['fn']})")
    print(f"achievements  P {a['precision']:.3f}  R {a['recall']:.3f}  F1 {a['f1']:.3f}  (tp {a['tp']} fp {a['fp']} fn {a['fn']})")
    print(f"roles         top-1 {r['top1']:.2f}  top-3 {r['top3']:.2f}  (n {r['n']})  off-field best score {r['offfield_best_score']:.1f}")
    print(f"stuffing      P {st['precision']:.2f}  R {st['recall']:.2f}  (tp {st['tp']} fp {st['fp']} fn {st['fn']})")
    print(f"hidden text   {h['detected']}/{h['expected']} detected, {h['false_alarms']} false alarm(s)")
    print()
    print(f"{'id':<6} {'gold role':<26} {'best role':<26} {'score':>5}  stuffed  misses")
    for row in result["per_cv"]:
        mark = "" if row["gold_role"] in (None, row["best_role"]) else " ✗"
        print(f"{row['id']:<6} {str(row['gold_role']):<26} {str(row['best_role']) + mark:<26} "
              f"{row['best_score']:>5.1f}  {str(row['stuffed']):<7}  "
              f"skills -{len(row['skills_fn'])} +{len(row['skills_fp'])}, "
              f"achievements -{len(row['achievements_fn'])} +{len(row['achievements_fp'])}")
        if row.get("error"):
            print(f"       error: {row['error']}")
        if row["skills_fn"]:
            print(f"       missed skills: {', '.join(row['skills_fn'])}")
        if row["skills_fp"]:
            print(f"       extra skills:  {', '.join(row['skills_fp'])}")
        for text in row["achievements_fn"]:
            print(f"       missed achievement: {text[:100]}")
        for text in row["achievements_fp"]:
            print(f"       extra achievement:  {text[:100]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", type=Path, help="folder of <id>.json labels and their documents")
    parser.add_argument("--json", action="store_true", help="print one JSON object (FORMAT.md)")
    args = parser.parse_args(argv)
    if not args.directory.is_dir():
        parser.error(f"{args.directory} is not a directory")
    result = evaluate(args.directory)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        _print_table(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
