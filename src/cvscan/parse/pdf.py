"""Read a PDF CV into blocks in reading order, with style and hidden-text flags.

pdfminer.six parses the file and runs the content streams, but its layout analysis
(``LAParams``) is not used: a light device (``_Collector``) records each glyph's box,
font, fill colour and render mode, plus filled shapes and images, and
:mod:`cvscan.parse.pdf_layout` does the grouping into lines, columns and blocks. That is
both faster than pdfminer's analysis and keeps what a CV needs: one block per bullet,
headings, two-column reading order, hidden text.
"""

from __future__ import annotations

import io
import logging
import math
import re
import unicodedata
import zlib
from collections import Counter
from collections.abc import Sequence

from pdfminer.ascii85 import ascii85decode, asciihexdecode
from pdfminer.lzw import LZWDecoder
from pdfminer.pdfcolor import PDFColorSpace
from pdfminer.pdfdevice import PDFTextDevice, PDFTextSeq
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect, PDFXRefFallback
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFGraphicState, PDFPageInterpreter, PDFResourceManager, PDFTextState
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFStream, resolve1
from pdfminer.psexceptions import PSEOF, PSException
from pdfminer.psparser import PSLiteral
from pdfminer.utils import Matrix, PathSegment, Rect, apply_matrix_pt, apply_matrix_rect, decode_text, mult_matrix

from ..document import Block, BlockKind, DocumentMetadata, DocumentWarning, ParseLimits
from ..errors import (
    CorruptDocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    EncryptedDocumentError,
    NoTextLayerError,
)
from .base import ParsedDocument
from .pdf_layout import (
    UNMAPPED,
    Char,
    FontStyle,
    Line,
    PageContent,
    RawBlock,
    Segment,
    Shape,
    build_segments,
    estimate_leading,
    make_lines,
    mark_hidden,
    page_regions,
    region_blocks,
)

__all__ = ["parse_pdf"]

logger = logging.getLogger("cvscan")

MAX_PATHS_PER_PAGE = 50_000
MAX_FIGURES_PER_PAGE = 5_000
MAX_PAGE_BYTES = 2 * 1024 * 1024  # decoded content-stream bytes one page may execute
MAX_DOC_BYTES = 8 * 1024 * 1024  # ... and the whole document
MAX_PAGE_CHARS = 30_000  # a dense A4 page holds under 10,000
_BOLD = re.compile(r"bold|black|heavy|[-,]bd\b", re.I)  # also SemiBold, ExtraBold, DemiBold
_ITALIC = re.compile(r"italic|oblique|[-,]it\b", re.I)
_SYMBOLIC = re.compile(r"symbol|wingding|dingbat|webding", re.I)


class _Stop(Exception):
    """The character budget for the document is spent."""


class _PageFull(Exception):
    """One page holds more drawing objects than is reasonable."""


