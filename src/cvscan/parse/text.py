"""Parse a plain-text or Markdown CV into blocks.

Decoding: a BOM (UTF-8, UTF-16, UTF-32) wins; BOM-less UTF-16 is recognised by its NUL
bytes; then strict UTF-8, then cp1252. Binary data is refused. Lines are then grouped into
headings (Markdown ``#``, setext ``===``/``---`` underlines, short upper-case lines, short
lines ending in ``:``), bullets (with their wrapped continuation lines) and paragraphs.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from ..document import Block, BlockKind, DocumentMetadata, DocumentWarning, ParseLimits
from ..errors import EmptyDocumentError, UnsupportedFormatError
from .base import ParsedDocument, TextBudget

__all__ = ["decode_text", "parse_text"]

logger = logging.getLogger("cvscan")

_BINARY_MESSAGE = (
    "The file holds binary data, not text, and is not a PDF or DOCX; "
    "save the CV as PDF, DOCX or plain text and try again"
)
_CONTROL_BYTES = bytes(b for b in range(0x20) if b not in (0x09, 0x0A, 0x0C, 0x0D)) + b"\x7f"
_BAD_CHARS_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
_STRAY_CONTROLS_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_MAX_CONTROL_SHARE = 0.02
_SAMPLE = 8192

BULLET_CHARS = "-*•●▪■◦○◆♦►▶▸➢➤✓✔–—+·‣⁃∙"
_BULLET_RE = re.compile(rf"^(?P<indent>\s*)(?:[{re.escape(BULLET_CHARS)}]|\d{{1,2}}[.)]|[a-z][.)])\s+(?P<text>\S.*)$")
_MD_HEADING_RE = re.compile(r"^\s{0,3}(#{1,6})\s+(?P<text>.*?)\s*#*\s*$")
_UNDERLINE_RE = re.compile(r"^\s*(?:={3,}|-{3,})\s*$")
_RULE_RE = re.compile(r"^\s*(?:(?:[-*_=~#+.•·]\s*){3,})$")  # separators: ----, ****, ____, ~~~~, ....
_TABLE_SEP_RE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_MD_LINK_RE = re.compile(r"\[([^\[\]\n]+)\]\(([^\s()]+)\)")
_SPACES_RE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE_RE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")
_HEADING_MAX_WORDS = 6
_HEADING_MAX_CHARS = 50
_COLON_HEADING_MAX_WORDS = 4
_MAX_WRAP_WIDTH = 100
_MAX_MARKUP_LINE = 4000  # longer lines skip the Markdown regexes (no quadratic backtracking)
"""Blocks read before the rest is dropped with a warning: a CV has a few hundred, and
300,000 one-word lines took 7 s to parse."""


# ---------------------------------------------------------------------------------------
# Decoding
# ---------------------------------------------------------------------------------------


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``; binary data raises UnsupportedFormatError."""
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32-le"),
                          (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding.replace("-sig", ""))
            except UnicodeDecodeError as exc:
                raise UnsupportedFormatError(
                    f"{_BINARY_MESSAGE} (invalid {encoding} after its byte-order mark)"
                ) from exc
            return _check_decoded(text), encoding
    utf16 = _sniff_utf16(data)
    if utf16 is not None:
        try:
            return _check_decoded(data.decode(utf16)), utf16
        except UnicodeDecodeError:
            pass
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if controls > _MAX_CONTROL_SHARE * len(data):
        raise UnsupportedFormatError(_BINARY_MESSAGE)
    for encoding in ("utf-8", "cp1252"):
        try:
            return _check_decoded(data.decode(encoding)), encoding
        except UnicodeDecodeError:
            continue
    raise UnsupportedFormatError(f"{_BINARY_MESSAGE} (it is neither UTF-8 nor Windows-1252 text)")


