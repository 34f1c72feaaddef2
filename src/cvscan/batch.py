"""Analyse many CVs in parallel, streaming one :class:`BatchResult` per file.

:func:`analyze_many` (also :meth:`Analyzer.analyze_many`) never lets one file stop a
batch: a file that cannot be parsed, takes too long or kills its worker becomes a failed
result and the batch goes on.

By default the work runs in a small pool of our own rather than the stdlib
``ProcessPoolExecutor`` (where one crashed worker breaks the whole pool): N worker
processes (``forkserver`` where the platform has it, else ``spawn``), each building the
:class:`~cvscan.analyzer.Analyzer` once from its pickle and then fed one file at a time
over a pipe. The parent enforces the per-file time limit, kills and replaces a worker that
hangs or dies (segfault, ``os._exit``, out of memory), and recycles each worker after
:data:`RECYCLE_AFTER` files so memory stays flat over a long batch.

Any :class:`concurrent.futures.Executor` may be passed instead (a ``ThreadPoolExecutor``,
a ``ProcessPoolExecutor``, or a Dask ``client.get_executor()`` to spread a batch over a
cluster). There each task carries the pickled analyser and each worker process builds and
caches it on first use. A foreign executor cannot kill a task: a file over the time limit
is recorded as timed out and abandoned, while its worker runs on; a crash there is handled
the way that executor handles it (a stdlib process pool breaks; Dask retries elsewhere).

Note for scripts: worker processes are started with ``forkserver``/``spawn``, which
import your main module again, so keep top-level code under ``if __name__ == "__main__":``.
"""

from __future__ import annotations

import concurrent.futures as cf
import hashlib
import heapq
import logging
import multiprocessing as mp
import os
import pickle
import signal
import sys
import threading
import time
import weakref
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Sized
from dataclasses import dataclass, field, replace
from multiprocessing.connection import Connection, wait
from typing import TYPE_CHECKING, Any, Union

from .errors import AnalysisTimeoutError, CvscanError, DocumentError

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext
    from multiprocessing.process import BaseProcess

    from .analyzer import Analyzer
    from .document import ParseLimits
    from .report import Report

__all__ = [
    "RECYCLE_AFTER",
    "BatchResult",
    "BatchSummary",
    "BatchSource",
    "ErrorInfo",
    "WorkerCrashedError",
    "WorkerStats",
    "analyze_many",
    "default_workers",
    "source_name",
    "spreadsheet_safe",
]

logger = logging.getLogger("cvscan")

BatchSource = Union[str, "os.PathLike[str]", tuple[str, bytes]]
"""A CV for a batch: a path, or a ``(name, content)`` pair."""

RECYCLE_AFTER = 500
"""Files a pool worker analyses before it is replaced by a fresh one."""

_START_TIMEOUT = 300.0  # seconds a worker may take to build its Analyzer
_MAX_START_FAILURES = 3  # workers dying in a row before a batch gives up

# Test-only fault injection: when this variable is "1" in the process that starts a
# batch, a source whose file name starts with "__cvscan_<fault>__" makes the worker
# crash, hang, segfault or run out of memory. Never set it outside the test suite.
_TEST_FAULTS_ENV = "_CVSCAN_TEST_FAULTS"


class WorkerCrashedError(DocumentError):
    """The worker process analysing the file died (crash, segfault, out of memory)."""


@dataclass(frozen=True)
class ErrorInfo:
    """Why a file failed: the exception class name and its message."""

    type: str
    message: str

    @classmethod
    def from_exception(cls, exc: BaseException) -> ErrorInfo:
        message = " ".join(str(exc).split()) or type(exc).__name__
        return cls(type(exc).__name__, message)

    def to_dict(self) -> dict[str, str]:
        return {"type": self.type, "message": self.message}


@dataclass(frozen=True)
class WorkerStats:
    """The worker that produced a result: its pid, files done, memory after the file, and
    the CPU time the process has used so far."""

    pid: int
    tasks: int
    rss_bytes: int | None = None
    peak_rss_bytes: int | None = None
    cpu_seconds: float | None = None