class _Collector(PDFTextDevice):
    """A PDF device that records glyphs, filled shapes and images of the current page."""

    def __init__(self, rsrcmgr: PDFResourceManager, max_chars: int) -> None:
        super().__init__(rsrcmgr)
        self.page = PageContent(0, 0.0, 0.0, (0.0, 0.0, 0.0, 0.0))
        self.chars_left = max_chars
        self._fonts: dict[PDFFont, tuple[FontStyle, float, dict[int, tuple[str, float]]]] = {}
        self._ctm_stack: list[Matrix] = []
        self._seq = 0
        self._figures = 0
        self._page_bytes = 0
        self._doc_bytes = 0
        self._sizes: dict[int, tuple[PDFStream, int]] = {}  # id -> (stream kept alive, size)

    def start(self, number: int) -> None:
        """Get ready for page ``number`` (1-based)."""
        self.page = PageContent(number, 0.0, 0.0, (0.0, 0.0, 0.0, 0.0))
        self._ctm_stack.clear()
        self._figures = 0
        self._page_bytes = 0

    def charge(self, stream: PDFStream) -> None:
        """Count a content stream about to run against the page's byte budget."""
        known = self._sizes.get(id(stream))
        if known is None:
            known = self._sizes[id(stream)] = (stream, _stream_size(stream, MAX_PAGE_BYTES))
        self._page_bytes += known[1]
        self._doc_bytes += known[1]
        if self._page_bytes > MAX_PAGE_BYTES:
            raise _PageFull(f"its content streams are over {MAX_PAGE_BYTES // 1_048_576} MB")
        if self._doc_bytes > MAX_DOC_BYTES:
            raise _PageFull(f"the document's content streams are over {MAX_DOC_BYTES // 1_048_576} MB")

    # -- pages and figures
    def begin_page(self, page: PDFPage, ctm: Matrix) -> None:
        x0, y0, x1, y1 = apply_matrix_rect(ctm, page.mediabox)
        width, height = abs(x1 - x0), abs(y1 - y0)
        c0, d0, c1, d1 = apply_matrix_rect(ctm, page.cropbox)
        crop = (max(0.0, min(c0, c1)), max(0.0, height - max(d0, d1)),
                min(width, max(c0, c1)), min(height, height - min(d0, d1)))
        self.page.width, self.page.height, self.page.crop = width, height, crop

    def begin_figure(self, name: str, bbox: Rect, matrix: Matrix) -> None:
        self._figures += 1
        if self._figures > MAX_FIGURES_PER_PAGE:
            raise _PageFull(f"more than {MAX_FIGURES_PER_PAGE} figures")
        self._ctm_stack.append(self.ctm)  # type: ignore[arg-type]

    def end_figure(self, name: str) -> None:
        if self._ctm_stack:  # pdfminer leaves a form's matrix on the device: undo that
            self.ctm = self._ctm_stack.pop()

    def render_image(self, name: str, stream: PDFStream) -> None:
        assert self.ctm is not None
        x0, y0, x1, y1 = apply_matrix_rect(self.ctm, (0, 0, 1, 1))
        h = self.page.height
        self.page.images += 1
        self._seq += 1
        self.page.shapes.append(Shape(min(x0, x1), h - max(y0, y1), max(x0, x1), h - min(y0, y1), None, self._seq))

    def paint_path(self, graphicstate: PDFGraphicState, stroke: bool, fill: bool,
                   evenodd: bool, path: Sequence[PathSegment]) -> None:
        self.page.paths += 1
        if self.page.paths > MAX_PATHS_PER_PAGE:
            raise _PageFull(f"more than {MAX_PATHS_PER_PAGE} paths")
        if not fill or self.ctm is None:
            return
        color = _rgb(graphicstate.ncs, graphicstate.ncolor)
        h = self.page.height
        points: list[tuple[float, float]] = []
        for segment in list(path) + [("m",)]:
            if segment[0] == "m" and points:
                xs = [p[0] for p in points]
                ys = [p[1] for p in points]
                box = (min(xs), h - max(ys), max(xs), h - min(ys))
                w, ht = box[2] - box[0], box[3] - box[1]
                if 1.0 <= w <= 9.0 and 1.0 <= ht <= 9.0 and max(w, ht) <= 3 * min(w, ht):
                    self.page.marks.append(box)
                elif w * ht >= 20.0:
                    self._seq += 1
                    self.page.shapes.append(Shape(*box, color, self._seq))
                points = []
            coords = segment[1:]
            for i in range(0, len(coords) - 1, 2):
                try:
                    points.append(apply_matrix_pt(self.ctm, (float(coords[i]), float(coords[i + 1]))))
                except (TypeError, ValueError):
                    continue

    # -- text
    def _font(self, font: PDFFont) -> tuple[FontStyle, float, dict[int, tuple[str, float]]]:
        info = self._fonts.get(font)
        if info is None:
            info = (_font_style(font), font.get_descent(), {})
            self._fonts[font] = info
        return info

    def render_string(self, textstate: PDFTextState, seq: PDFTextSeq, ncs: PDFColorSpace,
                      graphicstate: PDFGraphicState) -> None:
        font = textstate.font
        if font is None or self.ctm is None:
            return
        if font.is_vertical():
            return  # vertical (CJK top-to-bottom) writing is out of scope for CVs
        self._seq += 1
        style, descent_unit, glyphs = self._font(font)
        a, b, c, d, e, f = mult_matrix(textstate.matrix, self.ctm)
        fontsize = textstate.fontsize
        scaling = textstate.scaling * 0.01
        charspace = textstate.charspace * scaling
        wordspace = 0.0 if font.is_multibyte() else textstate.wordspace * scaling
        rise = textstate.rise
        dxscale = 0.001 * fontsize * scaling
        render = textstate.render
        if render in (1, 5):
            color = _rgb(graphicstate.scs, graphicstate.scolor)
        else:
            color = _rgb(ncs, graphicstate.ncolor)
        size = abs(fontsize) * math.hypot(c, d)
        horizontal = abs(b) <= 1e-3 * max(abs(a), 1e-9)
        upright = horizontal and a > 0 and d > 0
        height = self.page.height
        chars = self.page.chars
        count_before = len(chars)
        x, y = textstate.linematrix
        y0 = y + descent_unit * fontsize + rise
        y1 = y0 + fontsize
        need_charspace = False
        for obj in seq:
            if isinstance(obj, (int, float)):
                x -= obj * dxscale
                need_charspace = True
                continue
            if not isinstance(obj, bytes):
                continue
            for cid in font.decode(obj):
                if need_charspace:
                    x += charspace
                glyph = glyphs.get(cid)
                if glyph is None:
                    glyph = glyphs[cid] = _glyph(font, cid)
                text, width = glyph
                adv = width * fontsize * scaling
                if upright:
                    px0 = a * x + c * (y + rise) + e
                    px1 = px0 + a * adv
                    top = height - (d * y1 + f)
                    bottom = height - (d * y0 + f)
                    base = height - (d * y + f)
                else:
                    xs = (x, x + adv)
                    corners = [(a * u + c * v + e, b * u + d * v + f) for u in xs for v in (y0, y1)]
                    px0 = min(p[0] for p in corners)
                    px1 = max(p[0] for p in corners)
                    top = height - max(p[1] for p in corners)
                    bottom = height - min(p[1] for p in corners)
                    base = height - (b * x + d * y + f)
                chars.append(Char(text, px0, top, px1, bottom, base, size, style, color,
                                  render, self._seq, upright))
                x += adv
                if cid == 32 and wordspace:
                    x += wordspace
                need_charspace = True
        textstate.linematrix = (x, y)
        self.chars_left -= len(chars) - count_before
        if self.chars_left < 0:
            raise _Stop
        if len(chars) > MAX_PAGE_CHARS:
            raise _PageFull(f"more than {MAX_PAGE_CHARS} characters")


