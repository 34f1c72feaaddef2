"""Generate the hostile and broken input corpus in ``tests/bad_inputs/``.

Every file is written by hand-rolled Python (byte-level PDF, zip and OLE2 writers), so the
output is deterministic and needs no external tool; only the user-password PDF uses
reportlab (a dev dependency), in its invariant mode. The script also writes
``tests/bad_inputs/expected.yaml``: per file, the exact cvscan error class that
``cvscan.load_document`` must raise (or ``ok``) and a substring of its message.

The corpus is committed; the tests never regenerate it. Run again after changing a case::

    python scripts/make_bad_inputs.py            # writes tests/bad_inputs/
    python scripts/make_bad_inputs.py --check    # fails if the committed files differ

Some cases are created at test time instead (too big, or not representable in git): a
file over the 20 MB limit (sparse), an unreadable file (chmod 000), a directory passed as
a file, a symlink loop.
"""

from __future__ import annotations

import argparse
import io
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "bad_inputs"
ZIP_DATE = (2024, 1, 1, 0, 0, 0)

CV_LINES: list[tuple[float, str]] = [
    (18, "Jane Doe"),
    (10, "Machine Learning Engineer | jane.doe@example.com | +44 20 7946 0000 | London"),
    (13, "SUMMARY"),
    (10, "Machine learning engineer with 6 years of experience building NLP and recommender"),
    (10, "systems in Python and PyTorch, from research prototypes to production services."),
    (13, "EXPERIENCE"),
    (11, "Senior ML Engineer, Example Analytics Ltd, 2020 - 2025"),
    (10, "- Cut model inference latency by 40% by moving serving to ONNX Runtime on Kubernetes."),
    (10, "- Built a feature store with Spark and Airflow used by 12 product teams."),
    (10, "- Led a team of 4 engineers shipping a transformer-based search ranker (+8% CTR)."),
    (11, "Data Scientist, Sample Retail plc, 2018 - 2020"),
    (10, "- Trained gradient boosting models with scikit-learn and LightGBM to forecast demand."),
    (10, "- Saved \xa3250k a year by automating weekly reporting with SQL and Airflow."),
    (13, "SKILLS"),
    (10, "Python, PyTorch, scikit-learn, Docker, Kubernetes, SQL, MLflow, FastAPI, AWS"),
    (13, "EDUCATION"),
    (10, "MSc Computer Science, University of Edinburgh, 2018"),
]
CV_TEXT = "\n".join(text for _, text in CV_LINES) + "\n"
CHECK_TEXT = "ONNX Runtime"  # a phrase every readable CV in the corpus must yield


# ---------------------------------------------------------------------------------------
# PDF writer
# ---------------------------------------------------------------------------------------

Objects = dict[int, bytes]


def pdf_file(objects: Objects, *, root: int = 1, trailer: bytes = b"", version: bytes = b"1.7") -> bytes:
    """A PDF with a correct classic xref table for ``objects`` (number -> body)."""
    out = bytearray(b"%PDF-" + version + b"\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objects[num] + b"\nendobj\n"
    size = max(objects) + 1
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for num in range(1, size):
        out += b"%010d 00000 n \n" % offsets[num] if num in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root %d 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (size, root, trailer, start)
    return bytes(out)


def pdf_file_compact(objects: Objects, *, root: int = 1, packed: set[int] | None = None) -> bytes:
    """A PDF 1.5 with an xref stream; objects in ``packed`` (default: every non-stream
    object) go into one compressed object stream, so thousands of objects take a few KB."""
    if packed is None:
        packed = {n for n, body in objects.items() if b"stream\n" not in body}
    packed_ids = sorted(packed)
    objstm_num = max(objects) + 1
    xref_num = objstm_num + 1
    header, bodies, pos = [], [], 0
    for num in packed_ids:
        header.append(b"%d %d" % (num, pos))
        bodies.append(objects[num])
        pos += len(objects[num]) + 1
    head = b" ".join(header) + b"\n"
    objstm = stream(head + b"\n".join(bodies) + b"\n",
                    b" /Type /ObjStm /N %d /First %d" % (len(packed_ids), len(head)))
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for num in sorted(set(objects) - packed) + [objstm_num]:
        offsets[num] = len(out)
        body = objstm if num == objstm_num else objects[num]
        out += b"%d 0 obj\n" % num + body + b"\nendobj\n"
    index = {num: i for i, num in enumerate(packed_ids)}
    rows = []
    for num in range(xref_num + 1):
        if num in offsets:
            rows.append(struct.pack(">BIH", 1, offsets[num], 0))
        elif num in index:
            rows.append(struct.pack(">BIH", 2, objstm_num, index[num]))
        elif num == xref_num:
            rows.append(struct.pack(">BIH", 1, len(out), 0))
        else:
            rows.append(struct.pack(">BIH", 0, 0, 0xFFFF))
    start = len(out)
    xref = stream(b"".join(rows), b" /Type /XRef /Size %d /W [1 4 2] /Root %d 0 R" % (xref_num + 1, root))
    out += b"%d 0 obj\n" % xref_num + xref + b"\nendobj\nstartxref\n%d\n%%%%EOF\n" % start
    return bytes(out)


def stream(data: bytes, extra: bytes = b"", *, flate: bool = True) -> bytes:
    """A stream object body, FlateDecode-compressed unless ``flate`` is False."""
    if flate:
        data = zlib.compress(data, 9)
        extra = b" /Filter /FlateDecode" + extra
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def cv_content(lines: list[tuple[float, str]] = CV_LINES, top: float = 790) -> bytes:
    """Text operators drawing ``lines`` down an A4 page."""
    ops = [b"BT", b"56 %.1f Td" % top]
    for size, text in lines:
        ops.append(b"/F1 %.1f Tf 0 -%.1f Td %s Tj" % (size, size * 1.6, pdf_string(text)))
    ops.append(b"ET")
    return b"\n".join(ops) + b"\n"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R /Resources << /Font << /F1 5 0 R >>%s >> >>"


def text_pdf_objects(content: bytes | None = None, *, catalog_extra: bytes = b"") -> Objects:
    """Catalog 1, Pages 2, Page 3, content 4, font 5: a one-page CV."""
    return {
        1: b"<< /Type /Catalog /Pages 2 0 R%s >>" % catalog_extra,
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: PAGE % (4, b""),
        4: stream(cv_content() if content is None else content),
        5: FONT,
    }


def valid_pdf() -> bytes:
    objects = {**text_pdf_objects(), 6: b"<< /Producer (cvscan bad-input corpus) >>"}
    return pdf_file(objects, trailer=b" /Info 6 0 R")


def truncated_pdf() -> bytes:
    data = valid_pdf()
    return data[: int(len(data) * 0.45)]


def broken_xref_pdf() -> bytes:
    """Every xref offset is wrong and startxref points into the middle of an object."""
    data = bytearray(valid_pdf())
    start = data.rindex(b"\nxref\n") + 1
    table_end = data.index(b"trailer", start)
    table = bytes(data[start:table_end])
    lines = table.split(b"\n")
    for i, line in enumerate(lines):
        if line.endswith(b" n "):
            lines[i] = b"%010d 00000 n " % (int(line[:10]) + 17)
    data[start:table_end] = b"\n".join(lines)
    sx = data.rindex(b"startxref\n") + len(b"startxref\n")
    end = data.index(b"\n", sx)
    data[sx:end] = b"%d" % 123
    return bytes(data)


def page_tree_loop_pdf() -> bytes:
    """The page tree's second kid is a Pages node whose /Kids point back to the root."""
    objects = text_pdf_objects()
    objects[2] = b"<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 3 >>"
    objects[6] = b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 6 0 R] /Count 2 >>"
    return pdf_file(objects)