@dataclass(frozen=True)
class BatchResult:
    """The outcome for one file of a batch: a report, or the error that stopped it."""

    path: str
    sha256: str | None
    report: Report | None
    error: ErrorInfo | None
    seconds: float
    worker: WorkerStats | None = field(default=None, compare=False, repr=False)

    @property
    def ok(self) -> bool:
        return self.report is not None and self.error is None

    def to_dict(self) -> dict[str, Any]:
        """``{"path", "sha256", "ok", "report"}`` or ``{"path", "sha256", "ok", "error"}``."""
        out: dict[str, Any] = {"path": self.path, "sha256": self.sha256, "ok": self.ok}
        if self.ok and self.report is not None:
            out["report"] = self.report.to_dict()
        else:
            error = self.error or ErrorInfo("CvscanError", "no report")
            out["error"] = error.to_dict()
        return out

    def csv_row(self, role_slugs: list[str]) -> dict[str, object]:
        """One row for :func:`cvscan.report.csv_columns` (error columns filled on failure)."""
        from .report import csv_columns

        if self.ok and self.report is not None:
            row = self.report.csv_row(role_slugs)
            row["path"] = self.path
            row["sha256"] = self.sha256 or ""
            return row
        row = dict.fromkeys(csv_columns(role_slugs), "")
        error = self.error or ErrorInfo("CvscanError", "no report")
        row.update(path=self.path, sha256=self.sha256 or "", ok=False,
                   error_type=error.type, error_message=error.message)
        return row


class BatchSummary:
    """Running totals of a batch: scored and failed files, errors by type, how many CVs
    fit each role best, and the ``top_n`` candidates (highest score) for each role."""

    def __init__(self, top_n: int = 3) -> None:
        self.top_n = top_n
        self.scored = 0
        self.failed = 0
        self.skipped = 0
        self.errors: Counter[str] = Counter()
        self.best_fit: Counter[str] = Counter()
        self._heaps: dict[str, list[tuple[float, str]]] = {}

    def add(self, result: BatchResult) -> None:
        if not result.ok or result.report is None:
            self.failed += 1
            self.errors[result.error.type if result.error else "unknown"] += 1
            return
        self.scored += 1
        report = result.report
        if report.best_role is not None:
            self.best_fit[report.best_role.role] += 1
        for fit in report.roles:
            heap = self._heaps.setdefault(fit.role, [])
            item = (fit.score, result.path)
            if len(heap) < self.top_n:
                heapq.heappush(heap, item)
            elif item > heap[0]:
                heapq.heapreplace(heap, item)

    @property
    def top(self) -> dict[str, list[tuple[float, str]]]:
        """Role slug to its best ``(score, path)`` pairs, best first; roles by best-fit count."""
        order = sorted(self._heaps, key=lambda slug: (-self.best_fit.get(slug, 0), slug))
        return {slug: sorted(self._heaps[slug], key=lambda item: (-item[0], item[1])) for slug in order}


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> object:
    """Prefix a text cell that a spreadsheet would run as a formula with a single quote."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def default_workers() -> int:
    """The CPUs this process may use."""
    if hasattr(os, "process_cpu_count"):  # Python 3.13+
        return max(1, os.process_cpu_count() or 1)
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def source_name(source: object) -> str:
    """The name a batch result carries for ``source``."""
    if isinstance(source, tuple) and len(source) == 2:
        return str(source[0])
    if isinstance(source, (str, os.PathLike)):
        return os.fspath(source)
    return repr(source)


# -- the work done for one file (in a worker) ------------------------------------------


def _memory() -> tuple[int | None, int | None]:
    """Current and peak resident memory of this process, in bytes."""
    rss = peak = None
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1]) * 1024
                elif line.startswith("VmHWM:"):
                    peak = int(line.split()[1]) * 1024
    except OSError:
        try:
            import resource

            usage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            peak = usage if sys.platform == "darwin" else usage * 1024
        except (ImportError, OSError):  # pragma: no cover - Windows
            pass
    return rss, peak


def _inject_fault(name: str) -> None:
    """Test-only: misbehave on purpose for sources named ``__cvscan_<fault>__...``."""
    base = os.path.basename(name)
    if base.startswith("__cvscan_crash__"):
        os._exit(13)
    if base.startswith("__cvscan_segv__"):
        os.kill(os.getpid(), signal.SIGSEGV)
    if base.startswith("__cvscan_hang__"):
        time.sleep(3600)
    if base.startswith("__cvscan_oom__"):
        raise MemoryError("injected")


def _read(source: BatchSource, limits: ParseLimits) -> bytes:
    if isinstance(source, tuple):
        data = source[1]
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f"a (name, content) source needs bytes, not {type(data).__name__}")
        return bytes(data)
    if not isinstance(source, (str, os.PathLike)):
        raise TypeError(f"a batch source is a path or a (name, bytes) pair, not {type(source).__name__}")
    from .parse import read_source

    return read_source(source, limits)[0]


def _analyze_one(analyzer: Analyzer, source: BatchSource, faults: bool) -> tuple[BatchResult, bool]:
    """Analyse one source; never raises. The flag says the process should not go on."""
    start = time.perf_counter()
    name = source_name(source)
    sha: str | None = None
    try:
        if faults:
            _inject_fault(name)
        data = _read(source, analyzer.limits)
        sha = hashlib.sha256(data).hexdigest()
        report = analyzer.analyze(data)
        report = replace(report, source=replace(report.source, path=name))
        return BatchResult(name, sha, report, None, time.perf_counter() - start), False
    except MemoryError:
        error = ErrorInfo(WorkerCrashedError.__name__, "the worker ran out of memory analysing this file")
        return BatchResult(name, sha, None, error, time.perf_counter() - start), True
    except Exception as exc:  # noqa: BLE001 - every failure becomes a result
        if not isinstance(exc, CvscanError):
            logger.debug("unexpected error analysing %s", name, exc_info=True)
        return BatchResult(name, sha, None, ErrorInfo.from_exception(exc), time.perf_counter() - start), False


def _limit_threads() -> None:
    """One BLAS/OpenMP thread per worker: the parallelism is the workers."""
    try:
        from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

        threadpool_limits(1)
    except Exception:  # noqa: BLE001 - optional and best effort
        pass


def _worker_main(conn: Connection, blob: bytes, faults: bool) -> None:
    """A pool worker: build the Analyzer once, then analyse one file per message."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    root = logging.getLogger()
    if not root.handlers:  # keep dependencies' warnings off the terminal (and the progress bar)
        root.addHandler(logging.NullHandler())
    _limit_threads()
    try:
        try:
            analyzer = pickle.loads(blob)  # noqa: S301 - our own pickle, from our parent
        except Exception as exc:  # noqa: BLE001 - report, then exit
            conn.send(("init_error", ErrorInfo.from_exception(exc)))
            return
        conn.send(("ready", os.getpid()))
    except (OSError, ValueError):  # the parent has gone or no longer needs this worker
        return
    tasks = 0
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        index, source = message
        result, fatal = _analyze_one(analyzer, source, faults)
        tasks += 1
        rss, peak = _memory()
        result = replace(result, worker=WorkerStats(os.getpid(), tasks, rss, peak, time.process_time()))
        try:
            conn.send(("done", index, result, fatal))
        except (OSError, ValueError):
            return
        except Exception as exc:  # noqa: BLE001 - e.g. a report that cannot be pickled
            error = ErrorInfo(type(exc).__name__, f"cannot send the result back: {exc}")
            conn.send(("done", index, replace(result, report=None, error=error), fatal))
        if fatal:  # after a MemoryError the process state cannot be trusted
            os._exit(3)