def _glyph(font: PDFFont, cid: int) -> tuple[str, float]:
    try:
        text = font.to_unichr(cid)
    except PDFUnicodeNotDefined:
        text = UNMAPPED
    except Exception:  # a broken font map: treat the glyph as unmapped
        text = UNMAPPED
    try:
        width = float(font.char_width(cid))
    except Exception:
        width = 0.0
    return text, width


def _font_style(font: PDFFont) -> FontStyle:
    name = str(getattr(font, "basefont", "") or font.fontname or "")
    name = name.split("+", 1)[-1]
    descriptor = font.descriptor if isinstance(font.descriptor, dict) else {}
    flags = font.flags if isinstance(font.flags, int) else 0
    try:
        weight = float(resolve1(descriptor.get("FontWeight", 0)) or 0)
    except (TypeError, ValueError):
        weight = 0.0
    bold = bool(_BOLD.search(name)) or bool(flags & (1 << 18)) or weight >= 600
    italic = bool(_ITALIC.search(name)) or bool(flags & (1 << 6))
    return FontStyle(bold=bold, italic=italic, symbolic=bool(_SYMBOLIC.search(name)))


def _rgb(space: PDFColorSpace | None, value: object) -> tuple[float, float, float] | None:
    """Convert a gray / RGB / CMYK fill colour to RGB in 0..1 (None when unknown)."""
    name = getattr(space, "name", "")
    try:
        if isinstance(value, (int, float)):
            g = float(value)
            if name in ("Separation", "DeviceN"):
                g = 1.0 - g  # a tint: 0 is no ink
            if name == "Indexed":
                return None
            rgb = (g, g, g)
        elif isinstance(value, (tuple, list)) and len(value) == 3:
            rgb = (float(value[0]), float(value[1]), float(value[2]))
        elif isinstance(value, (tuple, list)) and len(value) == 4:
            cy, m, ye, k = (float(v) for v in value)
            rgb = ((1 - cy) * (1 - k), (1 - m) * (1 - k), (1 - ye) * (1 - k))
        else:
            return None
    except (TypeError, ValueError):
        return None
    return tuple(round(min(1.0, max(0.0, v)), 3) for v in rgb)  # type: ignore[return-value]


