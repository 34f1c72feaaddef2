"""Carry a Document's block structure into a spaCy Doc, and split it into units.

A *unit* is what a reader takes in as one claim: a bullet, a table cell, a heading, or one
sentence of a paragraph. Components find skills and achievements per unit, and every unit
knows its block (section, kind, hidden flag). For a plain-text Doc made by a user's own
pipeline (no blocks attached), each sentence is a unit in section "other".
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..document import Block, BlockKind, Document, Section

__all__ = ["BlockRef", "Unit", "doc_text", "iter_units", "make_cv_doc", "register_extensions"]


@dataclass(frozen=True, slots=True)
class BlockRef:
    """Where a block's text sits in the Doc's text."""

    start_char: int
    end_char: int
    block: Block


@dataclass(frozen=True, slots=True)
class Unit:
    """A bullet, cell, heading or sentence, with the block it belongs to."""

    span: Span
    block: Block | None

    @property
    def section(self) -> Section:
        return self.block.section if self.block else Section.OTHER

    @property
    def hidden(self) -> bool:
        return bool(self.block and self.block.hidden)

    @property
    def kind(self) -> BlockKind:
        return self.block.kind if self.block else BlockKind.PARAGRAPH


# spaCy's tokenizer is quadratic in a run of characters without white space (8,000
# characters of ".," take seconds): no real word is this long, so such runs are broken up.
_LONG_RUN = re.compile(r"\S{100}(?=\S)")
_WHOLE_BLOCK_KINDS = {BlockKind.LIST_ITEM, BlockKind.HEADING, BlockKind.HEADER, BlockKind.FOOTER}


BLOCK_SEPARATOR = "\n\n"


def register_extensions() -> None:
    """Register the Doc extensions cvscan's components read and write (idempotent)."""
    for name, default in (("cv_blocks", None), ("skills", None), ("achievements", None)):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def make_cv_doc(nlp: Language, document: Document) -> Doc:
    """Run ``nlp`` over a Document's blocks (hidden ones included) as one Doc.

    Blocks are joined with blank lines; ``doc._.cv_blocks`` maps character ranges back to
    blocks, and each block starts a new sentence.
    """
    register_extensions()
    parts: list[str] = []
    refs: list[BlockRef] = []
    offset = 0
    for block in document.blocks:
        text = _LONG_RUN.sub(r"\g<0> ", block.text.strip())
        if not text:
            continue
        if parts:
            parts.append(BLOCK_SEPARATOR)
            offset += len(BLOCK_SEPARATOR)
        refs.append(BlockRef(offset, offset + len(text), block))
        parts.append(text)
        offset += len(text)
    text = "".join(parts)
    doc = nlp.make_doc(text)
    doc._.cv_blocks = refs
    _CACHE[doc] = _Cached(text)
    for name, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def doc_text(doc: Doc) -> str:
    """The Doc's text, computed once per Doc (``Doc.text`` rebuilds it on every access)."""
    cached = _CACHE.get(doc)
    if cached is None:
        cached = _CACHE[doc] = _Cached(doc.text)
    return cached.text


def iter_units(doc: Doc) -> list[Unit]:
    """The Doc's units in order (see module docstring), computed once per Doc."""
    doc_text(doc)
    cached = _CACHE[doc]
    if cached.units is None:
        cached.units = [(u.span.start, u.span.end, u.block) for u in _units(doc)]
    return [Unit(doc[start:end], block) for start, end, block in cached.units]


class _Cached:
    """Per-Doc facts shared by the components, never stored in ``user_data`` (a Doc still
    serialises). Weakly keyed by the Doc and holding no reference back to it (token
    offsets, not Spans), so the entry goes when the Doc goes."""

    __slots__ = ("text", "units")

    def __init__(self, text: str) -> None:
        self.text = text
        self.units: list[tuple[int, int, Block | None]] | None = None


_CACHE: weakref.WeakKeyDictionary[Doc, _Cached] = weakref.WeakKeyDictionary()


def _units(doc: Doc) -> Iterator[Unit]:
    register_extensions()
    refs: list[BlockRef] | None = doc._.cv_blocks
    text = doc_text(doc)
    starts = _sent_starts(doc)
    if not refs:
        refs = [BlockRef(0, len(text), None)]  # type: ignore[arg-type]
    for ref in refs:
        block = ref.block
        if block is not None and block.kind in _WHOLE_BLOCK_KINDS:
            span = doc.char_span(ref.start_char, ref.end_char, alignment_mode="expand")
            if span is not None and len(span):
                yield Unit(span, block)
            continue
        for start, end in _sentence_bounds(doc, text, ref.start_char, ref.end_char, starts):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                span = _trim(span)
                if span is not None:
                    yield Unit(span, block)


# A sentence ends at . ! ? (and closing quotes/brackets) before white space and a capital,
# digit, bullet or opening quote; not after an abbreviation or an initial ("e.g.", "Dr.", "J.").
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9•£$€])")
_ABBREVIATIONS = frozenset(
    "e.g i.e etc vs dr mr mrs ms prof inc ltd co no approx fig st jr sr dept univ est incl nr".split()
)


def _sentence_bounds(doc: Doc, text: str, start: int, end: int,
                     starts: list[bool] | None) -> Iterator[tuple[int, int]]:
    """Character ranges of the sentences in text[start:end]."""
    if starts is not None:  # the user's pipeline set sentence boundaries: follow them
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return
        begin = start
        for i in range(span.start + 1, span.end):
            if starts[i]:
                yield begin, doc[i].idx
                begin = doc[i].idx
        yield begin, end
        return
    begin = start
    for match in _SENTENCE_END.finditer(text, start, end):
        word = text[max(begin, match.start() - 12):match.start()].rsplit(None, 1)[-1].lower() \
            if match.start() > begin else ""
        word = word.lstrip("(\"'")
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            continue
        yield begin, match.start() + 1
        begin = match.end()
    yield begin, end


def _sent_starts(doc: Doc) -> list[bool] | None:
    """Per token: does a sentence start here (None when no component set sentences)."""
    if not doc.has_annotation("SENT_START"):
        return None
    return [v == 1 for v in doc.to_array("SENT_START").tolist()]


def _trim(span: Span) -> Span | None:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    return doc[start:end] if end > start else None