def page_tree_only_loop_pdf() -> bytes:
    """A page tree with no leaf page at all: two Pages nodes pointing at each other."""
    return pdf_file({
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>",
    })


def deep_page_tree_pdf(depth: int = 3000) -> bytes:
    """Pages nodes nested ``depth`` deep above the only page (recursion)."""
    objects: Objects = {1: b"<< /Type /Catalog /Pages 10 0 R >>", 4: stream(cv_content()), 5: FONT}
    for level in range(depth):
        num, child = 10 + level, 11 + level
        objects[num] = b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % child
    leaf = 10 + depth
    objects[leaf] = (PAGE % (4, b"")).replace(b"/Parent 2 0 R", b"/Parent %d 0 R" % (leaf - 1))
    return pdf_file_compact(objects)


def user_password_pdf() -> bytes:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    canvas = Canvas(buf, invariant=1, encrypt=StandardEncryption("s3cret", ownerPassword="owner"))
    canvas.setFont("Helvetica", 10)
    for i, (_, text) in enumerate(CV_LINES):
        canvas.drawString(56, 790 - 16 * i, text)
    canvas.showPage()
    canvas.save()
    return buf.getvalue()


def rc4_big_stream_pdf() -> bytes:
    """An owner-password (RC4, opens without a password) CV whose page 2 has a 400 KB
    uncompressed content stream: every byte goes through pdfminer's pure-Python RC4."""
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    canvas = Canvas(buf, invariant=1, pageCompression=0, encrypt=StandardEncryption("", ownerPassword="owner"))
    canvas.setFont("Helvetica", 10)
    for i, (_, text) in enumerate(CV_LINES):
        canvas.drawString(56, 790 - 16 * i, text)
    canvas.showPage()
    for _ in range(100_000):
        canvas.saveState()
        canvas.restoreState()
    canvas.showPage()
    canvas.save()
    return buf.getvalue()


def _gray_image(width: int = 64, height: int = 64) -> bytes:
    pixels = bytes((x * 4 + y) % 256 for y in range(height) for x in range(width))
    return stream(pixels, b" /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
                  b"/BitsPerComponent 8" % (width, height))


def image_only_pdf() -> bytes:
    objects = text_pdf_objects(b"q 483 0 0 730 56 56 cm /Im1 Do Q\n")
    objects[3] = PAGE % (4, b" /XObject << /Im1 6 0 R >>")
    objects[6] = _gray_image()
    return pdf_file(objects)


def many_pages_pdf(pages: int = 5000) -> bytes:
    """``pages`` page objects that all share one content stream."""
    first = 10
    kids = b" ".join(b"%d 0 R" % (first + i) for i in range(pages))
    objects: Objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
        4: stream(cv_content()),
        5: FONT,
    }
    for i in range(pages):
        objects[first + i] = b"<</Type/Page/Parent 2 0 R/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>"
    return pdf_file_compact(objects)