# --------------------------------------------------------------------------- opening

def _open(data: bytes) -> PDFDocument:
    try:
        return PDFDocument(PDFParser(io.BytesIO(data)), password="")
    except PDFPasswordIncorrect as exc:
        raise EncryptedDocumentError(
            "The PDF is password protected: it cannot be opened without its password. "
            "Remove the password (e.g. save or print it to a new PDF) and try again."
        ) from exc
    except PDFEncryptionError as exc:
        raise EncryptedDocumentError(
            f"The PDF is encrypted with a method cvscan cannot read ({exc}). "
            "Save an unencrypted copy and try again."
        ) from exc
    except PSEOF as exc:
        raise CorruptDocumentError(
            "The PDF file ends unexpectedly: it is truncated or damaged (re-export or re-download it)"
        ) from exc
    except (PSException, ValueError, TypeError, KeyError, IndexError, AttributeError, AssertionError) as exc:
        raise CorruptDocumentError(
            f"The PDF file is damaged and cannot be opened ({type(exc).__name__}: {exc})") from exc


def _pages(doc: PDFDocument, limits: ParseLimits) -> list[PDFPage]:
    """All pages, counted before any layout work; pdfminer's page walk skips loops."""
    pages: list[PDFPage] = []
    try:
        for page in PDFPage.create_pages(doc):
            pages.append(page)
            if len(pages) > limits.max_pages:
                raise DocumentTooLargeError(
                    f"The PDF has more than {limits.max_pages} pages, over the limit for a CV "
                    "(raise ParseLimits.max_pages to allow it)"
                )
    except (PSException, ValueError, TypeError, KeyError, AttributeError) as exc:
        if not pages:
            raise CorruptDocumentError(f"The PDF's page tree is damaged ({type(exc).__name__}: {exc})") from exc
        logger.warning("PDF page tree damaged after %d pages: %s", len(pages), exc)
    return pages


def _text(value: object) -> str | None:
    value = resolve1(value)
    if isinstance(value, bytes):
        value = value[3:].decode("utf-8", "replace") if value.startswith(b"\xef\xbb\xbf") else decode_text(value)
    elif isinstance(value, PSLiteral):
        value = str(value.name)
    if not isinstance(value, str):
        return None
    value = "".join(ch for ch in value if ch.isprintable()).strip()
    return value[:500] or None


def _metadata(doc: PDFDocument, pages: int) -> DocumentMetadata:
    info: dict[str, object] = {}
    for entry in doc.info or []:
        if isinstance(entry, dict):
            info.update(entry)
    return DocumentMetadata(format="pdf", pages=pages, producer=_text(info.get("Producer")),
                            creator=_text(info.get("Creator")))


def _inflate(data: bytes, limit: int) -> bytes:
    """Inflate at most ``limit + 1`` bytes; like pdfminer, keep what precedes corruption.

    pdfminer recovers a damaged stream byte by byte (everything before a bad checksum), so
    the chunk that fails is fed again byte by byte here too: otherwise a bomb whose only
    flaw is its checksum would measure 0 bytes here and inflate to gigabytes in pdfminer.
    """
    inflater = zlib.decompressobj()
    out = bytearray()
    for i in range(0, len(data), 65536):
        chunk = data[i:i + 65536]
        saved = inflater.copy()
        try:
            out += inflater.decompress(chunk, limit + 1 - len(out))
        except zlib.error:
            inflater = saved
            for j in range(len(chunk)):
                try:
                    out += inflater.decompress(chunk[j:j + 1], limit + 1 - len(out))
                except zlib.error:
                    break
                if len(out) > limit or inflater.eof:
                    break
            break
        if len(out) > limit or inflater.eof:
            break
    return bytes(out)


