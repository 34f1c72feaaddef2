"""The ``cvscan`` command line, run with click's CliRunner on real files."""

from __future__ import annotations

import csv
import io
import json
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cvscan import __version__
from cvscan.batch import _TEST_FAULTS_ENV
from cvscan.cli import _cached_analyzer, cli
from cvscan.report import csv_columns

from pdf_builders import encrypted_pdf, one_column_pdf

SAMPLES = Path(__file__).resolve().parents[1] / "sample_cvs"
GOOD = ["ml_engineer.pdf", "mlops_engineer.pdf", "data_scientist.docx", "nlp_engineer.txt", "research_scientist.md"]
WEIRD = '=HYPERLINK("evil.example","click me") Zoë, cv.pdf'
FORMULA = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture(autouse=True)
def _restore_logging() -> object:
    logger = logging.getLogger("cvscan")
    level, handlers = logger.level, list(logger.handlers)
    yield
    logger.setLevel(level)
    logger.handlers[:] = handlers


def run(*args: str, **kwargs: object) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False, **kwargs)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def slugs() -> list[str]:
    analyzer = _cached_analyzer((), None, None)
    return [p.slug for p in analyzer.profiles]


@pytest.fixture
def good_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "good"
    folder.mkdir()
    for name in GOOD:
        shutil.copy(SAMPLES / name, folder / name)
    return folder


@pytest.fixture
def mixed_dir(tmp_path: Path) -> Path:
    """Good CVs, bad CVs, a formula-like file name, and files that are not CVs."""
    folder = tmp_path / "mixed"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(SAMPLES / "ml_engineer.pdf", folder / "ml_engineer.pdf")
    shutil.copy(SAMPLES / "data_scientist.docx", folder / "sub" / "data_scientist.docx")
    shutil.copy(SAMPLES / "nlp_engineer.txt", folder / "sub" / "nlp_engineer.txt")
    one_column_pdf(folder / WEIRD)
    shutil.copy(SAMPLES / "mlops_engineer.pdf", folder / "cv-without-suffix")  # a PDF by its magic bytes
    encrypted_pdf(folder / "encrypted.pdf", user="secret")
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "not_a_zip.docx").write_bytes(bytes(range(256)) * 8)
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    (folder / "notes.json").write_text('{"a": 1}')
    (folder / "sub" / "loop").symlink_to(folder, target_is_directory=True)
    return folder


EXPECTED_ERRORS = {"encrypted.pdf": "EncryptedDocumentError", "empty.pdf": "EmptyDocumentError",
                   "not_a_zip.docx": "UnsupportedFormatError"}


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[0], [dict(zip(rows[0], row)) for row in rows[1:]]


def unescape(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:2] in FORMULA else cell


# -- help, version, verbosity ---------------------------------------------------------------