def _deflate_repeated(unit: bytes, total: int, passes: int = 1) -> bytes:
    """``unit`` repeated to ``total`` bytes, deflated ``passes`` times (streamed, low memory)."""
    comp = zlib.compressobj(9)
    chunk = unit * max(1, (1 << 20) // len(unit))
    parts: list[bytes] = []
    done = 0
    while done < total:
        piece = chunk[: total - done]
        parts.append(comp.compress(piece))
        done += len(piece)
    parts.append(comp.flush())
    data = b"".join(parts)
    for _ in range(passes - 1):
        data = zlib.compress(data, 9)
    return data


def _raw_stream(data: bytes, filters: bytes) -> bytes:
    return b"<< /Length %d /Filter %s >>\nstream\n" % (len(data), filters) + data + b"\nendstream"


def content_bomb_pdf() -> bytes:
    """Page 1 is a normal CV; page 2's FlateDecode content inflates to 128 MB of text operators."""
    objects = text_pdf_objects()
    objects[2] = b"<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>"
    objects[6] = PAGE % (7, b"")
    objects[7] = _raw_stream(_deflate_repeated(BOMB_UNIT, 128 << 20), b"/FlateDecode")
    return pdf_file(objects)


BOMB_UNIT = b"BT /F1 1 Tf (Machine learning) Tj ET".ljust(4096) + b"\n"
"""A text operator padded with spaces: deflates ~700:1 where bare operators reach ~340:1."""


def content_bomb_only_pdf() -> bytes:
    """A single page whose content inflates to 64 MB of text operators."""
    objects = text_pdf_objects()
    objects[4] = _raw_stream(_deflate_repeated(BOMB_UNIT, 64 << 20), b"/FlateDecode")
    return pdf_file(objects)


def double_flate_bomb_pdf() -> bytes:
    """Content deflated twice (``/Filter [/FlateDecode /FlateDecode]``): 1 GB from a few KB."""
    objects = text_pdf_objects()
    objects[2] = b"<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>"
    objects[6] = PAGE % (7, b"")
    objects[7] = _raw_stream(_deflate_repeated(b"q Q\n", 1 << 30, passes=2), b"[/FlateDecode /FlateDecode]")
    return pdf_file(objects)


def _lzw_bomb(repeats: int) -> bytes:
    """LZW codes (9-12 bits, early change) that build a 3,838-byte table entry of spaces,
    then name that entry ``repeats`` times: each 12-bit code inflates ~2,500:1."""
    codes: list[tuple[int, int]] = [(256, 9), (32, 9)]
    for code in range(258, 4096):  # each code names the entry being added: previous + its first byte
        codes.append((code, 9 if code <= 510 else 10 if code <= 1022 else 11 if code <= 2046 else 12))
    codes += [(4095, 12)] * repeats + [(257, 12)]
    value = nbits = 0
    out = bytearray()
    for code, width in codes:
        value = (value << width) | code
        nbits += width
        while nbits >= 8:
            nbits -= 8
            out.append((value >> nbits) & 0xFF)
        value &= (1 << nbits) - 1
    if nbits:
        out.append((value << (8 - nbits)) & 0xFF)
    return bytes(out)


def lzw_bomb_pdf() -> bytes:
    """Page 2's content is LZWDecode: 35 KB that inflate to ~80 MB of spaces."""
    objects = text_pdf_objects()
    objects[2] = b"<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>"
    objects[6] = PAGE % (7, b"")
    objects[7] = _raw_stream(_lzw_bomb(20_000), b"/LZWDecode")
    return pdf_file(objects)


def predictor_flood_pdf() -> bytes:
    """Page 2's content is 7 MB behind a PNG predictor (decoded byte by byte in Python)."""
    objects = text_pdf_objects()
    objects[2] = b"<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>"
    objects[6] = PAGE % (7, b"")
    columns = 1024
    rows = 7 * 1024
    raw = (b"\x00" + b" " * columns) * rows
    objects[7] = _raw_stream(zlib.compress(raw, 9), b"/FlateDecode /DecodeParms << /Predictor 12 /Columns %d >>"
                             % columns)
    return pdf_file(objects)


def _shared_stream_pages(content: bytes, pages: int) -> bytes:
    """A CV page, then ``pages`` pages that all run one shared FlateDecode ``content`` stream."""
    objects = text_pdf_objects()
    kids = [3] + [100 + i for i in range(pages)]
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    objects[7] = _raw_stream(zlib.compress(content, 9), b"/FlateDecode")
    for i in range(pages):
        objects[100 + i] = PAGE % (7, b"")
    return pdf_file_compact(objects, packed={n for n in objects if n >= 100})


def double_flate_corrupt_pdf() -> bytes:
    """The double-deflated bomb of ``double_flate_bomb_pdf`` with a wrong Adler-32 checksum on
    the outer deflate data (found by fuzzing). zlib raises at the very end, so inflating in
    64 KB chunks measures 0 bytes; pdfminer's byte-by-byte ``decompress_corrupted`` keeps
    everything before the checksum and then inflates the inner 1 GB."""
    objects = text_pdf_objects()
    objects[2] = b"<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>"
    objects[6] = PAGE % (7, b"")
    outer = bytearray(_deflate_repeated(b"q Q\n", 1 << 30, passes=2))
    outer[-1] ^= 0xFF  # the last byte of the Adler-32 checksum
    objects[7] = _raw_stream(bytes(outer), b"[/FlateDecode /FlateDecode]")
    return pdf_file(objects)


def many_text_ops_pdf() -> bytes:
    """A CV page, then 5 pages each running the same 1.9 MB stream of 330,000 one-glyph text
    operators: 1.6 million glyphs in all, more than ``max_chars`` allows."""
    ops = b"BT /F1 10 Tf 56 700 Td\n" + b"(a)Tj\n" * 330_000 + b"ET\n"
    return _shared_stream_pages(ops, 5)


def many_graphics_ops_pdf() -> bytes:
    """A CV page, then 29 pages each running the same 1.9 MB stream of ``q Q``: 14 million
    operators in all, each page under the per-page content budget."""
    return _shared_stream_pages(b"q Q\n" * 500_000, 29)


def widths_recursion_pdf(depth: int = 50_000) -> bytes:
    """The font's /Widths is an array nested ``depth`` deep (pdfminer resolves it recursively)."""
    objects = text_pdf_objects()
    objects[5] = (b"<< /Type /Font /Subtype /Type1 /BaseFont /CVSans /FirstChar 32 /LastChar 32 "
                  b"/Widths " + b"[" * depth + b"]" * depth + b" >>")
    return pdf_file_compact(objects)


def widths_self_reference_pdf() -> bytes:
    """The font's /Widths array contains a reference to itself."""
    objects = text_pdf_objects()
    objects[5] = b"<< /Type /Font /Subtype /Type1 /BaseFont /CVSans /FirstChar 32 /LastChar 33 /Widths 6 0 R >>"
    objects[6] = b"[278 6 0 R]"
    return pdf_file(objects)


def self_referencing_form_pdf() -> bytes:
    """A form XObject that draws itself (infinite recursion in a naive interpreter)."""
    objects = text_pdf_objects(cv_content() + b"/Fm1 Do\n")
    objects[3] = PAGE % (4, b" /XObject << /Fm1 6 0 R >>")
    objects[6] = stream(b"/Fm1 Do\n", b" /Type /XObject /Subtype /Form /BBox [0 0 595 842] "
                        b"/Resources << /XObject << /Fm1 6 0 R >> >>")
    return pdf_file(objects)


def html_as_pdf() -> bytes:
    return (b"<!DOCTYPE html>\n<html><head><title>Jane Doe - CV</title></head>\n"
            b"<body><h1>Jane Doe</h1><p>Machine Learning Engineer. Python, PyTorch.</p></body></html>\n")


def png_bytes(width: int = 16, height: int = 16) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    raw = b"".join(b"\x00" + bytes((x * 16 + y) % 256 for x in range(width)) for y in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def empty_text_pdf() -> bytes:
    """One blank page: no text and no image."""
    return pdf_file(text_pdf_objects(b"0.9 g 56 700 200 40 re f\n"))


def whitespace_text_pdf() -> bytes:
    """One page whose text layer holds only spaces."""
    return pdf_file(text_pdf_objects(b"BT /F1 11 Tf 56 780 Td (      ) Tj 0 -14 Td (   ) Tj ET\n"))


def javascript_pdf() -> bytes:
    """A normal CV with an /OpenAction JavaScript action and a /Names JavaScript tree."""
    objects = text_pdf_objects(catalog_extra=b" /OpenAction 6 0 R /Names << /JavaScript << /Names [(x) 6 0 R] >> >>")
    objects[6] = b"<< /Type /Action /S /JavaScript /JS (app.alert\\('cvscan must never run this'\\);) >>"
    return pdf_file(objects)


def deep_array_pdf(depth: int = 200_000) -> bytes:
    """The page's /Resources holds an array nested ``depth`` deep."""
    objects = text_pdf_objects()
    objects[3] = PAGE % (4, b" /Junk " + b"[" * depth + b"]" * depth)
    return pdf_file_compact(objects)


def deep_dict_content_pdf(depth: int = 100_000) -> bytes:
    """The content stream nests dictionaries ``depth`` deep inside a BDC operand."""
    content = cv_content() + b"/Span " + b"<<" * depth + b">>" * depth + b" BDC EMC\n"
    return pdf_file(text_pdf_objects(content))


def deep_array_content_pdf(depth: int = 100_000) -> bytes:
    """After the CV text, a TJ operand nesting arrays ``depth`` deep (valid syntax)."""
    content = cv_content() + b"BT /F1 10 Tf " + b"[" * depth + b"(x)" + b"]" * depth + b" TJ ET\n"
    return pdf_file(text_pdf_objects(content))


def no_pages_pdf() -> bytes:
    return pdf_file({1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: b"<< /Type /Pages /Kids [] /Count 0 >>"})


def header_only_pdf() -> bytes:
    return b"%PDF-1.7\n"


def garbage_after_header_pdf() -> bytes:
    body = bytes((i * 131 + 7) % 256 for i in range(4000))
    return b"%PDF-1.4\n" + body + b"\n%%EOF\n"


def odd_name_pdf() -> bytes:
    lines = [(18, "Zo\xeb M\xfcller-O'Brien"), *CV_LINES[1:]]
    return pdf_file(text_pdf_objects(cv_content(lines)))


# ---------------------------------------------------------------------------------------
# Zip / DOCX writer
# ---------------------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CT_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/word/document.xml" ContentType="{CT_DOCUMENT}"/>'
    '<Override PartName="/word/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    "</Types>"
)
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>'
)
DOCUMENT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'styles" Target="styles.xml"/></Relationships>'
)