def _run_length_size(data: bytes, limit: int) -> int:
    size = i = 0
    while i < len(data) and size <= limit:
        length = data[i]
        if length == 128:
            break
        size += length + 1 if length < 128 else 257 - length
        i += length + 2 if length < 128 else 2
    return size


def _stream_size(stream: PDFStream, limit: int) -> int:
    """Decoded size of a content stream, never decoding more than ``limit + 1`` bytes, so a
    compression bomb is caught before pdfminer inflates it (returns > ``limit`` for one)."""
    data = stream.rawdata if stream.rawdata is not None else stream.data or b""
    if stream.rawdata is not None and stream.decipher and stream.objid is not None:
        data = stream.decipher(stream.objid, stream.genno or 0, data, stream.attrs)
    if stream.rawdata is None:
        return len(data)
    for filt, _ in stream.get_filters():
        name = getattr(filt, "name", filt)
        if name in ("FlateDecode", "Fl"):
            data = _inflate(data, limit)
        elif name in ("LZWDecode", "LZW"):
            chunks, size = [], 0
            for chunk in LZWDecoder(io.BytesIO(data)).run():
                chunks.append(chunk)
                size += len(chunk)
                if size > limit:
                    break
            data = b"".join(chunks)
        elif name in ("ASCII85Decode", "A85"):
            data = ascii85decode(data)
        elif name in ("ASCIIHexDecode", "AHx"):
            data = asciihexdecode(data)
        elif name in ("RunLengthDecode", "RL"):
            return _run_length_size(data, limit)
        else:
            return len(data)  # image codecs: not content, pdfminer leaves them encoded
        if len(data) > limit:
            return len(data)
    return len(data)


class _Interpreter(PDFPageInterpreter):
    """pdfminer's interpreter with a budget on the content bytes one page may execute, so
    a compressed flood of operators or a form XObject invoked a million times cannot hang."""

    device: _Collector

    def execute(self, streams: Sequence[object]) -> None:
        for ref in streams:
            stream = resolve1(ref)
            if isinstance(stream, PDFStream):
                self.device.charge(stream)
        super().execute(streams)


# --------------------------------------------------------------------------- parse

def parse_pdf(data: bytes, limits: ParseLimits) -> ParsedDocument:
    """Parse PDF bytes into blocks in reading order.

    Raises :class:`EncryptedDocumentError`, :class:`CorruptDocumentError`,
    :class:`DocumentTooLargeError`, :class:`NoTextLayerError` or :class:`EmptyDocumentError`.
    """
    doc = _open(data)
    pages = _pages(doc, limits)
    if not pages:
        raise CorruptDocumentError("The PDF has no pages that can be read (its page tree is missing or damaged)")
    metadata = _metadata(doc, len(pages))
    warnings: list[DocumentWarning] = []
    rsrc = PDFResourceManager(caching=True)
    device = _Collector(rsrc, limits.max_chars)
    interpreter = _Interpreter(rsrc, device)
    contents: list[PageContent] = []
    errors: list[BaseException] = []  # pages that failed before giving any text
    for number, page in enumerate(pages, start=1):
        device.start(number)
        contents.append(device.page)
        try:
            interpreter.process_page(page)
        except _Stop:
            warnings.append(DocumentWarning(
                "text_truncated", f"Stopped reading at page {number}: the document has more than "
                f"{limits.max_chars} characters (ParseLimits.max_chars)", number))
            break
        except _PageFull as exc:
            device.page.truncated = True
            warnings.append(DocumentWarning("page_truncated", f"Page {number} was only partly read ({exc})", number))
        except (PSException, ValueError, TypeError, KeyError, IndexError, AttributeError, AssertionError,
                ZeroDivisionError, OverflowError, RecursionError, zlib.error) as exc:
            logger.debug("PDF page %d failed", number, exc_info=True)
            if device.page.chars:
                warnings.append(DocumentWarning(
                    "page_truncated", f"Page {number} was only partly read ({type(exc).__name__})", number))
            else:
                errors.append(exc)
                warnings.append(DocumentWarning(
                    "page_unreadable", f"Page {number} could not be read ({type(exc).__name__})", number))
    _check_damage(data, doc, len(pages), errors)
    try:
        blocks = _blocks(contents, warnings)
    except (NoTextLayerError, EmptyDocumentError) as exc:
        if errors:
            raise CorruptDocumentError(
                f"The PDF file is damaged: {len(errors)} of its {len(pages)} pages cannot be read "
                "and the rest hold no text") from exc
        if any(pc.truncated for pc in contents):
            raise DocumentTooLargeError(
                "The PDF's page content is larger than cvscan reads (over "
                f"{MAX_PAGE_BYTES // 1_048_576} MB per page once decompressed), and no text was found "
                "in what was read") from exc
        raise
    return ParsedDocument(blocks=blocks, metadata=metadata, warnings=warnings)


