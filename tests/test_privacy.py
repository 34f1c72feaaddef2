"""Privacy: a CV never leaves the machine and never lands in the logs.

* With every network call refused, an Analyzer builds (spaCy is a blank pipeline, nothing
  is downloaded) and analyses the sample CVs; no connection is even attempted.
* Log records at INFO or above, from cvscan or any library it uses, never quote the CV:
  checked on good CVs and on the broken ones of the bad-input corpus, whose failures are
  where a library would be tempted to log what it choked on.
* Error messages of the corpus do not quote the CV either (they end up in batch CSVs).
* Analysing writes no file: not in the working directory, not in a cache under HOME.
"""

from __future__ import annotations

import logging
import os
import socket
from pathlib import Path
from typing import Any

import pytest
import yaml

import cvscan
from cvscan.errors import CvscanError

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent / "sample_cvs"
CORPUS = HERE / "bad_inputs"
GOOD = ["ml_engineer.pdf", "data_scientist.docx", "nlp_engineer.txt", "hidden_text.pdf", "ml_consultant.docx"]
CORPUS_CV = CORPUS / "=HYPERLINK(1) cv.txt"  # the CV text most corpus files are built from


class NetworkAttempt(AssertionError):
    """Raised (and recorded) when code tries to use the network."""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Refuse network sockets, connections, sends and DNS; return the attempts to connect,
    send or resolve (creating a socket is refused too, but not recorded: urllib3, imported
    by spaCy, probes for IPv6 support at import time without sending anything)."""
    attempts: list[str] = []
    real_socket = socket.socket

    def refuse(what: str, record: bool = True) -> Any:
        def raiser(*args: object, **kwargs: object) -> Any:
            if record:
                attempts.append(f"{what}{args[:2]!r}")
            raise NetworkAttempt(f"network use during analysis: {what}")
        return raiser

    class GuardedSocket(real_socket):  # type: ignore[misc, valid-type]
        def __init__(self, family: int = -1, *args: Any, **kwargs: Any) -> None:
            if family != getattr(socket, "AF_UNIX", object()):
                refuse("socket", record=False)(family)
            super().__init__(family, *args, **kwargs)

    monkeypatch.setattr(socket, "socket", GuardedSocket)
    for name in ("connect", "connect_ex", "sendto", "sendall", "send"):
        monkeypatch.setattr(real_socket, name, refuse(f"socket.{name}"))
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex"):
        monkeypatch.setattr(socket, name, refuse(name))
    return attempts


def test_analysis_works_with_the_network_disabled(no_network: list[str]) -> None:
    analyzer = cvscan.Analyzer()  # built inside the guard: no model download, no telemetry
    for name in GOOD:
        report = analyzer.analyze(SAMPLES / name)
        assert report.roles and report.best_role is not None
    report = analyzer.analyze(SAMPLES / "nlp_engineer.txt", job="Python NLP engineer with PyTorch and spaCy")
    assert report.job is not None
    assert no_network == []


def test_the_pipeline_is_blank_spacy(no_network: list[str]) -> None:
    analyzer = cvscan.Analyzer()
    nlp = analyzer.nlp
    assert nlp.lang == "en"
    assert nlp.vocab.vectors.shape[0] == 0  # no vectors: nothing was loaded from a model package
    assert not any(name in nlp.pipe_names for name in ("tagger", "parser", "ner", "tok2vec", "transformer"))
    assert no_network == []


def _sentences(text: str) -> set[str]:
    """Lines and sentences of a CV long enough to be unmistakably its content."""
    pieces: set[str] = set()
    for line in text.splitlines():
        line = " ".join(line.split())
        if len(line) >= 25:
            pieces.add(line)
        for sentence in line.split(". "):
            if len(sentence) >= 25:
                pieces.add(sentence.strip())
    return pieces


def _corpus_cases() -> list[dict[str, Any]]:
    cases = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))["files"]
    return [c for c in cases if c.get("run", True) and not c.get("pending")]


def test_logs_at_info_and_above_never_quote_the_cv(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)  # every logger, INFO and above (DEBUG may quote the CV)
    analyzer = cvscan.Analyzer()
    secrets = _sentences(CORPUS_CV.read_text(encoding="utf-8"))
    for name in GOOD:
        secrets |= _sentences(cvscan.load_document(SAMPLES / name).text)
        analyzer.analyze(SAMPLES / name)
    for case in _corpus_cases():
        if case["expect"] == "ok" and case["bytes"] > 20_000:
            continue  # big but readable: slow to analyse, and no failure to log
        try:
            analyzer.analyze(CORPUS / case["file"])
        except CvscanError:
            pass
    assert len(secrets) > 50
    assert caplog.records, "nothing captured: the broken PDFs make pdfminer warn, so capture is broken"
    for record in caplog.records:
        message = record.getMessage() + (record.exc_text or "")
        for secret in secrets:
            assert secret not in message, f"{record.name} {record.levelname} logged CV text: {message[:200]!r}"


def test_error_messages_do_not_quote_the_cv() -> None:
    secrets = _sentences(CORPUS_CV.read_text(encoding="utf-8"))
    for case in _corpus_cases():
        if case["expect"] == "ok":
            continue
        try:
            cvscan.load_document(CORPUS / case["file"])
        except CvscanError as exc:
            message = str(exc)
            assert not any(s in message for s in secrets), f"{case['file']}: {message[:200]!r}"
            for sentence in secrets:  # nor a good part of one (a parser echoing what it choked on)
                assert sentence[:20] not in message, f"{case['file']}: {message[:200]!r}"


def test_analysis_writes_no_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    work = tmp_path / "work"
    home.mkdir()
    work.mkdir()
    for var in ("HOME", "USERPROFILE", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "TMPDIR"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(work)
    analyzer = cvscan.Analyzer()
    for name in GOOD:
        analyzer.analyze(SAMPLES / name)
    written = [str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file()]
    assert written == []
    assert os.listdir(work) == []
