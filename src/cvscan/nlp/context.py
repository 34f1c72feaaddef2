"""Carry a Document's block structure into a spaCy Doc, and split it into units.

A *unit* is what a reader takes in as one claim: a bullet, a table cell, a heading, or one
sentence of a paragraph. Components find skills and achievements per unit, and every unit
knows its block (section, kind, hidden flag). For a plain-text Doc made by a user's own
pipeline (no blocks attached), each sentence is a unit in section "other".
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..document import Block, BlockKind, Document, Section

__all__ = ["BlockRef", "Unit", "iter_units", "make_cv_doc", "register_extensions"]


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


_WHOLE_BLOCK_KINDS = {BlockKind.LIST_ITEM, BlockKind.TABLE_CELL, BlockKind.HEADING,
                      BlockKind.HEADER, BlockKind.FOOTER}

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
        text = block.text.strip()
        if not text:
            continue
        if parts:
            parts.append(BLOCK_SEPARATOR)
            offset += len(BLOCK_SEPARATOR)
        refs.append(BlockRef(offset, offset + len(text), block))
        parts.append(text)
        offset += len(text)
    doc = nlp.make_doc("".join(parts))
    doc._.cv_blocks = refs
    for name, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def block_at(doc: Doc, char: int) -> Block | None:
    """The block covering character offset ``char``, or None for a Doc without blocks."""
    refs: list[BlockRef] | None = doc._.cv_blocks
    if not refs:
        return None
    starts = [ref.start_char for ref in refs]
    i = bisect.bisect_right(starts, char) - 1
    if i >= 0 and refs[i].start_char <= char < refs[i].end_char:
        return refs[i].block
    return None


def iter_units(doc: Doc) -> Iterator[Unit]:
    """Yield the Doc's units in order (see module docstring)."""
    register_extensions()
    refs: list[BlockRef] | None = doc._.cv_blocks
    if not refs:
        for sent in _sentences(doc, 0, len(doc.text)):
            yield Unit(sent, None)
        return
    for ref in refs:
        if ref.block.kind in _WHOLE_BLOCK_KINDS:
            span = doc.char_span(ref.start_char, ref.end_char, alignment_mode="expand")
            if span is not None and len(span):
                yield Unit(span, ref.block)
            continue
        for sent in _sentences(doc, ref.start_char, ref.end_char):
            yield Unit(sent, ref.block)


def _sentences(doc: Doc, start_char: int, end_char: int) -> Iterator[Span]:
    """Sentences inside a character range, never crossing its ends."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or not len(span):
        return
    has_sents = doc.has_annotation("SENT_START")
    begin = span.start
    for i in range(span.start + 1, span.end):
        if has_sents and doc[i].is_sent_start:
            piece = _trim(doc[begin:i])
            if piece is not None:
                yield piece
            begin = i
    piece = _trim(doc[begin:span.end])
    if piece is not None:
        yield piece


def _trim(span: Span) -> Span | None:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    return doc[start:end] if end > start else None