def _sniff_utf16(data: bytes) -> str | None:
    """BOM-less UTF-16: ASCII-range text has a NUL in every other byte."""
    sample = data[: _SAMPLE - _SAMPLE % 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul > 0.4 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.4 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _check_decoded(text: str) -> str:
    """Refuse decoded text with many control characters or replacement characters."""
    if text and len(_BAD_CHARS_RE.findall(text)) > _MAX_CONTROL_SHARE * len(text):
        raise UnsupportedFormatError(_BINARY_MESSAGE)
    return text


# ---------------------------------------------------------------------------------------
# Blocks
# ---------------------------------------------------------------------------------------


@dataclass
class _Builder:
    """Accumulates lines into blocks."""

    limits: ParseLimits
    blocks: list[Block] = field(default_factory=list)
    warnings: list[DocumentWarning] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # the open paragraph or bullet
    kind: BlockKind = BlockKind.PARAGRAPH
    bullet_indent: int = 0

    def __post_init__(self) -> None:
        self.budget = TextBudget(self.limits, "The text", self.warnings)

    def flush(self) -> None:
        if self.lines:
            self.add(" ".join(self.lines), self.kind)
        self.lines = []
        self.kind = BlockKind.PARAGRAPH

    def add(self, raw: str, kind: BlockKind, bold: bool | None = None) -> None:
        text, all_bold = _clean_inline(raw)
        text = self.budget.take(text)
        if not text:
            return
        self.blocks.append(Block(text=text, kind=kind, page=1, bold=all_bold if bold is None else bold))


def parse_text(data: bytes, limits: ParseLimits) -> ParsedDocument:
    """Parse plain-text or Markdown bytes into heading, bullet and paragraph blocks."""
    text, encoding = decode_text(data)
    lines = _normalise(text).split("\n")
    if not any(line.strip() for line in lines):
        raise EmptyDocumentError("The text file contains only whitespace")
    builder = _Builder(limits)
    wrap = _wrap_width(lines)
    in_fence = False
    for i, line in enumerate(lines):
        if builder.budget.truncated:
            break
        stripped = line.strip()
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if stripped.startswith("```"):
            builder.flush()
            in_fence = not in_fence
            continue
        if not stripped:
            builder.flush()
            continue
        if in_fence or len(stripped) > _MAX_MARKUP_LINE:
            builder.flush()
            builder.add(stripped, BlockKind.PARAGRAPH)
            continue
        if (_UNDERLINE_RE.match(line) and len(builder.lines) == 1 and builder.kind is BlockKind.PARAGRAPH
                and _setext_candidate(builder.lines[0])):
            heading = builder.lines.pop()  # setext: the line above is the heading
            builder.flush()
            builder.add(heading, BlockKind.HEADING)
            continue
        if _RULE_RE.match(line) or _TABLE_SEP_RE.match(line):
            builder.flush()
            continue
        md = _MD_HEADING_RE.match(line)
        if md:
            builder.flush()
            builder.add(md.group("text"), BlockKind.HEADING)
            continue
        if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 2:
            builder.flush()
            for cell in stripped.strip("|").split("|"):
                builder.add(cell, BlockKind.TABLE_CELL)
            continue
        underlined = bool(_UNDERLINE_RE.match(nxt)) and _setext_candidate(stripped)
        bullet = _BULLET_RE.match(line)
        if bullet and not underlined:
            builder.flush()
            builder.kind = BlockKind.LIST_ITEM
            builder.bullet_indent = _indent(line)
            builder.lines = [bullet.group("text")]
            continue
        if underlined or _is_heading_line(stripped):
            builder.flush()
            if underlined:
                builder.lines = [stripped]  # the underline on the next line closes it as a heading
            else:
                builder.add(stripped, BlockKind.HEADING)
            continue
        if builder.lines and _continues(builder, line, wrap):
            builder.lines.append(stripped)
            continue
        builder.flush()
        builder.lines = [stripped]
    builder.flush()
    if not builder.blocks:
        raise EmptyDocumentError("The text file contains no readable text")
    metadata = DocumentMetadata(format="txt", pages=1, encoding=encoding)
    logger.debug("txt: %d blocks, encoding %s", len(builder.blocks), encoding)
    return ParsedDocument(blocks=builder.blocks, metadata=metadata, warnings=builder.warnings)


def _normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for sep in ("\u2028", "\u2029", "\x0b", "\x0c", "\x85"):
        text = text.replace(sep, "\n")
    text = _STRAY_CONTROLS_RE.sub("", _INVISIBLE_RE.sub("", text))
    return text.expandtabs(4)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _wrap_width(lines: list[str]) -> int | None:
    """The width the text is hard-wrapped at, or None when lines are not wrapped.

    Hard-wrapped text has most lines close to one width (72-100 columns); text whose
    longer lines run past that is written one paragraph or item per line.
    """
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < 5:
        return None
    width = lengths[int(0.9 * (len(lengths) - 1))]
    return width if 40 <= width <= _MAX_WRAP_WIDTH else None


def _continues(builder: _Builder, line: str, wrap: int | None) -> bool:
    """Whether ``line`` carries on the open paragraph or bullet (a wrapped line)."""
    stripped = line.strip()
    previous = builder.lines[-1]
    if builder.kind is BlockKind.LIST_ITEM and _indent(line) > builder.bullet_indent:
        return True
    first_word = stripped.split(maxsplit=1)[0]
    if first_word[:1].islower() and first_word.rstrip(",;:.").isalpha():
        return True  # a sentence carrying on (but not "github.com/..." or "jane@example.org")
    if previous[-1:] in ",;&(" or previous.endswith((" and", " or", " -", " –")):
        return True
    return wrap is not None and len(previous) >= 0.75 * wrap and previous[-1:] not in ".!?:"


def _setext_candidate(line: str) -> bool:
    """Whether a line above ``===``/``---`` is a heading rather than text before a rule."""
    text = line.strip()
    return 0 < len(text) <= 80 and text[-1] not in ".!?,;"


def _is_heading_line(line: str) -> bool:
    """A short line that stands as a heading: upper case, or ending with a colon."""
    if len(line) > 4 * _HEADING_MAX_CHARS:
        return False
    text, _ = _clean_inline(line)
    words = text.split()
    if not words or len(text) > _HEADING_MAX_CHARS:
        return False
    if any(c in text for c in ",|@") or "http" in text.lower() or "www." in text.lower():
        return False
    if text.endswith(":") and len(words) <= _COLON_HEADING_MAX_WORDS:
        return True
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 3 and all(c.isupper() for c in letters) and len(words) <= _HEADING_MAX_WORDS:
        return not any(c.isdigit() for c in text)
    stripped = line.strip()
    return len(words) <= _HEADING_MAX_WORDS and bool(re.fullmatch(r"(\*\*|__).+\1:?", stripped))


def _clean_inline(text: str) -> tuple[str, bool]:
    """Strip Markdown emphasis, links and code marks; collapse spaces. Also say if it was all bold."""
    stripped = text.strip()
    if len(stripped) > _MAX_MARKUP_LINE:
        return _SPACES_RE.sub(" ", stripped), False
    all_bold = bool(re.fullmatch(r"(\*\*|__)(?=\S).+(?<=\S)\1:?", stripped))
    text = _MD_LINK_RE.sub(lambda m: m.group(1) if m.group(1) == m.group(2) else f"{m.group(1)} ({m.group(2)})", text)
    text = text.replace("**", "").replace("__", "")
    text = text.replace("`", "")
    text = _SPACES_RE.sub(" ", text).strip()
    return text, all_bold