def styles_xml(based_on_loop: bool = False) -> str:
    extra = ""
    if based_on_loop:
        extra = ('<w:style w:type="paragraph" w:styleId="A"><w:name w:val="Loop A"/><w:basedOn w:val="B"/></w:style>'
                 '<w:style w:type="paragraph" w:styleId="B"><w:name w:val="Loop B"/><w:basedOn w:val="A"/></w:style>')
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:styles xmlns:w="{W_NS}">'
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
        '<w:basedOn w:val="Normal"/><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>'
        f"{extra}</w:styles>"
    )


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def paragraph(text: str, style: str | None = None) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{_xml_text(text)}</w:t></w:r></w:p>'


def cv_paragraphs(style: str | None = None) -> str:
    return "".join(paragraph(text, "Heading1" if size == 13 else style) for size, text in CV_LINES)


def document_xml(body: str, *, prolog: str = "") -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'{prolog}<w:document xmlns:w="{W_NS}"><w:body>{body}<w:sectPr/></w:body></w:document>'
    )


def zip_bytes(parts: list[tuple[str, bytes | str]], *, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A deterministic zip of ``parts`` (name, data) in order."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        for name, data in parts:
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else method
            info.external_attr = 0o644 << 16
            archive.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)
    return buf.getvalue()


def docx_bytes(document: str | bytes | None = None, *, styles: str | None = None,
               extra: list[tuple[str, bytes | str]] = (), content_types: str = CONTENT_TYPES) -> bytes:
    """A minimal Word package: content types, package rels, document, styles."""
    parts: list[tuple[str, bytes | str]] = [
        ("[Content_Types].xml", content_types),
        ("_rels/.rels", PACKAGE_RELS),
        ("word/document.xml", document if document is not None else document_xml(cv_paragraphs())),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS),
        ("word/styles.xml", styles if styles is not None else styles_xml()),
    ]
    return zip_bytes(parts + list(extra))


def valid_docx() -> bytes:
    return docx_bytes()


def not_a_zip_docx() -> bytes:
    """Random-looking binary data with a .docx name."""
    state = 0x12345678
    out = bytearray()
    for _ in range(6000):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        out.append(state >> 16 & 0xFF)
    return bytes(out)


def truncated_docx() -> bytes:
    data = valid_docx()
    return data[: len(data) // 2]


def zip_without_document_docx() -> bytes:
    return zip_bytes([("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", PACKAGE_RELS),
                      ("word/styles.xml", styles_xml())])


def plain_zip_docx() -> bytes:
    return zip_bytes([("cv.txt", CV_TEXT), ("photo.png", png_bytes())])


def overlapping_zip_bomb_docx(copies: int = 20, megabytes: int = 200) -> bytes:
    """A valid DOCX plus ``copies`` central-directory entries that all point at one local
    entry of ``megabytes`` MB of spaces: a few hundred KB on disk, ``copies * megabytes`` MB
    for a naive extractor."""
    base = valid_docx()
    archive = zipfile.ZipFile(io.BytesIO(base))
    infos = archive.infolist()
    eocd = base.rindex(b"PK\x05\x06")
    cd_offset = struct.unpack("<I", base[eocd + 16: eocd + 20])[0]
    local_part = base[:cd_offset]
    central = base[cd_offset:eocd]
    payload = _deflate_repeated(b" ", megabytes << 20)
    crc = 0
    chunk = b" " * (1 << 20)
    for _ in range(megabytes):
        crc = zlib.crc32(chunk, crc)
    name = b"customXml/item1.xml"
    bomb_offset = len(local_part)
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x2821, crc, len(payload),
                        megabytes << 20, len(name), 0) + name + payload
    entries = b""
    for _ in range(copies):
        entries += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x2821, crc, len(payload),
                               megabytes << 20, len(name), 0, 0, 0, 0, 0o644 << 16, bomb_offset) + name
    new_cd_offset = bomb_offset + len(local)
    n = len(infos) + copies
    cd = central + entries
    eocd_rec = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, n, n, len(cd), new_cd_offset, 0)
    return local_part + local + cd + eocd_rec


def big_part_bomb_docx(megabytes: int = 150) -> bytes:
    """word/document.xml padded with ``megabytes`` MB of whitespace (ratio ~1000:1)."""
    pad = " " * (megabytes << 20)
    doc = document_xml(cv_paragraphs()).replace("<w:body>", "<w:body>" + pad)
    return docx_bytes(doc)


def lying_sizes_docx() -> bytes:
    """The central directory claims document.xml is 900 bytes; it inflates to 50 MB."""
    pad = " " * (50 << 20)
    data = bytearray(docx_bytes(document_xml(cv_paragraphs()).replace("<w:body>", "<w:body>" + pad)))
    real = (50 << 20) + len(document_xml(cv_paragraphs()).encode("utf-8"))
    fake = struct.pack("<I", 900)
    name = b"word/document.xml"
    for sig, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        pos = 0
        while (pos := data.find(sig, pos)) != -1:
            name_at = pos + (30 if sig == b"PK\x03\x04" else 46)
            if data[name_at:name_at + len(name)] == name:
                assert struct.unpack("<I", data[pos + size_at: pos + size_at + 4])[0] == real
                data[pos + size_at: pos + size_at + 4] = fake
            pos += 4
    return bytes(data)


