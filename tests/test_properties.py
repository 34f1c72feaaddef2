"""Property tests (hypothesis) over the text pipeline and the format sniffing.

Whatever Unicode text a CV holds (control characters, right-to-left scripts, emoji, long
tokens, runs of digits, ``%`` and ``£``), analysing it either gives a report whose role
scores lie in 0-100 and which is the same every time, or raises a cvscan error; and any
bytes at all, dressed up as a PDF, DOCX or text file, give a Document or a cvscan error.
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cvscan
from cvscan.errors import CvscanError
from cvscan.report import report_schema

jsonschema = pytest.importorskip("jsonschema")

PROFILE = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces a CV is made of, and pieces that break naive text handling.
WORDS = [
    "Python", "PyTorch", "TensorFlow", "scikit-learn", "SQL", "Kubernetes", "Docker", "MLflow", "R", "Go",
    "C++", "C#", "Spark", "LLM", "RAG", "NLP", "AWS", "GCP", "Azure", "ONNX", "CUDA", "Airflow", "Kafka",
    "EXPERIENCE", "Skills:", "Education", "SUMMARY", "Led", "Built", "Reduced", "Improved", "latency",
    "revenue", "by", "to", "from", "a", "the", "team", "of", "users", "models", "per", "day",
    "40%", "£1.2m", "$3M", "€250k", "10x", "3.5x", "99.9%", "1,000,000", "2019-2023", "Q3", "#1", "top-5",
    "+44 20 7946 0000", "jane@example.com", "https://github.com/jane", "•", "-", "*", "–", "—", "|",
    "مهندس", "תעשייה", "機械学習", "데이터", "Ünïcödé", "naïve", "\u200b", "\u202e", "\u00ad", "\ufeff",
    "🚀", "👩\u200d💻", "🇬🇧", "\x00", "\x07", "\x1b[31m", "\r", "\t", "\x0c", "\u2028", "\ufffd",
    "%%", "££££", "1" * 40, "%" * 12, "9" * 200,
]
SEPARATORS = [" ", " ", " ", "\n", "\n\n", ", ", "; ", " | ", "\t", ": ", ""]

unicode_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=400)
token = st.one_of(
    st.sampled_from(WORDS),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=60),
    st.text(st.sampled_from("0123456789%£$.,x+-"), min_size=1, max_size=60),
    st.text(st.characters(exclude_categories=("Cs", "Z", "C")), min_size=200, max_size=500),  # long tokens
)
# Separators include "": words glue to digit runs and punctuation ("Python1111...1y", ".,.,.,"),
# which once made the version stripper backtrack and spaCy's tokenizer go quadratic.
cv_like = st.lists(st.tuples(token, st.sampled_from(SEPARATORS)), max_size=120).map(
    lambda pairs: "".join(t + sep for t, sep in pairs))


@pytest.fixture(scope="module")
def analyzer() -> Any:
    return cvscan.Analyzer()


def _analyze(analyzer: Any, data: bytes) -> Any:
    """The report, or None for a cvscan error; anything else fails."""
    try:
        return analyzer.analyze(data)
    except CvscanError:
        return None


def _check_report(report: Any) -> None:
    assert report.roles
    for fit in [*report.roles, *([report.job] if report.job else [])]:
        assert math.isfinite(fit.score) and 0.0 <= fit.score <= 100.0, (fit.role, fit.score)
    scores = [fit.score for fit in report.roles]
    assert scores == sorted(scores, reverse=True)  # best first
    jsonschema.validate(report.to_dict(), report_schema())


@PROFILE
@given(text=st.one_of(cv_like, unicode_text))
def test_any_text_analyses_or_raises_a_cvscan_error(analyzer: Any, text: str) -> None:
    data = text.encode("utf-8")
    first = _analyze(analyzer, data)
    if first is None:
        return
    _check_report(first)
    second = _analyze(analyzer, data)
    assert second is not None and second.to_dict() == first.to_dict()  # deterministic


@PROFILE
@given(text=cv_like)
def test_a_cv_with_a_real_core_always_gets_a_report(analyzer: Any, text: str) -> None:
    """A recognisable CV stays analysable whatever noise follows it (after a blank line, so
    the noise cannot be read as the continuation of the CV's last sentence)."""
    core = "Jane Doe\n\nEXPERIENCE\n\nBuilt PyTorch models in Python, cutting latency by 40%.\n\n"
    report = _analyze(analyzer, (core + text).replace("\x00", "").encode("utf-8"))
    if report is None:  # only when the noise makes it look binary: control or replacement characters
        assert re.search("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]", text), "a CV with noise was refused"
        return
    _check_report(report)
    assert "PyTorch" in {s.name for s in report.skills}


@PROFILE
@given(text=st.text(st.characters(exclude_categories=("Cs", "Cc", "Cf", "Co", "Cn")), min_size=1, max_size=600))
def test_utf8_and_utf16_files_analyse_alike(analyzer: Any, text: str) -> None:
    """The encoding of a text CV does not change its analysis."""
    a = _analyze(analyzer, text.encode("utf-8"))
    b = _analyze(analyzer, text.encode("utf-16"))
    if a is None or b is None:
        assert a is None and b is None
        return
    da, db = a.to_dict(), b.to_dict()
    for d in (da, db):
        d["source"].pop("sha256")
    assert da == db


# -- slow paths found by fuzzing, now fixed ---------------------------------------------------


@pytest.mark.timeout(30)
def test_digits_glued_to_a_word_do_not_hang(analyzer: Any) -> None:
    report = analyzer.analyze(b"Jane Doe\nSkills: Python" + b"1" * 40 + b"y, SQL\n")
    _check_report(report)


@pytest.mark.timeout(30)
def test_long_punctuation_runs_do_not_hang(analyzer: Any) -> None:
    report = analyzer.analyze(b"Jane Doe\nEXPERIENCE\nBuilt Python tools.\n" + b".," * 20_000 + b"\n")
    _check_report(report)


# -- arbitrary bytes through format detection and the parsers ------------------------------

_MAGIC = [b"", b"%PDF-1.4\n", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
          b"{\\rtf1", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"<html>", b"\x89PNG\r\n\x1a\n"]


@settings(max_examples=150, deadline=None)
@given(head=st.sampled_from(_MAGIC), body=st.binary(max_size=4000))
def test_any_bytes_give_a_document_or_a_cvscan_error(head: bytes, body: bytes) -> None:
    try:
        document = cvscan.load_document(head + body)
    except CvscanError:
        return
    assert document.format in ("pdf", "docx", "txt")
    assert all(b.text for b in document.blocks)


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_CT = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
       '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
       '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
       'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
_RELS = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
         'officeDocument" Target="word/document.xml"/></Relationships>')


@settings(max_examples=80, deadline=None)
@given(text=unicode_text, junk=st.binary(max_size=200), where=st.sampled_from(["text", "xml", "rels", "types"]))
def test_docx_with_odd_content_gives_a_document_or_a_cvscan_error(text: str, junk: bytes, where: str) -> None:
    """Any text in a run, or junk bytes in place of a part, never leaks a library exception."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    document = (f'<?xml version="1.0" encoding="UTF-8"?><w:document {_W}><w:body><w:p><w:r><w:t>{escaped}'
                "</w:t></w:r></w:p></w:body></w:document>").encode("utf-8", "surrogatepass")
    parts = {"[Content_Types].xml": _CT.encode(), "_rels/.rels": _RELS.encode(), "word/document.xml": document}
    key = {"xml": "word/document.xml", "rels": "_rels/.rels", "types": "[Content_Types].xml"}.get(where)
    if key:
        parts[key] = parts[key][: len(parts[key]) // 2] + junk
    try:
        doc = cvscan.load_document(_zip(parts))
    except CvscanError:
        return
    assert doc.format == "docx"
