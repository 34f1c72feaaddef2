"""The ``cvscan`` command line: a thin layer over :class:`cvscan.analyzer.Analyzer`.

Commands: ``score`` (one CV, readable or ``--json``), ``batch`` (a folder of CVs to CSV or
JSONL, resumable), ``roles`` and ``skills``. Exit codes: 0 all scored, 1 some file failed,
2 usage error, 130 interrupted.
"""

from __future__ import annotations

import csv
import functools
import glob
import hashlib
import io
import json
import logging
import os
import sys
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO, TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from . import __version__
from .batch import BatchResult, BatchSummary, spreadsheet_safe
from .errors import CvscanError

__all__ = ["cli", "main"]

logger = logging.getLogger("cvscan")

F = TypeVar("F", bound=Callable[..., Any])

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}
CV_SUFFIXES = frozenset({".pdf", ".docx", ".txt", ".md"})
OUTPUT_FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}


# -- logging ------------------------------------------------------------------------------


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever ``sys.stderr`` is at the time (a progress bar may redirect it)."""

    def __init__(self) -> None:
        super().__init__()
        self.setFormatter(logging.Formatter("cvscan: %(levelname)s: %(message)s"))

    @property
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, value: TextIO) -> None:
        pass


_HANDLER = _StderrHandler()


def _set_verbosity(ctx: click.Context, _param: click.Parameter, value: int) -> None:
    root = ctx.find_root()
    level = max(root.meta.get("cvscan.verbosity", 0), value or 0)
    root.meta["cvscan.verbosity"] = level
    if _HANDLER not in logger.handlers:
        logger.addHandler(_HANDLER)
    logger.setLevel(logging.DEBUG if level >= 2 else logging.INFO if level == 1 else logging.WARNING)


# -- shared options -----------------------------------------------------------------------


def verbose_option(fn: F) -> F:
    return click.option("-v", "--verbose", count=True, expose_value=False, is_eager=True,
                        callback=_set_verbosity, help="Log progress to stderr (-vv: debug).")(fn)


def role_option(fn: F) -> F:
    return click.option("-r", "--role", "roles", multiple=True, metavar="SLUG",
                        help="Score against this role only (repeatable; see `cvscan roles`).")(fn)


def job_option(fn: F) -> F:
    return click.option("-j", "--job", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                        help="Also score against a job description (.txt, .pdf or .docx).")(fn)


def json_option(fn: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")(fn)


def _stdout() -> Console:
    return Console(file=sys.stdout, highlight=False, soft_wrap=False)


def _stderr() -> Console:
    return Console(file=sys.stderr, highlight=False)


def _fail(message: str, code: int = 1) -> NoReturn:
    click.echo(f"Error: {' '.join(message.split())}", err=True)
    click.get_current_context().exit(code)


# -- the analyser, built once per process ------------------------------------------------


@functools.lru_cache(maxsize=4)
def _cached_analyzer(roles: tuple[str, ...], job: str | None, _job_mtime: float | None,
                     redact: bool = False) -> Any:
    from .analyzer import Analyzer

    return Analyzer(roles=roles or None, job=Path(job) if job else None, redact=redact)


def _analyzer(roles: Sequence[str], job: Path | None, redact: bool = False) -> Any:
    try:
        return _cached_analyzer(tuple(roles), str(job) if job else None,
                                job.stat().st_mtime if job else None, redact)
    except ValueError as exc:
        if roles and "unknown role" in str(exc):
            raise click.BadParameter(str(exc), param_hint="'--role'") from exc
        raise click.ClickException(str(exc)) from exc
    except CvscanError as exc:
        if job is not None and type(exc).__name__ != "LexiconError":
            raise click.BadParameter(f"{job}: {exc}", param_hint="'--job'") from exc
        raise click.ClickException(str(exc)) from exc


def _role_slugs(analyzer: Any) -> list[str]:
    return list(analyzer.roles) if analyzer.roles else [p.slug for p in analyzer.profiles]


# -- commands -----------------------------------------------------------------------------


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "--version", prog_name="cvscan")
@verbose_option
def cli() -> None:
    """Score CVs against machine-learning job roles and flag what an ATS would hold
    against them (keyword stuffing, hidden text, unreadable layout, no measurable results).

    \b
    Examples:
        cvscan score cv.pdf
        cvscan score cv.docx --role ml-engineer --json
        cvscan batch applications/ --out results.csv
    """


def _analyze_file(file: Path, roles: Sequence[str], job: Path | None) -> Any:
    analyzer = _analyzer(roles, job)
    try:
        return analyzer.analyze(file)
    except CvscanError as exc:
        _fail(f"{file}: {exc}")
    except Exception as exc:  # noqa: BLE001 - one line, never a traceback (-vv logs it)
        logger.debug("analysing %s failed", file, exc_info=True)
        _fail(f"{file}: internal error ({type(exc).__name__}: {exc})")


@cli.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@role_option
@job_option
@json_option
@click.option("--redact", is_flag=True,
              help="Hide contact details: e-mails, phone numbers, links and the name.")
@click.option("--top", default=3, show_default=True, type=click.IntRange(min=0),
              help="Roles whose matched and missing keywords are shown.")
@verbose_option
def score(file: Path, roles: tuple[str, ...], job: Path | None, as_json: bool, redact: bool, top: int) -> None:
    """Score one CV against the roles: fit per role, keywords matched and missing,
    skills, achievements and flags.

    \b
    Example:
        cvscan score cv.pdf --role data-scientist
    """
    report = _analyze_file(file, roles, job)
    if redact:
        from .redact import redact_report

        report = redact_report(report)
    if as_json:
        click.echo(report.to_json())
        return
    from .render import render_report

    render_report(report, _stdout(), top=top)


@cli.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@json_option
@verbose_option
def skills(file: Path, as_json: bool) -> None:
    """Show the skills a CV names: category, count, sections, whether shown in use or
    only listed, and whether any sit in hidden text."""
    report = _analyze_file(file, (), None)
    if as_json:
        click.echo(json.dumps([s.to_dict() for s in (*report.skills, *report.soft_skills)],
                              indent=2, ensure_ascii=False))
        return
    from .render import render_skills

    render_skills(report, _stdout())


@cli.command()
@json_option
@verbose_option
def roles(as_json: bool) -> None:
    """List the role profiles CVs are scored against."""
    from .lexicon import load_lexicon
    from .scoring import load_roles

    try:
        profiles = load_roles(lexicon=load_lexicon())
    except CvscanError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps([
            {"slug": p.slug, "title": p.title,
             "essential": [k.label for k in p.essential], "desirable": [k.label for k in p.desirable]}
            for p in profiles], indent=2, ensure_ascii=False))
        return
    from .render import render_roles

    render_roles(profiles, _stdout())


@cli.command()
@click.argument("inputs", nargs=-1, required=True, metavar="DIR_OR_GLOB...")
@click.option("-o", "--out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Results file: .csv (one row per CV) or .jsonl (one JSON object per CV).")
@click.option("-w", "--workers", type=click.IntRange(min=1),
              help="Worker processes  [default: one per CPU]")
@role_option
@job_option
@click.option("--resume", is_flag=True,
              help="Keep the results already in --out and score only the files not in it yet.")
@click.option("--timeout", default=60.0, show_default=True, type=click.FloatRange(min=0, min_open=True),
              help="Seconds allowed per file.")
@click.option("--redact", is_flag=True,
              help="Leave names, e-mails, phone numbers, locations and links out of the reports "
                   "(file paths are kept: they key the results for --resume).")
@verbose_option
def batch(inputs: tuple[str, ...], out: Path, workers: int | None, roles: tuple[str, ...],
          job: Path | None, resume: bool, timeout: float, redact: bool) -> None:
    """Score every CV in folders (recursively) or glob patterns into a CSV or JSONL file.

    Each result is written as soon as the file is done, so an interrupted batch keeps its
    work: run it again with --resume to go on. Files that fail get a row with the error.
    Files that are not CVs (images, JSON...) are skipped.

    \b
    Examples:
        cvscan batch applications/ --out results.csv
        cvscan batch 'cvs/**/*.pdf' --out results.jsonl --workers 4 --resume
    """
    fmt = OUTPUT_FORMATS.get(out.suffix.lower())
    if fmt is None:
        raise click.BadParameter("the output must end in .csv or .jsonl", param_hint="'--out'")
    files, skipped = discover(inputs, exclude=out)
    if skipped:
        kinds = Counter(Path(p).suffix.lower() or "(none)" for p in skipped)
        listing = ", ".join(f"{suffix} ×{n}" for suffix, n in kinds.most_common())
        click.echo(f"Skipped {len(skipped)} file(s) that are not CVs ({listing}); -v lists them.", err=True)
    if not files:
        raise click.UsageError(f"no CV files (.pdf, .docx, .txt, .md) found in {' '.join(inputs)}")
    from .report import csv_columns

    analyzer = _analyzer(roles, job, redact)
    slugs = _role_slugs(analyzer)
    if not resume and out.is_file() and out.stat().st_size:
        click.echo(f"Overwriting {out} (--resume keeps what it holds).", err=True)
    try:
        output = ResultsFile(out, fmt, csv_columns(slugs), slugs, resume=resume)
    except OSError as exc:
        raise click.BadParameter(f"cannot write {out}: {exc.strerror or exc}", param_hint="'--out'") from exc
    todo = output.pending(files)
    summary = BatchSummary()
    summary.skipped = len(files) - len(todo)
    if summary.skipped:
        click.echo(f"Resuming: {summary.skipped} file(s) already in {out}, {len(todo)} to score.", err=True)
    progress = Progress(TextColumn("[progress.description]{task.description}"), BarColumn(),
                        MofNCompleteColumn(), TimeElapsedColumn(), TimeRemainingColumn(),
                        console=_stderr(), disable=not sys.stderr.isatty())
    results = analyzer.analyze_many(todo, workers=workers, timeout=timeout) if todo else iter(())
    try:
        with output, progress:
            task = progress.add_task("Scoring CVs", total=len(todo))
            for result in results:
                output.write(result)
                summary.add(result)
                progress.advance(task)
    except KeyboardInterrupt:
        close = getattr(results, "close", None)
        if close is not None:
            close()  # stops the workers
        _fail(f"interrupted: {summary.scored + summary.failed} file(s) done and saved in {out}; "
              "run the same command with --resume to go on", 130)
    except CvscanError as exc:  # the workers could not start at all
        _fail(f"{exc}; {summary.scored + summary.failed} file(s) done and saved in {out}")
    from .render import render_batch_summary

    render_batch_summary(summary, _stderr(), titles={p.slug: p.title for p in analyzer.profiles})
    if summary.failed:
        click.get_current_context().exit(1)


# -- finding CV files ---------------------------------------------------------------------


def looks_like_cv(path: str) -> bool:
    """A CV by its suffix (.pdf .docx .txt .md), or by content (a PDF, or a zip holding a Word document)."""
    if Path(path).suffix.lower() in CV_SUFFIXES:
        return True
    try:
        with open(path, "rb") as handle:
            head = handle.read(1024)
        if b"%PDF-" in head:
            return True
        if head.startswith(b"PK\x03\x04"):
            with zipfile.ZipFile(path) as archive:
                return "word/document.xml" in archive.namelist()
    except (OSError, zipfile.BadZipFile, ValueError):
        return False
    return False


def _walk(root: str, visited: set[str]) -> Iterator[str]:
    """Files under ``root``, sorted, following symlinks but never into a directory twice."""
    stack = [root]
    while stack:
        directory = stack.pop()
        real = os.path.realpath(directory)
        if real in visited:
            logger.debug("skipping %s: already visited (symlink loop or duplicate)", directory)
            continue
        visited.add(real)
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            logger.warning("cannot read directory %s: %s", directory, exc.strerror or exc)
            continue
        subdirs = []
        for entry in entries:
            try:
                if entry.is_dir():
                    if not entry.name.startswith("."):
                        subdirs.append(entry.path)
                elif entry.is_file():
                    yield os.path.normpath(entry.path)
            except OSError:
                continue
        stack.extend(reversed(subdirs))


def discover(inputs: Iterable[str], *, exclude: str | os.PathLike[str] | None = None) -> tuple[list[str], list[str]]:
    """The CV files named by ``inputs`` (files, folders walked recursively, glob patterns),
    each once, and the files skipped as not CVs. A file named outright is always kept;
    ``exclude`` (the results file) never is."""
    files: list[str] = []
    skipped: list[str] = []
    seen: set[str] = {os.path.realpath(exclude)} if exclude is not None else set()
    visited: set[str] = set()

    def add(path: str, explicit: bool) -> None:
        real = os.path.realpath(path)
        if real in seen:
            return
        seen.add(real)
        name = os.path.basename(path)
        if explicit or (not name.startswith((".", "~$")) and looks_like_cv(path)):
            files.append(path)
        else:
            logger.info("skipping %s: not a CV file", path)
            skipped.append(path)

    def expand(path: str, explicit: bool) -> None:
        if os.path.isdir(path):
            for found in _walk(path, visited):
                add(found, False)
        elif os.path.isfile(path):
            add(path, explicit)

    for arg in inputs:
        if os.path.exists(arg):
            expand(arg, True)
            continue
        matches = sorted(glob.glob(arg, recursive=True))
        if not matches:
            click.echo(f"Warning: nothing matches {arg}", err=True)
        for match in matches:
            expand(match, False)
    return files, skipped


# -- the results file ---------------------------------------------------------------------


def _key(path: str) -> str:
    return os.path.normcase(os.path.abspath(path))


def _unescape(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:2] in ("=", "+", "-", "@", "\t", "\r") else cell


def _complete_csv(data: bytes) -> int:
    """Bytes up to the end of the last complete CSV record (a newline outside quotes)."""
    end = 0
    inside = False
    for i, byte in enumerate(data):
        if byte == 0x22:  # '"'
            inside = not inside
        elif byte == 0x0A and not inside:
            end = i + 1
    return end


def _sha256(path: str) -> str | None:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


class ResultsFile:
    """A CSV or JSONL results file written one flushed record at a time, and resumable:
    with ``resume`` the records already there are kept (an incomplete last one, from a
    killed run, is cut off) and :meth:`pending` leaves out the files they cover."""

    def __init__(self, path: Path, fmt: str, columns: list[str], slugs: list[str], *, resume: bool) -> None:
        self.path, self.fmt, self.columns, self.slugs = path, fmt, columns, slugs
        self.done: set[tuple[str, str]] = set()
        fresh = True
        if resume and path.is_file() and path.stat().st_size:
            fresh = not self._load()
        if fresh:
            self.handle = open(path, "w", encoding="utf-8", newline="")
        else:
            self.handle = open(path, "a", encoding="utf-8", newline="")
        self.writer = csv.writer(self.handle) if fmt == "csv" else None
        if fresh and self.writer is not None:
            self.writer.writerow(columns)
            self.handle.flush()

    def _load(self) -> bool:
        """Read the records already in the file; False if there is nothing to keep."""
        data = self.path.read_bytes()
        end = _complete_csv(data) if self.fmt == "csv" else data.rfind(b"\n") + 1
        if end < len(data):
            logger.info("%s: dropping an incomplete last record (%d bytes)", self.path, len(data) - end)
            with open(self.path, "r+b") as handle:
                handle.truncate(end)
        text = data[:end].decode("utf-8-sig", errors="replace")
        if self.fmt == "csv":
            rows = list(csv.reader(io.StringIO(text, newline="")))
            if not rows:
                return False
            if rows[0] != self.columns:
                raise click.UsageError(
                    f"{self.path} has other columns than this batch (different --role or --job?); "
                    "resume with the same options or write to a new file")
            for row in rows[1:]:
                if len(row) == len(self.columns):
                    self._mark(_unescape(row[0]), row[0], row[1])
        else:
            for number, line in enumerate(text.splitlines(), 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                    self._mark(record["path"], record["path"], record.get("sha256") or "")
                except (ValueError, KeyError, TypeError):
                    logger.warning("%s:%d: not a result record, ignored", self.path, number)
        return True

    def _mark(self, path: str, raw: str, sha: str) -> None:
        self.done.add((_key(path), sha))
        self.done.add((_key(raw), sha))

    def pending(self, files: Sequence[str]) -> list[str]:
        """``files`` not yet in the results (same path and same content)."""
        if not self.done:
            return list(files)
        paths = {p for p, _ in self.done}
        return [f for f in files if _key(f) not in paths or (_key(f), _sha256(f) or "") not in self.done]

    def write(self, result: BatchResult) -> None:
        if self.writer is not None:
            row = result.csv_row(self.slugs)
            self.writer.writerow([spreadsheet_safe(row.get(c, "")) for c in self.columns])
        else:
            self.handle.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        self.handle.flush()

    def __enter__(self) -> ResultsFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.handle.close()


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the ``cvscan`` console script."""
    cli.main(args=list(argv) if argv is not None else None, prog_name="cvscan")