# -- the robust pool ----------------------------------------------------------------------


def _context() -> BaseContext:
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["cvscan.analyzer"])  # import spaCy once, in the server
        return ctx
    return mp.get_context("spawn")


def _describe_exit(code: int | None) -> str:
    if code is None:
        return "still running"
    if code < 0:
        try:
            return f"killed by signal {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"


def _sha_of(source: BatchSource, limits: ParseLimits) -> str | None:
    try:
        return hashlib.sha256(_read(source, limits)).hexdigest()
    except Exception:  # noqa: BLE001 - best effort for a failed file
        return None


class _Worker:
    """One worker process and the task it is working on."""

    def __init__(self, ctx: BaseContext, blob: bytes, faults: bool, number: int) -> None:
        self.conn, child = ctx.Pipe(duplex=True)
        self.process: BaseProcess = ctx.Process(  # type: ignore[attr-defined]
            target=_worker_main, args=(child, blob, faults), name=f"cvscan-worker-{number}", daemon=True)
        self.process.start()
        child.close()
        self.started = time.monotonic()
        self.ready = False
        self.task: tuple[int, BatchSource] | None = None
        self.task_started = 0.0
        self.tasks = 0

    def stop(self, *, kill: bool = False) -> None:
        """Ask the worker to exit (or kill it); does not wait, see :meth:`reap`."""
        if kill:
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except (OSError, ValueError):
                self.process.kill()
        self.conn.close()

    def reap(self, timeout: float) -> bool:
        """Wait up to ``timeout`` seconds for the process to end (killing it after); True when gone."""
        self.process.join(timeout=timeout)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=5.0)
        return not self.process.is_alive()