def _check_damage(data: bytes, doc: PDFDocument, n_pages: int, errors: list[BaseException]) -> None:
    """Raise :class:`CorruptDocumentError` when no page could be read, or the file is cut off."""
    if len(errors) == n_pages:
        if any(isinstance(e, RecursionError) for e in errors):
            raise CorruptDocumentError("The PDF structure is nested too deeply to read") from errors[0]
        raise CorruptDocumentError(
            f"The PDF file is damaged: none of its pages can be read ({type(errors[0]).__name__})") from errors[0]
    truncated = b"%%EOF" not in data[-2048:]
    if truncated and (errors or any(isinstance(x, PDFXRefFallback) for x in doc.xrefs)):
        raise CorruptDocumentError("The PDF file is incomplete (it looks truncated); re-export or re-download it")


# --------------------------------------------------------------------------- blocks

_PAGE_NUMBER = re.compile(r"^(?:-\s*)?(?:page\s*)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?(?:\s*-)?$", re.I)


def _blocks(contents: list[PageContent], warnings: list[DocumentWarning]) -> list[Block]:
    page_segments: list[list[Segment]] = []
    readable_pages = 0
    for pc in contents:
        mark_hidden(pc)
        page_segments.append(build_segments(pc.chars))
        readable = bool({ch.text for ch in pc.chars} - {" ", "", UNMAPPED, "\t", "\u00a0"})
        readable_pages += readable
        if readable:
            continue
        if any(ch.text == UNMAPPED for ch in pc.chars):
            warnings.append(DocumentWarning(
                "no_text_layer", f"Page {pc.number}'s text uses fonts without a Unicode mapping, "
                "so it cannot be read (export the CV again with embedded fonts)", pc.number))
        elif pc.images or pc.paths > 100:
            warnings.append(DocumentWarning(
                "no_text_layer", f"Page {pc.number} has no text layer (it looks like a scanned "
                "image or outlined text); its content cannot be read without OCR", pc.number))
    if not readable_pages:
        _raise_no_text(contents)
    sizes = Counter(round(ch.size * 2) / 2 for pc in contents for ch in pc.chars
                    if ch.hidden is None and ch.text.strip())
    body_size = sizes.most_common(1)[0][0] if sizes else 10.0
    running = _running_lines(contents, page_segments, body_size)
    layouts = []
    for pc, segs, (headers, footers) in zip(contents, page_segments, running):
        taken = {id(s) for ln in headers + footers for s in ln.segments}
        body = [s for s in segs if s.hidden is None and id(s) not in taken]
        hidden = [s for s in segs if s.hidden is not None]
        regions = page_regions(body, hidden)
        for region in regions:
            _apply_marks(region.lines, pc.marks)
        layouts.append((pc, headers, regions, footers))
    leading = estimate_leading(r for _, _, regions, _ in layouts for r in regions)
    raw_pages: list[tuple[int, list[RawBlock]]] = []
    vocab: set[str] = set()
    for pc, headers, regions, footers in layouts:
        raws = [RawBlock([ln], BlockKind.HEADER, 0) for ln in headers]
        for region in regions:
            raws.extend(region_blocks(region, leading, body_size))
        raws.extend(RawBlock([ln], BlockKind.FOOTER, 0) for ln in footers)
        raw_pages.append((pc.number, raws))
        for raw in raws:
            for ln in raw.lines:
                vocab.update(w.strip(".,;:()[]!?\"'").lower() for w in ln.text.split())
    blocks: list[Block] = []
    for number, raws in raw_pages:
        for raw in raws:
            block = _to_block(raw, number, vocab)
            if block is not None:
                blocks.append(block)
    return blocks