@pytest.mark.parametrize("command", [[], ["score"], ["batch"], ["roles"], ["skills"]])
def test_help(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0 and "Usage:" in result.output


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0 and __version__ in result.output


def test_python_dash_m() -> None:
    done = subprocess.run([sys.executable, "-m", "cvscan", "--version"], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and __version__ in done.stdout


def test_verbose_sets_log_level() -> None:
    run("-v", "roles")
    assert logging.getLogger("cvscan").level == logging.INFO
    run("roles", "-vv")
    assert logging.getLogger("cvscan").level == logging.DEBUG
    run("roles")
    assert logging.getLogger("cvscan").level == logging.WARNING


# -- score, skills, roles --------------------------------------------------------------------


def test_score_text() -> None:
    path = SAMPLES / "ml_engineer.pdf"
    report = _cached_analyzer((), None, None).analyze(path)
    result = run("score", str(path))
    assert result.exit_code == 0, result.output
    out = result.stdout
    for heading in ("Role fit", "Skills", "Achievements", "Flags"):
        assert heading in out
    assert report.roles[0].title in out
    assert report.skills[0].name in out
    assert "█" in out and "\x1b[" not in out  # a bar, and no colour codes when not a terminal


def test_score_json_and_roles_filter(slugs: list[str]) -> None:
    path = SAMPLES / "data_scientist.docx"
    data = json.loads(run("score", str(path), "--json").stdout)
    assert {"source", "skills", "achievements", "roles", "job", "flags", "overstuffed", "warnings"} <= set(data)
    assert data["source"]["path"] == str(path)
    assert len(data["roles"]) == len(slugs)
    picked = slugs[:2]
    data = json.loads(run("score", str(path), "--json", "--role", picked[0], "-r", picked[1]).stdout)
    assert sorted(r["role"] for r in data["roles"]) == sorted(picked)


def test_score_with_job(tmp_path: Path) -> None:
    job = tmp_path / "job.txt"
    job.write_text("Machine Learning Engineer\n\nWe need Python, PyTorch, Kubernetes, MLflow and Docker "
                   "experience to deploy models to production.\n", encoding="utf-8")
    result = run("score", str(SAMPLES / "ml_engineer.pdf"), "--job", str(job), "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["job"]["score"] > 0


def test_score_redact() -> None:
    path = SAMPLES / "ml_engineer.pdf"
    plain = json.loads(run("score", str(path), "--json").stdout)
    email = plain["contact"]["email"]["value"]
    assert email in json.dumps(plain)
    redacted = run("score", str(path), "--json", "--redact").stdout
    data = json.loads(redacted)
    assert email not in redacted and "@example." not in redacted
    assert all(value in (None, []) for value in data["contact"].values())
    assert [r["score"] for r in data["roles"]] == [r["score"] for r in plain["roles"]]
    text = run("score", str(path), "--redact").stdout
    assert email not in text and plain["contact"]["name"]["value"] not in text


def _empty(folder: Path) -> Path:
    (folder / "empty.pdf").write_bytes(b"")
    return folder / "empty.pdf"


@pytest.mark.parametrize(("maker", "needle"), [
    (lambda p: encrypted_pdf(p / "locked.pdf", user="secret"), "password"),
    (_empty, "empty"),
])
def test_score_failure_is_one_line_and_exit_1(tmp_path: Path, maker: object, needle: str) -> None:
    path = maker(tmp_path)  # type: ignore[operator]
    result = run("score", str(path))
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and str(path) in lines[0]
    assert needle in lines[0].lower() and "Traceback" not in result.output


@pytest.mark.parametrize("args", [["score", "missing.pdf"], ["score", "--role", "no-such-role", "{cv}"],
                                  ["score"], ["batch", "{cv}"], ["batch", "{cv}", "--out", "out.xlsx"],
                                  ["nonsense"], ["batch", "{cv}", "--out", "x.csv", "--workers", "0"],
                                  ["batch", "{cv}", "--out", "/no/such/dir/x.csv"]])
def test_usage_errors_exit_2(args: list[str]) -> None:
    cv = str(SAMPLES / "ml_engineer.pdf")
    result = run(*(a.replace("{cv}", cv) for a in args))
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


def test_roles(slugs: list[str]) -> None:
    result = run("roles")
    assert result.exit_code == 0
    for slug in slugs:
        assert slug in result.stdout
    data = json.loads(run("roles", "--json").stdout)
    assert [r["slug"] for r in data] == slugs and all(r["essential"] for r in data)


def test_skills() -> None:
    path = SAMPLES / "ml_engineer.pdf"
    report = _cached_analyzer((), None, None).analyze(path)
    result = run("skills", str(path))
    assert result.exit_code == 0
    for skill in report.skills[:5]:
        assert skill.name in result.stdout
    assert "in use" in result.stdout and "listed" in result.stdout
    data = json.loads(run("skills", str(path), "--json").stdout)
    assert {s["name"] for s in data} >= {s.name for s in report.skills}
    assert {"name", "category", "count", "sections", "evidenced", "hidden"} <= set(data[0])


# -- batch ----------------------------------------------------------------------------------


def test_batch_csv_mixed(mixed_dir: Path, tmp_path: Path, slugs: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(mixed_dir)
    out = mixed_dir / "results.csv"  # inside the folder scanned: never taken for input
    result = run("batch", ".", "--out", str(out), "--workers", "2")
    assert result.exit_code == 1, result.output  # some files failed
    assert "Skipped 2 file(s) that are not CVs" in result.stderr
    assert "Scored 5" in result.stderr and "failed 3" in result.stderr
    header, rows = read_csv(out)
    assert header == csv_columns(slugs)
    paths = [unescape(r["path"]) for r in rows]
    assert sorted(paths) == sorted(["ml_engineer.pdf", os.path.join("sub", "data_scientist.docx"),
                                    os.path.join("sub", "nlp_engineer.txt"), WEIRD, "cv-without-suffix",
                                    *EXPECTED_ERRORS])
    by_path = dict(zip(paths, rows))
    weird = by_path[WEIRD]
    assert weird["path"] == "'" + WEIRD and weird["ok"] == "True" and weird["best_role"] in slugs
    for name, error in EXPECTED_ERRORS.items():
        row = by_path[name]
        assert (row["ok"], row["error_type"]) == ("False", error) and row["error_message"]
        assert row["best_role"] == "" and row["sha256"]
    for row in rows:
        assert not any(cell.startswith(FORMULA) for cell in row.values())
        if row["ok"] == "True":
            assert float(row["best_score"]) == max(float(row[f"score_{s}"]) for s in slugs)
    raw = out.read_text(encoding="utf-8")
    assert '"\'=HYPERLINK(""evil.example"",""click me"") Zoë, cv.pdf"' in raw


def test_batch_jsonl(mixed_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "results.jsonl"
    result = run("batch", str(mixed_dir), "--out", str(out))
    assert result.exit_code == 1
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 8 and len({r["path"] for r in records}) == 8
    for record in records:
        name = Path(record["path"]).name
        if name in EXPECTED_ERRORS:
            assert set(record) == {"path", "sha256", "ok", "error"} and record["ok"] is False
            assert record["error"]["type"] == EXPECTED_ERRORS[name]
        else:
            assert set(record) == {"path", "sha256", "ok", "report"} and record["ok"] is True
            assert record["report"]["source"]["path"] == record["path"]


def test_batch_all_good_exits_0_with_glob(good_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "results.csv"
    result = run("batch", str(good_dir / "*.pdf"), str(good_dir / "*.docx"), "--out", str(out), "--role",
                 "ml-engineer", "--timeout", "30")
    assert result.exit_code == 0, result.output
    header, rows = read_csv(out)
    assert header == csv_columns(["ml-engineer"])
    assert len(rows) == 3 and all(r["ok"] == "True" for r in rows)
    assert "Best fit" in result.stderr


def test_batch_glob_and_empty_inputs(tmp_path: Path) -> None:
    (tmp_path / "pic.jpg").write_bytes(b"\xff\xd8\xff" + b"\0" * 10)
    result = run("batch", str(tmp_path), "--out", str(tmp_path / "r.csv"))
    assert result.exit_code == 2 and "no CV files" in result.output
    result = run("batch", str(tmp_path / "*.pdf"), "--out", str(tmp_path / "r.csv"))
    assert result.exit_code == 2 and "nothing matches" in result.stderr


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_batch_resume_after_kill(good_dir: Path, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"results{suffix}"
    extra = good_dir / "copy_of_ml_engineer.pdf"
    shutil.copy(SAMPLES / "ml_engineer.pdf", extra)
    assert run("batch", str(good_dir), "--out", str(out), "--workers", "2").exit_code == 0
    files = sorted(str(p) for p in good_dir.iterdir())
    full = out.read_bytes()
    # as if killed: keep the header and two records, then half of the third
    lines = full.splitlines(keepends=True)
    keep = 3 if suffix == ".csv" else 2
    cut = b"".join(lines[:keep]) + lines[keep][: len(lines[keep]) // 2]
    out.write_bytes(cut)
    result = run("batch", str(good_dir), "--out", str(out), "--workers", "2", "--resume")
    assert result.exit_code == 0, result.output
    assert f"Resuming: 2 file(s) already in {out}, {len(files) - 2} to score." in result.stderr
    paths = _paths(out)
    assert sorted(paths) == files  # nothing lost, nothing twice
    # a file that changed is scored again and appended; the others are left alone
    with open(good_dir / "nlp_engineer.txt", "a", encoding="utf-8") as handle:
        handle.write("\nAlso: Rust, Go and Terraform.\n")
    result = run("batch", str(good_dir), "--out", str(out), "--resume")
    assert result.exit_code == 0 and "1 to score" in result.stderr
    paths = _paths(out)
    assert len(paths) == len(files) + 1 and paths.count(str(good_dir / "nlp_engineer.txt")) == 2
    assert run("batch", str(good_dir), "--out", str(out), "--resume").stderr.count("0 to score") == 1


def _paths(out: Path) -> list[str]:
    if out.suffix == ".csv":
        return [unescape(r["path"]) for r in read_csv(out)[1]]
    return [json.loads(line)["path"] for line in out.read_text(encoding="utf-8").splitlines()]


def test_resume_with_other_columns_is_refused(good_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "results.csv"
    assert run("batch", str(good_dir / "ml_engineer.pdf"), "--out", str(out), "-r", "ml-engineer").exit_code == 0
    result = run("batch", str(good_dir), "--out", str(out), "--resume")
    assert result.exit_code == 2 and "other columns" in result.output


def test_batch_worker_crash_becomes_a_row(good_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(_TEST_FAULTS_ENV, "1")
    shutil.copy(SAMPLES / "ml_engineer.pdf", good_dir / "__cvscan_crash__.pdf")
    out = tmp_path / "results.csv"
    result = run("batch", str(good_dir), "--out", str(out), "--workers", "2")
    assert result.exit_code == 1
    rows = {Path(unescape(r["path"])).name: r for r in read_csv(out)[1]}
    assert len(rows) == len(GOOD) + 1
    assert rows["__cvscan_crash__.pdf"]["error_type"] == "WorkerCrashedError"
    assert all(r["ok"] == "True" for name, r in rows.items() if name != "__cvscan_crash__.pdf")


def test_csv_cells_are_spreadsheet_safe_in_text() -> None:
    buffer = io.StringIO()
    from cvscan.batch import spreadsheet_safe

    csv.writer(buffer).writerow([spreadsheet_safe(v) for v in ["-2+3", "a,b", 'say "hi"', "line\nbreak"]])
    assert buffer.getvalue() == '\'-2+3,"a,b","say ""hi""","line\nbreak"\r\n'