class _Pool:
    """N worker processes, one file each at a time, with per-file deadlines."""

    def __init__(self, analyzer: Analyzer, size: int, *, max_tasks: int | None, faults: bool) -> None:
        self.ctx = _context()
        self.blob = pickle.dumps(analyzer)
        self.limits = analyzer.limits
        self.size = size
        self.max_tasks = max_tasks
        self.faults = faults
        self.workers: list[_Worker] = []
        self.retiring: list[_Worker] = []
        self.spawned = 0
        self.start_failures = 0

    def _spawn(self) -> _Worker:
        self.spawned += 1
        worker = _Worker(self.ctx, self.blob, self.faults, self.spawned)
        self.workers.append(worker)
        return worker

    def _retire(self, worker: _Worker, *, kill: bool) -> None:
        self.workers.remove(worker)
        worker.stop(kill=kill)
        self.retiring = [w for w in self.retiring if w.process.is_alive()]
        self.retiring.append(worker)

    def _failed(self, worker: _Worker, error: BaseException, elapsed: float) -> BatchResult:
        assert worker.task is not None
        _, source = worker.task
        name = source_name(source)
        return BatchResult(name, _sha_of(source, self.limits), None, ErrorInfo.from_exception(error), elapsed)

    def run(self, items: Iterator[tuple[int, BatchSource]], timeout: float | None) -> Iterator[tuple[int, BatchResult]]:
        """Analyse ``items`` and yield ``(index, result)`` as each file finishes."""
        queue: deque[tuple[int, BatchSource]] = deque()
        exhausted = False

        def next_item() -> tuple[int, BatchSource] | None:
            nonlocal exhausted
            if queue:
                return queue.popleft()
            if not exhausted:
                try:
                    return next(items)
                except StopIteration:
                    exhausted = True
            return None

        def more_work() -> bool:  # looks one item ahead
            item = next_item()
            if item is not None:
                queue.appendleft(item)
            return item is not None

        if not more_work():
            return
        try:
            for _ in range(self.size):
                self._spawn()
            while True:
                # hand a file to every idle worker
                for worker in self.workers:
                    if worker.ready and worker.task is None:
                        item = next_item()
                        if item is None:
                            break
                        try:
                            worker.conn.send(item)
                        except (OSError, ValueError):  # died while idle: retry the file elsewhere
                            queue.appendleft(item)
                            continue
                        worker.task, worker.task_started = item, time.monotonic()
                busy = [w for w in self.workers if w.task is not None]
                if not busy and not more_work():
                    return
                if not self.workers:
                    self._spawn()
                # sleep until a message, a death or the next deadline
                now = time.monotonic()
                deadlines = [w.started + _START_TIMEOUT for w in self.workers if not w.ready]
                if timeout is not None:
                    deadlines += [w.task_started + timeout for w in busy]
                wait_for = max(0.0, min(deadlines) - now) if deadlines else None
                handles: list[Any] = [w.conn for w in self.workers] + [w.process.sentinel for w in self.workers]
                ready = set(wait(handles, timeout=wait_for))
                for worker in list(self.workers):
                    if worker.conn in ready or worker.process.sentinel in ready:
                        yield from self._service(worker, more_work())
                # enforce deadlines
                now = time.monotonic()
                for worker in list(self.workers):
                    if worker.task is not None and timeout is not None and now - worker.task_started > timeout:
                        error = AnalysisTimeoutError(
                            f"analysis took longer than the {timeout:g} s time limit; the worker was stopped")
                        result = self._failed(worker, error, now - worker.task_started)
                        logger.warning("%s: %s", result.path, error)
                        index = worker.task[0]
                        self._retire(worker, kill=True)
                        yield index, result
                        if more_work():
                            self._spawn()
                    elif not worker.ready and now - worker.started > _START_TIMEOUT:
                        self._retire(worker, kill=True)
                        self._start_failed(f"a worker took over {_START_TIMEOUT:g} s to start")
                        self._spawn()
        finally:
            for worker in list(self.workers):
                self._retire(worker, kill=worker.task is not None)
            deadline = time.monotonic() + 5.0
            for worker in self.retiring:
                worker.reap(max(0.0, deadline - time.monotonic()))
            self.retiring.clear()

    def _start_failed(self, why: str) -> None:
        self.start_failures += 1
        logger.warning("batch worker failed to start: %s", why)
        if self.start_failures >= _MAX_START_FAILURES:
            raise CvscanError(f"batch workers cannot start ({why})")

    def _service(self, worker: _Worker, respawn: bool) -> Iterator[tuple[int, BatchResult]]:
        """Read what ``worker`` sent, or deal with its death."""
        message: Any = None
        if worker.conn.poll():
            try:
                message = worker.conn.recv()
            except (EOFError, OSError):
                message = None
        if message is not None:
            kind = message[0]
            if kind == "ready":
                worker.ready = True
                self.start_failures = 0
                logger.debug("worker %s ready in %.2f s", message[1], time.monotonic() - worker.started)
                return
            if kind == "init_error":
                self._retire(worker, kill=True)
                error: ErrorInfo = message[1]
                raise CvscanError(f"a batch worker could not build the analyser: {error.type}: {error.message}")
            _, index, result, fatal = message
            worker.task = None
            worker.tasks += 1
            yield index, result
            if fatal or (self.max_tasks and worker.tasks >= self.max_tasks):
                logger.debug("replacing worker %s after %d files", worker.process.pid, worker.tasks)
                self._retire(worker, kill=False)
                if respawn:
                    self._spawn()
            return
        if worker.process.is_alive() and not worker.conn.poll():
            return  # spurious wake-up
        worker.process.join(timeout=1.0)
        how = _describe_exit(worker.process.exitcode)
        if worker.task is not None:
            index = worker.task[0]
            error_exc = WorkerCrashedError(f"the worker process died analysing this file ({how})")
            result = self._failed(worker, error_exc, time.monotonic() - worker.task_started)
            logger.warning("%s: %s", result.path, error_exc)
            self._retire(worker, kill=True)
            yield index, result
        else:
            self._retire(worker, kill=True)
            if not worker.ready:
                self._start_failed(f"a worker died while starting ({how})")
        if respawn:
            self._spawn()