def xxe_docx() -> bytes:
    prolog = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    body = paragraph("Jane Doe") + '<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>' + cv_paragraphs()
    return docx_bytes(document_xml(body, prolog=prolog))


def xxe_utf16_docx() -> bytes:
    prolog = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    body = '<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>' + cv_paragraphs()
    doc = document_xml(body, prolog=prolog).replace('encoding="UTF-8"', 'encoding="UTF-16"')
    return docx_bytes(b"\xff\xfe" + doc.encode("utf-16-le"))


def xxe_parameter_entity_docx() -> bytes:
    """External DTD subset via a parameter entity, in the styles part."""
    styles = styles_xml().replace(
        "<w:styles", '<!DOCTYPE w:styles [<!ENTITY % ext SYSTEM "file:///etc/passwd"> %ext;]>\n<w:styles', 1)
    return docx_bytes(styles=styles)


def xinclude_docx() -> bytes:
    """An XInclude of /etc/passwd: XInclude is never processed, so the CV reads normally."""
    body = ('<w:p><w:r><w:t><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" '
            'href="file:///etc/passwd" parse="text"/></w:t></w:r></w:p>') + cv_paragraphs()
    return docx_bytes(document_xml(body))


def billion_laughs_docx() -> bytes:
    ents = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{"".join(f"&lol{i - 1};" for _ in range(10))}">' for i in range(1, 10)]
    prolog = f"<!DOCTYPE w:document [{''.join(ents)}]>\n"
    body = '<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>' + cv_paragraphs()
    return docx_bytes(document_xml(body, prolog=prolog))


def encrypted_zip_entries_docx() -> bytes:
    """A DOCX whose zip entries carry the 'encrypted' flag (traditional PKWARE encryption)."""
    data = bytearray(valid_docx())
    for sig, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        pos = 0
        while (pos := data.find(sig, pos)) != -1:
            flags = struct.unpack("<H", data[pos + flag_at: pos + flag_at + 2])[0]
            data[pos + flag_at: pos + flag_at + 2] = struct.pack("<H", flags | 1)
            pos += 4
    return bytes(data)


def malformed_xml_docx() -> bytes:
    return docx_bytes(document_xml(cv_paragraphs()).replace("</w:body>", "<w:p><w:r><w:t>unclosed</w:body>"))


def no_text_docx() -> bytes:
    return docx_bytes(document_xml("<w:p/><w:p><w:r><w:t xml:space=\"preserve\">   </w:t></w:r></w:p>"))


def style_loop_docx() -> bytes:
    """Two paragraph styles based on each other (a basedOn cycle); the text is fine."""
    return docx_bytes(document_xml(cv_paragraphs(style="A")), styles=styles_xml(based_on_loop=True))


def many_paragraphs_docx(count: int = 200_000) -> bytes:
    """A normal CV then ``count`` one-letter paragraphs, letters pseudo-random so the part
    deflates only ~28:1 (7 MB of XML, 240 KB zipped) and passes the zip-bomb ratio check."""
    state = 1
    letters = []
    for _ in range(count):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        letters.append(chr(97 + (state >> 16) % 26))
    body = cv_paragraphs() + "".join(f"<w:p><w:r><w:t>{c}</w:t></w:r></w:p>" for c in letters)
    return docx_bytes(document_xml(body))


def repetitive_paragraphs_docx(count: int = 200_000) -> bytes:
    """The same with one repeated letter: the part deflates 328:1 and is refused as a bomb."""
    body = cv_paragraphs() + "<w:p><w:r><w:t>x</w:t></w:r></w:p>" * count
    return docx_bytes(document_xml(body))


def deep_nesting_docx(depth: int = 5000) -> bytes:
    """Content controls nested 5,000 deep (recursive walkers overflow)."""
    inner = paragraph("Deeply nested text")
    body = "<w:sdt><w:sdtContent>" * depth + inner + "</w:sdtContent></w:sdt>" * depth
    return docx_bytes(document_xml(cv_paragraphs() + body))


def docx_main_part_is_image() -> bytes:
    """[Content_Types].xml declares word/document.xml an image (python-docx would not parse it)."""
    ct = CONTENT_TYPES.replace(CT_DOCUMENT, "image/png")
    return docx_bytes(content_types=ct)


def odt_bytes() -> bytes:
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest='
                '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type='
                '"application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path='
                '"content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
    paras = "".join(f"<text:p>{_xml_text(t)}</text:p>" for _, t in CV_LINES)
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content xmlns:office='
               '"urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text='
               '"urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               f"<office:body><office:text>{paras}</office:text></office:body></office:document-content>")
    return zip_bytes([("mimetype", "application/vnd.oasis.opendocument.text"),
                      ("META-INF/manifest.xml", manifest), ("content.xml", content)])


# ---------------------------------------------------------------------------------------
# OLE2 compound files (legacy .doc, encrypted OOXML)
# ---------------------------------------------------------------------------------------

_FREE, _END, _FATSECT, _NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


def _dir_entry(name: str, kind: int, child: int, left: int, right: int, start: int, size: int) -> bytes:
    encoded = (name + "\x00").encode("utf-16-le") if name else b""
    return struct.pack("<64sHBBIII16sIQQIII", encoded, len(encoded), kind, 1, left, right, child,
                       b"\x00" * 16, 0, 0, 0, start, size, 0)


