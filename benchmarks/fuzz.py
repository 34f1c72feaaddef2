"""Mutation fuzzer for cvscan's document parsers.

Takes the sample PDFs and DOCX files (``sample_cvs/``) and mutates them for a given time:
generic byte mutations (bit flips, interesting bytes, truncation, chunk deletion /
duplication / repetition, token splicing) and format-aware ones (PDF: numbers, object
references, names, xref table and ``startxref``, the inflated content of streams; DOCX: the
XML of a zip member, dropped / duplicated / renamed members, stored instead of deflated).
Each mutant goes through ``cvscan.load_document`` in this process (no subprocess per
input), under a per-input alarm, with the peak RSS of each input measured (Linux). Mutants
that give a new outcome join the pool and are mutated further.

Findings are saved to ``--out`` (one reproducer file plus a ``.txt`` with the details):

* ``crash``: an exception that is not a :class:`cvscan.CvscanError` escaped;
* ``hang``: the input ran past ``--timeout`` seconds (the alarm interrupted it);
* ``slow``: it finished, but took more than ``--slow`` seconds;
* ``memory``: its peak RSS rose more than ``--mem-mb`` above the RSS before it.

A parser stuck inside C code cannot be interrupted by the alarm: a watchdog thread then
saves the input as ``hang-hard-*`` and ends the run (the last input is also always in
``current.bin``).

Usage::

    python benchmarks/fuzz.py --seconds 600                    # default: 10 minutes
    python benchmarks/fuzz.py --seconds 60 --analyze           # also run the Analyzer on what parses
    python benchmarks/fuzz.py --replay /tmp/cvscan-fuzz/crash-*   # re-run saved reproducers
    python benchmarks/fuzz.py --atheris -- -max_total_time=600 # coverage-guided (pip install atheris)
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import random
import re
import signal
import sys
import tempfile
import threading
import time
import traceback
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "sample_cvs"


class Hang(BaseException):
    """Raised by the alarm; a BaseException so that no ``except Exception`` swallows it."""


# ---------------------------------------------------------------------------------------
# Mutators: each takes (data, rng) and returns new bytes
# ---------------------------------------------------------------------------------------

Mutator = Callable[[bytes, random.Random], bytes]

INTERESTING_BYTES = [0x00, 0x01, 0x7F, 0x80, 0xFF, 0x20, 0x0A, 0x0D, 0x25, 0x28, 0x29, 0x3C, 0x3E, 0x5B, 0x5D, 0x2F]
INTERESTING_NUMBERS = [b"0", b"-1", b"1", b"2147483647", b"2147483648", b"4294967296", b"-2147483649",
                       b"9223372036854775807", b"99999999999999999999", b"1e308", b"0.000001", b"NaN", b"-0",
                       b"65535", b"256", b"3.4e38", b"1000000"]
PDF_TOKENS = [b"<<", b">>", b"[", b"]", b"(", b")", b"<", b">", b"obj", b"endobj", b"stream", b"endstream",
              b"xref", b"trailer", b"startxref", b"%%EOF", b"R", b"0 0 R", b"1 0 R", b"/Type", b"/Pages",
              b"/Page", b"/Kids", b"/Parent", b"/Count", b"/Contents", b"/Resources", b"/Font", b"/XObject",
              b"/Filter", b"/FlateDecode", b"/LZWDecode", b"/ASCII85Decode", b"/ASCIIHexDecode", b"/RunLengthDecode",
              b"/DCTDecode", b"/DecodeParms", b"/Predictor", b"/Columns", b"/Length", b"/Encrypt", b"/ObjStm",
              b"/XRef", b"/W", b"/Index", b"/Prev", b"/Widths", b"/FirstChar", b"/ToUnicode", b"/Encoding",
              b"/Differences", b"/Subtype", b"/Form", b"/Image", b"/BBox", b"/Matrix", b"/MediaBox", b"/CropBox",
              b"/Rotate", b"/Annots", b"/OpenAction", b"/JS", b"/Names", b"null", b"true", b"false"]
CONTENT_OPS = [b"q", b"Q", b"BT", b"ET", b"Tj", b"TJ", b"'", b'"', b"Td", b"TD", b"Tm", b"T*", b"Tf", b"Tc",
               b"Tw", b"Tz", b"TL", b"Tr", b"Ts", b"cm", b"re", b"f", b"S", b"n", b"W", b"m", b"l", b"c", b"h",
               b"g", b"G", b"rg", b"RG", b"k", b"K", b"cs", b"sc", b"scn", b"Do", b"BI", b"ID", b"EI", b"BDC",
               b"EMC", b"gs", b"d0", b"d1", b"sh", b"/F1", b"/Im1", b"/Fm1", b"(x)", b"<00ff>", b"[(a) -250 (b)]"]
XML_SNIPPETS = [b"<w:p>", b"</w:p>", b"<w:r>", b"</w:r>", b"<w:t>", b"</w:t>", b"<w:tbl>", b"<w:tr>", b"<w:tc>",
                b"<w:sdt><w:sdtContent>", b"</w:sdtContent></w:sdt>", b"<w:vanish/>", b'<w:color w:val="FFFFFF"/>',
                b'<w:sz w:val="1"/>', b'<w:sz w:val="-5"/>', b'<w:sz w:val="99999999999"/>', b"<w:br/>",
                b'<w:pStyle w:val="Heading1"/>', b'<w:numId w:val="7"/>', b"&amp;", b"&#0;", b"&#x1F600;",
                b"&#xFFFF;", b"<![CDATA[x]]>", b"<!-- c -->", b"<?pi x?>", b"\xef\xbb\xbf", b"\x00", b"\xff",
                b'<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">',
                b"<w:txbxContent>", b'xmlns:w="urn:x"', b'<w:shd w:val="pct50" w:fill="zzzzzz"/>']


def _span(data: bytes, rng: random.Random, max_len: int = 64) -> tuple[int, int]:
    start = rng.randrange(len(data) + 1)
    return start, min(len(data), start + rng.randint(1, max_len))


def flip_bits(data: bytes, rng: random.Random) -> bytes:
    if not data:
        return data
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def set_bytes(data: bytes, rng: random.Random) -> bytes:
    if not data:
        return bytes([rng.choice(INTERESTING_BYTES)])
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        out[rng.randrange(len(out))] = rng.choice(INTERESTING_BYTES) if rng.random() < 0.7 else rng.randrange(256)
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data) + 1)] if data else data


def delete_chunk(data: bytes, rng: random.Random) -> bytes:
    a, b = _span(data, rng, 4096)
    return data[:a] + data[b:]


def duplicate_chunk(data: bytes, rng: random.Random) -> bytes:
    a, b = _span(data, rng, 4096)
    at = rng.randrange(len(data) + 1)
    return data[:at] + data[a:b] + data[at:]


def repeat_chunk(data: bytes, rng: random.Random) -> bytes:
    a, b = _span(data, rng, 32)
    return data[:a] + data[a:b] * rng.choice([10, 100, 1000, 10000]) + data[b:]


def insert_random(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data) + 1)
    return data[:at] + rng.randbytes(rng.randint(1, 64)) + data[at:]


def splice_token(data: bytes, rng: random.Random) -> bytes:
    tokens = PDF_TOKENS if b"%PDF" in data[:1024] else XML_SNIPPETS
    at = rng.randrange(len(data) + 1)
    return data[:at] + b" " + rng.choice(tokens) + b" " + data[at:]


_NUMBER = re.compile(rb"(?<![\w.])-?\d+(?:\.\d+)?(?![\w.])")
_REF = re.compile(rb"\b(\d+) (\d+) R\b")
_NAME = re.compile(rb"/[A-Za-z][A-Za-z0-9]*")
_STREAM = re.compile(rb"stream\r?\n")


def _replace_random_match(data: bytes, pattern: re.Pattern[bytes], rng: random.Random,
                          make: Callable[[re.Match[bytes]], bytes]) -> bytes:
    window_start = rng.randrange(max(1, len(data) - 65536)) if len(data) > 65536 else 0
    matches = list(pattern.finditer(data, window_start, window_start + 65536))
    if not matches:
        return data
    m = rng.choice(matches)
    return data[: m.start()] + make(m) + data[m.end():]


def pdf_number(data: bytes, rng: random.Random) -> bytes:
    return _replace_random_match(data, _NUMBER, rng, lambda m: rng.choice(INTERESTING_NUMBERS)
                                 if rng.random() < 0.7 else str(int(m.group(0).split(b".")[0]) + rng.randint(-3, 3)).encode())


def pdf_ref(data: bytes, rng: random.Random) -> bytes:
    refs = [int(m.group(1)) for m in _REF.finditer(data[:200000])] or [1]
    return _replace_random_match(data, _REF, rng, lambda m: b"%d %d R" % (rng.choice(refs), rng.choice([0, 0, 0, 1, 65535])))


def pdf_name(data: bytes, rng: random.Random) -> bytes:
    names = [t for t in PDF_TOKENS if t.startswith(b"/")]
    return _replace_random_match(data, _NAME, rng, lambda m: rng.choice(names))


def pdf_xref(data: bytes, rng: random.Random) -> bytes:
    """Damage the classic xref table or the startxref offset."""
    choice = rng.random()
    sx = data.rfind(b"startxref")
    if choice < 0.3 and sx != -1:
        end = data.find(b"%%EOF", sx)
        return data[: sx + 9] + b"\n" + rng.choice(INTERESTING_NUMBERS) + b"\n" + (data[end:] if end != -1 else b"")
    xref = data.rfind(b"\nxref")
    if xref == -1:
        return pdf_number(data, rng)
    table_end = data.find(b"trailer", xref)
    table_end = table_end if table_end != -1 else min(len(data), xref + 4096)
    lines = data[xref:table_end].split(b"\n")
    for _ in range(rng.randint(1, 5)):
        i = rng.randrange(len(lines))
        if len(lines[i]) >= 18:
            lines[i] = b"%010d %05d %s " % (rng.choice([0, 1, 10, len(data), len(data) * 2, rng.randrange(len(data) + 1)]),
                                            rng.choice([0, 0, 65535]), rng.choice([b"n", b"f"]))
        elif rng.random() < 0.5:
            lines[i] = b"0 " + rng.choice(INTERESTING_NUMBERS)
    return data[:xref] + b"\n".join(lines) + data[table_end:]


def _streams(data: bytes) -> list[tuple[int, int]]:
    """(start, end) of stream bodies (between ``stream\\n`` and ``endstream``)."""
    out = []
    for m in _STREAM.finditer(data):
        end = data.find(b"endstream", m.end())
        if end != -1:
            out.append((m.end(), end))
    return out


def content_soup(content: bytes, rng: random.Random) -> bytes:
    """Mutate decoded content-stream operators."""
    tokens = content.split()
    if not tokens:
        tokens = [b"BT"]
    for _ in range(rng.randint(1, 8)):
        if not tokens:
            tokens = [rng.choice(CONTENT_OPS)]
        action = rng.random()
        i = rng.randrange(len(tokens))
        if action < 0.3:
            tokens.insert(i, rng.choice(CONTENT_OPS))
        elif action < 0.5:
            tokens[i] = rng.choice(INTERESTING_NUMBERS)
        elif action < 0.6:
            del tokens[i]
        elif action < 0.7:
            tokens[i:i] = tokens[i:i + rng.randint(1, 20)] * rng.choice([2, 50, 1000])
        elif action < 0.8:
            depth = rng.choice([10, 1000, 100000])
            tokens.insert(i, rng.choice([b"[" * depth + b"]" * depth, b"<<" * depth + b">>" * depth]))
        else:
            tokens.insert(i, rng.choice(CONTENT_OPS) + rng.choice(CONTENT_OPS))
    return b" ".join(tokens)


def pdf_stream(data: bytes, rng: random.Random) -> bytes:
    """Inflate a stream, mutate what is inside, deflate it again (and fix its /Length)."""
    streams = _streams(data)
    if not streams:
        return flip_bits(data, rng)
    start, end = rng.choice(streams)
    raw = data[start:end].rstrip(b"\r\n")
    try:
        inner = zlib.decompressobj().decompress(raw, 8 << 20)
        compressed = True
    except zlib.error:
        inner, compressed = raw, False
    action = rng.random()
    if action < 0.5:
        inner = content_soup(inner, rng)
    elif action < 0.7:
        inner = rng.choice([flip_bits, truncate, delete_chunk, duplicate_chunk, insert_random])(inner, rng)
    elif action < 0.85 and compressed:
        body = zlib.compress(inner)  # valid deflate, then damage the compressed bytes
        body = rng.choice([flip_bits, truncate])(body, rng)
        return _set_stream(data, start, end, body)
    else:
        inner = inner * rng.choice([2, 10, 100])
    body = zlib.compress(inner) if compressed else inner
    return _set_stream(data, start, end, body)


def _set_stream(data: bytes, start: int, end: int, body: bytes) -> bytes:
    out = data[:start] + body + b"\n" + data[end:]
    dict_start = data.rfind(b"<<", max(0, start - 2048), start)
    if dict_start != -1:
        head = out[dict_start:start]
        fixed = re.sub(rb"/Length\s+\d+(?:\s+\d+\s+R)?", b"/Length %d" % len(body), head, count=1)
        out = out[:dict_start] + fixed + out[start:]
    return out


def _rezip(data: bytes, edit: Callable[[list[tuple[zipfile.ZipInfo, bytes]]], None]) -> bytes:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as src:
            members = [(info, src.read(info)) for info in src.infolist()]
    except Exception:  # noqa: BLE001 - an already broken zip: mutate the bytes instead
        return b""
    edit(members)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info, blob in members:
            try:
                dst.writestr(info, blob)
            except (ValueError, OverflowError):
                continue
    return out.getvalue()


def xml_mutate(blob: bytes, rng: random.Random) -> bytes:
    action = rng.random()
    if action < 0.25:
        at = rng.randrange(len(blob) + 1)
        return blob[:at] + rng.choice(XML_SNIPPETS) + blob[at:]
    tags = [m.span() for m in re.finditer(rb"<[^<>]{1,200}>", blob[:500000])]
    if not tags:
        return flip_bits(blob, rng)
    a, b = rng.choice(tags)
    if action < 0.45:
        return blob[:a] + blob[b:]  # drop one tag: unbalanced
    if action < 0.6:
        c, d = rng.choice(tags)
        lo, hi = min(a, c), max(b, d)
        return blob[:hi] + blob[lo:hi] * rng.choice([2, 10, 200]) + blob[hi:]  # duplicate a range
    if action < 0.8:
        return _replace_random_match(blob, re.compile(rb'="[^"]*"'), rng,
                                     lambda m: b'="' + rng.choice(INTERESTING_NUMBERS + [b"", b"auto", b"FFFFFF", b"\xff\xfe"]) + b'"')
    return rng.choice([flip_bits, truncate, delete_chunk, set_bytes])(blob, rng)


def docx_member(data: bytes, rng: random.Random) -> bytes:
    def edit(members: list[tuple[zipfile.ZipInfo, bytes]]) -> None:
        xml = [i for i, (info, _) in enumerate(members) if info.filename.endswith((".xml", ".rels"))]
        if not xml:
            return
        weights = [8 if members[i][0].filename == "word/document.xml" else 1 for i in xml]
        i = rng.choices(xml, weights)[0]
        info, blob = members[i]
        for _ in range(rng.randint(1, 3)):
            blob = xml_mutate(blob, rng)
        members[i] = (info, blob)

    return _rezip(data, edit) or flip_bits(data, rng)


def docx_structure(data: bytes, rng: random.Random) -> bytes:
    def edit(members: list[tuple[zipfile.ZipInfo, bytes]]) -> None:
        if not members:
            return
        i = rng.randrange(len(members))
        info, blob = members[i]
        action = rng.random()
        if action < 0.3:
            del members[i]
        elif action < 0.5:
            members.append((info, blob))  # duplicate name
        elif action < 0.7:
            clone = zipfile.ZipInfo(rng.choice(["word/document.xml", "word/styles.xml", "[Content_Types].xml",
                                                "_rels/.rels", "word/_rels/document.xml.rels", "word/header1.xml",
                                                "word/numbering.xml", "docProps/app.xml", "../evil.xml", "/abs.xml"]),
                                    info.date_time)
            clone.compress_type = info.compress_type
            members[i] = (clone, blob)
        else:
            info.compress_type = zipfile.ZIP_STORED if info.compress_type == zipfile.ZIP_DEFLATED else zipfile.ZIP_DEFLATED

    return _rezip(data, edit) or truncate(data, rng)


GENERIC: list[Mutator] = [flip_bits, set_bytes, truncate, delete_chunk, duplicate_chunk, repeat_chunk,
                          insert_random, splice_token]
PDF: list[Mutator] = [pdf_number, pdf_ref, pdf_name, pdf_xref, pdf_stream, pdf_stream, pdf_stream]
DOCX: list[Mutator] = [docx_member, docx_member, docx_member, docx_structure]


def mutate(data: bytes, rng: random.Random, max_size: int = 4 << 20) -> tuple[bytes, list[str]]:
    """Apply 1-4 mutations suited to the data; return the mutant and the mutators used."""
    is_pdf = b"%PDF" in data[:1024]
    is_zip = data[:2] == b"PK"
    used = []
    for _ in range(rng.choice([1, 1, 2, 2, 3, 4])):
        pool = PDF if is_pdf else DOCX if is_zip else GENERIC
        mutator = rng.choice(pool if rng.random() < 0.7 else GENERIC)
        data = mutator(data, rng)[:max_size]
        used.append(mutator.__name__)
    return data, used


# ---------------------------------------------------------------------------------------
# Running one input
# ---------------------------------------------------------------------------------------


def _reset_peak() -> bool:
    try:
        with open("/proc/self/clear_refs", "w") as handle:
            handle.write("5")  # resets VmHWM (Linux >= 4.0)
        return True
    except OSError:
        return False


def _status_mb(field: str) -> float | None:
    """``VmHWM`` (peak) or ``VmRSS`` (current) of this process in MB, None off Linux."""
    try:
        with open("/proc/self/status") as handle:
            for line in handle:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _alarm(signum: int, frame: object) -> None:
    raise Hang()


_OURS = ("/cvscan/", "/pdfminer/", "/docx/", "/lxml/", "zipfile")


def _where(tb: traceback.StackSummary) -> str:
    """The innermost frame in cvscan or a parsing library, as ``file:line:function``
    (an alarm can land in any helper, e.g. ``logging.debug``; the caller is the story)."""
    frames = [f for f in tb if "benchmarks/fuzz.py" not in f.filename.replace(os.sep, "/")]
    ours = [f for f in frames if any(part in f.filename.replace(os.sep, "/") for part in _OURS)]
    last = (ours or frames or [None])[-1]
    if last is None:
        return "?"
    return f"{Path(last.filename).parent.name}/{Path(last.filename).name}:{last.lineno}:{last.name}"


class Runner:
    """Runs inputs through load_document (and optionally the Analyzer) and records findings."""

    def __init__(self, out: Path, timeout: float, slow: float, mem_mb: float, analyze: bool) -> None:
        import cvscan

        self.cvscan = cvscan
        self.analyzer = cvscan.Analyzer() if analyze else None
        self.out = out
        self.timeout = timeout
        self.slow = slow
        self.mem_mb = mem_mb
        self.outcomes: Counter[str] = Counter()
        self.findings: dict[str, dict[str, object]] = {}
        self.can_measure = _reset_peak()
        self.current_started = 0.0
        self.current: bytes = b""
        signal.signal(signal.SIGALRM, _alarm)

    def run(self, data: bytes, origin: str) -> str:
        """Run one input; return its outcome label (error class name, 'ok', or a finding kind)."""
        self.current = data
        (self.out / "current.bin").write_bytes(data)
        before = None
        if self.can_measure:
            _reset_peak()  # the peak restarts from the current RSS
            before = _status_mb("VmRSS")
        started = self.current_started = time.perf_counter()
        label = "ok"
        signal.setitimer(signal.ITIMER_REAL, self.timeout)
        try:
            document = self.cvscan.load_document(data)
            if self.analyzer is not None:
                report = self.analyzer.analyze_document(document)
                assert all(0 <= fit.score <= 100 for fit in report.roles), "role score out of range"
                report.to_json()
        except Hang:
            signal.setitimer(signal.ITIMER_REAL, 0)
            stack = traceback.extract_tb(sys.exc_info()[2])
            label = "hang"
            self._save("hang", _where(stack), data, origin, "".join(traceback.format_list(stack[-25:])))
        except self.cvscan.CvscanError as exc:
            label = type(exc).__name__
        except BaseException as exc:  # noqa: BLE001 - a crash is what we are looking for
            signal.setitimer(signal.ITIMER_REAL, 0)
            if isinstance(exc, KeyboardInterrupt):
                raise
            stack = traceback.extract_tb(exc.__traceback__)
            label = "crash"
            self._save("crash", f"{type(exc).__name__}@{_where(stack)}", data, origin,
                       "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)[-40:]))
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            self.current_started = 0.0
        elapsed = time.perf_counter() - started
        if label not in ("hang", "crash") and elapsed > self.slow:
            self._save("slow", f"{label}-{elapsed:.0f}s", data, origin, f"{elapsed:.1f} s, outcome {label}")
        peak = _status_mb("VmHWM") if self.can_measure else None
        if peak is not None and before is not None and peak - before > self.mem_mb:
            self._save("memory", f"{label}-{peak - before:.0f}MB", data, origin,
                       f"peak RSS {peak:.0f} MB, {peak - before:.0f} MB over the {before:.0f} MB before it; "
                       f"outcome {label}")
        kind = "pdf" if b"%PDF" in data[:1024] else "zip" if data[:2] == b"PK" else "other"
        self.outcomes[f"{kind}:{label}"] += 1
        return label

    def _save(self, kind: str, signature: str, data: bytes, origin: str, details: str) -> None:
        key = f"{kind}:{signature}"
        digest = hashlib.sha256(data).hexdigest()[:12]
        ext = ".pdf" if b"%PDF" in data[:1024] else ".docx" if data[:2] == b"PK" else ".bin"
        if key in self.findings:
            self.findings[key]["count"] = int(self.findings[key]["count"]) + 1  # type: ignore[call-overload]
            if len(data) >= int(self.findings[key]["bytes"]):  # type: ignore[call-overload]
                return  # keep the smallest reproducer
        name = f"{kind}-{re.sub(r'[^A-Za-z0-9_.@-]+', '_', signature)[:80]}-{digest}{ext}"
        old = self.findings.get(key, {}).get("file")
        if old:
            for stale in (self.out / str(old), self.out / f"{old}.txt"):
                stale.unlink(missing_ok=True)
        (self.out / name).write_bytes(data)
        (self.out / f"{name}.txt").write_text(f"{kind}: {signature}\nfrom: {origin}\nbytes: {len(data)}\n\n{details}\n",
                                             encoding="utf-8")
        count = int(self.findings.get(key, {}).get("count", 0)) + 1  # type: ignore[call-overload]
        self.findings[key] = {"kind": kind, "signature": signature, "file": name, "bytes": len(data),
                              "count": count, "origin": origin}
        print(f"  [{kind}] {signature} -> {name}", flush=True)


def _watchdog(runner: Runner, hard_timeout: float) -> None:
    """Save an input stuck in C code (the alarm cannot interrupt it) and end the run."""
    while True:
        time.sleep(1.0)
        started = runner.current_started
        if started and time.perf_counter() - started > hard_timeout:
            data = runner.current
            name = f"hang-hard-{hashlib.sha256(data).hexdigest()[:12]}.bin"
            (runner.out / name).write_bytes(data)
            print(f"\n  [hang-hard] stuck for {hard_timeout:.0f} s in uninterruptible code -> {name}; stopping",
                  flush=True)
            _summary(runner, 0, time.perf_counter())
            os._exit(3)


def _summary(runner: Runner, iterations: int, started: float) -> dict[str, object]:
    elapsed = time.perf_counter() - started
    summary = {
        "iterations": iterations,
        "seconds": round(elapsed, 1),
        "per_second": round(iterations / elapsed, 1) if elapsed else 0.0,
        "outcomes": dict(runner.outcomes.most_common()),
        "findings": list(runner.findings.values()),
    }
    print(json.dumps(summary, indent=2), flush=True)
    (runner.out / "summary.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    return summary


def _seeds(paths: list[Path]) -> list[tuple[str, bytes]]:
    files: list[Path] = []
    for path in paths:
        files += sorted(p for p in path.iterdir() if p.suffix in (".pdf", ".docx")) if path.is_dir() else [path]
    return [(f.name, f.read_bytes()) for f in files]


def _quiet() -> None:
    """Keep pdfminer's warnings and zipfile's duplicate-name warnings off the console."""
    import logging
    import warnings

    logging.getLogger().addHandler(logging.NullHandler())
    logging.getLogger("pdfminer").setLevel(logging.CRITICAL)
    warnings.simplefilter("ignore")


def fuzz(args: argparse.Namespace) -> int:
    _quiet()
    args.out.mkdir(parents=True, exist_ok=True)
    runner = Runner(args.out, args.timeout, args.slow, args.mem_mb, args.analyze)
    threading.Thread(target=_watchdog, args=(runner, max(args.timeout * 3, args.timeout + 30)), daemon=True).start()
    seeds = _seeds(args.seeds)
    if not seeds:
        print("no seed files", file=sys.stderr)
        return 2
    rng = random.Random(args.seed)
    pool: list[tuple[str, bytes]] = list(seeds)
    seen: set[str] = set()
    for name, data in seeds:
        seen.add(runner.run(data, f"seed {name}"))
    started = time.perf_counter()
    last_report = started
    iterations = 0
    print(f"fuzzing {len(seeds)} seeds for {args.seconds:.0f} s (seed {args.seed}), findings in {args.out}", flush=True)
    try:
        while time.perf_counter() - started < args.seconds:
            origin, parent = rng.choice(pool) if rng.random() < 0.3 else rng.choice(seeds)
            child, used = mutate(parent, rng)
            label = runner.run(child, f"{origin} + {'+'.join(used)}")
            iterations += 1
            signature = f"{label}:{'+'.join(sorted(set(used)))}"
            if signature not in seen and len(pool) < 500 and len(child) < (2 << 20):
                seen.add(signature)
                pool.append((f"{origin}+{used[0]}", child))
            now = time.perf_counter()
            if now - last_report >= 60:
                last_report = now
                rss = _status_mb("VmRSS")
                print(f"{now - started:6.0f} s  {iterations} inputs ({iterations / (now - started):.1f}/s)  "
                      f"rss {rss or 0:.0f} MB  findings {len(runner.findings)}  "
                      f"{dict(runner.outcomes.most_common(6))}", flush=True)
    except KeyboardInterrupt:
        print("interrupted", flush=True)
    summary = _summary(runner, iterations, started)
    return 1 if any(f["kind"] in ("crash", "hang") for f in summary["findings"]) else 0  # type: ignore[index, union-attr]


def replay(args: argparse.Namespace) -> int:
    """Re-run saved reproducers and print what each gives now."""
    _quiet()
    runner = Runner(args.out, args.timeout, args.slow, args.mem_mb, args.analyze)
    for path in args.replay:
        if path.suffix == ".txt":
            continue
        started = time.perf_counter()
        label = runner.run(path.read_bytes(), f"replay {path.name}")
        print(f"{path.name}: {label} ({time.perf_counter() - started:.2f} s)")
    return 0


def run_atheris(extra: list[str]) -> int:
    """Coverage-guided fuzzing with atheris/libFuzzer, seeded with the samples, using these
    mutators half of the time and libFuzzer's own the other half."""
    import atheris  # type: ignore[import-not-found]

    _quiet()

    with atheris.instrument_imports(include=["cvscan", "pdfminer", "docx", "zipfile"]):
        import cvscan
        import cvscan.parse.docx
        import cvscan.parse.pdf
        import cvscan.parse.text  # noqa: F401 - parsers are imported lazily: instrument them now

    def test_one_input(data: bytes) -> None:
        try:
            cvscan.load_document(data)
        except cvscan.CvscanError:
            pass

    def custom_mutator(data: bytes, max_size: int, seed: int) -> bytes:
        rng = random.Random(seed)
        if rng.random() < 0.5 or not data:
            return atheris.Mutate(data, max_size)
        return mutate(data, rng, max_size)[0]

    corpus = Path(os.environ.get("CVSCAN_FUZZ_CORPUS", "/tmp/cvscan-atheris-corpus"))
    corpus.mkdir(parents=True, exist_ok=True)
    for name, data in _seeds([SEEDS]):
        (corpus / name).write_bytes(data)
    argv = [sys.argv[0], *extra, str(corpus)]
    atheris.Setup(argv, test_one_input, custom_mutator=custom_mutator)
    atheris.Fuzz()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Mutation fuzzer for cvscan.load_document")
    parser.add_argument("--seconds", type=float, default=600.0, help="how long to fuzz (default 600)")
    parser.add_argument("--seed", type=int, default=int(time.time()), help="random seed (default: the time)")
    parser.add_argument("--seeds", type=Path, nargs="*", default=[SEEDS], help="seed files or folders")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "cvscan-fuzz",
                        help="where reproducers go (default: <tmp>/cvscan-fuzz)")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per input before it is a hang")
    parser.add_argument("--slow", type=float, default=5.0, help="seconds per input that count as slow")
    parser.add_argument("--mem-mb", type=float, default=400.0,
                        help="growth of the peak RSS during one input that counts as a finding (MB)")
    parser.add_argument("--analyze", action="store_true", help="also run the Analyzer on documents that parse")
    parser.add_argument("--replay", type=Path, nargs="+", help="re-run saved reproducers instead of fuzzing")
    parser.add_argument("--atheris", action="store_true", help="coverage-guided mode; pass libFuzzer flags after --")
    args, extra = parser.parse_known_args(argv)
    if args.atheris:
        return run_atheris([a for a in extra if a != "--"])
    if extra:
        parser.error(f"unknown arguments: {' '.join(extra)}")
    if args.replay:
        args.out.mkdir(parents=True, exist_ok=True)
        return replay(args)
    return fuzz(args)


if __name__ == "__main__":
    sys.exit(main())