# -- foreign executors --------------------------------------------------------------------

_ANALYZERS: dict[str, Analyzer] = {}  # built in this (worker) process, by pickle digest
_LOCAL: weakref.WeakValueDictionary[str, Analyzer] = weakref.WeakValueDictionary()  # the caller's own
_ANALYZERS_LOCK = threading.Lock()


def _cached_analyzer(blob: bytes, key: str) -> Analyzer:
    found = _LOCAL.get(key) or _ANALYZERS.get(key)
    if found is not None:
        return found
    with _ANALYZERS_LOCK:
        if key not in _ANALYZERS:
            _limit_threads()
            _ANALYZERS[key] = pickle.loads(blob)  # noqa: S301 - our own pickle
        return _ANALYZERS[key]


def _executor_task(blob: bytes, key: str, source: BatchSource, faults: bool) -> BatchResult:
    """Run on an executor's worker: analyse one file with that worker's cached Analyzer."""
    analyzer = _cached_analyzer(blob, key)
    result, _ = _analyze_one(analyzer, source, faults)
    rss, peak = _memory()
    return replace(result, worker=WorkerStats(os.getpid(), 0, rss, peak, time.process_time()))


def _executor_window(executor: cf.Executor) -> int:
    size = getattr(executor, "_max_workers", None)
    if isinstance(size, int) and size > 0:
        return size
    client = getattr(executor, "_client", None)  # dask.distributed ClientExecutor
    if client is not None:
        try:
            return max(1, int(sum(client.nthreads().values())))
        except Exception:  # noqa: BLE001 - fall back to this machine's size
            pass
    return default_workers()