def ole2(streams: list[tuple[str, bytes]]) -> bytes:
    """A version-3 compound file holding ``streams`` (each padded to >= 4096 bytes, so no
    mini stream is needed). Streams hang off the root as a chain of right siblings, sorted
    as the format requires (shorter names first)."""
    sector = 512
    streams = sorted(streams, key=lambda s: (len(s[0]), s[0].upper()))
    padded = [(name, data + b"\x00" * (max(4096, -(-len(data) // sector) * sector) - len(data)), len(data))
              for name, data in streams]
    n_dir_sectors = -(-(len(padded) + 1) // 4)
    data_sectors = sum(len(d) // sector for _, d, _ in padded)
    fat_sectors = 1
    assert 1 + n_dir_sectors + data_sectors <= sector // 4, "too big for one FAT sector"
    fat = [_FATSECT]
    dir_start = len(fat)
    fat += [dir_start + i + 1 for i in range(n_dir_sectors - 1)] + [_END]
    starts = []
    for _, d, _ in padded:
        start = len(fat)
        count = len(d) // sector
        starts.append(start)
        fat += [start + i + 1 for i in range(count - 1)] + [_END]
    fat += [_FREE] * (sector // 4 - len(fat))
    entries = [_dir_entry("Root Entry", 5, 1 if padded else _NOSTREAM, _NOSTREAM, _NOSTREAM, _END, 0)]
    for i, ((name, _, size), start) in enumerate(zip(padded, starts)):
        right = i + 2 if i + 1 < len(padded) else _NOSTREAM
        entries.append(_dir_entry(name, 2, _NOSTREAM, _NOSTREAM, right, start, size))
    while len(entries) % 4:
        entries.append(_dir_entry("", 0, _NOSTREAM, _NOSTREAM, _NOSTREAM, 0, 0))
    header = struct.pack("<8s16sHHHHH6sIIIIIIIII", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\x00" * 16,
                         0x3E, 3, 0xFFFE, 9, 6, b"\x00" * 6, 0, fat_sectors, dir_start, 0, 4096,
                         _END, 0, _END, 0)
    header += struct.pack("<109I", 0, *([_FREE] * 108))
    body = struct.pack(f"<{len(fat)}I", *fat) + b"".join(entries) + b"".join(d for _, d, _ in padded)
    return header + body


def legacy_doc() -> bytes:
    fib = struct.pack("<HH", 0xA5EC, 0x00C1) + b"\x00" * 28 + CV_TEXT.encode("cp1252")
    return ole2([("WordDocument", fib), ("1Table", b"\x00" * 512)])


def encrypted_docx() -> bytes:
    info = struct.pack("<HHI", 4, 4, 0x40) + b"<?xml version=\"1.0\"?><encryption/>"
    return ole2([("EncryptionInfo", info), ("EncryptedPackage", struct.pack("<Q", 8000) + bytes(range(256)) * 31)])


# ---------------------------------------------------------------------------------------
# Text
# ---------------------------------------------------------------------------------------


def rtf_bytes() -> bytes:
    body = "\\par\n".join(t.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}") for _, t in CV_LINES)
    return ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Helvetica;}}\n\\f0\\fs20 " + body + "\\par\n}\n").encode("cp1252")


def binary_garbage_txt() -> bytes:
    return bytes((i * 197 + (i >> 3) * 31) % 256 for i in range(8192))


def utf16_txt() -> bytes:
    return "\ufeff".encode("utf-16-le") + CV_TEXT.replace("\n", "\r\n").encode("utf-16-le")


def utf16_no_bom_txt() -> bytes:
    return CV_TEXT.encode("utf-16-be")


def cp1252_txt() -> bytes:
    text = CV_TEXT.replace("Jane Doe", "Ren\xe9e Dupr\xe9") + "Languages: Fran\xe7ais, Espa\xf1ol \u2013 fluent\n"
    return text.encode("cp1252")


def whitespace_txt() -> bytes:
    return b"   \n\t\n\r\n        \n\x0c\n"


def nul_bytes_txt() -> bytes:
    return b"\x00" * 4096


def long_line_txt() -> bytes:
    """A normal CV plus one 200,000-character line without spaces (regex backtracking)."""
    return (CV_TEXT + "Keywords:" + "python%" * 28_600 + "\n").encode()


def markdown_pathological_txt() -> bytes:
    """Thousands of unbalanced Markdown marks and nested brackets (regex backtracking)."""
    line = "**[" * 1300 + "](" * 1300 + "__`" * 1300
    return (CV_TEXT + "\n" + "\n".join([line] * 3) + "\n").encode()


def postscript_pdf() -> bytes:
    return b"%!PS-Adobe-3.0\n%%Title: cv\n/Helvetica findfont 10 scalefont setfont\n72 720 moveto (Jane Doe) show\nshowpage\n"


def jpeg_docx() -> bytes:
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + bytes(range(256)) * 4 + b"\xff\xd9"


def pdf_named_docx() -> bytes:
    return valid_pdf()


def empty() -> bytes:
    return b""


# ---------------------------------------------------------------------------------------
# The corpus
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One corpus file: what it is and what ``load_document`` must do with it."""

    file: str
    make: Callable[[], bytes]
    expect: str  # an error class name from cvscan.errors, or "ok"
    message: str  # substring of str(error); for "ok", a substring of the document text
    why: str
    pending: str = ""  # a known bug (in a module this corpus does not own) the case waits on
    run: bool = True  # False: too slow or memory-hungry to run until ``pending`` is fixed


CASES: list[Case] = [
    # -- empty and not-a-document
    Case("empty.pdf", empty, "EmptyDocumentError", "empty (0 bytes)", "zero bytes"),
    Case("whitespace_only.txt", whitespace_txt, "EmptyDocumentError", "only whitespace", "spaces, tabs, newlines"),
    Case("nul_bytes.txt", nul_bytes_txt, "UnsupportedFormatError", "binary data", "4 KB of NUL bytes"),
    Case("binary_garbage.txt", binary_garbage_txt, "UnsupportedFormatError", "binary data", "random bytes named .txt"),
    Case("html_page.pdf", html_as_pdf, "UnsupportedFormatError", "HTML page", "an HTML page named .pdf"),
    Case("png_image.pdf", png_bytes, "UnsupportedFormatError", "PNG image", "a PNG renamed .pdf"),
    Case("jpeg_image.docx", jpeg_docx, "UnsupportedFormatError", "JPEG image", "a JPEG renamed .docx"),
    Case("postscript.pdf", postscript_pdf, "UnsupportedFormatError", "PostScript", "PostScript named .pdf"),
    Case("legacy_word.doc", legacy_doc, "UnsupportedFormatError", "legacy Word",
         "OLE2 compound file with a WordDocument stream"),
    Case("opendocument.odt", odt_bytes, "UnsupportedFormatError", "OpenDocument text",
         "zip with mimetype application/vnd.oasis.opendocument.text"),
    Case("rich_text.rtf", rtf_bytes, "UnsupportedFormatError", "RTF document", "an RTF CV"),
    Case("plain_archive.docx", plain_zip_docx, "UnsupportedFormatError", "zip archive",
         "a zip of a .txt and a .png named .docx"),
    Case("not_a_zip.docx", not_a_zip_docx, "UnsupportedFormatError", "binary data", "random bytes named .docx"),
    # -- text encodings that must work
    Case("utf16_bom.txt", utf16_txt, "ok", CHECK_TEXT, "UTF-16-LE with BOM and CRLF line ends"),
    Case("utf16_no_bom.txt", utf16_no_bom_txt, "ok", CHECK_TEXT, "UTF-16-BE without a BOM"),
    Case("cp1252.txt", cp1252_txt, "ok", "Ren\xe9e Dupr\xe9", "Windows-1252 with accents, \xa3 and an en dash"),
    Case("paragraphs_25k.txt", lambda: CV_TEXT.encode() + b"a\n\n" * 25_000, "ok", CHECK_TEXT,
         "25,000 one-letter paragraphs after the CV: read up to 20,000 blocks, then a warning"),
    Case("long_line.txt", long_line_txt, "ok", CHECK_TEXT, "one 200,000-character line"),
    Case("markdown_marks.txt", markdown_pathological_txt, "ok", CHECK_TEXT,
         "thousands of unbalanced Markdown marks on a line"),
    # -- PDF: damaged
    Case("header_only.pdf", header_only_pdf, "CorruptDocumentError", "", "just %PDF-1.7"),
    Case("garbage_after_header.pdf", garbage_after_header_pdf, "CorruptDocumentError", "",
         "a PDF header followed by random bytes"),
    Case("truncated.pdf", truncated_pdf, "CorruptDocumentError", "truncated", "a valid CV PDF cut at 45%"),
    Case("broken_xref.pdf", broken_xref_pdf, "ok", CHECK_TEXT,
         "every xref offset and startxref wrong; pdfminer rebuilds the xref by scanning, text recovered"),
    Case("no_pages.pdf", no_pages_pdf, "CorruptDocumentError", "no pages", "an empty page tree"),
    Case("page_tree_loop.pdf", page_tree_loop_pdf, "ok", CHECK_TEXT,
         "a Pages node whose /Kids point back to the root (plus one real page): the loop is skipped"),
    Case("page_tree_only_loop.pdf", page_tree_only_loop_pdf, "CorruptDocumentError", "no pages",
         "two Pages nodes pointing at each other and no page"),
    Case("deep_page_tree.pdf", deep_page_tree_pdf, "CorruptDocumentError", "nested too deeply",
         "3,000 nested Pages nodes above the only page"),
    Case("deep_array.pdf", deep_array_pdf, "ok", CHECK_TEXT,
         "an array nested 200,000 deep under an unused page key: never resolved, text read"),
    Case("deep_array_widths.pdf", widths_recursion_pdf, "CorruptDocumentError", "nested too deeply",
         "the font's /Widths nested 50,000 deep (resolved recursively)"),
    Case("widths_self_reference.pdf", widths_self_reference_pdf, "CorruptDocumentError", "nested too deeply",
         "the font's /Widths array contains itself"),
    Case("deep_dict_content.pdf", deep_dict_content_pdf, "ok", CHECK_TEXT,
         "after the CV text, a marked-content operand nesting dictionaries 100,000 deep (a syntax "
         "error): the text before it is kept"),
    Case("deep_array_content.pdf", deep_array_content_pdf, "ok", CHECK_TEXT,
         "after the CV text, a TJ operand nesting arrays 100,000 deep"),
    Case("self_drawing_form.pdf", self_referencing_form_pdf, "ok", CHECK_TEXT,
         "a form XObject that draws itself"),
    # -- PDF: size and resource limits
    Case("pages_5000.pdf", many_pages_pdf, "DocumentTooLargeError", "more than 30 pages",
         "5,000 page objects sharing one content stream"),
    Case("content_bomb.pdf", content_bomb_pdf, "ok", CHECK_TEXT,
         "page 2's FlateDecode content inflates to 128 MB: that page is skipped, page 1 read"),
    Case("content_bomb_only.pdf", content_bomb_only_pdf, "DocumentTooLargeError", "page content is larger",
         "the only page's content inflates to 64 MB"),
    Case("double_flate_bomb.pdf", double_flate_bomb_pdf, "ok", CHECK_TEXT,
         "page 2's content is deflated twice and inflates to 1 GB"),
    Case("double_flate_corrupt.pdf", double_flate_corrupt_pdf, "ok", CHECK_TEXT,
         "the same bomb with a wrong checksum on the outer deflate data (found by fuzzing)"),
    Case("many_text_ops.pdf", many_text_ops_pdf, "ok", CHECK_TEXT,
         "5 pages x 330,000 one-glyph text operators after the CV page: reading stops at max_chars"),
    Case("many_graphics_ops.pdf", many_graphics_ops_pdf, "ok", CHECK_TEXT,
         "29 pages x 500,000 q/Q operators (one shared 1.9 MB stream) after the CV page",
         pending="pdf.py: the 8 MB document content budget still runs ~2 million operators: 15-28 s",
         run=False),
    Case("lzw_bomb.pdf", lzw_bomb_pdf, "ok", CHECK_TEXT,
         "page 2's LZWDecode content: 35 KB inflating to ~80 MB (unmeasured by the content budget)"),
    Case("predictor_flood.pdf", predictor_flood_pdf, "ok", CHECK_TEXT,
         "page 2's content: 7 MB behind a PNG predictor"),
    # -- PDF: protected, scanned, empty, active content
    Case("user_password.pdf", user_password_pdf, "EncryptedDocumentError", "password",
         "RC4 user password (reportlab)"),
    Case("rc4_big_stream.pdf", rc4_big_stream_pdf, "ok", CHECK_TEXT,
         "owner-password RC4 PDF (opens without a password) with a 400 KB content stream on page 2: "
         "pdfminer's pure-Python RC4 takes ~4 s for it (50 s for 1.6 MB)"),
    Case("image_only.pdf", image_only_pdf, "NoTextLayerError", "no text layer", "one page, one image, no text"),
    Case("empty_text.pdf", empty_text_pdf, "NoTextLayerError", "no text layer",
         "one page with a grey rectangle, no text and no image"),
    Case("whitespace_text.pdf", whitespace_text_pdf, "EmptyDocumentError", "no text",
         "a text layer of spaces only (as for DOCX and text: no text at all)"),
    Case("javascript_openaction.pdf", javascript_pdf, "ok", CHECK_TEXT,
         "a CV with /OpenAction JavaScript (parsed, never run)"),
    # -- DOCX: damaged and hostile
    Case("truncated.docx", truncated_docx, "CorruptDocumentError", "damaged zip", "a valid DOCX cut in half"),
    Case("no_document_xml.docx", zip_without_document_docx, "CorruptDocumentError", "no word/document.xml",
         "an Office zip without word/document.xml"),
    Case("main_part_is_image.docx", docx_main_part_is_image, "CorruptDocumentError", "not a Word document",
         "word/document.xml declared image/png"),
    Case("malformed_xml.docx", malformed_xml_docx, "CorruptDocumentError", "malformed XML",
         "document.xml is not well-formed"),
    Case("zip_bomb_overlap.docx", overlapping_zip_bomb_docx, "DocumentTooLargeError", "zip bomb",
         "20 directory entries sharing one 200 MB deflate stream: 4 GB declared"),
    Case("zip_bomb_part.docx", big_part_bomb_docx, "DocumentTooLargeError", "zip bomb",
         "document.xml padded to 150 MB of spaces (~1000:1)"),
    Case("zip_lying_sizes.docx", lying_sizes_docx, "CorruptDocumentError", "",
         "document.xml declared 900 bytes, inflates to 50 MB"),
    Case("encrypted_zip_entries.docx", encrypted_zip_entries_docx, "EncryptedDocumentError", "password",
         "zip entries flagged encrypted"),
    Case("password_protected.docx", encrypted_docx, "EncryptedDocumentError", "password protected",
         "OLE2 file with EncryptionInfo and EncryptedPackage streams (how Word saves with a password)"),
    Case("xxe_local_file.docx", xxe_docx, "CorruptDocumentError", "DOCTYPE or ENTITY",
         "external entity pointing at file:///etc/passwd"),
    Case("xxe_utf16.docx", xxe_utf16_docx, "CorruptDocumentError", "DOCTYPE or ENTITY",
         "the same, in a UTF-16 document.xml"),
    Case("xxe_parameter_entity.docx", xxe_parameter_entity_docx, "CorruptDocumentError", "DOCTYPE or ENTITY",
         "external parameter entity in styles.xml"),
    Case("xinclude.docx", xinclude_docx, "ok", CHECK_TEXT, "an XInclude of /etc/passwd (never processed)"),
    Case("billion_laughs.docx", billion_laughs_docx, "CorruptDocumentError", "DOCTYPE or ENTITY",
         "10^9 entity expansion"),
    Case("no_text.docx", no_text_docx, "EmptyDocumentError", "no text", "paragraphs holding only spaces"),
    Case("style_loop.docx", style_loop_docx, "ok", CHECK_TEXT, "paragraph styles based on each other"),
    Case("many_paragraphs.docx", many_paragraphs_docx, "DocumentTooLargeError", "tags, far more than a CV",
         "200,000 one-letter paragraphs after the CV (7 MB of XML, 1.2 million tags)"),
    Case("paragraphs_30k.docx", lambda: many_paragraphs_docx(30_000), "ok", CHECK_TEXT,
         "30,000 one-letter paragraphs after the CV: read up to 20,000 blocks, then a warning"),
    Case("many_paragraphs_repetitive.docx", repetitive_paragraphs_docx, "DocumentTooLargeError", "zip bomb",
         "200,000 identical paragraphs: the part deflates 328:1, over the ratio guard"),
    Case("deep_nesting.docx", deep_nesting_docx, "CorruptDocumentError", "nested too deeply",
         "content controls nested 5,000 deep (lxml stops at 256 levels)"),
    # -- valid CVs under odd names or extensions
    Case("cv_really_a_pdf.docx", pdf_named_docx, "ok", CHECK_TEXT, "a valid PDF with a .docx name"),
    Case("Zo\u00eb M\u00fcller-O'Brien CV (final) \u201cv2\u201d.pdf", odd_name_pdf, "ok", CHECK_TEXT,
         "spaces, quotes, brackets and non-ASCII in the name"),
    Case("=HYPERLINK(1) cv.txt", lambda: CV_TEXT.encode(), "ok", CHECK_TEXT,
         "a leading = (spreadsheet formula injection in batch CSVs)"),
    Case("\u5c65\u6b74\u66f8 r\u00e9sum\u00e9 +@-.docx", valid_docx, "ok", CHECK_TEXT,
         "CJK, accents and + @ - in the name"),
]


def yaml_quote(value: str) -> str:
    """A YAML double-quoted scalar (JSON string syntax is valid YAML)."""
    import json

    return json.dumps(value, ensure_ascii=False)


def render_expected(cases: list[Case], sizes: dict[str, int]) -> str:
    lines = [
        "# Hostile and broken inputs: generated by scripts/make_bad_inputs.py, do not edit by hand.",
        "#",
        "# Per file: expect = the exact cvscan error class cvscan.load_document(path) raises, or ok;",
        "# message = a substring of str(error) (for ok: a substring of the document text);",
        "# why = what the file is; bytes = its size (a changed size means git or an editor altered it).",
        "# pending = a known bug the case waits on (the test is an expected failure until it is",
        "# fixed); run: false = too slow or memory-hungry to run until then. Cases made at test",
        "# time (over 20 MB, unreadable, directory, FIFO, symlink loop) are in tests/test_bad_inputs.py.",
        "",
        "files:",
    ]
    for case in cases:
        lines += [
            f"- file: {yaml_quote(case.file)}",
            f"  expect: {case.expect}",
            f"  message: {yaml_quote(case.message)}",
            f"  bytes: {sizes[case.file]}",
            f"  why: {yaml_quote(case.why)}",
        ]
        if case.pending:
            lines.append(f"  pending: {yaml_quote(case.pending)}")
            lines.append(f"  run: {'true' if case.run else 'false'}")
    return "\n".join(lines) + "\n"


def build_all() -> dict[str, bytes]:
    files = {case.file: case.make() for case in CASES}
    names = [case.file for case in CASES]
    assert len(set(names)) == len(names), "duplicate file names"
    files["expected.yaml"] = render_expected(CASES, {k: len(v) for k, v in files.items()}).encode("utf-8")
    files[".gitattributes"] = GITATTRIBUTES
    return files


GITATTRIBUTES = b"""# The corpus is bytes: no line-ending conversion, no text diffs.
* binary
expected.yaml text diff merge eol=lf
.gitattributes text diff merge eol=lf
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="output folder (default: tests/bad_inputs)")
    parser.add_argument("--check", action="store_true", help="compare with the files on disk, write nothing")
    args = parser.parse_args(argv)
    files = build_all()
    if args.check:
        stale = [name for name, data in files.items()
                 if not (args.out / name).is_file() or (args.out / name).read_bytes() != data]
        for name in stale:
            print(f"differs: {name}")
        return 1 if stale else 0
    args.out.mkdir(parents=True, exist_ok=True)
    wanted = set(files)
    for old in args.out.iterdir():
        if (old.is_file() or old.is_symlink()) and old.name not in wanted:
            old.unlink()
    for name, data in files.items():
        (args.out / name).write_bytes(data)
    total = sum(len(d) for d in files.values())
    print(f"wrote {len(CASES)} files + expected.yaml to {args.out} ({total / 1_048_576:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