def _raise_no_text(contents: list[PageContent]) -> None:
    """No page has readable text: say why as precisely as the pages allow."""
    if any(ch.text == UNMAPPED for pc in contents for ch in pc.chars):
        raise NoTextLayerError(
            "The PDF's text cannot be decoded: its fonts have no Unicode mapping. Export the "
            "CV again from your word processor (with fonts embedded) and try again.")
    if any(pc.chars for pc in contents) and not any(pc.images or pc.paths > 100 for pc in contents):
        raise EmptyDocumentError("The PDF holds no text: its pages contain only blank space")
    raise NoTextLayerError(
        "The PDF has no text layer: it looks like a scanned image. Export the CV from your "
        "word processor as a text PDF (or run OCR on it) and try again.")


def _apply_marks(lines: list[Line], marks: list[tuple[float, float, float, float]]) -> None:
    """A small filled shape just left of a line's start is a drawn bullet."""
    if not marks:
        return
    for ln in lines:
        if ln.bullet:
            continue
        for _, mtop, mx1, mbottom in marks:
            cy = (mtop + mbottom) / 2
            if ln.top - 1 <= cy <= ln.bottom + 1 and mx1 <= ln.x0 + 0.5 and ln.x0 - mx1 <= 2.5 * ln.size:
                ln.bullet = True
                break


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", text.lower())).strip()


def _running_lines(contents: list[PageContent], page_segments: list[list[Segment]],
                   body_size: float) -> list[tuple[list[Line], list[Line]]]:
    """Find page headers and footers: margin lines repeated across pages (digits ignored),
    page numbers, and small text set apart at the very bottom of a page."""
    candidates: list[tuple[int, Line, str, list[Line]]] = []
    for i, (pc, segs) in enumerate(zip(contents, page_segments)):
        # Only the margin bands and the lines next to them matter here.
        lines = make_lines(s for s in segs if s.hidden is None
                           and (s.top <= 0.2 * pc.height or s.bottom >= 0.8 * pc.height))
        for ln in lines:
            if ln.bottom <= 0.1 * pc.height:
                candidates.append((i, ln, "top", lines))
            elif ln.top >= 0.9 * pc.height:
                candidates.append((i, ln, "bottom", lines))
    result: list[tuple[list[Line], list[Line]]] = [([], []) for _ in contents]
    n_pages = len(contents)
    in_band = {id(ln) for _, ln, _, _ in candidates}
    for i, ln, where, lines in candidates:
        text = ln.text.strip()
        # A running header or footer is set apart from the body text next to it.
        if where == "top":
            near = [o.top - ln.bottom for o in lines if id(o) not in in_band and o.top >= ln.bottom - 1]
        else:
            near = [ln.top - o.bottom for o in lines if id(o) not in in_band and o.bottom <= ln.top + 1]
        apart = min(near, default=body_size) >= 0.8 * body_size
        repeated = 1 + len({j for j, other, w, _ in candidates
                            if j != i and w == where and _norm(other.text) == _norm(text)
                            and abs(other.top - ln.top) <= 6 and abs(other.size - ln.size) <= 1})
        running = _PAGE_NUMBER.match(text) is not None
        running = running or (apart and n_pages >= 2 and repeated >= max(2, math.ceil(n_pages / 2)))
        if not running and where == "bottom" and ln.top >= 0.92 * contents[i].height \
                and ln.size <= body_size - 0.5 and len(text.split()) <= 15:
            above = [o.bottom for o in lines if o.bottom < ln.top and o.top < 0.9 * contents[i].height]
            running = not above or ln.top - max(above) >= 1.5 * body_size
        if running:
            result[i][0 if where == "top" else 1].append(ln)
    return result


# --------------------------------------------------------------------------- text

_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
                            "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st", "\u00a0": " ",
                            "\u2009": " ", "\u202f": " ", "\u200b": None, "\u200c": None,
                            "\u200d": None, "\ufeff": None, UNMAPPED: None, "\u2010": "-",
                            "\u2011": "-"})
_CID = re.compile(r"\(cid:\d+\)")
_COMPOUND_LEFT = frozenset(
    "end real cross self non pre post co multi semi anti sub inter intra full part high low long "
    "short well cutting state large small open data cloud user machine deep hands fine top fast "
    "best first second third two three one hyper meta micro macro mid world client server front "
    "back bi tri peer team detail results customer problem decision award fault mission cost "
    "time test event object domain task rule model".split())