def _run_executor(analyzer: Analyzer, items: Iterator[tuple[int, BatchSource]], executor: cf.Executor,
                  window: int, timeout: float | None, faults: bool) -> Iterator[tuple[int, BatchResult]]:
    blob = pickle.dumps(analyzer)
    key = hashlib.sha1(blob).hexdigest()  # noqa: S324 - a cache key, not security
    _LOCAL[key] = analyzer  # threads of this process use it as is
    flight: dict[cf.Future[BatchResult], tuple[int, BatchSource, float]] = {}
    exhausted = False

    def failed(source: BatchSource, error: BaseException | ErrorInfo, elapsed: float) -> BatchResult:
        info = error if isinstance(error, ErrorInfo) else _executor_error(error)
        return BatchResult(source_name(source), _sha_of(source, analyzer.limits), None, info, elapsed)

    try:
        while True:
            while not exhausted and len(flight) < window:
                try:
                    index, source = next(items)
                except StopIteration:
                    exhausted = True
                    break
                try:
                    future = executor.submit(_executor_task, blob, key, source, faults)
                except Exception as exc:  # noqa: BLE001 - e.g. a broken or shut-down pool
                    yield index, failed(source, exc, 0.0)
                    continue
                flight[future] = (index, source, time.monotonic())
            if not flight:
                return
            wait_for = None
            if timeout is not None:
                wait_for = max(0.0, min(t for _, _, t in flight.values()) + timeout - time.monotonic())
            done, _ = cf.wait(flight, timeout=wait_for, return_when=cf.FIRST_COMPLETED)
            for future in done:
                index, source, submitted = flight.pop(future)
                try:
                    result = future.result()
                except BaseException as exc:  # noqa: BLE001 - the executor's own failure
                    result = failed(source, exc, time.monotonic() - submitted)
                    logger.warning("%s: %s", result.path, result.error.message if result.error else exc)
                yield index, result
            now = time.monotonic()
            if timeout is not None:
                for future, (index, source, submitted) in list(flight.items()):
                    if now - submitted > timeout:
                        del flight[future]
                        future.cancel()
                        error = AnalysisTimeoutError(
                            f"analysis took longer than the {timeout:g} s time limit (abandoned; "
                            "this executor cannot stop a running task)")
                        logger.warning("%s: %s", source_name(source), error)
                        yield index, failed(source, error, now - submitted)
    finally:
        for future in flight:
            future.cancel()


def _executor_error(exc: BaseException) -> ErrorInfo:
    name = type(exc).__name__
    if name in {"BrokenProcessPool", "BrokenExecutor", "KilledWorker"} or isinstance(exc, MemoryError):
        return ErrorInfo(WorkerCrashedError.__name__, f"the worker died analysing this file ({name}: {exc})")
    if isinstance(exc, cf.CancelledError):
        return ErrorInfo(WorkerCrashedError.__name__, "the executor cancelled the task")
    return ErrorInfo.from_exception(exc)


# -- the public entry point ---------------------------------------------------------------


def analyze_many(
    analyzer: Analyzer,
    sources: Iterable[BatchSource],
    *,
    workers: int | None = None,
    executor: cf.Executor | None = None,
    ordered: bool = False,
    timeout: float | None = 60.0,
    max_tasks_per_worker: int | None = RECYCLE_AFTER,
) -> Iterator[BatchResult]:
    """Analyse ``sources`` in parallel and yield a :class:`BatchResult` per file.

    Parameters
    ----------
    analyzer:
        The analyser; each worker rebuilds its own copy once from the pickle.
    sources:
        Paths, or ``(name, bytes)`` pairs; read lazily, so a generator of millions is fine.
    workers:
        Worker processes of the default pool (default: the CPUs available); with another
        ``executor``, the number of files in flight (default: that executor's size).
    executor:
        Any :class:`concurrent.futures.Executor` to use instead of the default pool.
    ordered:
        Yield in input order (results are buffered) instead of as they finish.
    timeout:
        Per-file time limit in seconds (``None``: no limit).
    max_tasks_per_worker:
        Default pool only: replace a worker after this many files (``None``: never).

    Every file gives exactly one result, failures included: an exception never stops the
    stream (except :class:`CvscanError` when workers cannot start at all).
    """
    if workers is not None and workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")
    if timeout is not None and timeout <= 0:
        timeout = None
    faults = os.environ.get(_TEST_FAULTS_ENV) == "1"
    items = iter(enumerate(sources))
    stream: Iterator[tuple[int, BatchResult]]
    if executor is not None:
        stream = _run_executor(analyzer, items, executor, workers or _executor_window(executor), timeout, faults)
    else:
        size = workers or default_workers()
        if isinstance(sources, Sized):
            size = max(1, min(size, len(sources)))
        stream = _Pool(analyzer, size, max_tasks=max_tasks_per_worker, faults=faults).run(items, timeout)
    return _in_order(stream) if ordered else _as_finished(stream)


def _as_finished(stream: Iterator[tuple[int, BatchResult]]) -> Iterator[BatchResult]:
    try:
        for _, result in stream:
            yield result
    finally:
        close = getattr(stream, "close", None)
        if close is not None:
            close()  # stop the workers now, not when garbage collected


def _in_order(stream: Iterator[tuple[int, BatchResult]]) -> Iterator[BatchResult]:
    buffered: dict[int, BatchResult] = {}
    expected = 0
    try:
        for index, result in stream:
            buffered[index] = result
            while expected in buffered:
                yield buffered.pop(expected)
                expected += 1
    finally:
        close = getattr(stream, "close", None)
        if close is not None:
            close()