_COMPOUND_RIGHT = frozenset(
    "native based driven time level scale end facing ready oriented aware specific wide free "
    "like side source learn learning making solving tuning service first term quality world life "
    "effective intensive critical sensitive friendly focused related centric agnostic heavy only "
    "up down out in on off to of the and by speed stack grade house owned edge class".split())
_SUFFIX = re.compile(
    r"(?:[a-z]{0,3}(?:ation|ition|ution|tion|sion|ment|ments|ness|ity|ities|ance|ence|ency|ancy|"
    r"ible|able|ably|ibly|ous|ously|ive|ively|ical|ically|ise|ize|ised|ized|ises|izes|ising|izing|"
    r"iser|izer|ology|ologies|ography|ship|ful|less)s?)"
    r"|(?:[bcdfghjklmnpqrstvwxz]{1,2}(?:ing|ings|ed|er|ers|es|ly|al|ally|ic|ics|ist|ists|ism|ure|ures|age))"
    r"|(?:ing|ings|ed|er|ers|ly|al|ally|ic|ics|ist|ism|ure|age)"
)


def _clean(text: str) -> str:
    """Expand ligatures, drop unmapped glyphs and (cid:NN) debris, normalise spaces."""
    text = _CID.sub("", text.translate(_LIGATURES))
    text = "".join(ch for ch in text if ch == " " or unicodedata.category(ch)[0] != "C" or ch == "\u00ad")
    return re.sub(r" {2,}", " ", unicodedata.normalize("NFC", text)).strip()


def _dehyphenate(left: str, right: str, vocab: set[str]) -> bool:
    """Should ``left-`` at a line end and ``right`` on the next line be one word?"""
    m = re.search(r"([^\W\d_]+(?:-[^\W\d_]+)*)-$", left)
    r = re.match(r"[^\W\d_]+", right)
    if m is None or r is None:
        return False
    stem, tail = m.group(1), r.group(0)
    if "-" in stem or not tail[0].islower() or not stem[-1].islower():
        return False
    joined, compound = (stem + tail).lower(), f"{stem}-{tail}".lower()
    if compound in vocab or f"{compound}s" in vocab:
        return False
    if joined in vocab:
        return True
    if stem.lower() in _COMPOUND_LEFT or tail.lower() in _COMPOUND_RIGHT:
        return False
    return _SUFFIX.fullmatch(tail.lower()) is not None


def _join(lines: list[str], vocab: set[str]) -> str:
    out = ""
    for line in lines:
        if not line:
            continue
        if not out:
            out = line
        elif out.endswith("\u00ad"):
            out = out[:-1] + line
        elif out.endswith("-") and len(out) >= 2 and out[-2].isalpha():
            out = (out[:-1] + line) if _dehyphenate(out, line, vocab) else out + line
        else:
            out = f"{out} {line}"
    return out.replace("\u00ad", "")


def _to_block(raw: RawBlock, page: int, vocab: set[str]) -> Block | None:
    lines = raw.lines
    text = _join([_clean(ln.text) for ln in lines], vocab).strip()
    if not text:
        return None
    weights = [max(1, len(ln.text)) for ln in lines]
    size = Counter({ln.size: 0 for ln in lines})
    colors: Counter[tuple[float, float, float] | None] = Counter()
    for ln, w in zip(lines, weights):
        size[ln.size] += w
        colors[ln.color] += w
    bold = sum(ln.bold * w for ln, w in zip(lines, weights)) / sum(weights) >= 0.5
    hidden = lines[0].hidden
    return Block(
        text=text,
        kind=raw.kind,
        page=page,
        bbox=(round(min(ln.x0 for ln in lines), 2), round(min(ln.top for ln in lines), 2),
              round(max(ln.x1 for ln in lines), 2), round(max(ln.bottom for ln in lines), 2)),
        font_size=round(size.most_common(1)[0][0], 1),
        bold=bold,
        color=colors.most_common(1)[0][0],
        hidden=hidden is not None,
        hidden_reason=hidden,
        column=raw.column,
    )
